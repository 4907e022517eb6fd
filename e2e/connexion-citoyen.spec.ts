import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

test('une citoyenne se connecte avec FranceConnect simulé, voit son nom, puis se déconnecte partout', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Simulation pédagogique — pas un site officiel')).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' }).click();
  await expect(page).toHaveURL(/\/identite\/franceconnect\?interaction=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre identité' })).toBeVisible();
  await expectNoAxeViolations(page);

  // Submitting without a choice: an error, next to the list, nothing lost.
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page.getByRole('alert').filter({ has: page.getByRole('heading', { name: 'Aucune identité choisie' }) })).toBeVisible();
  await expect(page.locator('#choix-erreur')).toHaveText(/Choisissez la personne que vous incarnez/);
  await expectNoAxeViolations(page);

  await page.getByRole('radio', { name: /^Yasmine Roche/ }).check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/citoyen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Yasmine Roche');
  await expect(page.getByText('Chérif', { exact: true })).toBeVisible(); // birth name, from FranceConnect's claims
  await expect(page.getByText('Vous n’avez encore aucune démarche en cours.')).toBeVisible();
  await expectNoAxeViolations(page);

  // A citizen may not open the other roles' spaces.
  for (const path of ['/agent', '/enseignant']) {
    expect((await page.goto(path))?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accès refusé');
  }

  // Signing out ends the provider's session too: the next sign-in asks again who you are.
  await page.getByRole('button', { name: 'Se déconnecter' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('link', { name: 'Se connecter' }).first()).toBeVisible();
  for (const path of ['/citoyen', '/agent', '/enseignant']) {
    expect((await page.goto(path))?.status()).toBe(401);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion nécessaire');
  }
  await expectNoAxeViolations(page);
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choisissez votre identité' })).toBeVisible();
});

test('le fournisseur simulé refuse une adresse de retour non enregistrée', async ({ page }) => {
  const response = await page.goto('/api/idp/franceconnect/authorize?client_id=e-guichet-citoyens&redirect_uri=http://attaquant.test/&response_type=code&scope=openid&state=abcdefgh12&nonce=abcdefgh12&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256');
  expect(response?.status()).toBe(400);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion impossible');
  await expectNoAxeViolations(page);
});

test('un double-clic sur « Me connecter » connecte une fois ; revenir en arrière dit que la connexion est faite', async ({ page }) => {
  await page.goto('/connexion');
  await page.getByRole('button', { name: 'Se connecter avec FranceConnect (simulé)' }).click();
  await page.getByRole('radio', { name: /^Hugo Lambert/ }).check();
  // Two sendings of the provider's form: the browser follows the second answer.
  await page.getByRole('button', { name: 'Me connecter' }).dblclick();
  await expect(page).toHaveURL(/\/citoyen$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Hugo Lambert');

  // Back to the provider's page: it says the sign-in is done (not « expired »), and it is.
  await page.goBack();
  await expect(page).toHaveURL(/\/identite\/franceconnect\?interaction=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vous êtes déjà connecté·e');
  await expect(page.getByRole('banner').getByRole('link', { name: 'Hugo Lambert' })).toBeVisible();
  await expectNoAxeViolations(page);
  // The same request's number at the other provider is none of its own: not valid there, nothing said of it.
  await page.goto(page.url().replace('/identite/franceconnect', '/identite/proconnect'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cette demande de connexion n’est plus valable');
  await page.goBack();
  await page.getByRole('link', { name: 'Revenir à e-Guichet' }).click();
  await expect(page).toHaveURL(/\/$/);
});
