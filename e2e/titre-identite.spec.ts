import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openDemoSession, signInThroughProvider, waitForText } from './support';

// A lost identity card: the pre-request online, an appointment in a town hall with the equipment (the nearest is full),
// the check at the counter by the town hall's student, the production on the séance's clock, the notification, the
// hand-over. What is online and what stays at the counter.

test('carte d’identité perdue : pré-demande, rendez-vous, vérification au guichet, fabrication, notification, remise', async ({ page, browser }) => {
  test.setTimeout(240_000);
  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Réglages', exact: true }).click();
  const month = teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)');
  const before = await month.inputValue();
  // A month a minute: a day lasts two seconds, the fortnight of production half a minute.
  await month.fill('1');
  await teacher.getByRole('checkbox', { name: 'État civil', exact: true }).check();
  await teacher.getByRole('button', { name: 'Enregistrer' }).click();
  await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  try {
    const citizen = await (await browser.newContext()).newPage();
    await signInThroughProvider(citizen, /FranceConnect/, 'Thomas Girard');
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
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.locator('#champ-taille-erreur')).toContainText('en centimètres');
    await expect(citizen.getByRole('radio', { name: 'Verts' })).toBeChecked();
    await expectNoAxeViolations(citizen);
    await citizen.getByLabel('Taille, en centimètres').fill('178');
    await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
    await expect(citizen.getByText(/25,00\s€, à acheter avant le rendez-vous/)).toBeVisible();
    await citizen.getByRole('button', { name: 'Envoyer ma demande' }).dblclick();
    const number = (await citizen.getByRole('status').filter({ hasText: 'Votre demande est envoyée' }).locator('strong').textContent()) ?? '';
    expect(number).toMatch(/^EG-/);
    await expect(citizen.getByRole('img', { name: `Code QR de la pré-demande n° ${number}` })).toBeVisible();
    await expectNoAxeViolations(citizen);

    // The nearest town hall is full for days; a farther one sooner. No choice: the error beside the list.
    await citizen.getByRole('link', { name: 'Prendre rendez-vous en mairie' }).click();
    await expect(citizen.getByRole('group', { name: /Mairie de Villeneuve-sur-Brenne \(dans votre ville ; premier créneau dans 12\sjours\)/ })).toBeVisible();
    await citizen.getByRole('button', { name: 'Réserver ce créneau' }).click();
    await expect(citizen.locator('#champ-creneau-erreur')).toHaveText('Choisissez un créneau dans une des mairies.');
    await expectNoAxeViolations(citizen);
    await citizen.getByRole('group', { name: /Mairie de Bourg-Léger/ }).getByRole('radio').first().check();
    await citizen.getByRole('button', { name: 'Réserver ce créneau' }).dblclick();
    await expect(citizen.getByRole('status').filter({ hasText: 'Votre rendez-vous est pris.' })).toBeVisible();
    await expect(citizen.getByText(/Rendez-vous à la mairie de Bourg-Léger/)).toBeVisible();

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
    await expect(async () => {
      await page.getByRole('button', { name: 'Valider le dépôt' }).click();
      await expect(page.getByText(/Dépôt vérifié le/)).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000, 2_000] });

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
    await teacher.reload();
    await teacher.getByLabel('Durée d’un mois de la vraie vie (minutes)').fill(before);
    await teacher.getByRole('checkbox', { name: 'État civil', exact: true }).uncheck();
    await teacher.getByRole('button', { name: 'Enregistrer' }).click();
    await expect(teacher.getByRole('status').filter({ hasText: 'C’est enregistré.' })).toBeVisible();
  }
});
