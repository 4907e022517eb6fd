import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import type http from 'node:http';
import { parse } from 'node-html-parser';
import { Client, HttpError } from '../bench/client';
import { e2eTeacher } from '../playwright.config';
import { createTestDatabase } from '../test/postgres';
import { startBalancer } from './balancer';
import { openE2eDatabase, postgresUrlFile } from './database';
import { expect, test, wholeJournal } from './support';

// Issue 19: two app servers of their own on the run's PostgreSQL server, behind a balancer; a thousand operations at
// once — citizens sending birth certificate requests and the CAF's system calling the exchange API — and one server
// killed with SIGKILL in the middle. Every acknowledged write must be there once, the journal must verify, and the
// survivor must go on serving (the citizens whose request was cut send it again, as they would).

const balancerPort = 3210;
const ports = [3211, 3212];
const base = `http://localhost:${balancerPort}`;
const citizens = ['Karim Benali', 'Amadou Diallo', 'Julie Fontaine', 'Antoine Mercier', 'Inês Garcia', 'Hugo Lambert', 'Manon David', 'Olivier Chevalier', 'Chloé Fabre', 'Nicolas Henry'];
const requestsEach = 6; // 60 submissions (each: six pages and forms)
const exchanges = 940;
const exchangeLanes = 8;
const killAfter = { requests: 20, exchanges: 100 };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A database of its own on the run's PostgreSQL server, and a data folder (secrets) shared by the two servers. */
const dataDir = '.e2e-data/deux-serveurs';
async function ownDatabase(): Promise<string> {
  const runDatabase = fs.readFileSync(postgresUrlFile, 'utf8').trim();
  return createTestDatabase({ url: runDatabase.replace(/\/[^/]*$/, '/postgres') }, 'eguichet_deux_serveurs');
}

/** Every server this file started: killed after the test even when it timed out (its own `finally` may never run). */
const started: ChildProcess[] = [];
test.afterEach(() => started.forEach(kill));

function startServer(port: number, databaseUrl: string, reset: boolean): ChildProcess {
  const server = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts', ...(reset ? ['--reset-database'] : [])], {
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(port),
      EGUICHET_URL: base,
      EGUICHET_DATABASE_URL: databaseUrl,
      EGUICHET_DATA_DIR: dataDir,
      EGUICHET_WORKERS: '1',
      EGUICHET_TEACHER_EMAIL: e2eTeacher.email,
      EGUICHET_TEACHER_PASSWORD: e2eTeacher.password,
    },
  });
  started.push(server);
  return server;
}

