import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { expect as baseExpect, chromium, test, type Browser, type Page } from '@playwright/test';
import { Client, links, liveSnapshots, type Sample } from '../bench/client';
import { chromiumArgs, e2eOnPostgres } from '../playwright.config';
import { openE2eDatabase } from './database';
import { consentTwiceThenAgain, signInAsTeacher, testBaseUrl } from './support';
import type { LiveSnapshot } from '../lib/classroom/live';

// A class of 30 (issue 16): six students in real browsers, twenty-four in browsers without JavaScript (the bench's
// client), all playing their cards at once while the teacher's live view is open. Every submit is clicked twice, and
// each student sends one form again after going back. Counted in the database at the end: nothing happened twice.

// Correctness under the load of a whole class on a 2-core machine (six Chromiums beside the server): what is checked
// here is what happens, not how fast — speed is the bench's (npm run bench). Only the live view's 2 s is a promise.
// In a class each student and the teacher have a device of their own; here all share the server's two cores. So the
// students run at a lower CPU priority (this process, which plays the twenty-four, and the Chromium of the six), and
// no Chromium may raise its priority above the server's (as root it would, to nice −8; setpriv takes that right
// away): the server gets every request the class sends, and the CPU a server has.
const expect = baseExpect.configure({ timeout: 20_000 });

const students = 30;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const think = () => sleep(200 + Math.random() * 400);

type Card = { role: string; playing: string; goal: string; facts: Record<string, string> };

/** The student's séance page, read as they read it: role, who they play, goal and the card's facts. */
function readCard(html: string): Card {
  const root = parse(html);
  const lead = root.querySelector('.lead')?.text ?? '';
  const facts: Record<string, string> = {};
  for (const dl of root.querySelectorAll('dl.facts')) {
    const terms = dl.querySelectorAll('dt');
    const values = dl.querySelectorAll('dd');
    terms.forEach((t, i) => (facts[t.text.trim()] = values[i]?.text.trim() ?? ''));
  }
  return { role: /Votre rôle\s: (.+?)( — |\.)/.exec(lead)?.[1] ?? '', playing: /vous jouez (.+?)\./.exec(lead)?.[1] ?? '', goal: (facts['Votre objectif'] ?? '').toLowerCase(), facts };
}

const months = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const typedDate = (long: string) => {
  const m = /(\d{1,2})(?:er)? (\p{L}+) (\d{4})/u.exec(long);
  return m ? `${m[1]!.padStart(2, '0')}/${String(months.indexOf(m[2]!) + 1).padStart(2, '0')}/${m[3]}` : '';
};

/** Everything that went over HTTP, from both kinds of browser: no answer may be a 5xx. */
const statuses: { url: string; status: number }[] = [];
const record = (s: Sample) => statuses.push({ url: s.path, status: s.status });
const watch = (page: Page) => page.on('response', (r) => statuses.push({ url: r.url(), status: r.status() }));

/** Submits the same form twice at once (a double-click without JavaScript: two requests with the same rendered form). */
/**
 * A double-click without JavaScript: the form goes twice, at once; the browser drops the first navigation (its redirect
 * is never followed) and shows the answer to the second click.
 */
async function twice(c: Client, page: { url: string; html: string }, button: string | RegExp, fields: Record<string, string | string[] | File> = {}) {
  const [a, b] = await Promise.all([c.submit('formulaire', page, button, fields, { follow: false }), c.submit('formulaire', page, button, fields)]);
  // In a zone blanche the first click may be cut (nothing done, so the second one acts); otherwise both lead to one place.
  const cut = (r: { url: string; html: string }) => /reseau=coupe/.test(r.url) || /connexion a été coupée/i.test(r.html);
  if (!cut(a) && !cut(b)) expect(new URL(b.url).pathname, `deux clics sur « ${button} » mènent au même endroit`).toBe(new URL(a.url).pathname);
  return b;
}

