import type { APIRequestContext } from '@playwright/test';
import { openE2eDatabase } from './database';
import { bodyToken, expect, openDemoSession, ownSubject, signInThroughProvider, test } from './support';

// The État plateforme's HTTP API against the running app (docs/API.md): every error code, minimisation, revocation.

const exchanges = '/api/plateforme/v1/echanges';
const parking = { fournisseur: 'siv', donnees: ['siv.vehicules'], finalite: 'carte_stationnement_residentiel' };

test('l’API de la plateforme : codes d’erreur, minimisation, retrait de l’accord, pannes et journal', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const ville = await bodyToken(browser, 'ville');
  const caf = await bodyToken(browser, 'caf');
  const call = (api: APIRequestContext, token: string | null, data: unknown) =>
    api.post(exchanges, { headers: token ? { Authorization: `Bearer ${token}` } : {}, data: data as object });

  // A citizen (Antoine) in a context of their own: their subject, and consents through the API.
  const citizen = await browser.newContext();
  const page = await citizen.newPage();
  await signInThroughProvider(page, /FranceConnect/, 'Antoine Mercier');
  await expect(page).toHaveURL(/\/citoyen$/);
  const usager = await ownSubject(page);

  // 401 jeton_invalide: no token, an unknown one.
  for (const token of [null, `${ville.slice(0, -2)}xx`]) {
    const r = await call(request, token, { ...parking, usager });
    expect(r.status()).toBe(401);
    expect(await r.json()).toMatchObject({ erreur: 'jeton_invalide', message: expect.stringMatching(/jeton/) });
  }
  // 422 requete_invalide with details; not JSON at all.
  const invalid = await call(request, ville, { fournisseur: 'siv', donnees: ['siv.vehicules'] });
  expect(invalid.status()).toBe(422);
  expect(await invalid.json()).toMatchObject({ erreur: 'requete_invalide', details: expect.arrayContaining([expect.objectContaining({ champ: 'usager' })]) });
  const notJson = await request.post(exchanges, { headers: { Authorization: `Bearer ${ville}`, 'Content-Type': 'application/json' }, data: '{pas du json' });
  expect(notJson.status()).toBe(422);
  // 403 habilitation_absente: the city may not ask the CAF.
  const noHabilitation = await call(request, ville, { fournisseur: 'caf', donnees: ['caf.prestations'], usager, finalite: 'carte_stationnement_residentiel' });
  expect(noHabilitation.status()).toBe(403);
  expect(await noHabilitation.json()).toMatchObject({ erreur: 'habilitation_absente', echange: expect.any(String) });
  // 404 usager_inconnu.
  const unknown = await call(request, ville, { ...parking, usager: '00000000-0000-4000-8000-000000000000' });
  expect(unknown.status()).toBe(404);
  expect(await unknown.json()).toMatchObject({ erreur: 'usager_inconnu' });
  // 403 consentement_absent.
  const noConsent = await call(request, ville, { ...parking, usager });
  expect(noConsent.status()).toBe(403);
  expect(await noConsent.json()).toMatchObject({ erreur: 'consentement_absent' });

  // The citizen gives a consent through the API; the city gets only the items asked.
  const given = await page.request.post('/api/plateforme/v1/consentements', {
    data: { consommateur: 'ville', fournisseur: 'siv', donnees: ['siv.vehicules'], finalite: 'carte_stationnement_residentiel', duree_jours: 7 },
  });
  expect(given.status()).toBe(201);
  const consent = await given.json();
  expect(consent).toMatchObject({ statut: 'actif', texte_affiche: expect.stringContaining('7 jours') });
  const granted = await call(request, ville, { ...parking, usager, dossier: 'ESSAI-API' });
  expect(granted.status()).toBe(200);
  const grantedBody = await granted.json();
  expect(Object.keys(grantedBody.donnees)).toEqual(['siv.vehicules']);
  expect(grantedBody.donnees['siv.vehicules']).toEqual([
    { immatriculation: 'EZ-561-QN', titulaire: 'MERCIER Antoine', titulaire_type: 'personne', adresse: { ligne: '11 allée des Cerisiers', code_postal: '00100', commune: 'Villeneuve-sur-Brenne' } },
  ]);
  // A body that took part reads the exchange; another body does not.
  const seen = await request.get(`${exchanges}/${grantedBody.echange}`, { headers: { Authorization: `Bearer ${ville}` } });
  expect(await seen.json()).toMatchObject({ id: grantedBody.echange, resultat: 'accorde', dossier: 'ESSAI-API', requete: { entetes: { authorization: expect.stringMatching(/^Bearer egt_ville_…/) } } });
  expect((await request.get(`${exchanges}/${grantedBody.echange}`, { headers: { Authorization: `Bearer ${caf}` } })).status()).toBe(404);

  // Withdrawing flips the next call to 403 consentement_absent.
  const withdrawn = await page.request.delete(`/api/plateforme/v1/consentements/${consent.id}`);
  expect(await withdrawn.json()).toMatchObject({ statut: 'retire' });
  const afterWithdrawal = await call(request, ville, { ...parking, usager });
  expect(afterWithdrawal.status()).toBe(403);
  expect(await afterWithdrawal.json()).toMatchObject({ erreur: 'consentement_absent' });
  const list = await (await page.request.get('/api/plateforme/v1/consentements')).json();
  expect(list.consentements).toContainEqual(expect.objectContaining({ id: consent.id, statut: 'retire' }));
  // A withdrawal from another site is refused.
  const crossSite = await page.request.delete(`/api/plateforme/v1/consentements/${consent.id}`, { headers: { Origin: 'https://site-malveillant.example' } });
  expect(crossSite.status()).toBe(403);

  // The teacher breaks the DGFiP: 503, then 504 (a lenteur beyond the platform's 4 s), then repairs it.
  const teacher = await browser.newContext();
  const tp = await teacher.newPage();
  await openDemoSession(tp);
  await tp.getByRole('link', { name: 'Pannes', exact: true }).click();
  const karimLike = { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' };
  expect((await call(request, caf, karimLike)).status()).toBe(200); // the law allows it, no consent needed
  const launch = async (type: string, latence = '8') => {
    await tp.getByLabel('Organisme', { exact: true }).selectOption({ label: 'DGFiP' });
    await tp.getByLabel('Type de panne').selectOption(type);
    await tp.getByLabel('Retard, pour une lenteur (secondes)').fill(latence);
    await tp.getByRole('button', { name: 'Lancer la panne' }).click();
    await expect(tp.getByRole('status').filter({ hasText: 'La panne est lancée' })).toBeVisible();
  };
  await launch('panne');
  const outage = await call(request, caf, karimLike);
  expect(outage.status()).toBe(503);
  expect(await outage.json()).toMatchObject({ erreur: 'organisme_indisponible' });
  await tp.getByRole('button', { name: 'Rétablir DGFiP' }).click();
  await expect(tp.getByText('Tous les organismes répondent normalement.')).toBeVisible();
  await launch('lenteur', '6');
  const slow = await call(request, caf, karimLike);
  expect(slow.status()).toBe(504);
  expect(await slow.json()).toMatchObject({ erreur: 'delai_depasse' });
  await tp.getByRole('button', { name: 'Rétablir DGFiP' }).click();
  // The repair is done once the page says so (the call must not race the teacher's form).
  await expect(tp.getByText('Tous les organismes répondent normalement.')).toBeVisible();
  expect((await call(request, caf, karimLike)).status()).toBe(200);

  // The journal: the city sees only the exchanges it took part in; the citizen those about them; the chain holds.
  const cityJournal = await (await request.get('/api/plateforme/v1/journal', { headers: { Authorization: `Bearer ${ville}` } })).json();
  expect(cityJournal.entrees.length).toBeGreaterThan(0);
  for (const entry of cityJournal.entrees) expect([entry.consommateur, entry.fournisseur]).toContain('ville');
  const own = await (await page.request.get('/api/plateforme/v1/journal')).json();
  expect(own.entrees.map((e: { resultat: string; motif: string | null }) => e.motif ?? e.resultat)).toEqual(
    expect.arrayContaining(['habilitation_absente', 'consentement_absent', 'accorde', 'organisme_indisponible', 'delai_depasse']),
  );
  for (const entry of own.entrees) expect(entry.usager).toBe(usager);
  const verification = await (await request.get('/api/plateforme/v1/journal/verification', { headers: { Authorization: `Bearer ${ville}` } })).json();
  expect(verification).toMatchObject({ valide: true, tete: expect.stringMatching(/^[0-9a-f]{64}$/) });
  // Without a session or a token: 401 non_authentifie.
  const anonymous = await request.get('/api/plateforme/v1/journal');
  expect(anonymous.status()).toBe(401);
  expect(await anonymous.json()).toMatchObject({ erreur: 'non_authentifie' });

  // A revoked token stops working at once; a double-click replaces it once, not twice.
  const db = await openE2eDatabase();
  const cafTokens = async () => (await db.get<{ n: number }>("SELECT count(*) AS n FROM platform_tokens WHERE agency = 'caf'"))!.n;
  const before = await cafTokens();
  await tp.getByRole('link', { name: 'Organismes', exact: true }).click();
  // By the button's own name: a row's text includes its token, and a token may spell "caf" (a DGFiP one did).
  await tp.getByRole('button', { name: 'Révoquer et remplacer le jeton CAF', exact: true }).dblclick();
  await expect(tp.getByRole('status').filter({ hasText: 'est remplacé' })).toBeVisible();
  expect((await call(request, caf, karimLike)).status()).toBe(401);
  expect(await cafTokens()).toBe(before + 1);
  await db.close();
  await teacher.close();
  await citizen.close();
});
