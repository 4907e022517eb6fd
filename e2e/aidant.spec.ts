import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

test('une aidante France Services crée un mandat, la personne le confirme, l’aidante fait la démarche, la personne le voit et révoque le mandat', async ({ browser }) => {
  test.setTimeout(150_000);
  const aidantContext = await browser.newContext();
  const aidant = await aidantContext.newPage();
  await signInThroughProvider(aidant, /ProConnect/, 'Sarah Benoît');
  await expect(aidant).toHaveURL(/\/aidant$/);
  await expectNoAxeViolations(aidant);

  // Nothing chosen: the error says what is missing, beside the field.
  await aidant.getByRole('button', { name: 'Créer le mandat' }).click();
  await expect(aidant.getByRole('alert').filter({ hasText: 'Le mandat n’a pas été créé' })).toContainText('Choisissez la personne que vous accompagnez.');
  await expectNoAxeViolations(aidant);
  await aidant.getByLabel('La personne', { exact: true }).selectOption({ label: 'DUPUIS Marcel André' });
  await aidant.getByRole('checkbox', { name: 'Changement d’adresse' }).check();
  await aidant.getByRole('radio', { name: 'Une semaine' }).check();
  await aidant.getByRole('button', { name: 'Créer le mandat' }).click();
  await expect(aidant.getByRole('heading', { name: 'Marcel André Dupuis — À confirmer par la personne' })).toBeVisible();
  // From here on, this mandate only: a retry of this test finds the mandates of the previous attempt on the same server.
  const mandateId = await aidant.locator('li').filter({ has: aidant.getByRole('heading', { name: 'Marcel André Dupuis — À confirmer par la personne' }) }).getAttribute('id');
  expect(mandateId).toMatch(/^mandat-/);
  const onAidantPage = (page: typeof aidant) => page.locator(`[id="${mandateId}"]`);

  // Marcel, beside her, confirms from his own space.
  const marcelContext = await browser.newContext();
  const marcel = await marcelContext.newPage();
  await signInThroughProvider(marcel, /FranceConnect/, 'Marcel André Dupuis');
  await marcel.getByRole('link', { name: 'Lire et confirmer (ou refuser) le mandat' }).click();
  const hisMandate = marcel.locator(`[id="${mandateId}"]`);
  await expect(hisMandate.getByRole('heading', { name: 'Sarah Benoît — à confirmer' })).toBeVisible();
  await expectNoAxeViolations(marcel);
  await hisMandate.getByRole('button', { name: 'Confirmer le mandat' }).click();
  await expect(marcel.getByRole('status').filter({ hasText: 'Le mandat est confirmé' })).toBeVisible();

  // The aidant files the change of address for him.
  await aidant.reload();
  await expect(onAidantPage(aidant).getByRole('heading', { name: 'Marcel André Dupuis — Actif' })).toBeVisible();
  await onAidantPage(aidant).getByRole('button', { name: 'Changement d’adresse pour Marcel André Dupuis' }).click();
  await expect(aidant.getByText('Pour Marcel André Dupuis, sous mandat')).toBeVisible();
  await aidant.getByLabel('Numéro et nom de la voie').fill('12 place du Marché');
  await aidant.getByLabel('Code postal').fill('00100');
  await aidant.getByRole('button', { name: 'Continuer' }).click();
  await aidant.getByLabel('Date d’emménagement').fill(new Date().toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' }));
  await aidant.getByRole('button', { name: 'Continuer' }).click();
  await aidant.getByRole('checkbox', { name: /Caisse de retraite/ }).check();
  await aidant.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await expect(aidant.getByText(/accompagné·e par Sarah Benoît \(France Services\), sous mandat/)).toBeVisible();
  await expectNoAxeViolations(aidant);
  // Her other tab, on her page, refreshes itself when the request arrives: the confirmation is for the tab that sent it.
  // Even when the request arrives before that page's stream has opened (a slow computer; a race in session 41's run):
  // its stream is held until the request is sent.
  const otherTab = await aidantContext.newPage();
  let openStream = () => {};
  const sentFirst = new Promise<void>((resolve) => (openStream = resolve));
  await otherTab.route('**/api/mises-a-jour/flux', async (route) => {
    await sentFirst;
    await route.continue();
  });
  await otherTab.goto('/aidant');
  await aidant.getByRole('button', { name: 'Envoyer la demande' }).click();
  const sent = aidant.getByRole('status').filter({ hasText: 'La demande est envoyée' });
  await expect(sent).toBeVisible();
  const receipt = (await sent.locator('strong').innerText()).trim();
  expect(receipt).toMatch(/^EG-/);
  await expect(onAidantPage(otherTab).getByText(receipt)).toHaveCount(0);
  openStream();
  await expect(onAidantPage(otherTab).getByText(receipt)).toBeVisible(); // refreshed by itself…
  await expect(otherTab.getByRole('status').filter({ hasText: 'La demande est envoyée' })).toHaveCount(0); // …without it
  await expect(sent).toBeVisible();
  await otherTab.close();

  // The aidant's page, open with the mandate's button while Marcel looks and ends the mandate; and the same page left
  // open on another device without JavaScript (it does not update itself: its button stays).
  await aidant.goto('/aidant');
  await expect(onAidantPage(aidant).getByRole('button', { name: 'Changement d’adresse pour Marcel André Dupuis' })).toBeVisible();
  const stale = await (await browser.newContext({ javaScriptEnabled: false, storageState: await aidantContext.storageState() })).newPage();
  await stale.goto('/aidant');
  await expect(onAidantPage(stale).getByRole('button', { name: 'Changement d’adresse pour Marcel André Dupuis' })).toBeVisible();
  await marcel.goto('/citoyen/mes-donnees');
  await expect(marcel.getByText(new RegExp(`Changement d’adresse ${receipt}\\s:\\sdemande envoyée, fait par Sarah Benoît \\(France Services\\) pour vous\\.`))).toBeVisible();
  await expectNoAxeViolations(marcel);
  await hisMandate.getByRole('button', { name: 'Mettre fin au mandat' }).click();
  await expect(marcel.getByRole('status').filter({ hasText: 'Le mandat est terminé' })).toBeVisible();

  // Her live page says so by itself: the mandate is ended, its button gone.
  await expect(onAidantPage(aidant).getByRole('heading', { name: 'Marcel André Dupuis — Révoqué par la personne' })).toBeVisible();
  await expect(onAidantPage(aidant).getByRole('button', { name: 'Changement d’adresse pour Marcel André Dupuis' })).toHaveCount(0);
  await expectNoAxeViolations(aidant);
  // The page left open elsewhere still shows the button: the server refuses the action, and the page says why.
  await onAidantPage(stale).getByRole('button', { name: 'Changement d’adresse pour Marcel André Dupuis' }).click();
  await expect(stale.getByRole('alert').filter({ hasText: 'Action refusée.' })).toContainText('La personne a révoqué ce mandat');
  await expect(onAidantPage(stale).getByRole('heading', { name: 'Marcel André Dupuis — Révoqué par la personne' })).toBeVisible();
  await aidantContext.close();
  await marcelContext.close();
});
