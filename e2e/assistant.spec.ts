import { expect, expectNoAxeViolations, signInThroughProvider, teacherPlays, test, waitForText } from './support';

// "Une question ?" (issue 23): a student asks the assistant from any page, reads the passage it quotes, hands the
// conversation to the CAF; the student who plays the CAF answers; the citizen reads it without reloading.

test('assistant : une question, sa source, puis un conseiller de la CAF qui répond sans que la page soit rechargée', async ({ page, browser }) => {
  test.setTimeout(150_000);
  const restore = await teacherPlays(browser, ['CAF']);
  try {
    await signInThroughProvider(page, /FranceConnect/, 'Thomas Girard');
    await page.goto('/citoyen');
    const panel = page.getByRole('region', { name: /^Une question/ });
    // Keyboard only: open the panel, type, send.
    await panel.locator('summary').focus();
    await page.keyboard.press('Enter');
    await panel.getByLabel('Votre question').fill('qui a droit a la prime d activité');
    await expectNoAxeViolations(page);
    // A double-click asks once.
    await panel.getByRole('button', { name: 'Demander' }).dblclick();
    const log = panel.getByRole('log', { name: 'Dernière réponse de l’assistant' });
    await expect(log.getByRole('listitem')).toHaveCount(2);
    await expect(log).toContainText('Voici ce que disent les textes d’e-Guichet');
    await expect(log.getByRole('link', { name: 'Demander la prime d’activité' })).toHaveAttribute('href', '/citoyen/demarches/prime-activite');
    await expectNoAxeViolations(page);

    // Off-topic: the assistant says so, and still offers a person.
    await panel.getByLabel('Votre question').fill('Quelle est la capitale de l’Australie ?');
    await panel.getByRole('button', { name: 'Demander' }).click();
    await expect(log).toContainText('Je ne sais pas répondre à cette question.');
    await log.getByRole('link', { name: 'Parler à un conseiller' }).last().click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Une question ?');
    await expect(page.getByRole('log', { name: 'Votre conversation' }).getByRole('listitem')).toHaveCount(4);
    await expect(page.getByLabel('À quel service voulez-vous parler ?')).toHaveValue('caf'); // the procedure the assistant quoted
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Parler à un conseiller' }).dblclick();
    await expect(page.getByRole('heading', { name: 'Votre conversation avec un conseiller de la CAF' })).toBeVisible();
    await expect(page.getByText(/Votre question est transmise à un conseiller ou une conseillère de la CAF/)).toHaveCount(1);

    // The CAF's student sees it, and only one conversation.
    const agent = await (await browser.newContext()).newPage();
    await signInThroughProvider(agent, /ProConnect/, 'Nathalie Brun');
    await agent.goto('/agent');
    await expect(agent.getByText(/1\spersonne attend votre réponse/)).toBeVisible();
    await agent.getByRole('link', { name: 'Questions des usagers' }).click();
    await expect(agent.getByRole('heading', { level: 1 })).toHaveText('Questions des usagers');
    await expectNoAxeViolations(agent);
    await agent.getByRole('link', { name: 'Thomas Girard' }).click();
    await expect(agent.getByRole('log')).toContainText('qui a droit a la prime d activité');
    await expectNoAxeViolations(agent);
    await agent.getByLabel('Votre réponse').fill('Bonjour, la prime d’activité est pour les personnes qui travaillent. Faites la simulation sur la page de la démarche.');
    await agent.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await expect(agent.getByRole('log').getByRole('listitem').last()).toContainText('Faites la simulation');

    // The citizen's page, left open, shows the answer by itself.
    await waitForText(page, /Faites la simulation sur la page de la démarche/);
    await expect(page.getByRole('log', { name: 'Votre conversation' }).getByRole('listitem').last()).toContainText('Conseiller ou conseillère de la CAF');
    await expectNoAxeViolations(page);
    await agent.context().close();
  } finally {
    await restore();
  }
});

test('assistant : une question vide est dite à côté du champ ; une autre CAF ou un autre organisme ne voit pas la conversation', async ({ page, browser }) => {
  await signInThroughProvider(page, /FranceConnect/, 'Julie Fontaine');
  await page.goto('/assistant');
  await page.getByRole('button', { name: 'Demander' }).click();
  await expect(page.locator('#question-erreur')).toHaveText('Écrivez votre question.');
  await expectNoAxeViolations(page);
  await page.getByLabel('Votre question').fill('ou acheter le timbre fiscal');
  await page.getByRole('button', { name: 'Demander' }).click();
  await expect(page.getByRole('log', { name: 'Votre conversation' })).toContainText('timbre fiscal');
  await page.getByLabel('À quel service voulez-vous parler ?').selectOption('ville');
  await page.getByRole('button', { name: 'Parler à un conseiller' }).click();
  await expect(page.getByText(/personne ne joue ce service dans la séance pour l’instant\. En vrai/)).toBeVisible();
  const id = new URL(page.url()).searchParams.get('conversation');
  expect(id).toBeTruthy();

  const caf = await (await browser.newContext()).newPage();
  await signInThroughProvider(caf, /ProConnect/, 'Nathalie Brun');
  await caf.goto('/agent/conseil');
  await expect(caf.getByRole('link', { name: 'Julie Fontaine' })).toHaveCount(0);
  const response = await caf.goto(`/agent/conseil/${id}`);
  expect(response?.status()).toBe(404);
  await caf.context().close();
});
