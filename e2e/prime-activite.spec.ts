import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openDemoSession, signInThroughProvider, waitForText } from './support';

// "Dites-le-nous une fois": the CAF's request comes filled in with what the bodies know, each figure with its source.

test('prime d’activité : chaque chiffre pré-rempli dit d’où il vient, une correction est gardée, la décision donne un montant ; les échanges sont dans Mes données et sur la carte', async ({ page, browser }) => {
  test.setTimeout(150_000);
  await signInThroughProvider(page, /FranceConnect/, 'Thomas Girard');
  await page.goto('/citoyen');
  await page.getByRole('link', { name: 'Demander la prime d’activité' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demander la prime d’activité');
  await expectNoAxeViolations(page);
  // Started twice (a double-click): one draft, asked of each body once.
  await page.getByRole('button', { name: 'Commencer la démarche' }).dblclick();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Votre foyer');
  await expect(page.getByLabel('Nombre de personnes au foyer')).toHaveValue('1');
  await expect(page.getByText(/Pré-rempli par la CAF, d’après votre dossier d’allocataire \(«\s?Célibataire\s?»\)/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vos revenus des trois derniers mois');
  const months = page.getByRole('textbox', { name: /^Revenus du travail en/ });
  await expect(months).toHaveCount(3);
  for (const field of await months.all()) await expect(field).toHaveValue('817');
  await expect(page.getByText(/Pré-rempli par la DGFiP, sur la base de la loi\s: votre revenu fiscal de référence \d{4} \(9\s800,00\s€\) divisé par 12/)).toBeVisible();
  await expect(page.getByText(/France Travail indique que vous êtes inscrit·e \(Catégorie A, depuis le 2 mars 2026\)/)).toBeVisible();
  // A wrong amount is said beside its field; the correction typed meanwhile stays.
  await months.nth(2).fill('1200');
  await page.getByLabel('Autres ressources du foyer, par mois (€)').fill('beaucoup');
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.locator('#champ-autres-erreur')).toHaveText('Écrivez un montant en euros, sans centimes, par exemple 400.');
  await expect(months.nth(2)).toHaveValue('1200');
  await expectNoAxeViolations(page);
  await page.getByLabel('Autres ressources du foyer, par mois (€)').fill('0');
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre demande avant de l’envoyer');
  await expect(page.getByText(/817\s€ d’après la DGFiP → 1\s200\s€/)).toBeVisible();
  await expect(page.getByText(/334,27\s€ par mois/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toContainText(/EG-\d{4}-/);
  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByText(/La prime d’activité est accordée\s: 334,27\s€ par mois/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Documents' }).getByText('Décision de prime d’activité', { exact: true })).toBeVisible();
  // The exchanges made for this request, on the law's basis.
  const forThisCase = page.getByRole('region', { name: 'Les données demandées pour ce dossier' });
  await expect(forThisCase.getByRole('heading', { name: /CAF a demandé à DGFiP/ })).toHaveCount(1);
  await expect(forThisCase.getByRole('heading', { name: /CAF a demandé à France Travail/ })).toHaveCount(1);
  await expectNoAxeViolations(page);

  await page.goto('/citoyen/mes-donnees');
  const dgfip = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'CAF a demandé à DGFiP : Revenu fiscal de référence' }) });
  await expect(dgfip).toHaveCount(1);
  await expect(dgfip).toContainText('la loi');
  await expect(dgfip).toContainText('Calculer la prime d’activité');
  await expectNoAxeViolations(page);

  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await expect(teacher.getByRole('img', { name: /Carte des échanges de données/ })).toHaveAttribute('aria-label', /CAF → (DGFiP|France Travail), accordé/);
});
