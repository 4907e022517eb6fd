import { openE2eDatabase } from './database';
import { consentTwiceThenAgain, expect, expectNoAxeViolations, joinSession as join, newSession, ownSubject, signInThroughProvider, test } from './support';

// A class trips where a demo does not (issue 16): a double-click, a role changed mid-way, a photo of 10 Mo.

test('un·e élève agent de l’état civil devient citoyen·ne : l’état civil répond de nouveau seul, rien n’attend pour rien', async ({ page: teacher, browser }) => {
  test.setTimeout(120_000);
  const code = await newSession(teacher, 'Changement de rôle', 'tout', 3);
  const citizen = await join(browser, code, 'Renard');
  await expect(citizen.getByText(/vous jouez Karim Benali/)).toBeVisible();
  const agent = await join(browser, code, 'Hibou');
  await expect(agent.getByText(/Votre rôle\s: Agent d’un organisme/)).toBeVisible();

  // The teacher chooses the body: Hibou now plays the état civil (its first register).
  await teacher.getByRole('link', { name: 'Élèves', exact: true }).click();
  await teacher.getByLabel('Nouveau rôle de Hibou').selectOption('agent:etat-civil');
  await teacher.getByRole('button', { name: 'Changer le rôle de Hibou' }).click();
  await expect(teacher.getByRole('status')).toHaveText('Nouveau rôle de Hibou : Agent d’un organisme, État civil. Hibou le voit sur sa page de séance.');
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Hibou' })).toContainText('Sandrine Lemoine');
  await expectNoAxeViolations(teacher);
  // A hint for Renard, double-clicked: one hint, the menu chosen for Hibou meanwhile still chosen.
  await teacher.getByLabel('Nouveau rôle de Hibou').selectOption('observateur');
  await teacher.getByRole('button', { name: 'Révéler un indice à Renard' }).dblclick();
  await expect(teacher.getByRole('status')).toHaveText('L’indice 1 est envoyé à Renard.');
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Renard' }).locator('p').first()).toContainText('1\u00a0indice révélé.');
  await expect(teacher.getByLabel('Nouveau rôle de Hibou')).toHaveValue('observateur');
  await teacher.getByLabel('Nouveau rôle de Hibou').selectOption('agent:etat-civil');
  await citizen.reload();
  await expect(citizen.getByRole('heading', { name: /^Indice 1 sur \d+$/ })).toHaveCount(1);
  await expect(citizen.getByRole('heading', { name: /^Indice 2 sur/ })).toHaveCount(0);

  // Karim asks for his birth certificate; his register is played by Hibou, so it waits for them.
  await citizen.getByRole('button', { name: /FranceConnect/ }).click();
  await citizen.getByRole('button', { name: 'Me connecter' }).click();
  await citizen.goto('/citoyen/demarches/acte-naissance');
  await citizen.getByRole('button', { name: 'Commencer la démarche' }).click();
  await citizen.getByRole('radio', { name: 'Mon propre acte de naissance' }).check();
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  await citizen.getByRole('radio', { name: /Copie intégrale/ }).check();
  await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await citizen.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();
  await expect(citizen.getByText(/Votre demande est envoyée/)).toBeVisible();
  await expect(citizen.getByText(/Elle attend d’être prise en charge par/)).toBeVisible();

  // The teacher makes Hibou a citizen and picks the persona: the état civil goes back to answering by itself.
  await teacher.getByLabel('Nouveau rôle de Hibou').selectOption({ label: 'Nadia Haddad' });
  await teacher.getByRole('button', { name: 'Changer le rôle de Hibou' }).click();
  // The card's line, not the list item (whose role menu names every persona).
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Hibou' }).locator('p').first()).toContainText('Nadia Haddad');
  await agent.goto('/seance');
  await expect(agent.getByText(/vous jouez Nadia Haddad/)).toBeVisible();
  // Her card gives her daughter's act, all of it: the form needs the full date.
  await expect(agent.getByRole('definition').filter({ hasText: '18 juin 2015' })).toBeVisible();
  // Karim's page changes by itself: decided by the état civil's automatic instruction.
  await expect(citizen.getByText('Votre demande est acceptée.')).toBeVisible({ timeout: 30_000 });
  await teacher.getByRole('link', { name: 'En direct', exact: true }).click();
  await expect(teacher.getByRole('heading', { name: 'Fil de la séance' })).toBeVisible();
  await expect(teacher.getByRole('heading', { name: 'À régler' })).toHaveCount(0);
});

