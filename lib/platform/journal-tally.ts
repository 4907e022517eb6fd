import { and, count, eq, gt, max, sql } from 'drizzle-orm';
import { shortcut, type AsyncExecutor } from '../../db/engine';
import type { AgencyId, ExchangeResult } from '../../db/schema';
import { journalEntries, journalTallies } from '../../db/tables';

// The live map's counts of a séance's exchanges. Counted by the database over the whole journal, they cost the
// teacher's live view 12–20 ms a read on a séance of 115 000 entries (the bench's, session 31), twice a second, and
// every render of the cockpit as much. Kept with the last entry they count: a read counts only the entries since, and
// the whole journal once a minute (entries are never updated: a trigger forbids it; a history rewritten under the
// database's feet shows in the counts within a minute, and in the journal's check).

export type Tally = { consumer: AgencyId; provider: AgencyId; result: ExchangeResult; n: number }[];

/** How long counts kept are believed before the whole journal is counted again. */
export const wholeCountEveryMs = 60_000;
/** Entries counted since the kept counts past which the new counts are kept (fewer: not worth a write). */
const keepAfter = 200;

export async function exchangeTally(db: AsyncExecutor, classSessionId: string, now = new Date()): Promise<Tally> {
  const kept = await db.select().from(journalTallies).where(eq(journalTallies.classSessionId, classSessionId)).get();
  const age = kept ? now.getTime() - kept.countedAt.getTime() : Infinity;
  const base = kept && age >= 0 && age < wholeCountEveryMs ? kept : null; // counts dated later than now are not believed
  const from = base?.upTo ?? 0;
  // One statement: the counts and the last entry they include come from the same moment of the journal. The whole
  // journal is counted from the index that holds the counted columns alone (115 000 entries: 12 ms; by sequence, with
  // each entry read, 114); the entries since, by sequence (a few rows).
  const inSession = eq(journalEntries.classSessionId, classSessionId);
  const since = await db
    .select({
      consumer: journalEntries.consumer,
      provider: journalEntries.provider,
      result: journalEntries.result,
      n: count(),
      last: base ? max(journalEntries.sequence) : sql<number | null>`(select max(${journalEntries.sequence}) from ${journalEntries} where ${inSession})`.mapWith(Number),
    })
    .from(journalEntries)
    .where(base ? and(inSession, gt(journalEntries.sequence, from)) : inSession)
    .groupBy(journalEntries.consumer, journalEntries.provider, journalEntries.result)
    .all();
  const tally = new Map((base?.counts ?? []).map((t) => [`${t.consumer} ${t.provider} ${t.result}`, { ...t }]));
  for (const s of since) {
    const key = `${s.consumer} ${s.provider} ${s.result}`;
    const known = tally.get(key);
    if (known) known.n += s.n;
    else tally.set(key, { consumer: s.consumer, provider: s.provider, result: s.result, n: s.n });
  }
  const counts = [...tally.values()];
  const newer = since.reduce((sum, s) => sum + s.n, 0);
  if (!base || newer >= keepAfter) {
    const row = { classSessionId, upTo: Math.max(from, ...since.map((s) => s.last ?? 0)), counts, countedAt: base ? base.countedAt : now };
    const { classSessionId: _key, ...update } = row;
    // Only a shortcut: a séance deleted meanwhile has nothing to keep; a database busy with a writer leaves it to a later read.
    await shortcut(db, (tx) => tx.insert(journalTallies).values(row).onConflictDoUpdate({ target: journalTallies.classSessionId, set: update }).run());
  }
  return counts;
}
