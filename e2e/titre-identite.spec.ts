import { expect, expectNoAxeViolations, signInThroughProvider, teacherPlays, test, waitForText } from './support';
import { frenchProblems } from './french-text';

// A lost identity card: the pre-request online, an appointment in a town hall with the equipment (the nearest is full),
// the check at the counter by the town hall's student, the production on the séance's clock, the notification, the
// hand-over. What is online and what stays at the counter.

test('carte d’identité perdue : pré-demande, rendez-vous, vérification au guichet, fabrication, notification, remise', async ({ page, browser }) => {
  test.setTimeout(240_000);
  // A month a minute: a day lasts two seconds, the fortnight of production half a minute.
  const restore = await teacherPlays(browser, ['État civil'], { minutesPerMonth: '1' });
  try {
    const citizen = await (await browser.newContext()).newPage();
    await signInThroughProvider(citizen, /FranceConnect/, 'Thomas Girard');
    // The timbre fiscal first: a lost card costs 25 €; no kind chosen, then paid with a double-click, once.
    await citizen.goto('/citoyen');
    await citizen.getByRole('link', { name: 'Acheter un timbre fiscal' }).click();
    // Sent empty: the summary lists what is missing in the page's order, the stamp first.
    await citizen.getByRole('button', { name: 'Payer et recevoir le numéro du timbre' }).click();
    await expect(citizen.getByRole('alert').getByRole('link')).toHaveText([/^Choisissez le timbre/, /carte/, /expiration/, /cryptogramme/, /nom/]);
    await citizen.getByLabel('Numéro de la carte').fill('4970 1000 0000 0003');
    await citizen.getByLabel('Date d’expiration (MM/AA)').fill('08/29');
    await citizen.getByLabel('Cryptogramme').fill('123');
    await citizen.getByLabel('Nom sur la carte').fill('Thomas Girard');
    await citizen.getByRole('button', { name: 'Payer et recevoir le numéro du timbre' }).click();
    await expect(citizen.locator('#carte-timbre-erreur')).toHaveText('Choisissez le timbre à acheter.');
    await expectNoAxeViolations(citizen);
    await citizen.getByRole('radio', { name: /Carte d’identité perdue ou volée\s:\s25,00\s€/ }).check();
    await citizen.getByLabel('Numéro de la carte').fill('4970 1000 0000 0003');
    await citizen.getByLabel('Cryptogramme').fill('123');
    await citizen.getByRole('button', { name: 'Payer et recevoir le numéro du timbre' }).dblclick();
    const stamp = (await citizen.getByRole('status').filter({ hasText: 'Timbre acheté.' }).locator('strong').textContent()) ?? '';
    expect(stamp).toMatch(/^\d{4}( \d{4}){3}$/);
    await expect(citizen.getByRole('listitem').filter({ hasText: 'pas encore utilisé' })).toHaveCount(1);
    await citizen.goto('/citoyen/demarches/titre-identite');
    await citizen.getByRole('button', { name: 'Commencer la démarche' }).dblclick();
    await citizen.getByRole('radio', { name: /Carte nationale d’identité/ }).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await citizen.getByRole('radio', { name: /Mon titre a été perdu ou volé/ }).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await citizen.getByRole('radio', { name: 'Moi', exact: true }).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    // A height in metres: refused beside the field, the eye colour kept.
    await citizen.getByLabel('Taille, en centimètres').fill('1,78');
    await citizen.getByRole('radio', { name: 'Verts' }).check();
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    await expect(citizen.locator('#champ-taille-erreur')).toContainText('en centimètres');
    await expect(citizen.getByRole('radio', { name: 'Verts' })).toBeChecked();
    await expectNoAxeViolations(citizen);
    await citizen.getByLabel('Taille, en centimètres').fill('178');
    await citizen.getByRole('button', { name: 'Continuer' }).click();
    // The stamp's number, mistyped then right.
    await citizen.getByLabel(/Numéro du timbre fiscal de 25,00\s€/).fill('1234 5678');
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.locator('#champ-numero-erreur')).toHaveText('Le numéro du timbre a 16 chiffres.');
    await citizen.getByLabel(/Numéro du timbre fiscal de 25,00\s€/).fill(stamp);
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.getByText(new RegExp(`25,00\\s€, timbre n°\\s${stamp}`))).toBeVisible();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();
    const number = (await citizen.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).locator('strong').textContent()) ?? '';
    expect(number).toMatch(/^EG-/);
    await expect(citizen.getByRole('img', { name: `Code QR de la pré-demande n° ${number}` })).toBeVisible();
    await expectNoAxeViolations(citizen);

    // Each town hall's first slot. At this pace a minute of reading is thirty days: no slot offered begins before it
    // (the nearest town hall full for twelve days and a farther one sooner: lib/appointments, at a gentler pace).
    // No choice: the error beside the list.
    await citizen.getByRole('link', { name: 'Prendre rendez-vous en mairie' }).click();
    const listed = Date.now();
    await expect(citizen.getByRole('group', { name: /Mairie de Villeneuve-sur-Brenne \(dans votre ville ; premier créneau dans 3[01]\sjours\)/ })).toBeVisible();
    await citizen.getByRole('button', { name: 'Réserver ce créneau' }).click();
    await expect(citizen.locator('#champ-creneau-erreur')).toHaveText('Choisissez un créneau dans une des mairies.');
    await expectNoAxeViolations(citizen);
    // A slot that began while the person read (forged: the séance's first day): said so beside the list, drawn again.
    const farFirst = citizen.getByRole('group', { name: /Mairie de Bourg-Léger/ }).getByRole('radio').first();
    await farFirst.check();
    // After the check: React puts back the value it rendered when an input changes.
    await farFirst.evaluate((radio: HTMLInputElement) => (radio.value = '00104:0:0'));
    await citizen.getByRole('button', { name: 'Réserver ce créneau' }).click();
    await expect(citizen.locator('#champ-creneau-erreur')).toContainText('Ce créneau est passé pendant que vous choisissiez');
    await expect(citizen.locator('input[name="creneau"][value="00104:0:0"]')).toHaveCount(0);
    await citizen.getByRole('group', { name: /Mairie de Bourg-Léger/ }).getByRole('radio').first().check();
    await citizen.getByRole('button', { name: 'Réserver ce créneau' }).dblclick();
    await expect(citizen.getByRole('status').filter({ hasText: 'Votre rendez-vous est pris.' })).toBeVisible();
    await expect(citizen.getByText(/Rendez-vous à la mairie de Bourg-Léger/)).toBeVisible();
    expect(await frenchProblems(citizen)).toEqual([]);

    // The town hall's student: the pre-request is in their queue with its appointment; every box, at the hour.
    await signInThroughProvider(page, /ProConnect/, 'Julien Perret');
    await page.getByRole('link', { name: number }).click();
    await expect(page.getByText(/Rendez-vous à la mairie de Bourg-Léger/)).toBeVisible();
    await page.getByLabel(/Pré-demande lue/).check();
    await page.getByRole('button', { name: 'Valider le dépôt' }).click();
    await expect(page.locator('#guichet-verifie-erreur')).toContainText(/Vérifiez d’abord|pas encore arrivée/);
    await expectNoAxeViolations(page);
    await page.getByLabel(/Pièces vérifiées/).check();
    await page.getByLabel(/Empreintes relevées/).check();
    // The slot begins a minute or more after the list was drawn.
    await expect(async () => {
      await page.getByRole('button', { name: 'Valider le dépôt' }).click();
      await expect(page.getByText(/Dépôt vérifié le/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 90_000, intervals: [1_000, 2_000] });
    expect(await frenchProblems(page)).toEqual([]);
    expect(Date.now() - listed).toBeGreaterThan(60_000);

    // Produced a fortnight (half a minute) later: the person is told, in the page and the notifications.
    await waitForText(citizen, 'Votre titre est prêt.', 90_000);
    await citizen.getByText('Notifications').click();
    await expect(citizen.getByRole('link', { name: /EG-.*\s:\svotre titre est prêt\./ })).toBeVisible();
    await citizen.getByRole('button', { name: 'Aller chercher mon titre' }).dblclick();
    await expect(citizen.getByText(/Vous êtes au guichet de la mairie de Bourg-Léger/)).toBeVisible();

    await page.reload();
    await page.getByRole('button', { name: 'Remettre le titre' }).dblclick();
    await expect(page.getByText(/Titre remis le/)).toBeVisible();
    await expectNoAxeViolations(page);
    await waitForText(citizen, /Titre remis le .*, à la mairie de Bourg-Léger\. La démarche est terminée\./);
    await expectNoAxeViolations(citizen);
  } finally {
    await restore();
  }
});
