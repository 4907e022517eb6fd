import { describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { exchange, twoSessions } from '../../test/journal';
import type { AsyncExecutor } from '../../db/engine';
import { classSessions, journalEntries, journalTallies } from '../../db/tables';
import { appendJournalEntry } from './journal';
import { exchangeTally, wholeCountEveryMs } from './journal-tally';

const setup = twoSessions;

/** What counting the whole journal says, as the live view did on every read before. */
async function counted(db: AsyncExecutor, classSessionId: string) {
  const rows = await db
    .select({ consumer: journalEntries.consumer, provider: journalEntries.provider, result: journalEntries.result, n: count() })
    .from(journalEntries)
    .where(eq(journalEntries.classSessionId, classSessionId))
    .groupBy(journalEntries.consumer, journalEntries.provider, journalEntries.result)
    .all();
  return sorted(rows);
}
const sorted = <T extends { consumer: string; provider: string; result: string }>(rows: T[]) => [...rows].sort((a, b) => `${a.consumer}${a.provider}${a.result}`.localeCompare(`${b.consumer}${b.provider}${b.result}`));

describe('the live map’s counts of exchanges', () => {
  it('count what the journal holds, per séance, adding only the entries since the counts kept', async () => {
    const db = await setup();
    const t0 = new Date('2026-12-05T10:00:00Z');
    expect(await exchangeTally(db, 's1', t0)).toEqual([]);
    for (let i = 0; i < 250; i++) await appendJournalEntry(db, exchange('s1', i % 5 === 0 ? { result: 'refuse', reason: 'consentement_absent' } : i % 7 === 0 ? { consumer: 'caf', provider: 'dgfip' } : {}));
    await appendJournalEntry(db, exchange('s2'));
    // 250 entries since the (empty) counts kept: counted, and kept with the last entry they include.
    expect(sorted(await exchangeTally(db, 's1', new Date(t0.getTime() + 1000)))).toEqual(await counted(db, 's1'));
    expect(await db.select().from(journalTallies).where(eq(journalTallies.classSessionId, 's1')).get()).toMatchObject({ upTo: 250, countedAt: t0 });
    // Three more: counted from the kept counts (not written again for so few), and still what the journal holds.
    for (let i = 0; i < 3; i++) await appendJournalEntry(db, exchange('s1', { result: 'echec', reason: 'indisponible' }));
    expect(sorted(await exchangeTally(db, 's1', new Date(t0.getTime() + 2000)))).toEqual(await counted(db, 's1'));
    expect((await db.select().from(journalTallies).where(eq(journalTallies.classSessionId, 's1')).get())?.upTo).toBe(250);
    expect(await exchangeTally(db, 's2', t0)).toEqual([{ consumer: 'ville', provider: 'siv', result: 'accorde', n: 1 }]);
  });

  it('count the whole journal again once a minute, and never believe counts dated later than now', async () => {
    const db = await setup();
    const t0 = new Date('2026-12-05T10:00:00Z');
    await appendJournalEntry(db, exchange('s1'));
    await exchangeTally(db, 's1', t0);
    // Counts kept that no longer say what the journal holds (a row written by hand): believed for a minute at most.
    await db.update(journalTallies).set({ counts: [{ consumer: 'ville', provider: 'siv', result: 'accorde', n: 99 }] }).where(eq(journalTallies.classSessionId, 's1')).run();
    expect((await exchangeTally(db, 's1', new Date(t0.getTime() + 1000)))[0]?.n).toBe(99);
    expect(await exchangeTally(db, 's1', new Date(t0.getTime() + wholeCountEveryMs))).toEqual(await counted(db, 's1'));
    await db.update(journalTallies).set({ counts: [], countedAt: new Date(t0.getTime() + 3_600_000) }).where(eq(journalTallies.classSessionId, 's1')).run();
    expect(await exchangeTally(db, 's1', new Date(t0.getTime() + 2 * wholeCountEveryMs))).toEqual(await counted(db, 's1'));
  });

  it('go with their séance, and a séance deleted while its counts are kept does not fail the read', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    await exchangeTally(db, 's1');
    await db.delete(classSessions).where(eq(classSessions.id, 's1')).run();
    expect(await db.select().from(journalTallies).where(and(eq(journalTallies.classSessionId, 's1'))).all()).toEqual([]);
    expect(await exchangeTally(db, 's1')).toEqual([]);
  });
});
