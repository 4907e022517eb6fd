import { e2eTeacher } from '../playwright.config';
import { expect, expectNoAxeViolations, signInAsTeacher, test } from './support';

test('l’enseignant·e voit ses erreurs à côté des champs, sans rien perdre, puis se connecte', async ({ page }) => {
  await page.goto('/connexion');
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Me connecter' }).click();
  const summary = page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'La connexion n’a pas abouti' }) });
  await expect(summary).toContainText('Saisissez votre adresse e-mail.');
  await expect(summary).toBeFocused();
  await expect(page.getByText('Saisissez votre mot de passe.', { exact: true }).last()).toBeVisible();
  await expect(page.getByLabel('Adresse e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);

  await page.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
  await page.getByLabel('Mot de passe').fill('pas-le-bon');
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(summary).toContainText('Adresse e-mail ou mot de passe incorrect');
  await expect(page.getByLabel('Adresse e-mail')).toHaveValue(e2eTeacher.email);

  await signInAsTeacher(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Vos séances' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Séance de démonstration', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('avant que la page soit prête (ou sans JavaScript), le formulaire ne part pas : le mot de passe ne va jamais dans l’adresse', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/connexion');
  // (Chromium with scripts turned off by Playwright still parses <noscript> as text: its words are checked in the HTML.)
  expect(await (await page.request.get('/connexion')).text()).toMatch(/<noscript><p[^>]*>La connexion a besoin de JavaScript/);
  await expect(page.getByRole('button', { name: 'Me connecter' })).toBeDisabled();
  await page.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
  await page.getByLabel('Mot de passe').fill(e2eTeacher.password);
  await page.getByLabel('Mot de passe').press('Enter'); // the browser's own submission: none while the button is disabled
  await page.waitForLoadState('networkidle');
  expect(page.url()).not.toContain('password');
  await expect(page.getByLabel('Mot de passe')).toHaveValue(e2eTeacher.password);
  // The form says POST: had anything sent it, the password would have stayed out of the address.
  await expect(page.locator('form:has(#enseignant-password)')).toHaveAttribute('method', 'post');
  // The FranceConnect and ProConnect buttons wait for the script too: a click is not lost.
  await expect(page.getByRole('button', { name: /FranceConnect/ }).first()).toBeDisabled();
  await context.close();
});

test('un code de séance inconnu est signalé à côté du champ, et le code saisi reste affiché', async ({ page }) => {
  await page.goto('/rejoindre');
  await expectNoAxeViolations(page);
  await page.getByLabel('Code de la séance').fill('ZZZZ99');
  await page.getByRole('button', { name: 'Rejoindre' }).click();
  await expect(page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Le code n’est pas valable' }) })).toContainText('Aucune séance ne correspond à ce code');
  await expect(page.locator('#code-erreur')).toHaveText(/Aucune séance ne correspond/);
  await expect(page.getByLabel('Code de la séance')).toHaveValue('ZZZZ99');
  await expectNoAxeViolations(page);
});
