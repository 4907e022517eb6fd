import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { e2eTeacher } from '../playwright.config';
import { expect, test, wholeJournal } from './support';

// A second server of its own, killed with SIGKILL and started again on the same data folder.
const port = 3101;
const base = `http://localhost:${port}`;
const dataDir = '.e2e-data/redemarrage';

// With the platform's exchange endpoint in a process of its own (EGUICHET_PLATFORM_PORT), on this port.
const platformPort = 3103;
const platformBase = `http://localhost:${platformPort}`;

function startServer(extra: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    detached: true,
    stdio: 'ignore',
    env: { ...process.env, PORT: String(port), EGUICHET_WORKERS: '2', EGUICHET_DATA_DIR: dataDir, EGUICHET_TEACHER_EMAIL: e2eTeacher.email, EGUICHET_TEACHER_PASSWORD: e2eTeacher.password, ...extra },
  });
}

/** `/api/sante` answers 200 within 3 s (a connection lost with a killed process must not hang the test). */
async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`${base}/api/sante`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

/** Waits until this very server answers (not one left over on the port: that one would be found first). */
async function waitUntilServing(server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`server exited (${server.exitCode ?? server.signalCode})`);
    if ((await healthy()) && workersOf(server).length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('server did not start');
}

/** SIGKILL to the server's whole process group (primary and workers), then waits until the port is free. */
async function kill(server: ChildProcess) {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error; // already gone: let the test's own error show
  }
  for (let i = 0; i < 40 && (await healthy()); i++) await new Promise((resolve) => setTimeout(resolve, 250));
}

/** Signs the teacher in; returns the demonstration séance's join code. */
async function signInTeacher(teacher: Page) {
  await teacher.goto('/connexion');
  await teacher.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
  await teacher.getByLabel('Mot de passe').fill(e2eTeacher.password);
  await teacher.getByRole('button', { name: 'Me connecter' }).click();
  await expect(teacher).toHaveURL(/\/enseignant$/);
  const code = await teacher.getByRole('row', { name: /Séance de démonstration/ }).getByRole('code').textContent();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  return code;
}

/** Signs Thomas Girard in; returns his identifier on the platform. */
async function signInThomas(page: Page): Promise<string> {
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' }).click();
  await page.getByRole('radio', { name: /^Thomas Girard/ }).check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Thomas Girard');
  return ((await (await page.request.get('/citoyen/mes-donnees/export')).json()) as { usager: string }).usager;
}

/** The teacher, signed in, on the demonstration séance's « Organismes » page: the CAF's platform token. */
async function cafToken(teacher: Page): Promise<string> {
  await signInTeacher(teacher);
  await teacher.getByRole('link', { name: 'Séance de démonstration' }).click();
  await teacher.getByRole('link', { name: 'Organismes', exact: true }).click();
  const token = ((await teacher.locator('[data-jeton="caf"]').textContent()) ?? '').trim();
  expect(token).toMatch(/^egt_caf_/);
  return token;
}

/**
 * The server's worker processes (scripts/worker.ts, titled `e-guichet-serveur`; the platform's door
 * `e-guichet-plateforme`), found under the process started by the test.
 */
function workersOf(server: ChildProcess, title = 'e-guichet-serveur'): number[] {
  const found: number[] = [];
  const visit = (pid: number) => {
    let children: string[] = [];
    try {
      children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      if (fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] === title) found.push(pid);
    } catch {
      return; // gone meanwhile
    }
    for (const child of children) visit(Number(child));
  };
  if (server.pid) visit(server.pid);
  return found;
}

test('un processus du serveur qui tombe est remplacé, et la classe ne voit rien', async () => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = startServer();
  try {
    await waitUntilServing(server);
    await expect.poll(() => workersOf(server).length, { timeout: 30_000 }).toBe(2);
    const [killed] = workersOf(server);
    process.kill(killed!, 'SIGKILL');
    // The survivor answers at once (a connection handed to the killed process at that instant is lost with it,
    // hence a few tries with a timeout), and the primary starts a new worker.
    await expect.poll(healthy, { timeout: 10_000, intervals: [100] }).toBe(true);
    await expect.poll(() => workersOf(server).filter((pid) => pid !== killed).length, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await Promise.all(Array.from({ length: 20 }, healthy))).every(Boolean), { timeout: 30_000 }).toBe(true);
  } finally {
    await kill(server);
  }
});

type Acknowledged = { echange: string };