test('un·e élève qui se connecte par « Se connecter » ou par l’accueil joue dans sa séance, pas dans celle de démonstration', async ({ page: teacher, browser }) => {
  const code = await newSession(teacher, 'Connexion par l’en-tête', 'tout', 2);
  const citizen = await join(browser, code, 'Renard');
  await expect(citizen.getByText(/vous jouez Karim Benali/)).toBeVisible();
  // The header's « Se connecter », not the séance page's button: their own character is chosen all the same.
  await citizen.getByRole('banner').getByRole('link', { name: 'Se connecter' }).click();
  await citizen.getByRole('button', { name: /FranceConnect/ }).click();
  await expect(citizen.getByRole('radio', { name: /^Karim Benali/ })).toBeChecked();
  await expectNoAxeViolations(citizen);
  await citizen.getByRole('button', { name: 'Me connecter' }).click();
  await expect(citizen).toHaveURL(/\/citoyen$/);
  // The Karim of their séance (the séance page knows them), not the demonstration's.
  await citizen.goto('/seance');
  await expect(citizen.getByRole('link', { name: 'Aller à mon espace' })).toBeVisible();

  // An agent who tries the home page's FranceConnect: their séance's people, nobody chosen for them.
  const agent = await join(browser, code, 'Hibou');
  await agent.goto('/');
  await agent.getByRole('button', { name: /FranceConnect/ }).click();
  await expect(agent.getByRole('heading', { level: 1, name: /Choisissez/ })).toBeVisible();
  await expect(agent.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(agent.getByText(/^Choisir une autre identité/)).toHaveCount(0); // nobody of theirs to put first: the list
  await agent.getByRole('radio', { name: /^Karim Benali/ }).check();
  await agent.getByRole('button', { name: 'Me connecter' }).click();
  await expect(agent).toHaveURL(/\/citoyen$/);
  // The same Karim as Renard's: this séance's (the demonstration's Karim is another person).
  expect(await ownSubject(agent)).toBe(await ownSubject(citizen));
});

test('un·e élève citoyen·ne à qui l’enseignant·e donne un autre personnage se connecte sous ce personnage, pas sous l’ancien', async ({ page: teacher, browser }) => {
  const code = await newSession(teacher, 'Autre personnage', 'tout', 3);
  const student = await join(browser, code, 'Renard');
  await student.getByRole('button', { name: /Me connecter avec FranceConnect/ }).click();
  await student.getByRole('button', { name: 'Me connecter' }).click();
  await expect(student).toHaveURL(/\/citoyen$/);
  await expect(student.getByRole('banner').getByRole('link', { name: 'Karim Benali' })).toBeVisible();

  await teacher.getByRole('link', { name: 'Élèves', exact: true }).click();
  await teacher.getByLabel('Nouveau rôle de Renard').selectOption({ label: 'Nadia Haddad' });
  await teacher.getByRole('button', { name: 'Changer le rôle de Renard' }).click();
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Renard' }).locator('p').first()).toContainText('Nadia Haddad');

  // Still signed in as Karim (at e-Guichet and at the provider): every page says so, and the séance page's button
  // brings the provider's page, Nadia chosen.
  await student.goto('/citoyen');
  const stray = student.getByText(/^Vous n’êtes pas connecté·e sous l’identité de votre rôle dans la séance «\sAutre personnage( \(essai \d+\))?\s»\./);
  await expect(stray).toBeVisible();
  await expectNoAxeViolations(student);
  await stray.getByRole('link', { name: 'Voir mon rôle' }).click();
  await expect(student).toHaveURL(/\/seance$/);
  await expect(student.getByText(/vous jouez Nadia Haddad/)).toBeVisible();
  await student.getByRole('button', { name: /Me connecter avec FranceConnect/ }).click();
  await expect(student.getByRole('radio', { name: /^Nadia Haddad/ })).toBeChecked();
  await student.getByRole('button', { name: 'Me connecter' }).click();
  await expect(student).toHaveURL(/\/citoyen$/);
  await expect(student.getByRole('banner').getByRole('link', { name: 'Nadia Haddad' })).toBeVisible();
  await expect(stray).toHaveCount(0);
  await student.goto('/seance');
  await expect(student.getByRole('link', { name: 'Aller à mon espace' })).toBeVisible();
});

test('quatre organismes dont les élèves sont partis : « À régler » tient au-dessus de la carte, et un clic les laisse tous répondre seuls', async ({ browser }) => {
  test.setTimeout(120_000);
  const teacher = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
  const code = await newSession(teacher, 'Agents partis', 'tout', 4);
  const students = [
    ['Castor', 'agent:etat-civil', 'État civil'],
    ['Loutre', 'agent:ville', 'Ville'],
    ['Martre', 'agent:caf', 'CAF'],
    ['Belette', 'agent:dgfip', 'DGFiP'],
  ] as const;
  for (const [pseudonym] of students) await (await join(browser, code, pseudonym)).context().close();
  await teacher.getByRole('link', { name: 'Élèves', exact: true }).click();
  // The teacher goes down the list without waiting: a menu chosen while the change before is on its way stays chosen
  // (the page is refreshed in place, not remounted by a redirect).
  for (const [pseudonym, role] of students) {
    await teacher.getByLabel(`Nouveau rôle de ${pseudonym}`).selectOption(role);
    await teacher.getByRole('button', { name: `Changer le rôle de ${pseudonym}` }).click();
  }
  for (const [pseudonym, role, body] of students) {
    await expect(teacher.getByRole('listitem').filter({ hasText: pseudonym }).locator('p').first()).toContainText(`(${body})`);
    await expect(teacher.getByLabel(`Nouveau rôle de ${pseudonym}`)).toHaveValue(role);
  }
  await expect(teacher.getByRole('status')).toHaveText('Nouveau rôle de Belette : Agent d’un organisme, DGFiP. Belette le voit sur sa page de séance.');
  // They closed their laptops an hour ago.
  const db = await openE2eDatabase();
  try {
    await db.all('UPDATE participants SET last_seen_at = ? WHERE class_session_id = (SELECT id FROM class_sessions WHERE join_code = ?)', Date.now() - 3_600_000, code);
  } finally {
    await db.close();
  }

  await teacher.getByRole('link', { name: 'En direct', exact: true }).click();
  const alerts = teacher.getByRole('region', { name: 'À régler' });
  await expect(alerts).toContainText(/4\sorganismes attendent leurs élèves\s: /);
  await expect(alerts.getByRole('listitem').filter({ visible: true })).toHaveCount(0);
  // The live parts stay on the first screen, under the alerts.
  for (const part of [teacher.getByRole('img', { name: /Carte des échanges/ }), teacher.getByRole('table', { name: 'Dossiers par état' }).or(teacher.getByText(/^Aucun dossier pour l’instant/)), teacher.getByRole('region', { name: 'Élèves' }), teacher.getByRole('region', { name: 'Fil de la séance' })]) {
    const box = await part.boundingBox();
    expect(box, String(part)).not.toBeNull();
    expect(box!.y + box!.height, String(part)).toBeLessThanOrEqual(768);
  }
  await alerts.getByText('Voir le détail de chaque organisme').click();
  await expect(alerts.getByRole('listitem')).toHaveCount(4);
  for (const item of await alerts.getByRole('listitem').all()) await expect(item).toContainText(/n’a pas été vu·e depuis plus de 5\smin/);
  await expectNoAxeViolations(teacher);
  await alerts.getByRole('button', { name: 'Laisser ces 4 organismes répondre seuls' }).click();
  const done = teacher.getByRole('status').filter({ hasText: 'répondent de nouveau seuls' });
  for (const body of ['État civil', 'Ville', 'CAF', 'DGFiP']) await expect(done).toContainText(body);
  await expect(teacher.getByRole('heading', { name: 'À régler' })).toHaveCount(0);
});

test('sans JavaScript, l’enseignant·e change un rôle et révèle un indice ; recharger la page ne renvoie rien', async ({ page: teacher, browser }) => {
  const code = await newSession(teacher, 'Sans script', 'tout', 1);
  await (await join(browser, code, 'Castor')).context().close();
  const plain = await browser.newContext({ javaScriptEnabled: false });
  await plain.addCookies(await teacher.context().cookies());
  const page = await plain.newPage();
  await page.goto(`${teacher.url()}/eleves`);
  await page.getByLabel('Nouveau rôle de Castor').selectOption('observateur');
  await page.getByRole('button', { name: 'Changer le rôle de Castor' }).click();
  await expect(page.getByRole('status')).toHaveText('Nouveau rôle de Castor : Observateur·rice (audit). Castor le voit sur sa page de séance.');
  await page.getByRole('button', { name: 'Révéler un indice à Castor' }).click();
  await expect(page.getByRole('status')).toHaveText('L’indice 1 est envoyé à Castor.');
  await expect(page.getByRole('listitem').filter({ hasText: 'Castor' }).locator('p').first()).toContainText('1\u00a0indice révélé.');
  // The browser posted the form itself: it was sent back to the page (a reload reads it, it sends nothing).
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await page.reload();
  await expect(page.getByRole('status')).toHaveCount(0);
  expect(posts).toEqual([]);
  await plain.close();
});

test('un fichier trop lourd est signalé à côté du champ, sans rien perdre ; un fichier qui n’est pas un PDF est dit tel', async ({ page, browser }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /FranceConnect/, 'Hugo Lambert');
  await page.goto('/citoyen/demarches/carte-stationnement/justificatifs');
  await page.getByLabel('Immatriculation du véhicule').fill('HL-204-PB');
  const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 0x25);
  await page.getByLabel('Dernier avis d’imposition').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: tenMegabytes });
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await page.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  await expect(page.locator('#champ-avis_imposition-erreur')).toContainText('Le fichier « photo.jpg » dépasse 2 Mo.');
  await expect(page.getByRole('alert', { name: 'Vérifiez ces éléments' })).toBeFocused();
  await expect(page.getByLabel('Immatriculation du véhicule')).toHaveValue('HL-204-PB');
  expect(posts).toEqual([]); // checked before sending: nothing went over the network
  await expectNoAxeViolations(page);

  // Without JavaScript the server checks it, beside the field, with what was typed.
  const cookies = await page.context().cookies();
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  await noJs.addCookies(cookies);
  const plain = await noJs.newPage();
  const statuses: number[] = [];
  plain.on('response', (r) => statuses.push(r.status()));
  await plain.goto('/citoyen/demarches/carte-stationnement/justificatifs');
  await plain.getByLabel('Immatriculation du véhicule').fill('HL-204-PB');
  await plain.getByLabel('Dernier avis d’imposition').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: tenMegabytes });
  await plain.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  await expect(plain.locator('#champ-avis_imposition-erreur')).toContainText('dépasse 2 Mo');
  await expect(plain.getByLabel('Immatriculation du véhicule')).toHaveValue('HL-204-PB');
  // Larger than any form may be: turned away before it is read, and said beside the field (never a 500).
  await plain.getByLabel('Dernier avis d’imposition').setInputFiles({ name: 'video.mp4', mimeType: 'video/mp4', buffer: Buffer.alloc(30 * 1024 * 1024, 1) });
  await plain.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).click();
  await expect(plain.locator('#champ-avis_imposition-erreur')).toContainText('trop lourd');
  expect(statuses.filter((s) => s >= 500)).toEqual([]);
  await noJs.close();

  // With small proofs, sent with a double-click: one request, with its acknowledgement.
  const pdf = (name: string) => ({ name, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% justificatif fictif\n') });
  await page.getByLabel('Dernier avis d’imposition').setInputFiles(pdf('avis.pdf'));
  await page.getByLabel('Certificat d’immatriculation (carte grise)').setInputFiles(pdf('carte-grise.pdf'));
  await page.getByLabel('Justificatif de domicile de moins de trois mois').setInputFiles(pdf('facture.pdf'));
  await page.getByRole('button', { name: 'Envoyer ma demande et mes justificatifs' }).dblclick();
  await expect(page.getByText(/Votre demande est envoyée/)).toBeVisible();
  await page.goto('/citoyen');
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('link', { name: /Carte de stationnement résidentiel/ })).toHaveCount(1);

  // The acknowledgement of receipt can be checked on /verifier: a file that is not a PDF is told so.
  await page.goto('/citoyen/coffre-fort');
  await page.getByRole('link', { name: /Vérifier/ }).first().click();
  await page.getByLabel('Le fichier PDF que vous avez reçu').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('pas un PDF') });
  await page.getByRole('button', { name: 'Comparer le fichier' }).click();
  await expect(page.locator('#fichier-erreur')).toContainText('Le fichier « notes.txt » n’est pas un PDF.');
  await expectNoAxeViolations(page);
});

