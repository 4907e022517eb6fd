import type { Browser } from '@playwright/test';
import { compactVerify, createLocalJWKSet } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { expect, expectNoAxeViolations, openDemoSession, signInThroughProvider, teacherPlays, test, waitForText } from './support';

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

test('une contestation avec sa preuve : l’avis ne peut plus être payé ; l’officier du ministère public, joué par un·e élève, le classe', async ({ page, browser }) => {
  test.setTimeout(180_000);
  await sendTheNotices(browser);
  const restore = await teacherPlays(browser, ['ANTAI']);
  try {
    const citizen = await (await browser.newContext()).newPage();
    await signInThroughProvider(citizen, /FranceConnect/, 'Élodie Marchand');
    await citizen.goto('/citoyen/amendes');
    const notice = citizen.getByRole('region', { name: /Avis de contravention n°/ });
    await expect(notice).toContainText('EM-733-EL');
    // No reduced amount for parking: the forfait from the first day.
    await expect(notice.getByText(/À payer aujourd’hui\s:\s35,00\s€ \(amende forfaitaire\)/)).toBeVisible();
    await notice.getByRole('link', { name: 'Contester' }).click();
    await citizen.getByRole('button', { name: 'Commencer la démarche' }).click();
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Quel avis contestez-vous ?');
    await citizen.getByRole('radio', { name: /stationnement gênant sur un emplacement de livraison/ }).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await citizen.getByRole('radio', { name: /ses plaques ont été copiées/ }).check();
    await citizen.getByLabel('Expliquez ce qui s’est passé').fill('Ce matin-là, ma voiture était à Lyon avec moi. J’ai porté plainte pour usurpation de plaques.');
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Votre preuve');
    await expect(citizen.getByText(/le récépissé de votre plainte se télécharge depuis «\sMes avis de contravention\s» \(recepisse-plainte\.pdf\)/)).toBeVisible();
    // A photo over 2 Mo: said beside the field before anything is sent (the file input is loaded for this step only).
    const posts: string[] = [];
    const countPosts = (r: { method(): string; url(): string }) => r.method() === 'POST' && posts.push(r.url());
    citizen.on('request', countPosts);
    await citizen.getByLabel('Le récépissé de votre plainte').setInputFiles({ name: 'photo-plainte.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(3 * 1024 * 1024, 0x25) });
    await expect(citizen.getByText(/Fichier choisi\s:\sphoto-plainte\.jpg \(3\sMo\)/)).toBeVisible();
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.locator('#champ-piece-erreur')).toContainText('Le fichier « photo-plainte.jpg » dépasse 2 Mo.');
    await expect(citizen.getByRole('alert').filter({ hasText: 'Vérifiez ces réponses' })).toBeFocused();
    expect(posts).toEqual([]);
    citizen.off('request', countPosts);
    // A text file named .pdf: refused beside the field, in the summary that takes the focus.
    await citizen.getByLabel('Le récépissé de votre plainte').setInputFiles({ name: 'plainte.pdf', mimeType: 'application/pdf', buffer: Buffer.from('pas un vrai PDF') });
    await expect(citizen.getByText(/Fichier choisi\s:\splainte\.pdf/)).toBeVisible();
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.locator('#champ-piece-erreur')).toContainText('n’est ni un PDF, ni une image JPEG ou PNG');
    await expect(citizen.getByRole('alert').filter({ hasText: 'Vérifiez ces réponses' })).toBeFocused();
    await expectNoAxeViolations(citizen);
    // The receipt the card gives, downloaded as the notices page offers it, then joined.
    const receipt = await citizen.request.get('/citoyen/amendes/piece-fictive');
    expect(receipt.headers()['content-type']).toBe('application/pdf');
    await citizen.getByLabel('Le récépissé de votre plainte').setInputFiles({ name: 'recepisse-plainte.pdf', mimeType: 'application/pdf', buffer: await receipt.body() });
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre demande avant de l’envoyer');
    await expect(citizen.getByText(/recepisse-plainte\.pdf \(\d+\sKo\)/)).toBeVisible();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();
    const filed = (await citizen.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).locator('strong').textContent()) ?? '';
    expect(filed).toMatch(/^EG-/);
    await expect(citizen.getByText(/recepisse-plainte\.pdf/)).toBeVisible();

    // While it is examined, nothing to pay; the notice says who decides, and links to the case.
    await citizen.goto('/citoyen/amendes');
    await expect(notice).toContainText(/Contestée/);
    await expect(notice.getByRole('link', { name: /Payer/ })).toHaveCount(0);
    await expect(notice.getByRole('link', { name: `dossier n° ${filed}` })).toBeVisible();
    await expectNoAxeViolations(citizen);

    // The officer's student reads the reason and the proof, and classes the notice.
    await signInThroughProvider(page, /ProConnect/, 'Nadia Benhamou');
    await page.getByRole('link', { name: filed }).click();
    await expect(page.getByText(/ses plaques ont été copiées/)).toBeVisible();
    const proof = page.waitForEvent('download');
    await page.getByRole('link', { name: 'recepisse-plainte.pdf' }).click();
    expect((await proof).suggestedFilename()).toBe('justificatif-piece_contestation.pdf');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await page.getByRole('button', { name: 'Classer l’avis sans suite' }).dblclick();
    await expect(page.getByText('Ce dossier est terminé.')).toBeVisible();

    await waitForText(citizen, 'Votre contestation est acceptée');
    await citizen.goto('/citoyen/amendes');
    await expect(notice).toContainText('Classée sans suite');
    await expect(notice.getByText(/Votre contestation est acceptée\s: l’amende est classée sans suite\./)).toBeVisible();
  } finally {
    await restore();
  }
});

test('rien à contester : la démarche le dit avant de commencer, et aucun brouillon ne se crée', async ({ page }) => {
  await signInThroughProvider(page, /FranceConnect/, 'Léa Camille Martin');
  await page.goto('/citoyen/demarches/contestation-amende');
  await expect(page.getByRole('status').filter({ hasText: 'Vous n’avez aucun avis de contravention à contester' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commencer la démarche' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Voir mes avis de contravention' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes avis de contravention');
  await page.goto('/citoyen');
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('link', { name: 'Contester un avis de contravention' })).toHaveCount(0);
});