/** What each step needs, read from the card (the person's, or the one the person told the aidant). */
function answersFor(card: Card): Record<string, Record<string, string | string[]>> {
  const address = /^(.*), (\d{5}) /.exec(card.facts['Votre nouvelle adresse'] ?? '');
  const named: [RegExp, string][] = [[/caf/, 'caf'], [/assurance maladie/, 'cpam'], [/france travail/, 'france-travail'], [/impôts/, 'dgfip'], [/retraite/, 'retraite'], [/la poste/, 'la-poste'], [/carte grise/, 'siv']];
  const bodies = named.filter(([re]) => re.test(card.goal)).map(([, id]) => id);
  const whose = card.facts['L’acte demandé'];
  return {
    demandeur: { lien: !whose ? 'moi' : /enfant/.test(whose) ? 'enfant' : 'parent' },
    personne: { nom: card.facts['Son nom de naissance'] ?? '', prenoms: card.facts['Ses prénoms'] ?? '', date: typedDate(card.facts['Sa date de naissance'] ?? '') },
    type: { type: /copie intégrale/.test(card.goal) ? 'copie_integrale' : /plurilingue/.test(card.goal) ? 'plurilingue' : 'extrait_filiation' },
    adresse: { voie: address?.[1] ?? '', code_postal: address?.[2] ?? '' },
    date: { date: /(\d{2}\/\d{2}\/\d{4})/.exec(card.facts['Date d’emménagement à déclarer'] ?? '')?.[1] ?? '' },
    organismes: { organismes: bodies.length ? bodies : ['caf', 'cpam', 'dgfip', 'la-poste'] },
  };
}

/** Fills each step from the card, as a browser without JavaScript. */
async function fillSteps(c: Client, first: { url: string; html: string }, card: Card) {
  let page = first;
  const answers = answersFor(card);
  for (let k = 0; k < 20 && /\/etapes\//.test(page.url); k++) {
    const step = /\/etapes\/([^/?]+)/.exec(page.url)![1]!;
    const fields = { ...answers[step] };
    if (step === 'personne') {
      // The place of birth is a radio button: the one whose label starts with the town on the card.
      const place = card.facts['Son lieu de naissance'] ?? '';
      const root = parse(page.html);
      const radio = root.querySelectorAll('input[name=lieu]').find((r) => (root.querySelector(`label[for="${r.getAttribute('id')}"]`)?.text ?? '').startsWith(place === 'à l’étranger' ? 'À l’étranger' : place));
      fields.lieu = radio?.getAttribute('value') ?? '';
    }
    await think();
    const next = await c.submit('formulaire', page, /^(?!Revenir|Abandonner|Écouter|Se déconnecter|Enregistrer mes réglages).+/, fields);
    if (/connexion a été coupée/i.test(next.html) && next.url === page.url) continue; // zone blanche: the same click again
    expect(/aria-invalid="true"/.test(next.html) && next.url === page.url, `${card.playing} : l’étape ${step} est refusée`).toBe(false);
    page = next;
  }
  return page;
}

