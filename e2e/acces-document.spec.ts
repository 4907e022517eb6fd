import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openDemoSession, signInThroughProvider, test, waitForText } from './support';

// Access to administrative documents (loi du 17 juillet 1978) and the CADA, as a student meets them.

/** The receipt number the page shows once a request is sent (EG-…). */
async function receiptOf(page: Page) {
  const receipt = (await page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).locator('strong').textContent()) ?? '';
  expect(receipt).toMatch(/^EG-/);
  return receipt;
}

/** The refused request by its receipt number (a retry of the test finds the first try's request beside it). */
const refusedRequest = (page: Page, receipt: string) => page.getByRole('radio', { name: new RegExp(`dossier n° ${receipt}`) });

/**
 * Starts a referral to the CADA from its page. A referral left as a draft (a retry of the test after a failure) is
 * abandoned first, as its person would: the procedure keeps one draft at a time.
 */
async function beginReferral(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Saisir la CADA après un refus');
  if (await page.getByRole('link', { name: 'Reprendre ma demande' }).isVisible()) {
    await page.getByRole('link', { name: 'Reprendre ma demande' }).click();
    await page.getByRole('button', { name: 'Abandonner cette demande' }).click();
    await expect(page.locator('.state').first()).toHaveText('Classée sans suite');
    await page.goto('/citoyen/demarches/saisine-cada');
  }
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
}

