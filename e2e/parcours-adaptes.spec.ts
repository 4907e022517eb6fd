import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

// Every procedure, done with the keyboard only: at 100 %, at 200 % text size, and at 200 % in simplified mode
// (one question per page, FALC texts). Nothing is clicked: Tab, arrows, Space and Enter only.

async function isFocused(locator: Locator) {
  return locator.evaluate((el) => el === document.activeElement || el.contains(document.activeElement), undefined, { timeout: 2_000 }).catch(() => false);
}

/** Presses Tab until the element (or a radio of the group) has the focus. */
async function tabTo(page: Page, target: Locator, max = 120) {
  // On the page at all (else the test would spend its whole time waiting for it, and say nothing of what it sees).
  await expect(target, `${target} on ${page.url()}`).toBeAttached();
  for (let i = 0; i < max && !(await isFocused(target)); i++) await page.keyboard.press('Tab');
  expect(await isFocused(target), `focus on ${target}`).toBe(true);
}

async function typeInto(page: Page, field: Locator, text: string) {
  await tabTo(page, field);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(text);
}

/** Tab into the radio group, then the arrow keys until the wanted option is checked. */
async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, page.locator(`fieldset:has(input[name="${name}"])`).last());
  const wanted = page.locator(`input[name="${name}"][value="${value}"]`);
  // Nothing chosen yet: Space chooses the radio that has the focus; then the arrows move the choice.
  if ((await page.locator(`input[name="${name}"]:checked`).count()) === 0) await page.keyboard.press('Space');
  for (let i = 0; i < 30 && !(await wanted.isChecked()); i++) await page.keyboard.press('ArrowDown');
  await expect(wanted).toBeChecked();
}

async function tick(page: Page, name: string, value: string) {
  const box = page.locator(`input[name="${name}"][value="${value}"]`);
  await tabTo(page, box);
  if (!(await box.isChecked())) await page.keyboard.press('Space');
  await expect(box).toBeChecked();
}

async function activate(page: Page, control: Locator) {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}

