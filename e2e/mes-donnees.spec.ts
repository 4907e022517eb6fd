import type { Locator } from '@playwright/test';
import { expect, expectNoAxeViolations, joinSession, newSession, ownSubject, sessionBodyToken, signInThroughProvider, test } from './support';

const exchangesPath = '/api/plateforme/v1/echanges';

test('un citoyen donne son accord, voit l’échange et son mode expert dans « Mes données », le retire, puis voit la demande refusée', async ({ page, browser }) => {
  // A whole walk (two people, a dozen pages checked by axe), as the other procedures' tests: 35 s alone, over 60 s on a
  // slow machine beside the other lane.
  test.setTimeout(120_000);
  // A séance of its own (one student planned: Karim, the first citizen), which a retry makes again from nothing.
  const teacher = await (await browser.newContext()).newPage();
  const code = await newSession(teacher, 'Mes données, un accord', 'tout', 1);
  await joinSession(page, code, 'Renard');
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  await expect(page).toHaveURL(/\/citoyen$/);
  await page.getByRole('link', { name: 'Carte de stationnement résidentiel' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carte de stationnement résidentiel');
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Voir ce que la ville demandera' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Acceptez-vous');
  // Informed: each item, who holds it, who receives it, why and for how long.
  await expect(page.getByRole('row').filter({ hasText: 'Véhicules immatriculés' })).toContainText('Système d’immatriculation des véhicules');
  await expect(page.getByRole('row').filter({ hasText: 'Adresse fiscale' })).toContainText('Ville de Villeneuve-sur-Brenne');
  await expect(page.getByText('30 jours. Ensuite, l’accord prend fin tout seul.')).toBeVisible();
  await expect(page.getByRole('radio', { name: /J’accepte/ })).not.toBeChecked(); // no action means no
  await expectNoAxeViolations(page);

  // No answer: an error next to the question, and in a summary.
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(page.locator('#decision-erreur')).toHaveText('Choisissez « J’accepte » ou « Je refuse » pour continuer.');
  await expect(page.getByRole('alert').filter({ hasText: 'Il manque une réponse' })).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: /J’accepte/ }).check();
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Carte de stationnement résidentiel');
  await expect(page.getByText('Votre demande est acceptée.')).toBeVisible();
  await expect(page.getByText(/Carte délivrée pour le véhicule GH-482-KT, zone A/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Les données demandées pour ce dossier' })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto('/citoyen');
  await page.getByRole('link', { name: 'Voir mes données' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes données');
  const sivExchange = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Ville a demandé à SIV : Véhicules immatriculés' }) });
  await expect(sivExchange).toHaveCount(1);
  await expect(sivExchange).toContainText('Données transmises');
  await expect(sivExchange).toContainText('votre accord');
  await expect(page.getByText(/Contrôle du journal de la séance\s: intact/)).toBeVisible();
  // The mode expert is the exchange's own page: the list stays light; the request and the response are one link away.
  // By keyboard only, as a person who does not use a mouse.
  await sivExchange.getByRole('link', { name: /^Mode expert : la requête et la réponse \(entrée n°\s\d+\)$/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/citoyen\/mes-donnees\/echanges\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ville a demandé à SIV : Véhicules immatriculés');
  await expect(page.getByText('votre accord')).toBeVisible();
  const request = page.getByLabel('Requête HTTP');
  await expect(request).toContainText(`POST ${exchangesPath}`);
  await expect(request).toContainText(/authorization: Bearer egt_ville_….{4}\n/);
  await expect(page.getByLabel('Réponse HTTP')).toContainText('"immatriculation": "GH-482-KT"');
  await expect(page.getByLabel('Réponse HTTP')).not.toContainText('Clio'); // minimised: no make or model
  await expect(page.getByRole('link', { name: /^Télécharger le reçu n°\s\d+ \(JSON\)$/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const expertPage = page.url();
  // The way back, the request and the response (which scroll) take the focus in that order, each visibly.
  const back = page.getByRole('link', { name: 'Retour à Mes données' });
  const tabTo = async (target: Locator, key = 'Tab') => {
    for (let i = 0; i < 30 && !(await target.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press(key);
    await expect(target).toBeFocused();
    expect(await target.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
  };
  await tabTo(back);
  await tabTo(request);
  await tabTo(page.getByLabel('Réponse HTTP'));
  await tabTo(back, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mes données');
  await expect(page.getByRole('heading', { name: 'Système d’immatriculation des véhicules (simulé)' })).toBeVisible(); // right of access
  await expectNoAxeViolations(page);

  // Withdrawing is one click.
  await page.getByRole('button', { name: 'Retirer mon accord (SIV → Ville)' }).click();
  await expect(page.getByRole('status')).toContainText('Votre accord est retiré.');
  await expect(page.getByRole('button', { name: 'Retirer mon accord (SIV → Ville)' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Retirer mon accord (DGFiP → Ville)' })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: /^SIV → Ville .*retiré le/ })).toHaveCount(1);
  await expectNoAxeViolations(page);

  // The city asks again with its own token: refused, and the person sees it.
  const token = await sessionBodyToken(teacher, 'ville');
  const retry = await page.request.post(exchangesPath, {
    headers: { Authorization: `Bearer ${token}` },
    data: { fournisseur: 'siv', donnees: ['siv.vehicules'], usager: await ownSubject(page), finalite: 'carte_stationnement_residentiel' },
  });
  expect(retry.status()).toBe(403);
  expect(await retry.json()).toMatchObject({ erreur: 'consentement_absent' });
  await page.reload();
  await expect(sivExchange).toHaveCount(2);
  await expect(sivExchange.first()).toContainText('Refusé : vous n’aviez pas donné votre accord (ou vous l’aviez retiré)');
  await expectNoAxeViolations(page);

  // The exchange's page is for those it concerns: another citizen finds nothing there, as at an address that does not
  // exist; the city's agent reads it in the agent's space, another body's agent does not.
  const exchangeId = expertPage.split('/').pop()!;
  const otherCitizen = await joinSession(browser, code, 'Hibou');
  await signInThroughProvider(otherCitizen, /FranceConnect/, 'Samir Aziz');
  expect((await otherCitizen.goto(expertPage))?.status()).toBe(404);
  const cityAgent = await joinSession(browser, code, 'Loutre');
  await signInThroughProvider(cityAgent, /ProConnect/, 'Camille Vasseur');
  await cityAgent.goto('/agent');
  await cityAgent.locator(`a[href="/agent/echanges/${exchangeId}"]`).click();
  await expect(cityAgent).toHaveURL(new RegExp(`/agent/echanges/${exchangeId}$`));
  await expect(cityAgent.getByRole('heading', { level: 1 })).toHaveText('Ville a demandé à SIV : Véhicules immatriculés');
  await expect(cityAgent.getByText('l’accord de la personne')).toBeVisible();
  await expect(cityAgent.getByLabel('Réponse HTTP')).toContainText('"immatriculation": "GH-482-KT"');
  await expect(cityAgent.getByRole('link', { name: /Télécharger le reçu/ })).toHaveCount(0); // the receipt is the person's
  await expectNoAxeViolations(cityAgent);
  const otherAgent = await joinSession(browser, code, 'Castor');
  await signInThroughProvider(otherAgent, /ProConnect/, 'Nathalie Brun');
  expect((await otherAgent.goto(`/agent/echanges/${exchangeId}`))?.status()).toBe(404);
});

test('refuser est aussi simple qu’accepter, et la vérification dit la raison exacte d’un refus', async ({ page, browser }) => {
  const code = await newSession(await (await browser.newContext()).newPage(), 'Mes données, un refus', 'tout', 1);
  await joinSession(page, code, 'Renard');
  await signInThroughProvider(page, /FranceConnect/, 'Samir Aziz');
  await page.goto('/citoyen/demarches/carte-stationnement/accord');
  await page.getByRole('radio', { name: /Je refuse/ }).check();
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(page).toHaveURL(/choix=sans-accord/);
  await expect(page.getByRole('status')).toContainText('Vous avez refusé que la ville consulte vos données.');
  await expectNoAxeViolations(page);

  // The path without consent: proofs, checked by type (first bytes) and size, errors beside each file.
  await page.getByLabel('Immatriculation du véhicule').fill('gk 205 sa');
  await page.getByLabel('Dernier avis d’imposition').setInputFiles({ name: 'avis.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% avis fictif\n') });
  await page.getByLabel(/Certificat d’immatriculation/).setInputFiles({ name: 'carte-grise.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html>pas un PDF</html>') });
  await page.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Vérifiez ces éléments' })).toBeFocused();
  await expect(page.locator('#champ-certificat_immatriculation-erreur')).toHaveText('Le fichier « carte-grise.pdf » n’est ni un PDF, ni une image JPEG ou PNG.');
  await expect(page.locator('#champ-justificatif_domicile-erreur')).toHaveText('Ajoutez ce justificatif.');
  await expect(page.getByLabel('Immatriculation du véhicule')).toHaveValue('gk 205 sa');
  await expectNoAxeViolations(page);
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await page.getByLabel(/Certificat d’immatriculation/).setInputFiles({ name: 'carte-grise.png', mimeType: 'image/png', buffer: png });
  await page.getByLabel(/Justificatif de domicile/).setInputFiles({ name: 'facture.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Vos justificatifs' })).toContainText('carte-grise.png');
  await expectNoAxeViolations(page);
  await page.goto('/citoyen/mes-donnees');
  await expect(page.getByText('Aucun organisme n’a encore demandé d’information à votre sujet.')).toBeVisible();
  await expect(page.getByText('Vous n’avez aucun accord en cours.')).toBeVisible();

  // One request at a time: the consent screen offers the one already sent; Samir abandons it to try the other way.
  await page.goto('/citoyen/demarches/carte-stationnement/accord');
  await page.getByRole('link', { name: 'Voir ma demande en cours' }).click();
  await page.getByRole('button', { name: 'Abandonner cette demande' }).click();
  await expect(page.locator('.state').first()).toHaveText('Classée sans suite');

  // This time with the keyboard only: Tab to the answers, arrows to choose, Enter to send.
  await page.goto('/citoyen/demarches/carte-stationnement/accord');
  await page.getByRole('link', { name: 'Retour à la démarche' }).focus();
  let guard = 0;
  while (!(await page.getByRole('radio', { name: /J’accepte/ }).evaluate((el) => el === document.activeElement)) && guard++ < 30) await page.keyboard.press('Tab');
  await page.keyboard.press('Space');
  await expect(page.getByRole('radio', { name: /J’accepte/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Valider ma réponse' })).toBeFocused();
  await page.keyboard.press('Enter');
  const decision = page.locator('.notice--error');
  await expect(decision).toContainText('Votre demande est refusée.');
  await expect(decision).toContainText('Pour les impôts, cette adresse est une résidence secondaire');
  await expect(decision).toContainText('Que faire : Si vous y habitez vraiment');
  await expectNoAxeViolations(page);
});

test('une personne dont les données ont été demandées des dizaines de fois les voit vingt par vingt', async ({ page, browser }) => {
  const teacher = await (await browser.newContext()).newPage();
  const code = await newSession(teacher, 'Mes données, vingt par vingt', 'tout', 1);
  await joinSession(page, code, 'Renard');
  await signInThroughProvider(page, /FranceConnect/, 'Paul Bernard');
  const token = await sessionBodyToken(teacher, 'caf');
  const usager = await ownSubject(page);
  // A student's script at the CAF asks about him 25 times (granted or not, each is an entry about him).
  for (let i = 0; i < 25; i++) {
    const response = await page.request.post(exchangesPath, {
      headers: { Authorization: `Bearer ${token}` },
      data: { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' },
    });
    expect(response.status()).toBeLessThan(500);
  }
  await page.goto('/citoyen/mes-donnees');
  await expect(page.getByRole('link', { name: 'Qui a demandé des informations sur vous (25)' })).toBeVisible();
  const exchanges = page.locator('ol.exchanges > li');
  await expect(exchanges).toHaveCount(20);
  await expect(page.getByText('Voici les 20 plus récentes sur 25, de la plus récente à la plus ancienne.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Revenir aux demandes les plus récentes' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  const newest = await exchanges.first().getByRole('link', { name: /^Mode expert/ }).textContent();

  await page.getByRole('navigation', { name: 'Autres demandes' }).getByRole('link', { name: 'Voir les demandes plus anciennes' }).click();
  await expect(page).toHaveURL(/\/citoyen\/mes-donnees\?avant=\d+#echanges$/);
  await expect(exchanges).toHaveCount(5);
  await expect(page.getByText('Voici 5 demandes plus anciennes sur 25, de la plus récente à la plus ancienne.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Voir les demandes plus anciennes' })).toHaveCount(0);
  await expect(exchanges.getByRole('link', { name: newest! })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Revenir aux demandes les plus récentes' }).click();
  await expect(exchanges).toHaveCount(20);
  await expect(exchanges.first().getByRole('link', { name: /^Mode expert/ })).toHaveText(newest!);

  // An address typed by hand that means nothing shows the latest, as without it; past the oldest, it says so.
  for (const typed of ['abc', '-3', '99999999999999999999']) {
    expect((await page.goto(`/citoyen/mes-donnees?avant=${typed}`))?.status()).toBe(200);
    await expect(exchanges).toHaveCount(20);
  }
  await page.goto('/citoyen/mes-donnees?avant=1');
  await expect(page.getByText('Il n’y a pas de demande plus ancienne.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Revenir aux demandes les plus récentes' })).toBeVisible();
});
