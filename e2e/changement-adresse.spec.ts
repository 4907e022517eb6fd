import { expect, expectNoAxeViolations, signInThroughProvider, test, waitForText } from './support';

const today = () => new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' });

test('changement d’adresse : une déclaration, un avis par organisme, chaque dossier mis à jour', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /FranceConnect/, 'Léa Camille Martin');
  // The card the student was given, facts included, heads the dashboard.
  await expect(page.getByRole('region', { name: /^Votre carte de mission/ })).toContainText('8 rue du Moulin, 00100 Villeneuve-sur-Brenne');
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre nouvelle adresse');
  // Beside the form, the card's facts are folded: opened from the keyboard, without leaving what is typed.
  await page.getByLabel('Numéro et nom de la voie').fill('8 rue');
  const facts = page.getByText('Votre carte de mission : ce que vous savez');
  await expect(page.getByText('8 rue du Moulin, 00100 Villeneuve-sur-Brenne')).toBeHidden();
  await facts.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText('8 rue du Moulin, 00100 Villeneuve-sur-Brenne')).toBeVisible();
  await expect(page.getByLabel('Numéro et nom de la voie')).toHaveValue('8 rue');

  // An address the base does not know: error beside the field, in the summary, and what was typed stays.
  await page.getByLabel('Numéro et nom de la voie').fill('8 rue du Moulinet');
  await page.getByLabel('Code postal').fill('00100');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vérifiez ces réponses' })).toBeFocused();
  await expect(page.locator('#champ-voie-erreur')).toContainText('Cette adresse n’existe pas dans la base des adresses');
  await expect(page.getByLabel('Numéro et nom de la voie')).toHaveValue('8 rue du Moulinet');
  await expect(page.getByLabel('Code postal')).toHaveValue('00100');
  await expectNoAxeViolations(page);
  await page.getByLabel('Numéro et nom de la voie').fill('8 rue du Moulin');
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La date de votre déménagement');
  await page.getByLabel('Date d’emménagement').fill('31/02/2026');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.locator('#champ-date-erreur')).toContainText('Cette date n’existe pas');
  await expect(page.getByLabel('Date d’emménagement')).toHaveValue('31/02/2026');
  await page.getByLabel('Date d’emménagement').fill(today());
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Les organismes à prévenir');
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.locator('#champ-organismes-erreur')).toHaveText('Cochez au moins un organisme à prévenir.');
  await expectNoAxeViolations(page);
  await page.getByRole('checkbox', { name: /Caisse d’allocations familiales/ }).check();
  await page.getByRole('checkbox', { name: /Caisse primaire d’assurance maladie/ }).check();
  await page.getByRole('checkbox', { name: /Caisse de retraite/ }).check();
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();

  await expect(page.getByText('8 rue du Moulin, 00100 Villeneuve-sur-Brenne')).toBeVisible();
  await expect(page.getByText('CAF, CPAM, Caisse de retraite')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.getByRole('row', { name: /Caisse d’allocations familiales/ })).toContainText('En attente');
  await expectNoAxeViolations(page);

  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByRole('row', { name: /Caisse d’allocations familiales/ })).toContainText('Adresse mise à jour');
  await expect(page.getByRole('row', { name: /Caisse de retraite/ })).toContainText('Rejeté');
  await expect(page.getByRole('row', { name: /Caisse de retraite/ })).toContainText('n’a pas de dossier à votre nom');
  await expectNoAxeViolations(page);

  // Each body's own record now holds the new address (the right of access shows it).
  await page.goto('/citoyen/mes-donnees');
  const caf = page.getByRole('region', { name: 'Caisse d’allocations familiales (simulée)' });
  await expect(caf).toContainText('8 rue du Moulin, 00100 Villeneuve-sur-Brenne');
  const laPoste = page.getByRole('region', { name: 'La Poste (simulée)' });
  await expect(laPoste).toContainText('14 route de Montclar'); // not chosen: not told
});

test('un brouillon survit au rechargement, au départ et au retour', async ({ page }) => {
  // A persona with no display preferences (Claire Rousseau, who reads with difficulty, now starts in simplified mode).
  await signInThroughProvider(page, /FranceConnect/, 'Hugo Lambert');
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await page.getByLabel('Numéro et nom de la voie').fill('40 rue Victor-Hugo');
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon enregistré' })).toBeVisible();
  await page.reload();
  await expect(page.getByLabel('Numéro et nom de la voie')).toHaveValue('40 rue Victor-Hugo');

  await page.getByLabel('Code postal').fill('00100');
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByLabel('Date d’emménagement').fill('01/');
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon enregistré' })).toBeVisible();

  // Leave for the dashboard, then come back through the case.
  await page.goto('/citoyen');
  await page.getByRole('list', { name: 'Mes demandes' }).getByRole('link', { name: 'Changement d’adresse' }).click();
  await page.getByRole('link', { name: 'Reprendre ma demande' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('La date de votre déménagement');
  await expect(page.getByLabel('Date d’emménagement')).toHaveValue('01/');
  await page.getByRole('link', { name: 'Étape précédente' }).click();
  await expect(page.getByLabel('Numéro et nom de la voie')).toHaveValue('40 rue Victor-Hugo');
  await expect(page.getByLabel('Code postal')).toHaveValue('00100');
  await expectNoAxeViolations(page);
});
