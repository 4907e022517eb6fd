import { expect, expectNoAxeViolations, openDemoSession, signInThroughProvider, test } from './support';

// The ideas box (issue 23): a citizen proposes, an agent votes (once, whatever the clicks), the teacher retains the
// idea on the debrief, and the class sees it first.

test('boîte à idées : une personne propose, un agent vote une fois, l’enseignant·e retient l’idée et la classe la voit en tête', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const idea = `Dire dès la première page si ma rue est dans une zone (${Date.now()})`;
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  await page.goto('/seance/idees');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Boîte à idées');
  await expectNoAxeViolations(page);
  // Nothing chosen: each error beside its field, what was typed kept.
  await page.getByLabel('Votre idée', { exact: true }).fill(idea);
  await page.getByRole('button', { name: 'Proposer mon idée' }).click();
  await expect(page.locator('#idee-demarche-erreur')).toHaveText('Choisissez la démarche que votre idée améliore.');
  await expect(page.getByLabel('Votre idée', { exact: true })).toHaveValue(idea);
  await expectNoAxeViolations(page);
  await page.getByLabel('La démarche que votre idée améliore').selectOption('carte-stationnement');
  await page.getByRole('button', { name: 'Proposer mon idée' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: 'Votre idée est proposée à la classe.' })).toBeVisible();
  const mine = page.getByRole('listitem').filter({ hasText: idea });
  await expect(mine).toHaveCount(1);
  await expect(mine).toContainText('C’est votre idée.');
  await expect(mine.getByRole('button', { name: /Voter/ })).toHaveCount(0);

  const agent = await (await browser.newContext()).newPage();
  await signInThroughProvider(agent, /ProConnect/, 'Camille Vasseur');
  await agent.goto('/seance/idees');
  const theirs = agent.getByRole('listitem').filter({ hasText: idea });
  await theirs.getByRole('button', { name: /^Voter pour cette idée/ }).dblclick();
  await expect(theirs).toContainText('Vous avez voté pour cette idée.');
  await expect(theirs).toContainText(/1\svote/);
  await expectNoAxeViolations(agent);
  await agent.context().close();

  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  await teacher.getByRole('link', { name: 'Bilan', exact: true }).click();
  const onDebrief = teacher.getByRole('region', { name: 'La boîte à idées' }).getByRole('listitem').filter({ hasText: idea });
  await onDebrief.getByRole('button', { name: /^Retenir cette idée/ }).click();
  await expect(onDebrief).toContainText('Retenue');
  await expect(onDebrief.getByRole('button', { name: /^Ne plus retenir/ })).toBeVisible();
  await expectNoAxeViolations(teacher);
  await teacher.context().close();

  await page.reload();
  const first = page.getByRole('region', { name: 'Les idées de la classe' }).getByRole('listitem').first();
  await expect(first).toContainText(idea);
  await expect(first).toContainText('Retenue par l’enseignant·e');
});
