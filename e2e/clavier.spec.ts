import { expect, test } from '@playwright/test';

test('au clavier seulement : du lien d’évitement jusqu’au tableau de bord, en passant par FranceConnect simulé', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Aller au contenu' });
  await expect(skip).toBeFocused();
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