async function healthy(port: number): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/sante`, { signal: AbortSignal.timeout(3000) })).ok;
  } catch {
    return false;
  }
}

async function waitUntilServing(server: ChildProcess, port: number) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null || server.signalCode !== null) throw new Error(`server exited (${server.exitCode ?? server.signalCode})`);
    if (await healthy(port)) return;
    await sleep(250);
  }
  throw new Error('server did not start');
}

function kill(server: ChildProcess) {
  try {
    if (server.pid) process.kill(-server.pid, 'SIGKILL'); // the primary and its worker
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** A form sent again after a cut connection: the same page, so the same action key — once, whatever happened before. */
async function untilAnswered<T>(send: () => Promise<T>): Promise<{ value: T; retried: number }> {
  for (let retried = 0; ; retried++) {
    try {
      return { value: await send(), retried };
    } catch (error) {
      if (retried >= 5 || (error instanceof HttpError && !/: 502 /.test(error.message))) throw error;
      await sleep(200);
    }
  }
}

test('deux serveurs sur une même base PostgreSQL, l’un tué au milieu de mille opérations : tout ce qui a été confirmé est là une fois', async () => {
  test.setTimeout(300_000);
  fs.rmSync(dataDir, { recursive: true, force: true });
  const databaseUrl = await ownDatabase();
  // The first one prepares the database, the second joins it (as in e2e/postgres-servers.ts).
  const servers = [startServer(ports[0]!, databaseUrl, true)];
  let balancer: http.Server | undefined;
  const db = await openE2eDatabase(databaseUrl);
  try {
    await waitUntilServing(servers[0]!, ports[0]!);
    servers.push(startServer(ports[1]!, databaseUrl, false));
    await waitUntilServing(servers[1]!, ports[1]!);
    balancer = await startBalancer(balancerPort, ports);

    // The teacher creates a séance of its own and reads the CAF's platform token.
    const teacher = new Client(base, () => {});
    await teacher.signInAsTeacher(e2eTeacher.email, e2eTeacher.password);
    const created = await teacher.submit('formulaire', await teacher.go('page', '/enseignant'), 'Créer la séance', { nom: 'Deux serveurs', preset: 'tout', eleves: '12' });
    const sessionId = /\/enseignant\/seances\/([^/?]+)/.exec(created.url)?.[1];
    expect(sessionId).toBeTruthy();
    const joinCode = (await db.get<{ join_code: string }>('SELECT join_code FROM class_sessions WHERE id = ?', sessionId))!.join_code;
    const organismes = await teacher.go('page', `/enseignant/seances/${sessionId}/organismes`);
    const token = parse(organismes.html).querySelector('[data-jeton="caf"]')?.text.trim() ?? '';
    expect(token).toMatch(/^egt_caf_/);
    await db.all('UPDATE class_sessions SET simulate_network = ? WHERE id = ?', false, sessionId); // no slowed persona here

    // Ten citizens signed in (each request of theirs goes to the next server in turn).
    const people = await Promise.all(
      citizens.map(async (name) => {
        const c = new Client(base, () => {});
        await c.signInWith('franceconnect', new RegExp(`^${name}`), { seance: joinCode }, '/citoyen');
        const usager = ((await (await c.raw('export', '/citoyen/mes-donnees/export')).json()) as { usager: string }).usager;
        return { name, c, usager, cases: [] as string[], retried: 0 };
      }),
    );

    // SIGKILL to the first server once 20 requests and 100 exchanges are acknowledged: both kinds still in flight.
    const before = { requests: 0, exchanges: 0 };
    const done = { requests: 0, exchanges: 0 };
    let killed = false;
    const acknowledge = (kind: 'requests' | 'exchanges') => {
      done[kind]++;
      if (killed) return;
      before[kind]++;
      if (done.requests >= killAfter.requests && done.exchanges >= killAfter.exchanges) {
        killed = true;
        kill(servers[0]!);
      }
    };

    const progress = setInterval(() => console.log(`… ${done.requests} demandes, ${done.exchanges} échanges confirmés${killed ? ' (serveur tué)' : ''}`), 10_000);
    // The citizens: each sends six birth certificate requests, one after the other; a request is acknowledged by its
    // case page with the confirmation.
    const citizensDone = people.map(async (p) => {
      for (let k = 0; k < requestsEach; k++) {
        const start = await untilAnswered(() => p.c.go('page', '/citoyen/demarches/acte-naissance'));
        let page = (await untilAnswered(() => p.c.submit('formulaire', start.value, 'Commencer la démarche'))).value;
        const answers: Record<string, Record<string, string>> = { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } };
        for (let steps = 0; steps < 6 && /\/etapes\//.test(page.url); steps++) {
          const step = /\/etapes\/([^/?]+)/.exec(page.url)![1]!;
          const from = page;
          page = (await untilAnswered(() => p.c.submit('formulaire', from, /^(?!Revenir|Abandonner|Écouter|Se déconnecter|Enregistrer mes réglages).+/, answers[step] ?? {}))).value;
        }
        const recap = page;
        const sent = await untilAnswered(() => p.c.submit('formulaire', recap, 'Envoyer ma demande'));
        p.retried += sent.retried;
        const caseId = /\/citoyen\/dossiers\/([0-9a-f-]{36})$/.exec(new URL(sent.value.url).pathname)?.[1];
        if (!/Votre demande est envoyée/.test(sent.value.html) || !caseId) throw new Error(`${p.name} : demande non envoyée (${sent.value.url})`);
        p.cases.push(caseId);
        acknowledge('requests');
      }
    });

    // The CAF's system, eight calls in flight at a time, to either server.
    const answered: string[] = [];
    let cut = 0;
    let sentSoFar = 0;
    const lanes = Array.from({ length: exchangeLanes }, async () => {
      while (sentSoFar < exchanges) {
        sentSoFar++;
        try {
          const response = await fetch(`${base}/api/plateforme/v1/echanges`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            // The DGFiP knows Karim Benali (not every persona pays tax).
            body: JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: people[0]!.usager, finalite: 'calcul_prestations' }),
            signal: AbortSignal.timeout(30_000),
          });
          const body = (await response.json()) as { echange?: string };
          if (response.status === 200 && body.echange) {
            answered.push(body.echange);
            acknowledge('exchanges');
          } else if (response.status === 502 && killed) cut++;
          else throw new Error(`exchange answered ${response.status} ${JSON.stringify(body)}`);
        } catch (error) {
          if (!killed) throw error; // before the kill, every call must be answered
          cut++;
        }
      }
    });
    await Promise.all([...citizensDone, ...lanes]).finally(() => clearInterval(progress));

    // A thousand operations; the kill landed in the middle of both kinds.
    const retried = people.reduce((n, p) => n + p.retried, 0);
    console.log(`Deux serveurs : ${done.requests} demandes (${before.requests} avant l’arrêt ; ${retried} renvoyées après une coupure), ${done.exchanges} échanges confirmés (${before.exchanges} avant l’arrêt), ${cut} coupés`);
    expect(killed).toBe(true);
    expect(done.requests).toBe(citizens.length * requestsEach);
    expect(before.requests).toBeLessThan(done.requests);
    expect(answered.length + cut).toBe(exchanges);
    expect(before.exchanges).toBeLessThan(exchanges);

    // The survivor serves alone.
    expect(await healthy(ports[0]!)).toBe(false);
    await expect.poll(async () => (await Promise.all(Array.from({ length: 20 }, () => healthy(ports[1]!)))).every(Boolean), { timeout: 10_000 }).toBe(true);

    // Every confirmed exchange is in the journal once; the chain verifies.
    const journal = await wholeJournal(base, token);
    const ids = journal.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const inJournal = new Set(ids);
    expect(answered.filter((id) => !inJournal.has(id))).toEqual([]);
    const sequences = journal.map((e) => e.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    const check = await fetch(`${base}/api/plateforme/v1/journal/verification`, { headers: { authorization: `Bearer ${token}` } });
    expect(await check.json()).toMatchObject({ valide: true });

    // Every acknowledged request is there once — none lost, none doubled by a request sent again — and sent.
    for (const p of people) {
      const rows = await db.all<{ id: string }>("SELECT id FROM cases WHERE class_session_id = ? AND persona_id = ? AND procedure = 'acte-naissance' AND state != 'brouillon'", sessionId, p.usager);
      expect(rows.map((r) => r.id).sort(), p.name).toEqual([...p.cases].sort());
    }
    expect(
      await db.all("SELECT case_id, to_state, count(*) AS n FROM case_events WHERE class_session_id = ? AND kind = 'transition' GROUP BY case_id, to_state HAVING count(*) > 1", sessionId),
    ).toEqual([]);

    // A citizen goes on through the survivor: their latest request is on their page, sent.
    const last = people[0]!;
    const list = await last.c.go('page', `/citoyen/dossiers/${last.cases.at(-1)}`);
    expect(list.html).toMatch(/EG-\d{4}-[A-Z0-9]+/);
  } finally {
    servers.forEach(kill);
    balancer?.close();
    await db.close();
  }
});