async function askFor(page: Page, body: RegExp, document: RegExp, mode: RegExp) {
  await page.goto('/citoyen');
  // The procedure's card (a retry also finds the request already made, further down the page).
  await page.getByRole('link', { name: 'Demander un document administratif' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Demander un document administratif');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('À quelle administration demandez-vous le document ?');
  await page.getByRole('radio', { name: body }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quel document voulez-vous ?');
  await page.getByRole('radio', { name: document }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Comment voulez-vous le recevoir ?');
  await page.getByRole('radio', { name: mode }).check();
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre demande avant de l’envoyer');
}

test('un document demandé à la mairie par courriel arrive gratuitement, avec le passage sur la santé d’une voisine occulté', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /FranceConnect/, 'Olivier Chevalier');
  await page.goto('/citoyen');
  await page.getByRole('link', { name: 'Demander un document administratif' }).click();
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await page.getByRole('radio', { name: /La mairie de Villeneuve-sur-Brenne/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  // A paper-only document cannot go by e-mail: said beside the question, before anything is sent.
  await page.getByRole('radio', { name: /Permis de construire d’une véranda/ }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('radio', { name: /Recevoir une copie papier/ })).toBeVisible();
  await expect(page.getByText(/12\spages à 0,18\s€, plus 3,00\s€ d’envoi\s: 5,16\s€ en tout\./)).toBeVisible();
  await page.getByRole('radio', { name: /Le recevoir par courrier électronique/ }).check();
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.locator('#champ-mode-erreur')).toContainText('n’existe que sur papier');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Étape précédente' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quel document voulez-vous ?');
  await page.getByRole('radio', { name: /Compte rendu de la réunion publique sur la rue des Tanneurs/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Continuer' }).click();
  await expect(page.getByRole('radio', { name: /Le recevoir par courrier électronique/ })).toBeChecked();
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(page.getByText('Compte rendu de la réunion publique sur la rue des Tanneurs')).toBeVisible();
  // Sent twice (a double-click): one request.
  await page.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toContainText(/EG-\d{4}-/);
  await expect(page.getByText(/votre demande sera refusée\s: c’est un refus implicite/)).toBeVisible();
  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByText(/1\spassage est occulté/).first()).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Vérifier : Compte rendu de la réunion publique sur la rue des Tanneurs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Document authentique.' })).toBeVisible();
  await expect(page.getByText(/Occulté\s: le secret médical \(article L311-6\)/)).toBeVisible();
  await expect(page.getByText(/opération de la hanche/)).toHaveCount(0);
  await expectNoAxeViolations(page);
  // The dashboard's list of requests holds it once.
  await page.goto('/citoyen');
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('link', { name: 'Demander un document administratif' })).toHaveCount(1);
});

test('sans réponse en un mois (une minute ici), la demande est refusée implicitement ; la CADA est saisie et donne son avis', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  await expect(teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)')).toHaveValue('5');
  await teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)').fill('0');
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.locator('#reglages-mois-erreur')).toHaveText('Indiquez la durée d’un mois en minutes : un nombre entier de 1 à 60.');
  await teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)').fill('1');
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  try {
    await signInThroughProvider(page, /FranceConnect/, 'Inês Garcia');
    await askFor(page, /La mairie de Villeneuve-sur-Brenne/, /Étude de circulation du centre-ville/, /Le recevoir par courrier électronique/);
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const request = await receiptOf(page);
    await expect(page.getByText(/un mois de la vraie vie dure 1\sminute/)).toBeVisible();
    await waitForText(page, 'Votre demande est refusée implicitement.', 100_000);
    await expect(page.getByRole('strong').filter({ hasText: 'Votre demande est refusée implicitement.' })).toBeVisible();
    await expect(page.getByText(/article R311-13/).first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Saisir la CADA' }).click();
    await beginReferral(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Quel refus contestez-vous ?');
    await expect(refusedRequest(page, request)).toHaveAccessibleDescription(/^Refus implicite le/);
    await expectNoAxeViolations(page);
    await refusedRequest(page, request).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await page.getByLabel('Vos observations (facultatif)').fill('J’habite près de la rue des Tanneurs.');
    await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await page.getByRole('button', { name: 'Envoyer ma demande' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toBeVisible();
    // The CADA's opinion goes to the city, which decides again: here by itself, following the opinion.
    await waitForText(page, 'L’administration vous communique le document.');
    await expect(page.getByText(/avis favorable\s: le document est communicable/).first()).toBeVisible();
    await expect(page.getByText(/suit l’avis de la CADA et vous communique le document/).first()).toBeVisible();
    await expect(page.getByRole('region', { name: 'Documents' }).getByText('Avis de la CADA', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Documents' }).getByText('Étude de circulation du centre-ville', { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);

    // The same refusal cannot be brought twice.
    await page.goto('/citoyen/demarches/saisine-cada');
    await page.getByRole('button', { name: 'Commencer la démarche' }).click();
    await refusedRequest(page, request).check();
    await page.getByRole('button', { name: 'Continuer' }).click();
    await expect(page.locator('#champ-dossier-erreur')).toHaveText('Vous avez déjà saisi la CADA pour cette demande.');
    // The person gives up this second referral: nothing is left as a draft.
    await page.goto('/citoyen/demarches/saisine-cada');
    await page.getByRole('link', { name: 'Reprendre ma demande' }).click();
    await page.getByRole('button', { name: 'Abandonner cette demande' }).click();
    await expect(page.locator('.state').first()).toHaveText('Classée sans suite');
  } finally {
    await teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)').fill('5');
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  }
});

test('un·e élève rapporteur·e de la CADA instruit la saisine : l’avis défavorable sur un projet de budget, le refus maintenu, le tribunal administratif', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  await teacher.getByRole('checkbox', { name: 'CADA', exact: true }).check();
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  try {
    const citizen = await (await browser.newContext()).newPage();
    await signInThroughProvider(citizen, /FranceConnect/, 'Manon David');
    await askFor(citizen, /La mairie de Villeneuve-sur-Brenne/, /Projet de budget de la ville/, /Le recevoir par courrier électronique/);
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const request = await receiptOf(citizen);
    await waitForText(citizen, 'Votre demande est refusée.');
    await expect(citizen.getByText(/prépare une décision qui n’est pas encore prise/).first()).toBeVisible();
    await citizen.getByRole('link', { name: 'Saisir la CADA' }).click();
    await beginReferral(citizen);
    await refusedRequest(citizen, request).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const receipt = await receiptOf(citizen);

    // The rapporteur's back-office: the referral waits for them.
    await signInThroughProvider(page, /ProConnect/, 'Claire Fontaine');
    await expect(page).toHaveURL(/\/agent$/);
    await expect(page.getByRole('row', { name: new RegExp(receipt) })).toContainText('Déposée');
    await page.getByRole('link', { name: receipt }).click();
    await expect(page.getByText(/Projet de budget de la ville pour l’an prochain — dossier n°/)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await page.getByRole('button', { name: 'Rendre l’avis de la commission' }).click();
    // The opinion given, the matter goes back to the city: the rapporteur still sees it, read only, but no longer queued.
    await expect(page.getByRole('status').filter({ hasText: /transmis à Ville de Villeneuve-sur-Brenne \(fictive\), qui décide à son tour/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Rendre l’avis|Refuser|Prendre en charge/ })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await page.goto('/agent');
    await expect(page.getByRole('row', { name: new RegExp(receipt) })).toHaveCount(0);

    // The city, which no student plays, keeps its refusal as the opinion finds it justified.
    await waitForText(citizen, 'Votre demande est refusée.');
    await expect(citizen.getByText(/avis défavorable\s: le refus est justifié/).first()).toBeVisible();
    await expect(citizen.getByText(/maintient son refus, que la CADA juge justifié/).first()).toBeVisible();
    await expect(citizen.getByText(/Vous pouvez saisir le tribunal administratif dans les deux mois/).first()).toBeVisible();
    await expect(citizen.getByRole('region', { name: 'Documents' }).getByText('Projet de budget de la ville pour l’an prochain', { exact: true })).toHaveCount(0);
  } finally {
    await teacher.getByRole('checkbox', { name: 'CADA', exact: true }).uncheck();
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  }
});

test('un·e élève agent des impôts refuse à tort ; la CADA donne un avis favorable ; l’élève décide de nouveau et communique le document', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  await teacher.getByRole('checkbox', { name: 'DGFiP', exact: true }).check();
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  try {
    const citizen = await (await browser.newContext()).newPage();
    await signInThroughProvider(citizen, /FranceConnect/, 'Rose Lemaire');
    await askFor(citizen, /Les impôts \(DGFiP\)/, /barème de l’impôt sur le revenu/, /Le recevoir par courrier électronique/);
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const receipt = await receiptOf(citizen);

    // The tax office's student refuses it (wrongly: the brochure is communicable).
    await signInThroughProvider(page, /ProConnect/, 'Laure Dumont');
    await page.getByRole('link', { name: receipt }).click();
    await page.getByRole('button', { name: 'Prendre en charge' }).click();
    await page.locator('#decision-refuser-motif').selectOption('La personne n’a pas qualité pour demander ce document.');
    await page.getByRole('button', { name: 'Refuser' }).click();
    await expect(page.getByText('Ce dossier est terminé.')).toBeVisible();

    await waitForText(citizen, 'Votre demande est refusée.');
    await citizen.getByRole('link', { name: 'Saisir la CADA' }).click();
    await beginReferral(citizen);
    await refusedRequest(citizen, receipt).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
    const referral = await receiptOf(citizen);
    // The CADA (automatic here) gives its opinion; the matter goes back to the tax office, where the student decides.
    await waitForText(citizen, /La CADA a rendu son avis\s: avis favorable/);
    await expect(citizen.getByText(/en cours d’instruction par Direction générale des Finances publiques/)).toBeVisible();
    await expect(citizen.getByText(/Sans nouvelle décision de l’administration le .*, son refus sera confirmé\./)).toBeVisible();
    await expectNoAxeViolations(citizen);

    await page.goto('/agent');
    await page.getByRole('link', { name: referral }).click();
    await expect(page.getByText(/Avis favorable\s: le document est communicable\./)).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Suivre l’avis et communiquer le document' }).dblclick();
    await expect(page.getByText('Ce dossier est terminé.')).toBeVisible();

    await citizen.reload();
    await expect(citizen.getByRole('strong').filter({ hasText: 'L’administration vous communique le document.' })).toBeVisible();
    await expect(citizen.getByRole('region', { name: 'Documents' }).getByText('Brochure pratique : le barème de l’impôt sur le revenu', { exact: true })).toHaveCount(1);
    await expectNoAxeViolations(citizen);
  } finally {
    await teacher.getByRole('checkbox', { name: 'DGFiP', exact: true }).uncheck();
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  }
});
