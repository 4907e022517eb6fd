import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compactVerify, createLocalJWKSet } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { expect, expectNoAxeViolations, signInThroughProvider, test, testBaseUrl, waitForText } from './support';

test('acte de naissance : de la connexion au document scellé, avec les erreurs à côté des champs', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /FranceConnect/, 'Lucas Petit');
  await expect(page).toHaveURL(/\/citoyen$/);
  await page.getByRole('link', { name: 'Acte de naissance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Acte de naissance');
  await expect(page.getByRole('heading', { name: 'En vrai' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();

  // Step 1, sent empty: the summary takes the focus, the error is beside the question.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pour qui demandez-vous l’acte ?');
  // The count says as many stops as the list shows (the summary is the last one).
  const stops = await page.getByRole('navigation', { name: 'Étapes de la démarche' }).getByRole('listitem').count();
  expect(stops).toBeGreaterThan(2);
  await expect(page.getByText(`Acte de naissance — étape 1 sur ${stops}`, { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Continuer' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Vérifiez ces réponses' });
  await expect(summary).toBeFocused();
  await expect(page.locator('#champ-lien-erreur')).toHaveText('Choisissez pour qui vous demandez l’acte.');
  await expectNoAxeViolations(page);
  await summary.getByRole('link', { name: 'Choisissez pour qui vous demandez l’acte.' }).click();
  await expect(page.getByRole('radio', { name: 'Mon propre acte de naissance' })).toBeFocused();
  await page.getByRole('radio', { name: 'Mon propre acte de naissance' }).check();
  await page.getByRole('button', { name: 'Continuer' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Le document souhaité');
  await page.getByRole('radio', { name: /Copie intégrale/ }).check();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Voir le récapitulatif' }).click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vérifiez votre demande avant de l’envoyer');
  // A stop fewer now: for one's own certificate the step about the person born does not apply.
  const last = await page.getByRole('navigation', { name: 'Étapes de la démarche' }).getByRole('listitem').count();
  await expect(page.getByText(`Acte de naissance — étape ${last} sur ${last}, la dernière`, { exact: true })).toBeVisible();
  await expect(page.getByText('Mon propre acte de naissance')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Envoyer ma demande' }).click();

  await expect(page.getByRole('status').filter({ hasText: 'Votre demande est envoyée' })).toContainText(/EG-\d{4}-/);
  await expectNoAxeViolations(page);
  await waitForText(page, 'Votre demande est acceptée.');
  await expect(page.getByRole('heading', { name: 'Historique' })).toBeVisible();
  await expect(page.getByText('Copie intégrale d’acte de naissance', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);

  // "Je donne mon avis", offered once the request is decided; the séance's observatory counts it (issue 23).
  const caseUrl = page.url();
  const opinionsGiven = async () => {
    await page.goto('/seance/observatoire');
    const row = page.getByRole('row', { name: /^Acte de naissance/ });
    return (await row.count()) === 0 ? 0 : Number(await row.getByRole('cell').nth(2).innerText());
  };
  const before = await opinionsGiven();
  await page.goto(caseUrl);
  const opinion = page.getByRole('region', { name: 'Je donne mon avis' });
  await opinion.getByRole('button', { name: 'Envoyer mon avis' }).click();
  await expect(opinion.getByRole('alert')).toHaveText('Répondez à au moins une question, ou écrivez un commentaire.');
  await opinion.getByRole('group', { name: /Êtes-vous satisfait·e/ }).getByRole('radio', { name: 'Oui' }).check();
  await opinion.getByRole('radio', { name: 'Facile', exact: true }).check();
  await opinion.getByRole('checkbox', { name: /Non, je l’ai faite seul·e/ }).check();
  await opinion.getByLabel(/Un commentaire/).fill('Très rapide, merci.');
  await expectNoAxeViolations(page);
  await opinion.getByRole('button', { name: 'Envoyer mon avis' }).dblclick();
  await expect(opinion.getByRole('status')).toContainText('Merci pour votre avis.');
  expect(await opinionsGiven()).toBe(before + 1);
  await expectNoAxeViolations(page);
  await page.goto(caseUrl);

  // The PDF opens and carries its seal; the verification page says it is authentic.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Télécharger le PDF : Copie intégrale d’acte de naissance' }).click();
  const bytes = await (await download).createReadStream().then(async (stream) => Buffer.concat(await stream.toArray()));
  const pdf = await PDFDocument.load(bytes);
  expect(pdf.getTitle()).toBe('Copie intégrale d’acte de naissance (simulation)');
  const seal = /e-guichet-sceau:(\S+)/.exec(pdf.getKeywords() ?? '')?.[1] ?? '';
  // The seal verifies with the published JWKS and a standard JWS library (jose), outside the app.
  const jwks = await (await page.request.get('/api/documents/cles')).json();
  const { payload } = await compactVerify(seal, createLocalJWKSet(jwks));
  const claims = JSON.parse(new TextDecoder().decode(payload));
  expect(claims).toMatchObject({ typ: 'acte_naissance_copie_integrale', iss: 'e-guichet:etat-civil', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  const verification = await (await page.request.get(`/api/documents/${claims.jti}/verification`)).json();
  expect(verification).toMatchObject({ authentique: true, revoque: false, empreinte_contenu: claims.sha256 });
  await page.getByRole('link', { name: 'Vérifier : Copie intégrale d’acte de naissance' }).click();
  await expect(page).toHaveURL(/\/verifier\//);
  await expect(page.getByRole('status').filter({ hasText: 'Document authentique.' })).toContainText('n’a pas été modifié');
  // The QR page shows what the seal carries, to compare with the paper: Lucas Petit's own name among it.
  const sealed = page.getByRole('region', { name: 'Ce que dit le sceau : comparez avec le papier' });
  await expect(sealed.getByRole('definition').filter({ hasText: /^Petit$/i })).toBeVisible();
  await expect(sealed.getByText(/^Nom/)).toBeVisible();
  await expectNoAxeViolations(page);
  // The same file, checked by the command against this server's published keys: every field matches its seal.
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-acte-')), 'acte.pdf');
  fs.writeFileSync(file, bytes);
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/document-verifier.ts', file, testBaseUrl()], { encoding: 'utf8', timeout: 60_000 });
  expect(run.stdout).toMatch(/Sceau valide[\s\S]*✓ Nom[^\n]*« (?:PETIT|Petit) »[\s\S]*la page correspond à son sceau[\s\S]*Révocation\s: non révoqué/);
  expect(run.status).toBe(0);

  await page.goto('/citoyen/coffre-fort');
  await expect(page.getByRole('row', { name: /Copie intégrale d’acte de naissance/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Accusé de réception/ })).toBeVisible();
  await expectNoAxeViolations(page);
});
