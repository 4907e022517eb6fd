import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Browser, type Page } from '@playwright/test';
import { e2eTeacher } from '../playwright.config';

/**
 * The browser tests' `test`: the contexts a test opens on the worker's browser (a student, the teacher's live view) are
 * closed when it ends. Left open, they would go on polling and streaming from their lane's server through every later
 * test, a load that grew along the lane and that no test asked for. (The class of 30 launches browsers of its own and
 * closes them: it keeps Playwright's `test`, which launches none it does not use.)
 */
export const test = base.extend<{ closesItsContexts: void }>({
  closesItsContexts: [
    async ({ browser }, use) => {
      const before = new Set(browser.contexts());
      await use();
      await Promise.all(browser.contexts().filter((c) => !before.has(c)).map((c) => c.close()));
    },
    { auto: true },
  ],
});
export { expect };

/** The address of this test's server: on SQLite each lane has its own (playwright.config.ts). */
export const testBaseUrl = () => String(test.info().project.use.baseURL);

/** Every page a test visits ends with this: axe must find nothing. */
export async function expectNoAxeViolations(page: Page) {
  // After a client-side navigation Next streams the new <title> in: wait for it, as a screen reader would get it.
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Signs in through the simulated provider's page, choosing the identity whose label is given. */
export async function signInThroughProvider(page: Page, buttonName: RegExp, identity: string) {
  await page.goto('/connexion');
  await page.getByRole('button', { name: buttonName }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Choisissez/ })).toBeVisible();
  // A student's own character comes first; anyone else is behind "Choisir une autre identité".
  const radio = page.getByRole('radio', { name: new RegExp(`^${identity}`) });
  const others = page.getByText(/^Choisir une autre identité/);
  if (!(await radio.isVisible()) && (await others.isVisible())) await others.click();
  await radio.check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
}

export async function signInAsTeacher(page: Page) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
  await page.getByLabel('Mot de passe').fill(e2eTeacher.password);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  // The sign-in, then a whole page: on two cores shared with the other lane's server and browser, that took more than
  // expect's 5 s once (a fresh check, session 40). Waited for, not timed: speed is the bench's (docs/performance.md).
  await expect(page).toHaveURL(/\/enseignant$/, { timeout: 30_000 });
}

/** The teacher's page of the demonstration séance (tokens, faults, bodies played). */
export async function openDemoSession(page: Page) {
  await signInAsTeacher(page);
  await page.getByRole('link', { name: 'Séance de démonstration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séance de démonstration' })).toBeVisible();
}

/**
 * The teacher creates a séance of their own and stays on its page; returns its join code. A retry (CI) or a repeat makes
 * its own séance, so that it starts from nothing (the first attempt's is still in the list). A double-click on « Créer
 * la séance » makes one séance.
 */
export async function newSession(teacher: Page, named: string, preset: string, students: number): Promise<string> {
  const { retry, repeatEachIndex } = test.info();
  const attempt = repeatEachIndex * 10 + retry;
  const name = attempt ? `${named} (essai ${attempt + 1})` : named;
  await signInAsTeacher(teacher);
  await teacher.getByLabel('Nom de la séance').fill(name);
  await teacher.getByLabel('Scénario').selectOption(preset);
  await teacher.getByLabel('Nombre d’élèves').fill(String(students));
  await teacher.getByRole('button', { name: 'Créer la séance' }).dblclick();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText(name);
  await teacher.goto('/enseignant');
  await expect(teacher.getByRole('row', { name: new RegExp(name.replace(/[()]/g, '\\$&')) })).toHaveCount(1);
  await teacher.getByRole('link', { name }).click();
  return ((await teacher.locator('.join-code').textContent()) ?? '').trim();
}

/** A student joins with the code and a pseudonym, on a device (a browser context) of their own, or in `page`. */
export async function joinSession(on: Browser | Page, code: string, pseudonym: string): Promise<Page> {
  const page = 'newContext' in on ? await (await on.newContext()).newPage() : on;
  await page.goto(`/rejoindre?code=${code}`);
  await page.getByLabel('Votre pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await expect(page).toHaveURL(/\/seance$/);
  return page;
}

/**
 * The teacher marks bodies as played by students (and may speed the séance's clock up) in the demonstration séance's
 * settings; the returned function puts them back as they were (call it in a `finally`).
 */
export async function teacherPlays(browser: Browser, bodies: string[], options: { minutesPerMonth?: string } = {}): Promise<() => Promise<void>> {
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  const month = teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)');
  const before = await month.inputValue();
  const save = async (played: boolean, minutes: string) => {
    await month.fill(minutes);
    for (const body of bodies) await teacher.getByRole('checkbox', { name: body, exact: true }).setChecked(played);
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  };
  await save(true, options.minutesPerMonth ?? before);
  return async () => {
    await teacher.reload();
    await save(false, before);
    await teacher.context().close();
  };
}

/** A body's platform token, as the teacher reads it on their page (in a context of its own). */
export async function bodyToken(browser: Browser, agency: string): Promise<string> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await openDemoSession(page);
  const token = await sessionBodyToken(page, agency);
  await context.close();
  return token;
}

/** A body's platform token in the séance whose page the teacher has open (left on its « Organismes » tab). */
export async function sessionBodyToken(teacher: Page, agency: string): Promise<string> {
  await teacher.getByRole('link', { name: 'Organismes', exact: true }).click();
  const token = (await teacher.locator(`[data-jeton="${agency}"]`).textContent())?.trim() ?? '';
  expect(token).toMatch(new RegExp(`^egt_${agency}_`));
  return token;
}

/** The signed-in citizen's FranceConnect subject, from their own data export. */
export async function ownSubject(page: Page): Promise<string> {
  const response = await page.request.get('/citoyen/mes-donnees/export');
  expect(response.status()).toBe(200);
  return (await response.json()).usager;
}

/** Reloads the case page until the automatic instruction has decided (the séance's delay is a few seconds). */
export async function waitForText(page: Page, text: string | RegExp, timeout = 45_000) {
  await expect(async () => {
    await page.reload();
    // Visible on the page: the same words in the closed notifications panel do not count.
    await expect(page.getByText(text).filter({ visible: true }).first()).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout, intervals: [1000, 2000, 3000] });
}

/**
 * A citizen agrees on the parking card's consent screen with a double-click, goes back, and agrees again. `timeout`:
 * how long the answer may take (a whole class sending at once waits as long as it does to join: 30 s).
 */
export async function consentTwiceThenAgain(page: Page, timeout = 5_000) {
  await page.goto('/citoyen/demarches/carte-stationnement/accord');
  await page.getByRole('radio', { name: /J’accepte/ }).check();
  await page.getByRole('button', { name: 'Valider ma réponse' }).dblclick();
  await expect(page.getByText(/Votre demande est envoyée/)).toBeVisible({ timeout });
  await page.goBack();
  await page.getByRole('radio', { name: /J’accepte/ }).check();
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(page).toHaveURL(/\/citoyen\/dossiers\//, { timeout });
}

/** Every journal entry the token's body may read on the server at `base`, following `?apres=`. */
export async function wholeJournal(base: string, token: string) {
  const entries: { id: string; sequence: number }[] = [];
  for (let after = 0; ; ) {
    const response = await fetch(`${base}/api/plateforme/v1/journal?apres=${after}&limite=500`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const page = ((await response.json()) as { entrees: { id: string; sequence: number }[] }).entrees;
    if (page.length === 0) return entries;
    entries.push(...page);
    after = page.at(-1)!.sequence;
  }
}
