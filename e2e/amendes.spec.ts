import { expect, test, type Browser } from '@playwright/test';
import { compactVerify, createLocalJWKSet } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { expectNoAxeViolations, openDemoSession, signInThroughProvider } from './support';

// A notice of fine, found through the platform from the plate, paid online once, with a sealed receipt.

/** The teacher sends the radars' notices (once: a second visit finds them sent). */
async function sendTheNotices(browser: Browser) {
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Messages', exact: true }).click();
  await expect(teacher.getByRole('heading', { level: 2, name: 'Les radars' })).toBeVisible();
  const send = teacher.getByRole('button', { name: 'Envoyer les avis de contravention' });
  if (await send.isVisible()) {
    await expectNoAxeViolations(teacher);
    await send.dblclick();
    await expect(teacher.getByRole('status').filter({ hasText: /3\savis de contravention envoyés|déjà envoyés/ })).toBeVisible();
  }
  await expect(teacher.getByText(/avis de contravention sont envoyés/)).toBeVisible();
  await teacher.context().close();
}

test('un avis de contravention arrive par la plateforme à l’adresse de la carte grise ; il se paie une fois, quittance scellée à l’appui', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await sendTheNotices(browser);
  await signInThroughProvider(page, /FranceConnect/, 'Nicolas Henry');
  await page.goto('/citoyen');
  await expect(page.getByRole('status').filter({ hasText: 'Vous avez reçu un avis de contravention.' })).toBeVisible();
  await page.getByRole('link', { name: 'Voir et payer mes amendes' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes avis de contravention');
  const notice = page.getByRole('region', { name: /Avis de contravention n°/ });
  await expect(notice).toContainText('CK-650-MZ');
  // Sent to the certificate's old address: said, with what it would have cost.
  await expect(notice).toContainText('21 route de la Forêt');
  await expect(notice.getByText(/Cet avis est parti à l’adresse de la carte grise, qui n’est plus la vôtre\./)).toBeVisible();
  await expect(notice.getByText(/À payer aujourd’hui\s:\s45,00\s€ \(amende minorée\)/)).toBeVisible();
  await expect(notice.getByText(/180,00\s€ ensuite \(amende majorée\)/)).toBeVisible();
  await expectNoAxeViolations(page);

  // Who asked whom for what: the ANTAI asked the SIV, on the law's basis; the person reads it in Mes données.
  await page.goto('/citoyen/mes-donnees');
  await expect(page.getByText(/ANTAI/).first()).toBeVisible();
  await page.goto('/citoyen/amendes');

  await page.getByRole('link', { name: /Payer 45,00\s€ en ligne/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Payer l’amende');
  await expectNoAxeViolations(page);
  // A real-looking card, a past date, a short code: each error beside its field, what was typed kept.
  await page.getByLabel('Numéro de la carte').fill('4000 0000 0000 0002');
  await page.getByLabel('Date d’expiration (MM/AA)').fill('01/20');
  await page.getByLabel('Cryptogramme').fill('12');
  await page.getByLabel('Nom sur la carte').fill('Nicolas Henry');
  await page.getByRole('button', { name: /Payer 45,00\s€/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Le paiement n’est pas fait' })).toBeFocused();
  await expect(page.locator('#carte-numero-erreur')).toContainText('utilisez la carte de test');
  await expect(page.locator('#carte-expiration-erreur')).toHaveText('Cette carte a expiré.');
  await expect(page.locator('#carte-cryptogramme-erreur')).toContainText('3 chiffres');
  await expect(page.getByLabel('Nom sur la carte')).toHaveValue('Nicolas Henry');
  await expectNoAxeViolations(page);
  await page.getByLabel('Numéro de la carte').fill('4970 1000 0000 0003');
  await page.getByLabel('Date d’expiration (MM/AA)').fill('08/29');
  await page.getByLabel('Cryptogramme').fill('123');
  // Paid with a double-click: once.
  await page.getByRole('button', { name: /Payer 45,00\s€/ }).dblclick();
  await expect(page).toHaveURL(/\/citoyen\/amendes#avis-/);
  await expect(page.getByRole('status').filter({ hasText: /Paiement accepté\s:\s45,00\s€/ })).toBeVisible();
  await expect(page.getByRole('region', { name: /Avis de contravention n°/ })).toContainText(/Payée\s:\s45,00\s€/);
  // Back to the payment page: nothing more to pay.
  await page.goBack();
  await page.reload();
  await expect(page).toHaveURL(/\/citoyen\/amendes/);

  await page.goto('/citoyen/coffre-fort');
  await expect(page.getByText('Quittance de paiement d’une amende', { exact: true })).toHaveCount(1);
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger : Quittance de paiement d’une amende' }).click();
  const bytes = await (await download).createReadStream().then(async (stream) => Buffer.concat(await stream.toArray()));
  const seal = /e-guichet-sceau:(\S+)/.exec((await PDFDocument.load(bytes)).getKeywords() ?? '')?.[1] ?? '';
  const { payload } = await compactVerify(seal, createLocalJWKSet(await (await page.request.get('/api/documents/cles')).json()));
  expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ typ: 'quittance_amende', iss: 'e-guichet:antai' });
  await page.getByRole('link', { name: 'Vérifier : Quittance de paiement d’une amende' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Document authentique.' })).toBeVisible();
  await expectNoAxeViolations(page);
});

test('la société désigne le conducteur : l’avis part à cette personne, et à elle seule', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await sendTheNotices(browser);
  await signInThroughProvider(page, /FranceConnect/, 'Hugo Lambert');
  await page.goto('/citoyen/amendes');
  const notice = page.getByRole('region', { name: /Avis de contravention n°/ });
  await expect(notice).toContainText('Lambert Plomberie SARL');
  await expect(notice.getByText(/Cet avis est adressé à votre société\./)).toBeVisible();
  await notice.getByRole('link', { name: 'Désigner le conducteur' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Désigner le conducteur');
  await expectNoAxeViolations(page);
  // Nothing chosen: the error beside the list; then chosen but not certified: beside the box, the choice kept.
  await page.getByRole('button', { name: 'Désigner le conducteur' }).click();
  await expect(page.locator('#champ-conducteur-erreur')).toHaveText('Choisissez la personne qui conduisait.');
  await page.getByLabel('La personne qui conduisait').selectOption({ label: 'LEMAIRE Rose, Villeneuve-sur-Brenne' });
  await page.getByRole('button', { name: 'Désigner le conducteur' }).click();
  await expect(page.locator('#champ-certifie-erreur')).toHaveText('Cochez la case pour certifier que cette personne conduisait.');
  await expect(page.getByLabel('La personne qui conduisait')).toHaveValue(/.+/);
  await expectNoAxeViolations(page);
  await page.getByLabel(/Je certifie que cette personne conduisait/).check();
  await page.getByRole('button', { name: 'Désigner le conducteur' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: /un nouvel avis est envoyé à LEMAIRE Rose/ })).toBeVisible();
  await expect(notice).toContainText('Conducteur désigné');
  await expect(notice.getByRole('link', { name: /Payer/ })).toHaveCount(0);

  // Rose receives it, in her name and at her address; nobody else.
  const rose = await (await browser.newContext()).newPage();
  await signInThroughProvider(rose, /FranceConnect/, 'Rose Lemaire');
  await rose.goto('/citoyen');
  await expect(rose.getByRole('status').filter({ hasText: 'Vous avez reçu un avis de contravention.' })).toBeVisible();
  await rose.goto('/citoyen/amendes');
  await expect(rose.getByRole('region', { name: /Avis de contravention n°/ })).toContainText('FT-128-HP');
  await expect(rose.getByRole('region', { name: /Avis de contravention n°/ })).toContainText('LEMAIRE Rose');
  await expectNoAxeViolations(rose);
});