/** Fires `count` exchange calls at once; kills the server once `killAfter` of them are acknowledged. */
async function burstThenKill(server: ChildProcess, token: string, usager: string, count: number, killAfter: number) {
  const acknowledged: Acknowledged[] = [];
  let failed = 0;
  let killed = false;
  const calls = Array.from({ length: count }, async () => {
    try {
      const response = await fetch(`${base}/api/plateforme/v1/echanges`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' }),
        signal: AbortSignal.timeout(30_000),
      });
      const body = (await response.json()) as Acknowledged;
      if (response.status !== 200) throw new Error(`exchange answered ${response.status} ${JSON.stringify(body)}`);
      acknowledged.push(body);
      if (acknowledged.length >= killAfter && !killed) {
        killed = true;
        void kill(server); // SIGKILL is sent at once; the port is awaited below
      }
    } catch (error) {
      if (!killed) throw error; // before the kill, every call must succeed
      failed++;
    }
  });
  await Promise.all(calls);
  return { acknowledged, failed };
}

test('après un arrêt brutal au milieu d’une rafale d’échanges, rien de ce qui a été confirmé n’est perdu', async ({ browser }) => {
  test.setTimeout(180_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilServing(server);
    // The teacher, on the séance's page: the CAF's platform token.
    const context = await browser.newContext({ baseURL: base });
    const teacher = await context.newPage();
    const token = await cafToken(teacher);

    // A citizen: a case sent, a consent given, a draft with one step typed.
    const citizen = await browser.newContext({ baseURL: base });
    const page = await citizen.newPage();
    const usager = await signInThomas(page);

    await page.goto('/citoyen/demarches/acte-naissance');
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await page.getByRole('radio', { name: 'Mon propre acte de naissance' }).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByRole('radio', { name: /Copie intégrale/ }).check();
    await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const receipt = (await page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).textContent())?.match(/EG-\d{4}-[A-Z0-9-]+/)?.[0];
    expect(receipt).toBeTruthy();
    const caseUrl = page.url();

    const given = await page.request.post('/api/plateforme/v1/consentements', {
      data: { consommateur: 'ville', fournisseur: 'siv', donnees: ['siv.vehicules'], finalite: 'carte_stationnement_residentiel', duree_jours: 7 },
    });
    expect(given.status()).toBe(201);
    const consentId = ((await given.json()) as { id: string }).id;

    await page.goto('/citoyen/demarches/changement-adresse');
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre nouvelle adresse');
    const draftStep = page.url();
    await page.getByLabel('Numéro et nom de la voie').fill('8 rue du Moulin');
    await page.getByLabel('Code postal').fill('00100');
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('La date de votre déménagement');

    // 200 exchange calls at once; SIGKILL once 40 of them are confirmed, the others still in flight.
    const { acknowledged, failed } = await burstThenKill(server, token, usager, 200, 40);
    expect(acknowledged.length).toBeGreaterThanOrEqual(40);
    expect(failed).toBeGreaterThan(0); // the kill did land in the middle of the burst
    await kill(server); // already dead: waits until the port is free
    server = startServer();
    await waitUntilServing(server);

    // Every confirmed exchange is in the journal, once; the chain is whole.
    const journal = await wholeJournal(base, token);
    const ids = new Set(journal.map((e) => e.id));
    expect(ids.size).toBe(journal.length);
    expect(acknowledged.filter((a) => !ids.has(a.echange))).toEqual([]);
    const check = await fetch(`${base}/api/plateforme/v1/journal/verification`, { headers: { authorization: `Bearer ${token}` } });
    expect(await check.json()).toMatchObject({ valide: true });

    // The case, the consent and the draft are there as they were.
    await page.goto(caseUrl);
    // In the page itself: the header's notifications (a closed menu) may also name it once the answer has come.
    await expect(page.getByRole('main').getByText(receipt!).first()).toBeVisible();
    const consents = (await (await page.request.get('/api/plateforme/v1/consentements')).json()) as { consentements: { id: string; statut: string }[] };
    expect(consents.consentements).toContainEqual(expect.objectContaining({ id: consentId, statut: 'actif' }));
    await page.goto(draftStep);
    await expect(page.getByLabel('Numéro et nom de la voie')).toHaveValue('8 rue du Moulin');
    await expect(page.getByLabel('Code postal')).toHaveValue('00100');
    await context.close();
    await citizen.close();
  } finally {
    await kill(server);
  }
});

