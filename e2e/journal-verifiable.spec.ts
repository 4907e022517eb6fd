import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { openE2eDatabase } from './database';
import { bodyToken, expect, expectNoAxeViolations, ownSubject, signInThroughProvider, test, testBaseUrl } from './support';

// Issue 18: a receipt handed out with an exchange is checked by `npm run journal:verifier` against the running server,
// trusting it for nothing; then someone with write access to the database removes the journal's last entry.

async function signedIn(browser: Browser, identity: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughProvider(page, /FranceConnect/, identity);
  return page;
}

function journalVerifier(file: string) {
  const run = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/journal-verifier.ts', file, testBaseUrl()], { encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, out: `${run.stdout}${run.stderr}` };
}

test('un reçu d’échange se vérifie contre le serveur ; la dernière entrée retirée de la base se voit', async ({ browser, request }) => {
  const citizen = await signedIn(browser, 'Karim Benali');
  const usager = await ownSubject(citizen);
  const caf = await bodyToken(browser, 'caf');
  const answer = await request.post('/api/plateforme/v1/echanges', { headers: { Authorization: `Bearer ${caf}` }, data: { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' } });
  expect(answer.status()).toBe(200);
  const { recu } = (await answer.json()) as { recu: { seance: string; entree: string; index: number } };

  // The citizen keeps it from Mes données: the exchange shows its receipt, downloaded as the platform handed it out.
  await citizen.goto('/citoyen/mes-donnees');
  const exchange = citizen.getByRole('listitem').filter({ has: citizen.getByRole('heading', { name: /CAF a demandé à DGFiP/ }) });
  await expect(exchange.getByText(new RegExp(`Entrée n°\\s${recu.index + 1} du journal, incluse dans le point de contrôle signé le`))).toBeVisible();
  const [download] = await Promise.all([citizen.waitForEvent('download'), exchange.getByRole('link', { name: new RegExp(`^Télécharger le reçu n°\\s${recu.index + 1} \\(JSON\\)$`) }).click()]);
  expect(download.suggestedFilename()).toBe(`recu-echange-${recu.index + 1}.json`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-recu-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual(recu);
  await expectNoAxeViolations(citizen);
  // Another citizen cannot download it.
  const other = await signedIn(browser, 'Sophie Marie Lefebvre');
  expect((await other.request.get(`/citoyen/mes-donnees/recus/${recu.entree}`)).status()).toBe(404);

  // Untouched: the command says so and exits 0; the server's own endpoint agrees.
  const before = journalVerifier(file);
  expect(before.out).toMatch(/Reçu valide[\s\S]*rien n’a été retiré ni réécrit/);
  expect(before.code).toBe(0);
  expect(await (await request.post('/api/plateforme/v1/journal/verification', { data: { recu } })).json()).toMatchObject({ valide: true });

  // Someone with access to the database removes that last entry (the append-only trigger off, then on again).
  const db = await openE2eDatabase();
  const last = await db.get<{ id: string }>('SELECT id FROM journal_entries WHERE class_session_id = ? ORDER BY sequence DESC LIMIT 1', recu.seance);
  expect(last?.id).toBe(recu.entree);
  await db.withoutTrigger('journal_entries_no_delete', 'journal_entries', async () => {
    await db.all('DELETE FROM exchange_traces WHERE journal_entry_id = ?', last!.id);
    await db.all('DELETE FROM journal_entries WHERE id = ?', last!.id);
  });
  await db.close();

  const after = journalVerifier(file);
  expect(after.out).toMatch(/ÉCHEC.*retirées/);
  expect(after.code).toBe(1);
  // Mes données sees it too, the head left as it was: the latest signed checkpoint counts one more entry.
  await citizen.reload();
  await expect(citizen.getByText(/Contrôle du journal de la séance\s: ALTÉRÉ \(le dernier point de contrôle signé compte \d+\sentrées?, le journal \d+\s: des entrées ont été retirées\)/)).toBeVisible();
  expect(await (await request.post('/api/plateforme/v1/journal/verification', { data: { recu } })).json()).toMatchObject({ valide: false, messages: [expect.anything(), expect.stringMatching(/retirées/)] });
});
