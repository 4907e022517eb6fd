import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Table } from 'tableschema';
import { expect, expectNoAxeViolations, signInThroughProvider, test } from './support';

// The séance's open data (issue 23): a page that says what open data is and what was removed; a CSV that a schema
// validator accepts against the séance's own Table Schema, with no count under 3.

test('données ouvertes : le CSV se vérifie avec son propre schéma (Table Schema) et ne publie aucun total de moins de 3', async ({ page }) => {
  await signInThroughProvider(page, /FranceConnect/, 'Julie Fontaine');
  // Something to count whatever ran before: three questions to the assistant (published).
  await page.goto('/assistant');
  // Each question unique to this run: the log may already hold the same words from an earlier test, and the wait below
  // must see this very question arrive before the next one is typed (the form starts afresh once its answer is in).
  const run = Date.now();
  for (const question of ['ou acheter le timbre fiscal', 'combien coute un passeport', 'qui a droit a la prime d activite'].map((q) => `${q} ${run}`)) {
    await page.getByLabel(/^Votre (question|message)/).fill(question);
    await page.getByRole('button', { name: /^(Demander|Envoyer)$/ }).click();
    await expect(page.getByRole('log', { name: 'Votre conversation' })).toContainText(question);
  }
  await page.goto('/seance/observatoire');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Observatoire des démarches');
  await expectNoAxeViolations(page);
  await page.getByRole('link', { name: 'Les données ouvertes de la séance' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Données ouvertes de la séance');
  await expect(page.getByRole('heading', { name: 'Ce qui a été retiré pour protéger les personnes' })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Les indicateurs de la séance \(CSV/ }).click();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-donnees-')), 'indicateurs.csv');
  await (await download).saveAs(file);
  const schema = await (await page.request.get('/seance/donnees-ouvertes/schema.json')).json();
  const table = await Table.load(file, { schema });
  // eslint-disable-next-line @typescript-eslint/await-thenable -- tableschema's types say read() answers at once; it is async
  const rows = (await table.read({ forceCast: true, keyed: true })) as (Record<string, unknown> | Error)[];
  expect(rows.filter((r) => r instanceof Error).map((e) => (e as Error).message)).toEqual([]);
  expect(rows.length).toBeGreaterThan(0);
  const records = rows as Record<string, unknown>[];
  for (const r of records) {
    if (r.mesure === 'nombre') expect(r.valeur === null ? r.diffusion : Number(r.valeur) >= 3, JSON.stringify(r)).toBe(r.valeur === null ? 'secret_statistique' : true);
  }
  expect(records.find((r) => r.theme === 'assistant' && r.modalite === 'questions')).toMatchObject({ diffusion: 'publiee' });
  expect(Number(records.find((r) => r.theme === 'assistant' && r.modalite === 'questions')?.valeur)).toBeGreaterThanOrEqual(3);
  // Nobody's name in the file.
  expect(fs.readFileSync(file, 'utf8')).not.toMatch(/Fontaine|Benali|Lefebvre/);
});

test('données ouvertes : sans séance, la page dit comment en rejoindre une, et le fichier est refusé avec un code stable', async ({ page }) => {
  await page.goto('/seance/donnees-ouvertes');
  await expect(page.getByRole('link', { name: /rejoindre avec le code/ })).toBeVisible();
  await expectNoAxeViolations(page);
  const response = await page.request.get('/seance/donnees-ouvertes/indicateurs.csv');
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ erreur: 'non_participant' });
});
