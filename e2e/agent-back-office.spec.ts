import type { Browser, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, joinSession, newSession, signInThroughProvider, test } from './support';

const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

async function fileWithProofs(browser: Browser, code: string, pseudonym: string, who: string, plate: string): Promise<{ page: Page; receipt: string }> {
  const page = await joinSession(browser, code, pseudonym);
  await signInThroughProvider(page, /FranceConnect/, who);
  await page.goto('/citoyen/demarches/carte-stationnement/justificatifs');
  await page.getByLabel('Immatriculation du véhicule').fill(plate);
  for (const label of ['Dernier avis d’imposition', /Certificat d’immatriculation/, /Justificatif de domicile/]) {
    await page.getByLabel(label).setInputFiles({ name: 'piece.png', mimeType: 'image/png', buffer: png });
  }
  await page.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  const receipt = (await page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).locator('strong').textContent()) ?? '';
  expect(receipt).toMatch(/^EG-/);
  return { page, receipt };
}

test('un agent de la ville traite des demandes avec justificatifs : il en accepte une et en refuse une avec un motif que la personne lit', async ({ browser, page }) => {
  test.setTimeout(150_000);
  // A séance of its own, which a retry makes again from nothing: its second student plays the city's agent, Mehdi
  // Roger, so the city's cases wait for them; two more students (observers) play Julie and Antoine.
  const code = await newSession(await (await browser.newContext()).newPage(), 'Guichet de la ville', 'tout', 2);
  await (await joinSession(browser, code, 'Renard')).context().close();
  await joinSession(page, code, 'Hibou');
  await expect(page.getByText(/vous jouez Mehdi Roger/)).toBeVisible();
  const julie = await fileWithProofs(browser, code, 'Loutre', 'Julie Fontaine', 'HB-903-XR');
  const antoine = await fileWithProofs(browser, code, 'Castor', 'Antoine Mercier', 'EZ-561-QN');

  await signInThroughProvider(page, /ProConnect/, 'Mehdi Roger');
  await expect(page).toHaveURL(/\/agent$/);
  await expect(page.getByText('Votre organisme est en traitement automatique')).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(julie.receipt) })).toContainText('Déposée');
  // The queue's counts: Julie's and Antoine's, the séance's only cases.
  await expect(page.getByRole('region', { name: 'File d’attente' }).getByText(/^Déposées\u00a0: 2 · En cours d’instruction\u00a0: 0 · Complément demandé\u00a0: 0 · Terminées\u00a0: 0$/)).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('État', { exact: true }).selectOption('depose');
  await page.getByRole('button', { name: 'Filtrer' }).click();
  await expect(page).toHaveURL(/etat=depose/);
  await expect(page.getByRole('row', { name: new RegExp(antoine.receipt) })).toBeVisible();

  // Julie: take, check the proofs, accept → the card is issued.
  await page.getByRole('link', { name: julie.receipt }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText(julie.receipt);
  await expect(page.getByRole('region', { name: 'Justificatifs' }).getByRole('link')).toHaveCount(3);
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await expect(page.getByText('En cours d’instruction').first()).toBeVisible();
  await page.getByRole('button', { name: 'Accepter' }).click();
  await expect(page.getByText('Ce dossier est terminé.')).toBeVisible();
  await expect(page.getByText(/Documents délivrés\s: .*Carte de stationnement résidentiel/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Antoine: refusing needs a reason; the person reads it.
  await page.goto('/agent');
  await page.getByRole('link', { name: antoine.receipt }).click();
  await page.getByRole('button', { name: 'Prendre en charge' }).click();
  await page.getByRole('button', { name: 'Refuser' }).click();
  await expect(page.locator('#decision-refuser-motif-erreur')).toHaveText('Choisissez un motif de refus.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Motif').selectOption('La personne ne remplit pas les conditions.');
  await page.getByLabel('Précisions pour la personne').fill('Le 11 allée des Cerisiers n’est dans aucune zone de stationnement résidentiel.');
  await page.getByRole('button', { name: 'Refuser' }).click();
  await expect(page.getByText('Ce dossier est terminé.')).toBeVisible();

  // Antoine's page was not reloaded: the notification arrives by itself (server-sent events).
  await expect(antoine.page.getByTestId('notifications-non-lues')).toContainText('2', { timeout: 10_000 });
  await antoine.page.getByText('Notifications').click();
  await expect(antoine.page.getByRole('link', { name: /Carte de stationnement résidentiel EG-.*\s: refusée/ })).toBeVisible();
  await expectNoAxeViolations(antoine.page);
  await antoine.page.reload();
  const decision = antoine.page.locator('.notice--error');
  await expect(decision).toContainText('Votre demande est refusée.');
  await expect(decision).toContainText('La personne ne remplit pas les conditions. Le 11 allée des Cerisiers n’est dans aucune zone');
  await expectNoAxeViolations(antoine.page);
  await julie.page.reload();
  await expect(julie.page.getByText('Votre demande est acceptée.')).toBeVisible();
  await expect(julie.page.getByText(/Mehdi Roger, Ville de Villeneuve-sur-Brenne \(fictive\)\s: Acceptée/)).toBeVisible();
});