test('après un arrêt brutal et un redémarrage, les personnes restent connectées et rien n’est perdu', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  let server = startServer();
  try {
    await waitUntilServing(server);
    const context = await browser.newContext({ baseURL: base });
    const teacher = await context.newPage();
    const code = await signInTeacher(teacher);

    const citizen = await browser.newContext({ baseURL: base });
    const citizenPage = await citizen.newPage();
    await signInThomas(citizenPage);

    await kill(server);
    server = startServer();
    await waitUntilServing(server);

    await teacher.reload();
    await expect(teacher.getByRole('heading', { level: 2, name: 'Vos séances' })).toBeVisible();
    await expect(teacher.getByRole('row', { name: /Séance de démonstration/ }).getByRole('code')).toHaveText(code ?? '');
    await citizenPage.reload();
    await expect(citizenPage.getByRole('heading', { level: 1 })).toHaveText('Bonjour Thomas Girard');
    await context.close();
    await citizen.close();
  } finally {
    await kill(server);
  }
});

test('l’API d’échange dans un processus à part : même réponse, même journal, et remplacée si elle tombe', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const server = startServer({ EGUICHET_PLATFORM_PORT: String(platformPort) });
  try {
    await waitUntilServing(server);
    await expect.poll(() => workersOf(server, 'e-guichet-plateforme').length, { timeout: 30_000 }).toBe(1);
    expect(workersOf(server)).toHaveLength(2);
    const health = await fetch(`${platformBase}/api/sante`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ statut: 'ok', base: 'ok' });

    // The teacher reads the platform's address beside the tokens.
    const context = await browser.newContext({ baseURL: base });
    const teacher = await context.newPage();
    const token = await cafToken(teacher);
    await expect(teacher.getByRole('main')).toContainText(`à l’adresse ${platformBase}/api/plateforme/v1/echanges`);
    const citizen = await browser.newContext({ baseURL: base });
    const usager = await signInThomas(await citizen.newPage());

    const ask = (at: string, body = JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' })) =>
      fetch(`${at}/api/plateforme/v1/echanges`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(10_000) });
    // The same exchange through either door: the same answer, its headers included, each in the séance's journal.
    const [viaPlatform, viaSite] = await Promise.all([ask(platformBase), ask(base)]);
    expect(viaPlatform.status).toBe(200);
    expect(viaSite.status).toBe(200);
    const [fromPlatform, fromSite] = (await Promise.all([viaPlatform.json(), viaSite.json()])) as { echange: string; donnees: unknown }[];
    expect(fromPlatform!.donnees).toEqual(fromSite!.donnees);
    for (const name of ['content-type', 'cache-control', 'content-security-policy', 'x-content-type-options']) {
      expect(viaPlatform.headers.get(name), name).toBe(viaSite.headers.get(name));
    }
    const ids = new Set((await wholeJournal(base, token)).map((e) => e.id));
    expect(ids.has(fromPlatform!.echange) && ids.has(fromSite!.echange)).toBe(true);

    // Bad input gets the API's errors there too; the rest of the platform's API is handed on to the site.
    const tooLarge = await ask(platformBase, JSON.stringify({ fournisseur: 'x'.repeat(70_000) }));
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ erreur: 'requete_trop_grande' });
    const noToken = await fetch(`${platformBase}/api/plateforme/v1/echanges`, { method: 'POST', body: '{}' });
    expect(noToken.status).toBe(401);
    expect(await noToken.json()).toMatchObject({ erreur: 'jeton_invalide' });
    const catalogue = await fetch(`${platformBase}/api/plateforme/v1/catalogue`);
    expect(catalogue.status).toBe(200);
    expect(await catalogue.json()).toEqual(await (await fetch(`${base}/api/plateforme/v1/catalogue`)).json());
    const page404 = await fetch(`${platformBase}/citoyen`);
    expect(page404.status).toBe(404);
    expect(await page404.json()).toMatchObject({ erreur: 'introuvable', message: expect.stringContaining(base) });

    // The door killed: the primary starts another, which answers; the site never stopped.
    const [door] = workersOf(server, 'e-guichet-plateforme');
    process.kill(door!, 'SIGKILL');
    await expect.poll(() => workersOf(server, 'e-guichet-plateforme').filter((pid) => pid !== door).length, { timeout: 30_000 }).toBe(1);
    await expect.poll(async () => (await ask(platformBase).catch(() => null))?.status, { timeout: 30_000 }).toBe(200);
    expect(workersOf(server)).toHaveLength(2);
    expect(await healthy()).toBe(true);
    await context.close();
    await citizen.close();
  } finally {
    await kill(server);
  }
});