test('un double-clic sur « Valider ma réponse » donne une demande, deux accords, deux échanges ; revenir en arrière ne change rien', async ({ page }) => {
  test.setTimeout(90_000);
  await signInThroughProvider(page, /FranceConnect/, 'Nicolas Henry');
  await consentTwiceThenAgain(page);
  // Starting again offers the request already there.
  await page.goto('/citoyen/demarches/carte-stationnement');
  await expect(page.getByRole('link', { name: 'Voir ma demande en cours' })).toBeVisible();
  await page.goto('/citoyen');
  await expect(page.getByRole('list', { name: 'Mes demandes' }).getByRole('link', { name: /Carte de stationnement résidentiel/ })).toHaveCount(1);
  const exported = await (await page.request.get('/citoyen/mes-donnees/export')).json();
  expect(exported.consentements.filter((c: { statut: string }) => c.statut === 'actif')).toHaveLength(2);
  expect(exported.journal.filter((e: { consommateur: string }) => e.consommateur === 'ville')).toHaveLength(2);
});

test('sur la page du fournisseur, chaque personnage qu’un·e autre élève joue le dit : personne ne prend celui d’un·e camarade par erreur', async ({ page: teacher, browser }) => {
  const code = await newSession(teacher, 'Personnages pris', 'tout', 3);
  const renard = await join(browser, code, 'Renard');
  await expect(renard.getByText(/vous jouez Karim Benali/)).toBeVisible();
  await join(browser, code, 'Hibou');
  await teacher.getByRole('link', { name: 'Élèves', exact: true }).click();
  await teacher.getByLabel('Nouveau rôle de Hibou').selectOption({ label: 'Nadia Haddad' });
  await teacher.getByRole('button', { name: 'Changer le rôle de Hibou' }).click();
  await expect(teacher.getByRole('listitem').filter({ hasText: 'Hibou' }).locator('p').first()).toContainText('Nadia Haddad');

  await renard.getByRole('button', { name: /Me connecter avec FranceConnect/ }).click();
  await expect(renard.getByRole('radio', { name: /^Karim Benali/ })).toBeChecked();
  await renard.getByText(/^Choisir une autre identité/).click();
  await expect(renard.getByRole('radio', { name: /^Nadia Haddad.*C’est le rôle de Hibou dans la séance\./ })).toBeVisible();
  // Only Hibou's: the others are free.
  await expect(renard.getByText(/C’est le rôle d/)).toHaveCount(1);
  await expectNoAxeViolations(renard);
  await renard.getByRole('button', { name: 'Me connecter' }).click();
  await expect(renard.getByRole('banner').getByRole('link', { name: 'Karim Benali' })).toBeVisible();
});
