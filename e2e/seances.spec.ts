import type { Browser, Page } from '@playwright/test';
import { frenchProblems } from './french-text';
import { expect, expectNoAxeViolations, signInAsTeacher, test } from './support';

/** A student on a device of their own joins with the code and a pseudonym, and lands on their séance page. */
async function join(browser: Browser, code: string, pseudonym: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await page.goto(`/rejoindre?code=${code.toLowerCase()}`);
  await page.getByLabel('Votre pseudonyme').fill(pseudonym);
  await page.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await expect(page).toHaveURL(/\/seance$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Bonjour ${pseudonym}`);
  return page;
}

/** The student signs in from their séance page: the provider's page has their character already chosen. */
async function startPlaying(page: Page, button: RegExp, identity: RegExp) {
  await page.getByRole('button', { name: button }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Choisissez/ })).toBeVisible();
  await expect(page.getByRole('radio', { name: identity })).toBeChecked();
  await page.getByRole('button', { name: 'Me connecter' }).click();
}

test('une séance en classe : trois élèves rejoignent, la carte en direct montre l’échange, puis la panne du SIV', async ({ page: teacher, browser }) => {
  test.setTimeout(180_000);
  await signInAsTeacher(teacher);
  await teacher.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(teacher.locator('#seance-nom-erreur')).toContainText('Donnez un nom à la séance');
  await expect(teacher.getByRole('alert', { name: 'La séance n’a pas été créée' })).toBeVisible();
  await teacher.getByLabel('Nom de la séance').fill('BTS e2e — mardi');
  await teacher.getByLabel('Scénario').selectOption('stationnement');
  await teacher.getByLabel('Nombre d’élèves').fill('4');
  await teacher.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('BTS e2e — mardi');
  await expect(teacher.getByRole('status').filter({ hasText: 'La séance est créée' })).toBeVisible();
  const code = ((await teacher.locator('.join-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  await expect(teacher.getByText('0 élève sur 4')).toBeVisible();
  await expectNoAxeViolations(teacher);
  // The settings say when the séance's data goes; the confirmation was said once, not again on reload.
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  await expect(teacher.getByText('Données supprimées automatiquement le')).toBeVisible();
  await teacher.getByRole('link', { name: 'En direct', exact: true }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'La séance est créée' })).toHaveCount(0);

  // What the teacher projects: the code, the address, the QR code — and not the teacher's account.
  await teacher.getByRole('link', { name: 'Projeter le code' }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Rejoignez la séance « BTS e2e — mardi »');
  await expect(teacher.locator('.projection__code')).toHaveText(code.split('').join(' '));
  await expect(teacher.getByRole('img', { name: new RegExp(`Code QR vers .*/rejoindre\\?code=${code}`) })).toBeVisible();
  await expect(teacher.getByRole('button', { name: 'Se déconnecter' })).toBeHidden();
  await expectNoAxeViolations(teacher);
  await teacher.getByRole('link', { name: 'Revenir au suivi de la séance' }).click();

  // Three students join: a citizen, an agent of the city, an aidant. A pseudonym already taken is refused beside the field.
  const citizen = await join(browser, code, 'Renard bleu');
  await expect(citizen.getByText(/Votre rôle\s: Citoyen·ne — vous jouez Karim Benali/)).toBeVisible();
  await expect(citizen.getByRole('heading', { name: 'Votre carte : Se garer près de chez soi' })).toBeVisible();
  await expectNoAxeViolations(citizen);

  const agent = await (await browser.newContext()).newPage();
  await agent.goto(`/rejoindre?code=${code}`);
  await agent.getByLabel('Votre pseudonyme').fill('renard BLEU');
  await agent.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await expect(agent.locator('#pseudonyme-erreur')).toContainText('Ce pseudonyme est déjà pris');
  await expect(agent.getByLabel('Votre pseudonyme')).toHaveValue('renard BLEU');
  await expectNoAxeViolations(agent);
  await agent.getByLabel('Votre pseudonyme').fill('Hibou');
  await agent.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await expect(agent.getByText(/Votre rôle\s: Agent d’un organisme — vous jouez Mehdi Roger/)).toBeVisible();

  const aidant = await join(browser, code, 'Loutre');
  await expect(aidant.getByText(/Votre rôle\s: Aidant·e France Services/)).toBeVisible();

  // The teacher sees them arrive, without reloading.
  await expect(teacher.getByText('3 élèves sur 4')).toBeVisible();
  await expect(teacher.getByRole('region', { name: 'Élèves' }).getByRole('listitem').filter({ hasText: 'Hibou' })).toContainText('Mehdi Roger (Ville)');
  await expectNoAxeViolations(teacher);

  // A student who closes the tab and comes back on the same device gets their role back.
  await citizen.goto(`/rejoindre?code=${code}`);
  await expect(citizen.getByRole('heading', { name: 'Vous êtes déjà dans la séance « BTS e2e — mardi »' })).toBeVisible();
  await citizen.getByRole('link', { name: 'Retrouver mon rôle' }).click();
  await expect(citizen.getByText(/vous jouez Karim Benali/)).toBeVisible();

  // Each signs in with the character already chosen on the provider's page.
  await startPlaying(agent, /ProConnect/, /^Mehdi Roger/);
  await expect(agent).toHaveURL(/\/agent$/);
  await startPlaying(aidant, /ProConnect/, /^Sarah Benoît/);
  await expect(aidant).toHaveURL(/\/aidant$/);
  await startPlaying(citizen, /FranceConnect/, /^Karim Benali/);
  await expect(citizen).toHaveURL(/\/citoyen$/);

  // The citizen asks for a parking card with consent; the map shows the city's look-ups within 2 seconds, without reload.
  const askWithConsent = async () => {
    await citizen.goto('/citoyen/demarches/carte-stationnement');
    await citizen.getByRole('link', { name: 'Voir ce que la ville demandera' }).click();
    await citizen.getByRole('radio', { name: /J’accepte/ }).check();
    await citizen.getByRole('button', { name: 'Valider ma réponse' }).click();
  };
  const map = teacher.getByRole('img', { name: /Carte des échanges de données/ });
  await askWithConsent();
  await expect(citizen.getByText('Votre demande est acceptée.')).toBeVisible();
  await expect(map.locator('[data-resultat="accorde"]')).toHaveCount(2, { timeout: 2_000 });
  await expect(map).toHaveAttribute('aria-label', /Échanges\s: 2\saccordés, 0\srefusé, 0\sen échec\. Dernier\s: Ville → (SIV|DGFiP), accordé\./);
  await expect(teacher.getByRole('region', { name: 'Élèves' }).getByRole('listitem').filter({ hasText: 'Renard bleu' })).toContainText('Carte de stationnement résidentiel');

  // A second answer to the consent screen (back, then validate again) is the same request: no new case, no new exchange.
  await citizen.goBack();
  await expect(citizen.getByRole('heading', { level: 1, name: /Acceptez-vous/ })).toBeVisible();
  await citizen.getByRole('radio', { name: /J’accepte/ }).check();
  await citizen.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(citizen.getByText('Votre demande est acceptée.')).toBeVisible();
  await expect(map.locator('[data-resultat="accorde"]')).toHaveCount(2);

  // The teacher makes the SIV unavailable: a fourth student's request waits, they are told which body fails, the map shows it.
  await teacher.getByRole('link', { name: 'Pannes', exact: true }).click();
  await teacher.getByLabel('Organisme', { exact: true }).selectOption({ label: 'SIV' });
  await teacher.getByLabel('Type de panne').selectOption('panne');
  // A double-click launches one outage.
  await teacher.getByRole('button', { name: 'Lancer la panne' }).dblclick();
  await expect(teacher.getByRole('status').filter({ hasText: 'La panne est lancée sur « SIV »' })).toBeVisible();
  await expect(teacher.getByRole('button', { name: 'Rétablir SIV' })).toHaveCount(1);
  await teacher.getByRole('link', { name: 'En direct', exact: true }).click();
  await expect(map.locator('[data-organisme="siv"]')).toContainText('en panne');
  const second = await join(browser, code, 'Castor');
  await expect(second.getByText(/vous jouez Sophie/)).toBeVisible();
  // Her card gives what her forms need, the plate included.
  await expect(second.getByRole('definition').filter({ hasText: 'FN-215-PL' })).toBeVisible();
  await startPlaying(second, /FranceConnect/, /^Sophie/);
  await second.goto('/citoyen/demarches/carte-stationnement/accord');
  await second.getByRole('radio', { name: /J’accepte/ }).check();
  await second.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(second.getByText('Système d’immatriculation des véhicules (simulé) ne répond pas pour l’instant.')).toBeVisible();
  await expect(second.getByText(/Direction générale des Finances publiques.* ne répond pas/)).toHaveCount(0);
  await expect(second.getByText(/Échec\s: /).first()).toBeVisible();
  await expect(map.locator('[data-resultat="echec"]')).toHaveCount(1, { timeout: 2_000 });
  await expect(teacher.getByRole('region', { name: 'Fil de la séance' })).toContainText('Ville → SIV : en échec');
  await expectNoAxeViolations(teacher);
  // The teacher ends the outage: the held request is checked again at once, and her page changes by itself.
  await teacher.getByRole('link', { name: 'Pannes', exact: true }).click();
  await teacher.getByRole('button', { name: 'Rétablir SIV' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'Les demandes qui l’attendaient sont vérifiées de nouveau.' })).toBeVisible();
  await expect(second.getByText('Votre demande est refusée.')).toBeVisible({ timeout: 10_000 });
  await expect(second.getByText(/répond de nouveau\s: votre demande est vérifiée encore une fois/)).toBeVisible();

  // A message to the whole class reaches the students' pages; the debrief counts what happened.
  await teacher.getByRole('link', { name: 'Messages', exact: true }).click();
  await teacher.getByLabel('Carte événement', { exact: true }).selectOption('panne');
  await teacher.getByRole('button', { name: 'Envoyer', exact: true }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'Le message est envoyé.' })).toBeVisible();
  await aidant.goto('/seance');
  await expect(aidant.getByRole('heading', { name: 'Événement : Panne annoncée' })).toBeVisible();
  await teacher.getByRole('link', { name: 'Bilan', exact: true }).click();
  // Each chart has its data table as its text alternative.
  const exchangesChart = teacher.getByRole('figure', { name: '6 échanges par la plateforme, selon leur résultat' });
  await exchangesChart.getByText('Voir les données du graphique').click();
  const exchangesTable = exchangesChart.getByRole('table', { name: '6 échanges par la plateforme, selon leur résultat' });
  await expect(exchangesTable.getByRole('row')).toHaveText([/Résultat\s*Échanges/, /Accordés\s*5/, /Refusés\s*0/, /Personne inconnue de l’organisme\s*0/, /En échec\s*1/]);
  // The debrief with a class's figures in it (the layout test reads it before anyone has done anything).
  expect(await frenchProblems(teacher)).toEqual([]);
  await expectNoAxeViolations(teacher);
  // The teacher makes the aidant an observer: their page says so, and the séance's journal opens for them.
  await teacher.getByRole('link', { name: 'Élèves', exact: true }).click();
  await teacher.getByLabel('Nouveau rôle de Loutre').selectOption('observateur');
  await teacher.getByRole('button', { name: 'Changer le rôle de Loutre' }).click();
  await expect(teacher.getByRole('status')).toHaveText('Nouveau rôle de Loutre : Observateur·rice (audit). Loutre le voit sur sa page de séance.');
  // Sent again unchanged (the menu now shows the role held): said so, nothing moves.
  await expect(teacher.getByLabel('Nouveau rôle de Loutre')).toHaveValue('observateur');
  await teacher.getByRole('button', { name: 'Changer le rôle de Loutre' }).click();
  await expect(teacher.getByRole('status')).toHaveText('Loutre joue déjà ce rôle : rien n’a changé.');
  await aidant.goto('/seance');
  await expect(aidant.getByText(/Votre rôle\s: Observateur·rice \(audit\)/)).toBeVisible();
  await aidant.getByRole('link', { name: 'Lire le journal des échanges de la séance' }).click();
  await expect(aidant.getByText(/Contrôle du journal de la séance\s: intact, 6\sentrées vérifiées/)).toBeVisible();
  await expect(aidant.getByRole('heading', { name: /Ville a demandé à SIV/ })).toHaveCount(3);
  await expectNoAxeViolations(aidant);
  await teacher.getByRole('link', { name: 'Bilan', exact: true }).click();
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Bilan de la séance « BTS e2e — mardi »');
  const csv = await teacher.request.get(`${teacher.url()}/export`);
  expect(csv.headers()['content-type']).toContain('text/csv');
  const [table, trailer] = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n\r\n');
  const [header, ...rows] = table!.split('\r\n');
  // Below the cases, the journal's latest signed checkpoint (6 entries), as the debrief shows and prints it.
  expect(trailer).toMatch(/^point_de_controle_du_journal;"e-guichet\/seances\/[^\n]+\n6\n[A-Za-z0-9+/=]{44}\nhorodatage [^\n]+\n\n— e-guichet\/journal [A-Za-z0-9+/=]+\n"$/);
  expect(header).toBe('eleve;role;dossier;demarche;parcours;etat;commence_le;depose_le;decide_le;duree_minutes;echanges;echanges_refuses;echanges_en_echec;echanges_personne_inconnue');
  expect(rows).toHaveLength(2);
  // A French spreadsheet reads it as the screens show it: the student, their role, the state in words, Paris time.
  expect(rows.map((r) => r.split(';').slice(0, 2))).toEqual([
    ['Renard bleu', 'Citoyen·ne'],
    ['Castor', 'Citoyen·ne'],
  ]);
  expect(rows.map((r) => r.split(';')[5])).toEqual(['Acceptée', 'Refusée']);
  expect(rows[0]!.split(';')[6]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]:00$/);
});

test('l’enseignant·e supprime une séance : il n’en reste rien, et le code ne fonctionne plus', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInAsTeacher(page);
  await page.getByLabel('Nom de la séance').fill('Séance à supprimer');
  await page.getByRole('button', { name: 'Créer la séance' }).click();
  const code = ((await page.locator('.join-code').textContent()) ?? '').trim();
  const student = await join(browser, code, 'Chouette');
  await student.getByRole('button', { name: /FranceConnect/ }).click();
  await student.getByRole('button', { name: 'Me connecter' }).click();
  await expect(student).toHaveURL(/\/citoyen$/);
  await expect(student.getByText('Séance : Séance à supprimer')).toBeVisible();

  await page.getByRole('link', { name: 'Réglages', exact: true }).click();
  await page.getByRole('link', { name: 'Supprimer la séance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supprimer la séance « Séance à supprimer » ?');
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Oui, supprimer définitivement' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'La séance et toutes ses données sont supprimées.' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Séance à supprimer/ })).toHaveCount(0);
  expect((await student.goto('/citoyen'))?.status()).toBe(401);
  await student.goto('/seance');
  await expect(student.getByText('Sur cet appareil, vous n’avez encore rejoint aucune séance.')).toBeVisible();
  await student.goto(`/rejoindre?code=${code}`);
  await expect(student.locator('#code-erreur')).toContainText('Aucune séance ne correspond à ce code.');
});

test('« Oui, réinitialiser » reçu deux fois — double-clic, formulaire renvoyé — ne réinitialise qu’une fois : l’élève qui a rejoint entre-temps reste', async ({ page, browser }) => {
  await signInAsTeacher(page);
  await page.getByLabel('Nom de la séance').fill('Séance à réinitialiser');
  await page.getByRole('button', { name: 'Créer la séance' }).click();
  const code = ((await page.locator('.join-code').textContent()) ?? '').trim();
  const cockpit = page.url();
  await (await join(browser, code, 'Chouette')).context().close();
  await page.goto(`${cockpit}/confirmer?action=reinitialiser`);
  // The form as the browser sends it without JavaScript (a server action's fields and the action's key), sent twice
  // at the same instant, as a double-click reaches the server.
  const fields = Object.fromEntries(await page.locator('form.actions input').evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value])));
  expect(fields.cle).toMatch(/.+/);
  const send = () => page.request.post(page.url(), { multipart: fields, maxRedirects: 0, headers: { origin: new URL(page.url()).origin } });
  for (const answer of await Promise.all([send(), send()])) expect(answer.status(), await answer.text()).toBe(303);
  await page.goto(cockpit);
  await expect(page.getByText(/0\sélève sur \d+/)).toBeVisible();
  // A student joins again, then the same form comes back (back, then send): its answer, nothing reset.
  await (await join(browser, code, 'Hibou')).context().close();
  expect((await send()).status()).toBe(303);
  await page.goto(cockpit);
  await expect(page.getByText(/1\sélève sur \d+/)).toBeVisible();
  await page.getByRole('link', { name: 'Élèves', exact: true }).click();
  await expect(page.getByRole('listitem').filter({ hasText: 'Hibou' })).toHaveCount(1);
});

test('les réglages : deux champs faux sont signalés chacun à côté de lui, tout ce qui est saisi reste, rien n’est enregistré avant que tout soit juste', async ({ page }) => {
  await signInAsTeacher(page);
  await page.getByLabel('Nom de la séance').fill('Séance des réglages');
  await page.getByRole('button', { name: 'Créer la séance' }).click();
  await page.getByRole('link', { name: 'Réglages', exact: true }).click();
  await expect(page.getByLabel('Patience (minutes)')).toHaveValue('5');

  // A valid change, a box ticked, a box unticked, and two wrong numbers.
  await page.getByLabel('Délai du traitement automatique (secondes)').fill('30');
  await page.getByLabel('Patience (minutes)').fill('0');
  await page.getByLabel('Attente au guichet (minutes, simulée)').fill('deux heures');
  await page.getByLabel('CAF', { exact: true }).check();
  await page.getByLabel('Réseau de zone blanche simulé').uncheck();
  await page.getByRole('button', { name: 'Enregistrer' }).click();

  const summary = page.getByRole('alert', { name: 'Les réglages n’ont pas été enregistrés' });
  await expect(summary).toBeVisible();
  await expect(summary.getByRole('link')).toHaveText(['Indiquez la patience en minutes : un nombre entier de 1 à 120.', 'Indiquez l’attente au guichet en minutes : un nombre entier de 0 à 240.']);
  await expect(page.locator('#reglages-patience-erreur')).toHaveText('Indiquez la patience en minutes : un nombre entier de 1 à 120.');
  await expect(page.locator('#reglages-attente-erreur')).toHaveText('Indiquez l’attente au guichet en minutes : un nombre entier de 0 à 240.');
  await expect(page.locator('#reglages-delai-erreur')).toHaveCount(0);
  await expect(page.getByLabel('Patience (minutes)')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Délai du traitement automatique (secondes)')).toHaveValue('30');
  await expect(page.getByLabel('Patience (minutes)')).toHaveValue('0');
  await expect(page.getByLabel('Attente au guichet (minutes, simulée)')).toHaveValue('deux heures');
  await expect(page.getByLabel('CAF', { exact: true })).toBeChecked();
  await expect(page.getByLabel('Réseau de zone blanche simulé')).not.toBeChecked();
  await expectNoAxeViolations(page);

  // Nothing was saved: the page as it was, once the refused form is left.
  await page.goto(page.url().split('?')[0]!);
  await expect(page.getByLabel('Délai du traitement automatique (secondes)')).toHaveValue('10');
  await expect(page.getByLabel('CAF', { exact: true })).not.toBeChecked();

  await page.getByLabel('Délai du traitement automatique (secondes)').fill('30');
  await page.getByLabel('Attente au guichet (minutes, simulée)').fill('45');
  await page.getByLabel('CAF', { exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  await expect(page.getByLabel('Délai du traitement automatique (secondes)')).toHaveValue('30');
  await expect(page.getByLabel('Attente au guichet (minutes, simulée)')).toHaveValue('45');
  await expect(page.getByLabel('CAF', { exact: true })).toBeChecked();
});
