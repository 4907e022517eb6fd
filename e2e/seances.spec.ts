import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, signInAsTeacher } from './support';

test('l’enseignant·e crée une séance, un·e élève la rejoint avec le code, puis la séance est supprimée avec tout ce qu’elle contient', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsTeacher(page);
  await page.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(page.locator('#seance-nom-erreur')).toContainText('Donnez un nom à la séance');
  await page.getByLabel('Scénario').selectOption('stationnement');
  await page.getByLabel('Nom de la séance').fill('BTS e2e — mardi');
  await page.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La séance est créée' })).toBeVisible();
  const row = page.getByRole('row', { name: /BTS e2e — mardi/ });
  const code = ((await row.getByRole('code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(row.getByRole('img', { name: new RegExp(`Code QR vers .*/rejoindre\\?code=${code}`) })).toBeVisible();
  await expect(row).toContainText('Supprimées automatiquement le');
  await expectNoAxeViolations(page);

  // A student joins with the code: the provider offers that séance's people.
  const student = await (await browser.newContext()).newPage();
  await student.goto(`/rejoindre?code=${code.toLowerCase()}`);
  await expect(student.getByRole('heading', { name: 'Séance trouvée : BTS e2e — mardi' })).toBeVisible();
  await student.getByRole('button', { name: 'Je joue une personne' }).click();
  await student.getByRole('radio', { name: /^Karim Benali/ }).check();
  await student.getByRole('button', { name: 'Me connecter' }).click();
  await expect(student).toHaveURL(/\/citoyen$/);
  await expect(student.getByText('Séance : BTS e2e — mardi')).toBeVisible();
  await expect(student.getByText('Vous n’avez encore aucune démarche en cours.')).toBeVisible();

  // Deleting is one confirmed action; afterwards nothing of the séance remains, not even the student's persona.
  await page.reload();
  await page.getByRole('link', { name: 'Supprimer la séance BTS e2e — mardi' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supprimer la séance « BTS e2e — mardi » ?');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Oui, supprimer définitivement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La séance et toutes ses données sont supprimées.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /BTS e2e — mardi/ })).toHaveCount(0);
  expect((await student.goto('/citoyen'))?.status()).toBe(401);
  await student.goto(`/rejoindre?code=${code}`);
  await expect(student.locator('#code-erreur')).toContainText('Aucune séance ne correspond à ce code.');
});
