import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { e2eTeacher } from '../playwright.config';

/** Every page a test visits ends with this: axe must find nothing. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
}

/** Signs in through the simulated provider's page, choosing the identity whose label is given. */
export async function signInThroughProvider(page: Page, buttonName: RegExp, identity: string) {
  await page.goto('/connexion');
  await page.getByRole('button', { name: buttonName }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Choisissez/ })).toBeVisible();
  await page.getByRole('radio', { name: new RegExp(`^${identity}`) }).check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
}

export async function signInAsTeacher(page: Page) {
  await page.goto('/connexion');
  await page.getByLabel('Adresse e-mail').fill(e2eTeacher.email);
  await page.getByLabel('Mot de passe').fill(e2eTeacher.password);
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/enseignant$/);
}
