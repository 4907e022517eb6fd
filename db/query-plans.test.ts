import { describe, expect, it } from 'vitest';
import { freshDb, onPostgres } from '../test/db';
import { getDb } from './client';
import { latestParticipation } from '../lib/classroom/participants';
import { exchangesOf, exchangesWithTraces } from '../lib/platform/journal-view';
import { exchangeTally } from '../lib/platform/journal-tally';

// The reads every page makes must not walk a whole table: each grows with every séance the database has ever held.
/** The plans of the statements `run` sends whose text matches `table` (SQLite's EXPLAIN QUERY PLAN, one line each). */
async function plansOf(run: () => Promise<unknown>, table: RegExp): Promise<string[]> {
  const client = getDb().$client;
  const seen: string[] = [];
  const prepare = client.prepare.bind(client);
  client.prepare = ((source: string) => {
    seen.push(source);
    return prepare(source);
  }) as typeof client.prepare;
  try {
    await run();
  } finally {
    client.prepare = prepare as typeof client.prepare;
  }
  const queries = seen.filter((s) => table.test(s));
  expect(queries.length).toBeGreaterThan(0);
  return queries.map((query) =>
    (prepare(`EXPLAIN QUERY PLAN ${query}`).all(...Array.from({ length: (query.match(/\?/g) ?? []).length }, () => 'x')) as { detail: string }[]).map((r) => r.detail).join('\n'),
  );
}

describe.skipIf(onPostgres)('plans of the reads made on every page (SQLite)', () => {
  it('the device’s latest participation is found through an index, not by reading every participant', async () => {
    const db = await freshDb();
    const [plan] = await plansOf(() => latestParticipation(db, 'empreinte-inconnue'), /from "participants"/i);
    expect(plan).toMatch(/participants USING INDEX participants_device_seen/);
    expect(plan).not.toMatch(/SCAN participants/);
  });

  it('a person’s latest exchanges (Mes données) are read down their own index, not by walking the séance’s journal', async () => {
    // By subject alone, the planner walked the séance's whole journal backwards: 42 ms a view for a person with two
    // entries among 117 000 (the bench's database, session 31).
    const db = await freshDb();
    const reader = { kind: 'usager' as const, classSessionId: 'seance', personaId: 'personne' };
    for (const read of [() => exchangesOf(db, reader, { limit: 50 }), () => exchangesWithTraces(db, reader, { limit: 50, before: 10 })]) {
      for (const plan of await plansOf(read, /from "journal_entries"/i)) {
        expect(plan).toMatch(/journal_entries USING INDEX journal_entries_subject \(subject=\? AND class_session_id=\?/);
        expect(plan).not.toMatch(/TEMP B-TREE/);
      }
    }
  });

  it('a case’s exchanges (the agent’s and the citizen’s case pages) are read by the case, not by walking the séance’s journal', async () => {
    // A case has a few entries among the séance's thousands: walked down the séance's chain, the agent's case page read
    // every entry of the séance to find fewer than the fifty it asks for.
    const db = await freshDb();
    const readers = [{ kind: 'organisme' as const, classSessionId: 'seance', agency: 'caf' as const }, { kind: 'enseignant' as const, classSessionId: 'seance' }, { kind: 'usager' as const, classSessionId: 'seance', personaId: 'personne' }];
    for (const reader of readers) {
      for (const plan of await plansOf(() => exchangesOf(db, reader, { limit: 50, caseRef: ['id-du-dossier', 'EG-2026-ABCDEF'] }), /from "journal_entries"/i)) {
        expect(plan, reader.kind).toMatch(/journal_entries USING INDEX (journal_entries_case \(class_session_id=\? AND case_id=\?\)|journal_entries_subject \(subject=\?)/);
        expect(plan, reader.kind).not.toMatch(/SCAN journal_entries/);
      }
    }
  });

  it('the live map’s counts read the index of the counted columns (whole) or the entries since (by sequence), never the table', async () => {
    const db = await freshDb();
    const plans = await plansOf(() => exchangeTally(db, 'seance'), /from "journal_entries"/i);
    expect(plans[0]).toMatch(/USING COVERING INDEX journal_entries_counts \(class_session_id=\?\)/);
    for (const plan of plans) expect(plan).not.toMatch(/SCAN journal_entries/);
  });
});
