import { PDFDocument, PDFTextField } from 'pdf-lib';
import { expect, expectNoAxeViolations, signInThroughProvider, test, waitForText } from './support';

test('un agent d’état civil saisit la demande papier d’acte de naissance de Marcel, qui n’utilise pas Internet', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /ProConnect/, 'Julien Perret');
  await expect(page).toHaveURL(/\/agent$/);
  await page.getByRole('link', { name: 'Saisir une demande papier ou au guichet' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saisir une demande papier ou au guichet');
  await expectNoAxeViolations(page);

  // The printable form, pre-filled for Marcel, holds the procedure's fields.
  const marcel = await page.getByLabel('La personne', { exact: true }).locator('option', { hasText: 'DUPUIS Marcel André' }).getAttribute('value');
  const response = await page.request.get(`/formulaires/acte-naissance?pour=${marcel}`);
  expect(response.headers()['content-type']).toBe('application/pdf');
  const form = (await PDFDocument.load(await response.body())).getForm();
  expect((form.getField('identite.nom') as PDFTextField).getText()).toBe('Dupuis');
  expect(form.getFields().map((f) => f.getName())).toEqual(expect.arrayContaining(['demandeur.lien', 'type.type']));

  // Nothing chosen: told so, nothing started.
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'La saisie n’a pas commencé' })).toBeVisible();

  await page.getByLabel('La personne', { exact: true }).selectOption(marcel ?? '');
  await page.getByLabel('La démarche').selectOption({ label: 'Acte de naissance' });
  await page.getByRole('radio', { name: /Formulaire papier/ }).check();
  await page.getByRole('button', { name: 'Commencer la saisie' }).click();
  await expect(page.getByText('Saisie pour Marcel André Dupuis (formulaire papier)')).toBeVisible();
  await page.getByRole('radio', { name: 'Mon propre acte de naissance' }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await page.getByRole('radio', { name: /Copie intégrale/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.getByText(/demande sur papier saisie par Julien Perret/)).toBeVisible();
  await page.getByRole('button', { name: 'Envoyer la demande' }).click();
  const receipt = (await page.getByRole('status').locator('strong').textContent()) ?? '';
  expect(receipt).toMatch(/^EG-/);

  // In the register's queue, marked as a paper request, and decided like any other.
  await page.goto('/agent');
  await page.getByRole('link', { name: receipt }).click();
  await expect(page.getByText('(sur papier)')).toBeVisible();
  await expect(page.getByText(/Formulaire papier reçu, saisie par Julien Perret pour Marcel André Dupuis/)).toBeVisible();
  await waitForText(page, 'Ce dossier est terminé.');
  await expect(page.getByText(/Documents délivrés\s: .*Copie intégrale d’acte de naissance/)).toBeVisible();
  await expectNoAxeViolations(page);
});
