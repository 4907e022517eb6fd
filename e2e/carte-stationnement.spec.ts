import { expect, expectNoAxeViolations, signInThroughProvider, test, waitForText } from './support';

test('carte de stationnement : refusée pour l’ancienne adresse de la carte grise, changement d’adresse, nouvel essai, carte délivrée', async ({ page }) => {
  test.setTimeout(150_000);
  await signInThroughProvider(page, /FranceConnect/, 'Sophie Marie Lefebvre');
  const askWithConsent = async () => {
    await page.goto('/citoyen/demarches/carte-stationnement');
    await page.getByRole('link', { name: 'Voir ce que la ville demandera' }).click();
    await page.getByRole('radio', { name: /J’accepte/ }).check();
    await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  };
  await askWithConsent();
  const decision = page.locator('.notice--error');
  await expect(decision).toContainText('Votre demande est refusée.');
  await expect(decision).toContainText('Le certificat d’immatriculation FN-215-PL porte encore l’adresse « 3 Grand-Rue, 00320 Montclar-les-Vignes »');
  await expect(decision).toContainText('Que faire : Déclarez votre changement d’adresse');
  await expectNoAxeViolations(page);

  // The remedy: declare the address to the SIV (and the CAF, which also had the old one).
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await page.getByLabel('Numéro et nom de la voie').fill('57 boulevard des Tilleuls');
  await page.getByLabel('Code postal').fill('00100');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Date d’emménagement').fill(new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }));
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('checkbox', { name: /Système d’immatriculation des véhicules/ }).check();
  await page.getByRole('checkbox', { name: /Caisse d’allocations familiales/ }).check();
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByRole('row', { name: /Système d’immatriculation des véhicules/ })).toContainText('Adresse mise à jour');

  await askWithConsent();
  await expect(page.getByText('Votre demande est acceptée.')).toBeVisible();
  await expect(page.getByText(/Carte délivrée pour le véhicule FN-215-PL, zone B/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Vérifier : Carte de stationnement résidentiel' }).click();
  await expect(page).toHaveURL(/\/verifier\//);
  await expect(page.getByRole('status').filter({ hasText: 'Document authentique.' })).toContainText('n’a pas été modifié');
  await expectNoAxeViolations(page);

  await page.goto('/citoyen');
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('listitem').filter({ hasText: 'Carte de stationnement résidentiel' }).filter({ hasText: 'Refusée' })).toHaveCount(1);
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('listitem').filter({ hasText: 'Carte de stationnement résidentiel' }).filter({ hasText: 'Acceptée' })).toHaveCount(1);
  await expectNoAxeViolations(page);
});