/** A citizen without JavaScript plays their card's procedure, clicking twice, then sends one form again after "back". */
async function citizenWithoutJs(c: Client, card: Card, shared: Map<string, Card>) {
  await c.go('page', '/citoyen');
  if (/jamais utilisé internet/i.test(card.facts['La situation'] ?? '')) {
    // They wait for the aidant beside them, then confirm the mandate from their space (twice).
    shared.set(card.playing, card);
    for (let i = 0; i < 120; i++) {
      const mine = await c.go('page', '/citoyen/mes-donnees');
      if (/Confirmer le mandat/.test(mine.html)) return twice(c, mine, 'Confirmer le mandat');
      await sleep(1000);
    }
    throw new Error(`${card.playing} : aucun mandat à confirmer`);
  }
  if (/stationnement/.test(card.goal)) {
    const consent = await c.go('page', '/citoyen/demarches/carte-stationnement/accord');
    await think();
    const sent = await twice(c, consent, 'Valider ma réponse', { decision: 'accepter' });
    expect(sent.url).toMatch(/\/citoyen\/dossiers\//);
    await think();
    const again = await c.submit('formulaire', consent, 'Valider ma réponse', { decision: 'accepter' }); // back, then validate again
    expect(new URL(again.url).pathname).toBe(new URL(sent.url).pathname);
    return;
  }
  const procedure = /acte de naissance/.test(card.goal) ? 'acte-naissance' : 'changement-adresse';
  const start = await c.go('page', `/citoyen/demarches/${procedure}`);
  await think();
  const page = await fillSteps(c, await twice(c, start, 'Commencer la démarche'), card);
  await think();
  let sent = await twice(c, page, 'Envoyer ma demande');
  for (let k = 0; k < 5 && /reseau=coupe/.test(sent.url); k++) sent = await twice(c, sent, 'Envoyer ma demande'); // retry after a cut network
  // The page says it once (the message is not in the address: a reload would not repeat it).
  expect(sent.html, `${card.playing} : demande envoyée`).toMatch(/Votre demande est envoyée/);
  const again = await c.submit('formulaire', page, 'Envoyer ma demande'); // back to the summary, send again
  expect(new URL(again.url).pathname).toBe(new URL(sent.url).pathname);
}

/** The first aidant free takes the first person who waits for help (a person is helped by one aidant). */
function claimPerson(shared: Map<string, Card>): Card | undefined {
  const [name, card] = [...shared.entries()][0] ?? [];
  if (name) shared.delete(name);
  return card;
}

async function waitForPerson(shared: Map<string, Card>): Promise<Card | undefined> {
  for (let k = 0; k < 60; k++) {
    const person = claimPerson(shared);
    if (person) return person;
    await sleep(1000);
  }
  return undefined; // nobody in this class cannot go online
}

/** An aidant without JavaScript: the mandate (twice), waits for the person to confirm, then files their change of address. */
async function aidantWithoutJs(c: Client, shared: Map<string, Card>) {
  const person = await waitForPerson(shared);
  if (!person) return;
  let page = await c.go('page', '/aidant');
  const words = person.playing.split(',')[0]!.split(' ');
  const root = parse(page.html);
  const option = root.querySelectorAll('#mandat-personne option').find((o) => o.text.startsWith(`${words.at(-1)!.toUpperCase()} ${words[0]}`));
  await twice(c, page, 'Créer le mandat', { personne: option?.getAttribute('value') ?? '', demarches: ['changement-adresse'], duree: '7' });
  const canStart = (html: string) => parse(html).querySelectorAll('button').some((b) => b.text.trim().startsWith('Changement d’adresse pour'));
  for (let k = 0; k < 120 && !canStart(page.html); k++) {
    await sleep(1000);
    page = await c.go('page', '/aidant');
  }
  const summary = await fillSteps(c, await twice(c, page, /^Changement d’adresse pour/), person);
  const sent = await twice(c, summary, 'Envoyer la demande');
  expect(sent.html, `${person.playing} : demande envoyée par l’aidant·e`).toMatch(/La demande est envoyée sous le numéro/);
}

/** An agent without JavaScript: takes each case of their queue and decides it, each click twice; applies notices. */
async function agentWithoutJs(c: Client, until: () => boolean) {
  while (!until()) {
    const queue = await c.go('page', '/agent');
    let worked = false;
    if (/>Appliquer/.test(queue.html)) {
      await twice(c, queue, /^Appliquer/);
      worked = true;
    }
    // The queue's cases (in <main>), not the notifications panel's links that come before them in the page.
    const queued = async (state: string) => links((await c.go('page', `/agent?etat=${state}`)).html, /^\/agent\/dossiers\/[^/?#]+$/, 'main');
    const open = [...(await queued('depose')), ...(await queued('en_instruction'))];
    for (const href of open.slice(0, 3)) {
      const page = await c.go('page', href);
      if (/Prendre en charge<\/button>/.test(page.html)) {
        await twice(c, page, 'Prendre en charge');
        worked = true;
      } else if (/>Accepter<\/button>/.test(page.html)) {
        const accepted = await twice(c, page, 'Accepter');
        if (/Les règles ne permettent pas d’accepter/.test(accepted.html)) await twice(c, accepted, 'Refuser', { motif: 'La personne ne remplit pas les conditions.' });
        worked = true;
      }
    }
    await sleep(worked ? 1500 + Math.random() * 1000 : 3000); // a person reads the page before the next case
  }
}


/** Fills each step from the card in a real browser, by the fields' names (so the simplified mode's one question per page works too). */
async function fillStepsInBrowser(page: Page, card: Card) {
  const answers = answersFor(card);
  for (let k = 0; k < 20 && /\/etapes\//.test(page.url()); k++) {
    const url = page.url();
    const step = /\/etapes\/([^/?]+)/.exec(url)![1]!;
    for (const [name, value] of Object.entries(answers[step] ?? {})) {
      // Visible fields only: in simplified mode the step's other answers ride along as hidden fields.
      const field = page.locator(`[name="${name}"]:visible`);
      if ((await field.count()) === 0) continue; // another question of the step, in simplified mode
      if (Array.isArray(value)) for (const v of value) await page.locator(`input[name="${name}"][value="${v}"]:visible`).check();
      else if ((await field.first().getAttribute('type')) === 'radio') await page.locator(`input[name="${name}"][value="${value}"]:visible`).check();
      else await field.fill(value);
    }
    if (step === 'personne' && (await page.locator('input[name="lieu"]:visible').count()) > 0) {
      const place = card.facts['Son lieu de naissance'] ?? '';
      await page.getByRole('radio', { name: new RegExp(`^${place === 'à l’étranger' ? 'À l’étranger' : place}`) }).check();
    }
    await page.locator('main form button[type="submit"]').filter({ hasNotText: /Écouter|Revenir|Abandonner/ }).first().click();
    await expect(async () => {
      const moved = page.url() !== url;
      const cut = await page.getByText(/connexion a été coupée/i).isVisible();
      expect(moved || cut).toBe(true);
    }).toPass({ timeout: 15_000 });
  }
}

/** Sends from the summary with a double-click, goes back, and sends again if the summary is still there. */
async function sendTwiceInBrowser(page: Page, label: string, sentText: RegExp) {
  await page.getByRole('button', { name: label }).dblclick();
  await expect(page.getByText(sentText).first()).toBeVisible();
  await page.goBack();
  const again = page.getByRole('button', { name: label });
  await again.waitFor({ state: 'visible', timeout: 3000 }).then(
    () => again.click().catch(() => undefined),
    () => undefined,
  );
}

async function joinInBrowser(browser: Browser, code: string, pseudonym: string) {
  const page = await (await browser.newContext()).newPage();
  watch(page);
  await page.goto(`/rejoindre?code=${code}`);
  await page.getByLabel('Votre pseudonyme').fill(pseudonym);
  const posts: string[] = [];
  page.on('response', (r) => r.request().method() === 'POST' && posts.push(`${r.status()} ${r.url()} ${Date.now()}`));
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Rejoindre la séance' }).dblclick();
  await expect(page, `${pseudonym} t0=${t0} ${posts.join(' ; ')}`).toHaveURL(/\/seance$/, { timeout: 30_000 }).catch(async (e) => {
    throw new Error(`${(e as Error).message.split('\n')[0]} — ${posts.join(' ; ')} — ${(await page.locator('main').textContent())?.slice(0, 300)}`);
  });
  return page;
}

test('une classe de 30 joue ses cartes en même temps : chaque action une seule fois, rien ne reste sans personne', async () => {
  test.setTimeout(420_000);
  const chromiumPath = chromiumWithoutBoost();
  const teacherBrowser = await chromium.launch({ executablePath: chromiumPath.path, args: chromiumArgs });
  const priority = os.getPriority();
  os.setPriority(Math.min(19, priority + 10));
  const browser = await chromium.launch({ executablePath: chromiumPath.path, args: chromiumArgs });
  chromiumPath.remove(); // both started: nothing is left behind in the temporary folder
  try {
    const teacher = await teacherBrowser.newPage({ baseURL: testBaseUrl(), locale: 'fr-FR', reducedMotion: 'reduce' });
    await playClass(teacher, browser);
  } finally {
    await browser.close();
    await teacherBrowser.close();
    try {
      os.setPriority(priority); // back for the next test (allowed to root; otherwise the rest of the run stays lower)
    } catch {
      // not allowed
    }
  }
});

/** Chromium at this process's priority, without the right to raise it (setpriv, when present). */
function chromiumWithoutBoost(): { path: string; remove: () => void } {
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const setpriv = ['/usr/bin/setpriv', '/bin/setpriv'].find((f) => fs.existsSync(f));
  if (!setpriv) return { path: chromiumPath, remove: () => undefined }; // without CAP_SYS_NICE (not root) Chromium cannot raise it anyway
  const wrapper = path.join(os.tmpdir(), `e-guichet-chromium-sans-priorite-${process.pid}.sh`);
  fs.writeFileSync(wrapper, `#!/bin/sh\nexec ${setpriv} --bounding-set=-sys_nice --inh-caps=-sys_nice ${chromiumPath} "$@"\n`, { mode: 0o755 });
  return { path: wrapper, remove: () => fs.rmSync(wrapper, { force: true }) };
}

async function playClass(teacher: Page, browser: Browser) {
  watch(teacher);
  await signInAsTeacher(teacher);
  await teacher.getByLabel('Nom de la séance').fill('Classe de 30');
  await teacher.getByLabel('Scénario').selectOption('tout');
  await teacher.getByLabel('Nombre d’élèves').fill(String(students));
  await teacher.getByRole('button', { name: 'Créer la séance' }).dblclick();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Classe de 30');
  const sessionId = /\/enseignant\/seances\/([^/?]+)/.exec(teacher.url())![1]!;
  // The teacher's screen itself notes when each event of the timeline first shows (in the browser, not in this process).
  await teacher.evaluate(() => {
    const seenAt: Record<string, number> = {};
    (window as unknown as { seenAt: Record<string, number> }).seenAt = seenAt;
    const note = () => document.querySelectorAll('[data-evenement]').forEach((el) => (seenAt[(el as HTMLElement).dataset.evenement!] ??= Date.now()));
    new MutationObserver(note).observe(document.body, { childList: true, subtree: true });
    note();
  });
  const code = ((await teacher.locator('.join-code').textContent()) ?? '').trim();

  // The teacher's live view stays open; the same stream is read here to time when each event shows.
  const cookie = (await teacher.context().cookies()).map((k) => `${k.name}=${k.value}`).join('; ');
  const seen = new Map<string, number>();
  const live = new AbortController();
  const stream = (async () => {
    try {
      const response = await fetch(`${testBaseUrl()}/api/enseignant/seances/${sessionId}/flux`, { headers: { cookie }, signal: live.signal });
      // The snapshot first, then what changed (lib/classroom/live-diff.ts), applied as the teacher's screen applies it.
      for await (const { snapshot } of liveSnapshots<LiveSnapshot>(response.body!)) {
        const at = Date.now();
        for (const e of snapshot.timeline ?? []) if (!seen.has(e.id)) seen.set(e.id, at);
      }
    } catch {
      // closed at the end
    }
  })();

  const db = await openE2eDatabase();
  const agentsRoles = new Set<number>(); // agents work until the class is over; the others finish
  let classOver = false;
  const shared = new Map<string, Card>(); // what a person who cannot go online tells the aidant beside them
  const failures: string[] = [];
  const run = async (name: string, play: () => Promise<unknown>) => {
    try {
      await play();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      const where = (error as Error).stack?.split('\n').find((l) => l.includes('classe-de-30.spec.ts'))?.trim() ?? '';
      failures.push(`${name} : ${[lines[0], ...lines.filter((l) => /Expected|Received/.test(l)), where].join(' | ')}`);
    }
  };

  // Six students in real browsers, in joining order: citizen, agent, aidant, citizen, agent, observer.
  const browserStudent = async (i: number) => {
    await sleep(i * 300);
    const page = await joinInBrowser(browser, code, `Élève ${i + 1}`);
    const card = readCard(await page.content());
    if (card.role.startsWith('Observateur')) {
      await page.getByRole('link', { name: 'Lire le journal des échanges de la séance' }).click();
      await expect(page.getByText(/Contrôle du journal de la séance\s: intact/)).toBeVisible();
      return;
    }
    await page.getByRole('button', { name: /FranceConnect|ProConnect/ }).click();
    await page.getByRole('button', { name: 'Me connecter' }).click();
    if (card.role.startsWith('Citoyen')) {
      await expect(page).toHaveURL(/\/citoyen$/);
      if (/jamais utilisé internet/i.test(card.facts['La situation'] ?? '')) {
        shared.set(card.playing, card); // tells the aidant beside them, then confirms the mandate
        const confirm = page.getByRole('button', { name: 'Confirmer le mandat' });
        await expect(async () => {
          await page.goto('/citoyen/mes-donnees');
          await expect(confirm).toBeVisible({ timeout: 1000 });
        }).toPass({ timeout: 120_000 });
        await confirm.dblclick();
        // The mandate is in force: the person can now end it, and there is nothing left to confirm.
        await expect(async () => {
          await page.goto('/citoyen/mes-donnees');
          await expect(page.getByRole('button', { name: 'Mettre fin au mandat' })).toBeVisible({ timeout: 1000 });
          await expect(confirm).toHaveCount(0);
        }).toPass({ timeout: 30_000 });
      } else if (/stationnement/.test(card.goal)) {
        await consentTwiceThenAgain(page, 30_000);
      } else {
        await page.goto(`/citoyen/demarches/${/acte de naissance/.test(card.goal) ? 'acte-naissance' : 'changement-adresse'}`);
        await page.getByRole('button', { name: 'Commencer la démarche' }).dblclick();
        await expect(page).toHaveURL(/\/etapes\//);
        await fillStepsInBrowser(page, card);
        await sendTwiceInBrowser(page, 'Envoyer ma demande', /Votre demande est envoyée/);
        await expect(page).toHaveURL(/\/citoyen\/dossiers\/[^/]+(\?.*)?$/);
      }
      return;
    }
    if (card.role.startsWith('Agent')) {
      agentsRoles.add(i);
      await expect(page).toHaveURL(/\/agent$/);
      while (!classOver) {
        await page.goto('/agent');
        const apply = page.getByRole('button', { name: /^Appliquer/ }).first();
        if (await apply.isVisible()) await apply.dblclick();
        await page.goto(`/agent?etat=${Math.random() < 0.5 ? 'depose' : 'en_instruction'}`);
        // The queue's first case: not a link of the (closed) notifications panel, which comes first in the page.
        const open = page.getByRole('main').locator('a[href^="/agent/dossiers/"]').first();
        if (await open.isVisible()) {
          await open.click();
          for (const action of ['Prendre en charge', 'Accepter']) {
            const button = page.getByRole('button', { name: action, exact: true });
            if (await button.isVisible()) {
              await button.dblclick();
              await sleep(500);
            }
          }
          const refuse = page.getByText(/Les règles ne permettent pas d’accepter/);
          if (await refuse.isVisible()) {
            await page.locator('#decision-refuser-motif').selectOption('La personne ne remplit pas les conditions.');
            await page.getByRole('button', { name: 'Refuser', exact: true }).dblclick();
          }
        }
        await sleep(2000 + Math.random() * 1000); // a person reads the page before the next case
      }
      return;
    }
    // The aidant: a mandate for the person who cannot go online, confirmed by them, then the change of address for them.
    await expect(page).toHaveURL(/\/aidant$/);
    const person = await waitForPerson(shared);
    if (!person) return;
    const words = person.playing.split(',')[0]!.split(' ');
    const option = page.locator('#mandat-personne option').filter({ hasText: new RegExp(`^${words.at(-1)!.toUpperCase()} ${words[0]}`) });
    await page.getByLabel('La personne', { exact: true }).selectOption((await option.first().getAttribute('value'))!);
    await page.getByRole('checkbox', { name: 'Changement d’adresse' }).check();
    await page.getByRole('radio', { name: 'Une semaine' }).check();
    await page.getByRole('button', { name: 'Créer le mandat' }).dblclick();
    await expect(page.getByRole('heading', { name: /À confirmer par la personne/ })).toHaveCount(1);
    const start = page.getByRole('button', { name: /^Changement d’adresse pour/ });
    await expect(async () => {
      await page.reload();
      await expect(start).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 120_000 });
    await start.dblclick();
    await expect(page).toHaveURL(/\/etapes\//);
    await fillStepsInBrowser(page, person);
    await page.getByRole('button', { name: 'Envoyer la demande' }).dblclick();
    await expect(page.getByText(/La demande est envoyée/)).toBeVisible();
  };

  // Twenty-four more without JavaScript.
  const httpStudent = async (i: number) => {
    await sleep(i * 300);
    const c = new Client(testBaseUrl(), record);
    const join = await c.go('page', `/rejoindre?code=${code}`);
    const seance = await twice(c, join, 'Rejoindre la séance', { pseudonyme: `Élève ${i + 1}` });
    const card = readCard(seance.html);
    if (card.role.startsWith('Observateur')) {
      for (let k = 0; k < 3; k++) await c.go('page', '/seance/journal').then(think);
      return;
    }
    // The sign-in button carries the account in JavaScript (login_hint): this browser has none, it reads it like the bench.
    const subject = (await db.get<{ s: string }>('SELECT subject_id AS s FROM participants WHERE class_session_id = ? AND pseudonym = ?', sessionId, `Élève ${i + 1}`))!.s;
    const provider = card.role.startsWith('Citoyen') ? 'franceconnect' : 'proconnect';
    await c.signInWith(provider, subject, { seance: code, login_hint: subject }, card.role.startsWith('Citoyen') ? '/citoyen' : card.role.startsWith('Agent') ? '/agent' : '/aidant');
    if (card.role.startsWith('Citoyen')) return citizenWithoutJs(c, card, shared);
    if (card.role.startsWith('Agent')) {
      agentsRoles.add(i);
      return agentWithoutJs(c, () => classOver);
    }
    return aidantWithoutJs(c, shared);
  };

  // Agents go on until everyone else is done and nothing waits any more (four minutes at most).
  let othersLeft = students;
  const unfinished = new Set(Array.from({ length: students }, (_, i) => i + 1));
  const everyone = Array.from({ length: students }, (_, i) =>
    run(`Élève ${i + 1}`, () => (i < 6 ? browserStudent(i) : httpStudent(i))).finally(() => {
      unfinished.delete(i + 1);
      if (!agentsRoles.has(i)) othersLeft--;
    }),
  );
  const count = async (query: string) => (await db.get<{ n: number }>(query, sessionId))!.n;
  const pending = async () =>
    (await count("SELECT count(*) AS n FROM cases WHERE class_session_id = ? AND state IN ('brouillon', 'depose', 'en_instruction')")) +
    (await count("SELECT count(*) AS n FROM address_notices WHERE class_session_id = ? AND state = 'a_traiter'"));
  for (let k = 0; k < 240 && (othersLeft > agentsRoles.size || (await pending()) > 0); k++) {
    if (k % 15 === 0) {
      const rows = await db.all("SELECT procedure, state, agency, unit FROM cases WHERE class_session_id = ? AND state IN ('brouillon', 'depose', 'en_instruction') UNION ALL SELECT 'avis', state, agency, NULL FROM address_notices WHERE class_session_id = ? AND state = 'a_traiter'", sessionId, sessionId);
      console.log(`${k} s : ${await pending()} en attente ${JSON.stringify(rows)} ; élèves pas encore finis : ${[...unfinished].filter((n) => !agentsRoles.has(n - 1)).join(', ')}`);
    }
    await sleep(1000);
  }
  classOver = true;
  await Promise.all(everyone);
  await sleep(2500); // the last events reach the live view
  live.abort();
  await stream;

  expect(failures).toEqual([]);
  expect(statuses.filter((s) => s.status >= 500)).toEqual([]);
  const all = <T>(query: string) => db.all<T>(query, sessionId);
  expect((await all<{ n: number }>('SELECT count(*) AS n FROM participants WHERE class_session_id = ?'))[0]!.n).toBe(students);
  // Nothing twice: case, consent, decision, exchange.
  expect(await all("SELECT persona_id, procedure, count(*) AS n FROM cases WHERE class_session_id = ? GROUP BY persona_id, procedure HAVING count(*) > 1")).toEqual([]);
  expect(await all("SELECT persona_id, consumer, provider, purpose, count(*) AS n FROM consents WHERE class_session_id = ? GROUP BY 1, 2, 3, 4 HAVING count(*) > 1")).toEqual([]);
  expect(await all("SELECT case_id, to_state, count(*) AS n FROM case_events WHERE class_session_id = ? AND kind = 'transition' GROUP BY case_id, to_state HAVING count(*) > 1")).toEqual([]);
  const askedTwice = await all<{ case_id: string }>("SELECT case_id, provider, count(*) AS n FROM journal_entries WHERE class_session_id = ? AND case_id IS NOT NULL GROUP BY case_id, provider HAVING count(*) > 1");
  // Seen now and then on PostgreSQL (issue 20's notes): when it happens, say what each look-up was and what the case did.
  const lookUps = askedTwice.length
    ? await all("SELECT case_id, provider, result, reason, recorded_at FROM journal_entries WHERE class_session_id = ? AND case_id IS NOT NULL ORDER BY case_id, sequence")
    : [];
  const history = askedTwice.length
    ? await all("SELECT c.receipt_number, e.kind, e.to_state, e.actor_label, e.at FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.class_session_id = ? ORDER BY c.receipt_number, e.at")
    : [];
  const concerned = new Set(askedTwice.map((r) => r.case_id));
  expect(askedTwice, JSON.stringify({ lookUps: lookUps.filter((r) => concerned.has((r as { case_id: string }).case_id)), history: history.filter((r) => concerned.has((r as { receipt_number: string }).receipt_number)) })).toEqual([]);
  // Every case is decided, or waits on a body a named student plays (and covers its register).
  const waiting = await all<{ receipt_number: string; agency: string; unit: string | null }>("SELECT receipt_number, agency, unit FROM cases WHERE class_session_id = ? AND state NOT IN ('accepte', 'refuse', 'sans_suite')");
  for (const c of waiting) {
    const student = await db.get<{ pseudonym: string }>(
      "SELECT p.pseudonym FROM participants p JOIN agents a ON a.id = p.subject_id WHERE p.class_session_id = ? AND p.role = 'agent' AND a.agency_id = ? AND (a.unit IS NULL OR a.unit = COALESCE(?, a.unit))",
      sessionId,
      c.agency,
      c.unit,
    );
    expect(student, `${c.receipt_number} (${c.agency}) attend un·e élève`).toBeTruthy();
  }
  expect((await all('SELECT id FROM cases WHERE class_session_id = ?')).length).toBeGreaterThan(10);
  // The live view showed each decision and each sent request within 2 seconds.
  // A time in milliseconds on SQLite, a Date on PostgreSQL: a number on both.
  const events = (
    await all<{ id: string; at: number | Date; what: string }>(
      "SELECT e.id, e.at, c.procedure || ' ' || e.to_state AS what FROM case_events e JOIN cases c ON c.id = e.case_id WHERE e.class_session_id = ? AND e.kind = 'transition' AND e.to_state != 'brouillon'",
    )
  ).map((e) => ({ id: e.id, at: Number(e.at), what: e.what }));
  const onScreen = await teacher.evaluate(() => (window as unknown as { seenAt: Record<string, number> }).seenAt);
  const delays = events.map((e) => (onScreen[`e${e.id}`] ?? seen.get(`e${e.id}`) ?? Infinity) - e.at).sort((a, b) => a - b);
  // Every decision and every sent request reached the teacher's screen.
  expect(delays.filter((d) => !Number.isFinite(d))).toEqual([]);
  // Issue 16: each within 2 s (asserted at the end, after the figures are printed for docs/performance.md).
  const quantile = (q: number) => Math.round(delays[Math.min(delays.length - 1, Math.floor(q * delays.length))]!);
  console.log(`Direct de l’enseignant·e : ${delays.length} évènements, médiane ${quantile(0.5)} ms, p95 ${quantile(0.95)} ms, max ${quantile(1)} ms, au-delà de 2 s : ${delays.filter((d) => d > 2000).length}`);
  // Where the slowest ones lost their time: until the stream read here had them (the server), then until the screen.
  // On PostgreSQL, also when each event's transaction committed (its request's own time, before any stream could see it).
  const committed = new Map(
    e2eOnPostgres
      ? (await all<{ id: string; ms: number }>("SELECT id, (extract(epoch FROM pg_xact_commit_timestamp(xmin)) * 1000)::float8 AS ms FROM case_events WHERE class_session_id = ? AND kind = 'transition'")).map((r) => [r.id, Number(r.ms)])
      : [],
  );
  const hops = events
    .map((e) => ({ at: e.at, what: e.what, stream: (seen.get(`e${e.id}`) ?? NaN) - e.at, screen: (onScreen[`e${e.id}`] ?? NaN) - e.at, commit: Math.round((committed.get(e.id) ?? NaN) - e.at) }))
    .sort((a, b) => Math.max(b.stream, b.screen) - Math.max(a.stream, a.screen))
    .slice(0, 6);
  if (committed.size) {
    const spread = (values: number[]) => {
      const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
      return `médiane ${Math.round(sorted[Math.floor(sorted.length / 2)] ?? NaN)} ms, max ${Math.round(sorted.at(-1) ?? NaN)} ms`;
    };
    console.log(`Avant la validation (la requête elle-même) : ${spread(events.map((e) => committed.get(e.id)! - e.at))} ; de la validation au flux lu ici : ${spread(events.map((e) => (seen.get(`e${e.id}`) ?? NaN) - committed.get(e.id)!))}`);
  }
  console.log(`Les plus lents (${e2eOnPostgres ? 'validé / ' : ''}flux lu ici / écran, en ms) : ${hops.map((h) => `${new Date(h.at).toISOString().slice(11, 23)} ${e2eOnPostgres ? `${h.commit}/` : ''}${h.stream}/${h.screen} (${h.what})`).join(' ; ')}`);
  await db.close();
  expect(delays.filter((d) => d > 2000), 'délais au-delà de 2 s sur l’écran de l’enseignant·e (ms)').toEqual([]);
}
