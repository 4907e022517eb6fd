import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { dropTrigger, freshDb, rawSql } from '../../test/db';
import type { AsyncExecutor } from '../../db/engine';
import { classSessions, journalEntries, journalHeads } from '../../db/tables';
import { signCheckpoint } from './checkpoints';
import { appendWithReceipt, entryHash, latestCheckpoint, verifyJournalChain, type JournalInput } from './journal';
import { localLogClient } from './journal-tree';
import { verifyAgainstLog } from './log-verifier';

// Each attack from the position of someone who can write the SQLite file (the triggers dropped first), checked with a
// receipt or a checkpoint taken before it.

const exchange = (n: number): JournalInput => ({
  classSessionId: 's1',
  consumer: 'ville',
  provider: n % 2 ? 'siv' : 'dgfip',
  items: [n % 2 ? 'siv.vehicules' : 'dgfip.adresse_fiscale'],
  purpose: 'carte_stationnement_residentiel',
  legalBasis: 'consentement',
  result: 'accorde',
  reason: null,
  subject: `personne-${n}`,
  caseId: null,
});

async function journalOf(n: number) {
  const db = await freshDb();
  await db.insert(classSessions).values({ id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' }).run();
  const receipts = [];
  for (let i = 0; i < n; i++) receipts.push((await appendWithReceipt(db, exchange(i + 1))).receipt);
  await dropTrigger('journal_entries_no_update', 'journal_entries');
  await dropTrigger('journal_entries_no_delete', 'journal_entries');
  return { db, receipts };
}
const verify = (db: AsyncExecutor, held: Parameters<typeof verifyAgainstLog>[0]) => verifyAgainstLog(held, localLogClient(db));

describe('journal:verifier against the server’s journal as it is now', () => {
  it('an untouched journal extends every receipt and checkpoint kept, older or newer', async () => {
    const { db, receipts } = await journalOf(9);
    const kept = (await latestCheckpoint(db, 's1'))!.checkpoint;
    await appendWithReceipt(db, exchange(10));
    for (const r of [receipts[0]!, receipts[4]!, receipts[8]!]) expect(await verify(db, { receipt: r })).toMatchObject({ ok: true });
    expect(await verify(db, { checkpoint: kept })).toMatchObject({ ok: true, lines: [expect.stringMatching(/9\sentrées/), expect.stringMatching(/10\sentrées.*rien n’a été retiré/)] });
  });

  it('the last entry deleted (the head left as it was): seen with a receipt or a checkpoint taken before', async () => {
    const { db, receipts } = await journalOf(7);
    const kept = (await latestCheckpoint(db, 's1'))!.checkpoint;
    await rawSql('DELETE FROM journal_entries WHERE id = (SELECT id FROM journal_entries ORDER BY sequence DESC LIMIT 1)');
    expect(await verify(db, { receipt: receipts[2]! })).toMatchObject({ ok: false, lines: [expect.anything(), expect.stringMatching(/retirées/)] });
    expect(await verify(db, { checkpoint: kept })).toMatchObject({ ok: false, lines: [expect.anything(), expect.stringMatching(/retirées/)] });
    // The server's own check (teacher's page, Mes données) sees it too while the head is left as it was.
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, raison: expect.stringMatching(/compte 7\sentrées, le journal 6\s: des entrées ont été retirées/) });
    // …and when the next exchange reuses the sequence number, the new head is signed over a different history.
    await appendWithReceipt(db, exchange(99));
    expect(await verify(db, { checkpoint: kept })).toMatchObject({ ok: false, lines: [expect.anything(), expect.stringMatching(/réécrite/)] });
  });

  it('an entry rewritten and every hash after it recomputed (chain and head): seen', async () => {
    const { db, receipts } = await journalOf(8);
    const kept = (await latestCheckpoint(db, 's1'))!.checkpoint;
    // Rewrite entry 3's result, then recompute the chain from there so that the old check sees nothing.
    const all = await db.select().from(journalEntries).orderBy(asc(journalEntries.sequence)).all();
    let previous = all[1]!.hash;
    for (const e of all.slice(2)) {
      const changed = e.sequence === 3 ? { ...e, result: 'refuse' as const, reason: 'consentement_absent' } : e;
      const hash = entryHash(previous, changed);
      await db.update(journalEntries).set({ result: changed.result, reason: changed.reason, previousHash: previous, hash }).where(eq(journalEntries.id, e.id)).run();
      previous = hash;
    }
    expect(await verify(db, { receipt: receipts[2]! })).toMatchObject({ ok: false, lines: [expect.anything(), expect.stringMatching(/réécrite|modifiée/)] });
    expect(await verify(db, { receipt: receipts[6]! })).toMatchObject({ ok: false });
    expect(await verify(db, { checkpoint: kept })).toMatchObject({ ok: false });
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, raison: expect.stringMatching(/le journal a été réécrit/) });
  });

  it('a checkpoint whose signature was replaced: seen', async () => {
    const { db, receipts } = await journalOf(5);
    const head = (await latestCheckpoint(db, 's1'))!;
    const other = signCheckpoint({ origin: 'e-guichet/seances/s1', size: 4, rootHash: Buffer.alloc(32, 1), signedAt: '2026-12-02T10:00:00.000Z' });
    const forged = head.checkpoint.slice(0, head.checkpoint.indexOf('\n\n')) + other.slice(other.indexOf('\n\n'));
    await db.update(journalHeads).set({ checkpoint: forged }).where(eq(journalHeads.classSessionId, 's1')).run();
    expect(await verify(db, { receipt: receipts[1]! })).toMatchObject({ ok: false, lines: [expect.anything(), expect.stringMatching(/remplacé ou altéré/)] });
    // The same forgery given as the kept checkpoint is refused outright.
    expect(await verify(db, { checkpoint: forged })).toMatchObject({ ok: false, lines: [expect.stringMatching(/ne se vérifie pas/)] });
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, raison: expect.stringMatching(/le dernier point de contrôle ne se vérifie pas/) });
  });
});
