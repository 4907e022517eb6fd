import { expect, expectNoAxeViolations, test } from './support';

test('la page de l’État plateforme montre qui peut demander quoi, et le même catalogue en JSON', async ({ page, request }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'L’État plateforme' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('qui peut demander quoi');
  const parking = page.getByRole('row').filter({ hasText: 'Délivrer la carte de stationnement résidentiel' }).filter({ hasText: 'SIV' });
  await expect(parking).toContainText('Votre accord (consentement)');
  await expectNoAxeViolations(page);

  const response = await request.get('/api/plateforme/v1/catalogue');
  expect(response.status()).toBe(200);
  const catalogue = await response.json();
  expect(catalogue.donnees).toContainEqual(expect.objectContaining({ id: 'siv.vehicules', fournisseur: 'siv' }));
  expect(catalogue.habilitations).toContainEqual(
    expect.objectContaining({ consommateur: 'ville', fournisseur: 'dgfip', donnees: ['dgfip.adresse_fiscale'], finalite: 'carte_stationnement_residentiel', base_legale: 'consentement' }),
  );
  expect(catalogue.organismes).toHaveLength(11); // the nine bodies that hold data, the CADA and the ANTAI
});