/** The display preferences, set on the panel with the keyboard (stored for the signed-in person). */
async function setPreferences(page: Page, size: '100' | '200', simplified: boolean) {
  await page.goto('/preferences');
  await chooseRadio(page, 'taille', size);
  const box = page.getByRole('checkbox', { name: /Mode simplifié/ });
  await tabTo(page, box);
  if ((await box.isChecked()) !== simplified) await page.keyboard.press('Space');
  await activate(page, page.getByRole('button', { name: 'Enregistrer mes préférences' }));
  await expect(page.getByRole('status').filter({ hasText: 'Vos préférences sont enregistrées.' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-taille', size);
}

type Answers = Record<string, { kind: 'text' | 'radio' | 'checkbox'; value: string }>;

/** Answers whatever questions the page shows (all of a step, or one in simplified mode), until the summary. */
async function fillSteps(page: Page, answers: Answers) {
  for (let pageCount = 0; pageCount < 12; pageCount++) {
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    if (/recapitulatif/.test(page.url())) return;
    for (const [name, a] of Object.entries(answers)) {
      const visible = page.locator(`input[name="${name}"]:not([type="hidden"])`);
      if ((await visible.count()) === 0) continue;
      if (a.kind === 'text') await typeInto(page, visible.first(), a.value);
      else if (a.kind === 'radio') await chooseRadio(page, name, a.value);
      else await tick(page, name, a.value);
    }
    const url = page.url();
    // The step's own button: the assistant's panel ("Une question ?", issue 23) ends every citizen page with a form of its own.
    await activate(page, page.locator('main form button[type="submit"]:not(.assistant-panel button)').last());
    await expect(page).not.toHaveURL(url);
  }
  throw new Error('the summary was never reached');
}

// One person each: a person has one change of address open at a time (and one parking card), and the one sent in the
// previous configuration may not be decided yet (the automatic instruction waits its delay): its page would then say
// "Vous avez déjà une demande en cours" instead of offering to start (seen once in a fresh-clone run).
const configurations = [
  { label: 'à 100 %', size: '100', simplified: false, persona: 'Amadou Diallo' },
  { label: 'à 200 %', size: '200', simplified: false, persona: 'Gérard Blanc' },
  { label: 'à 200 %, en mode simplifié', size: '200', simplified: true, persona: 'Élodie Marchand' },
] as const;

for (const config of configurations) {
  test(`au clavier seulement, ${config.label} : acte de naissance et changement d’adresse jusqu’à l’envoi, carte de stationnement avec accord`, async ({ browser }) => {
    test.setTimeout(180_000);
    const page = await (await browser.newContext()).newPage();
    await signInThroughProvider(page, /FranceConnect/, config.persona);
    await setPreferences(page, config.size, config.simplified);

    // Birth certificate: his own act, a full copy.
    await page.goto('/citoyen/demarches/acte-naissance');
    await activate(page, page.getByRole('button', { name: /Commencer/ }).first());
    await expect(page).toHaveURL(/\/etapes\//);
    await fillSteps(page, { lien: { kind: 'radio', value: 'moi' }, type: { kind: 'radio', value: 'copie_integrale' } });
    if (config.simplified) await expect(page.getByText('Tout est juste ? Appuyez sur « Envoyer ma demande » en bas de la page.')).toBeVisible();
    await expectNoAxeViolations(page);
    await activate(page, page.getByRole('button', { name: 'Envoyer ma demande' }));
    await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toBeVisible();

    // Change of address: the address, the date, one body.
    await page.goto('/citoyen/demarches/changement-adresse');
    await activate(page, page.getByRole('button', { name: /Commencer/ }).first());
    await expect(page).toHaveURL(/\/etapes\//);
    if (config.simplified) {
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Où habitez-vous maintenant ?');
      await expect(page.getByText('question 1 sur 2')).toBeVisible();
      await expectNoAxeViolations(page);
    }
    await fillSteps(page, {
      voie: { kind: 'text', value: '57 boulevard des Tilleuls' },
      code_postal: { kind: 'text', value: '00100' },
      date: { kind: 'text', value: new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }) },
      organismes: { kind: 'checkbox', value: 'cpam' },
    });
    await activate(page, page.getByRole('button', { name: 'Envoyer ma demande' }));
    await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toBeVisible();

    // Parking card with consent: the consent screen, then the decision.
    await page.goto('/citoyen/demarches/carte-stationnement/accord');
    if (config.simplified) await expect(page.getByText('Vous pouvez dire oui ou non.')).toBeVisible();
    await chooseRadio(page, 'decision', 'accepter');
    await activate(page, page.getByRole('button', { name: 'Valider ma réponse' }));
    await expect(page.getByText(/Votre demande est (acceptée|refusée)\./)).toBeVisible();
    await expectNoAxeViolations(page);
    // At 200 %, the page reflows: no sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).toBe(true);
  });
}

test('en mode simplifié, une erreur reste sur sa question, et ce qui est déjà répondu est gardé', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  await signInThroughProvider(page, /FranceConnect/, 'Léa Camille Martin');
  await setPreferences(page, '100', true);
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: /Commencer/ }).first().click();
  await page.getByLabel('Le numéro et le nom de votre rue').fill('57 boulevard des Tilleuls');
  await page.getByRole('button', { name: 'Question suivante' }).click();
  await expect(page.getByText('question 2 sur 2')).toBeVisible();
  await page.getByLabel('Le code postal').fill('123');
  await page.getByRole('button', { name: 'Continuer' }).click();
  const summary = page.getByRole('alert', { name: 'Vérifiez ces réponses' });
  await expect(summary).toBeFocused();
  await expect(page.locator('#champ-code_postal-erreur')).toBeVisible();
  await expect(page.getByLabel('Le code postal')).toHaveValue('123');
  await page.getByRole('link', { name: 'Revenir en arrière' }).click();
  await expect(page.getByLabel('Le numéro et le nom de votre rue')).toHaveValue('57 boulevard des Tilleuls');
});
