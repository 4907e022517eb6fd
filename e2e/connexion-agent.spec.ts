import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

test('un agent se connecte avec ProConnect simulé et voit son organisme, pas l’espace citoyen', async ({ page }) => {
  await signInThroughProvider(page, /ProConnect/, 'Nathalie Brun');
  await expect(page).toHaveURL(/\/agent$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Caisse d’allocations familiales (simulée)');
  await expect(page.getByText('Aucun dossier à traiter pour le moment.')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/citoyen');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  await expectNoAxeViolations(page);
});

test('annuler sur la page du fournisseur ramène à la connexion avec un message clair', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('button', { name: /ProConnect/ }).click();
  await page.getByRole('button', { name: 'Annuler et revenir au service' }).click();
  await expect(page).toHaveURL(/\/connexion\?.*error=Callback/);
  await expect(page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Connexion impossible' }) })).toContainText('La connexion a été annulée ou n’a pas pu être terminée');
  await expectNoAxeViolations(page);
});
