import { expect, test } from './support';

test('au clavier seulement : du lien d’évitement jusqu’au tableau de bord, en passant par FranceConnect simulé', async ({ page }) => {
  await page.goto('/');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).not.toBeInViewport(); // above the screen until it has the focus
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();

  // Tab through the page until the FranceConnect button has the focus, then activate it.
  const button = page.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' });
  for (let i = 0; i < 10 && !(await button.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre identité' })).toBeVisible();
  const first = page.getByRole('radio').first();
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown'); // moves to and selects the second person
  const second = page.getByRole('radio').nth(1);
  await expect(second).toBeChecked();
  const chosen = (await second.getAttribute('id')) ?? '';
  const name = (await page.locator(`label[for="${chosen}"]`).innerText()).split('\n')[0] ?? '';
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Me connecter' })).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/\/citoyen$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bonjour');
  await expect(page.getByRole('heading', { level: 1 })).toContainText(name.split(' ')[0] ?? '');
});

test('un lien de l’application ouvre sa page sans recharger, au clavier comme à la souris ; sans JavaScript, c’est un lien ordinaire', async ({ page, browser }) => {
  await page.goto('/');
  await page.evaluate(() => ((window as unknown as { sansRechargement: boolean }).sansRechargement = true));
  // By keyboard: the footer's link, then Enter.
  const link = page.getByRole('contentinfo').getByRole('link', { name: 'L’État plateforme' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/plateforme$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { sansRechargement?: boolean }).sansRechargement)).toBe(true);
  // By mouse, then back: still the same document, and the page it left.
  await page.getByRole('contentinfo').getByRole('link', { name: 'Accessibilité : partiellement conforme' }).click();
  await expect(page).toHaveURL(/\/accessibilite$/);
  await page.goBack();
  await expect(page).toHaveURL(/\/plateforme$/);
  expect(await page.evaluate(() => (window as unknown as { sansRechargement?: boolean }).sansRechargement)).toBe(true);
  // A link opened in a new tab is the browser's: the page stays where it is.
  const [opened] = await Promise.all([page.context().waitForEvent('page'), page.getByRole('contentinfo').getByRole('link', { name: 'Accueil' }).click({ modifiers: ['Control'] })]);
  await expect(opened).toHaveURL(/\/$/);
  await expect(page).toHaveURL(/\/plateforme$/);
  await opened.close();

  const context = await browser.newContext({ javaScriptEnabled: false });
  const plain = await context.newPage();
  await plain.goto('/');
  await plain.getByRole('contentinfo').getByRole('link', { name: 'L’État plateforme' }).click();
  await expect(plain).toHaveURL(/\/plateforme$/);
  await expect(plain.getByRole('heading', { level: 1 })).toBeVisible();
  await context.close();
});
