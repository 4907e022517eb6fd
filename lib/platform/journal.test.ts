import { describe, expect, it } from 'vitest';
import { countReads, dropTrigger, rawSql, uniqueViolation } from '../../test/db';
import { exchange, twoSessions } from '../../test/journal';
import { transaction, type AsyncExecutor } from '../../db/engine';
import { classSessions, journalEntries, journalVerifications } from '../../db/tables';
import { appendAll, appendJournalEntry, checkJournal, genesisHash, verifyJournalChain } from './journal';
import { eq } from 'drizzle-orm';
import { currentCheckpoint } from './journal-tree';

const setup = twoSessions;

describe('the journal', () => {
  it('chains entries per séance from the genesis hash, and verifies', async () => {
    const db = await setup();
    const a = await appendJournalEntry(db, exchange('s1'));
    const b = await appendJournalEntry(db, exchange('s1', { result: 'refuse', reason: 'consentement_absent' }));
    const other = await appendJournalEntry(db, exchange('s2'));
    expect(a.previousHash).toBe(genesisHash);
    expect(b.previousHash).toBe(a.hash);
    expect(b.sequence).toBe(2);
    expect(other.previousHash).toBe(genesisHash);
    expect(await verifyJournalChain(db, 's1')).toEqual({ valide: true, entrees: 2, tete: b.hash, point_de_controle: await currentCheckpoint(db, 's1') });
    expect(await verifyJournalChain(db, 's2')).toEqual({ valide: true, entrees: 1, tete: other.hash, point_de_controle: await currentCheckpoint(db, 's2') });
    expect(await verifyJournalChain(db, 'vide')).toEqual({ valide: true, entrees: 0, tete: genesisHash, point_de_controle: null });
    expect(await currentCheckpoint(db, 's1')).toMatch(/^e-guichet\/seances\/s1\n2\n/);
  });

  it('refuses any update of an entry (append-only trigger)', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    await expect((async () => db.update(journalEntries).set({ result: 'refuse' }).run())()).rejects.toMatchObject({ cause: { message: expect.stringMatching(/append-only/) } });
  });

  it('detects an entry altered behind the application’s back', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    const second = await appendJournalEntry(db, exchange('s1'));
    await appendJournalEntry(db, exchange('s1'));
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET result = 'refuse' WHERE id = ?", second.id);
    expect(await verifyJournalChain(db, 's1')).toEqual({
      valide: false,
      entrees: 3,
      raison: expect.stringMatching(/^entrée n°\s2\s: le contenu a été modifié$/),
      premiere_entree_invalide: { id: second.id, sequence: 2, raison: 'le contenu a été modifié' },
    });
  });

  it('detects a removed entry', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    const second = await appendJournalEntry(db, exchange('s1'));
    const third = await appendJournalEntry(db, exchange('s1'));
    // The database refuses (migration 0015)…
    await expect(rawSql('DELETE FROM journal_entries WHERE id = ?', second.id)).rejects.toThrow(/append-only/);
    // …and someone who drops the trigger first is seen by the chain.
    await dropTrigger('journal_entries_no_delete', 'journal_entries');
    await rawSql('DELETE FROM journal_entries WHERE id = ?', second.id);
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, premiere_entree_invalide: { id: third.id, raison: 'une entrée manque avant celle-ci' } });
  });

  it('detects reordered entries (sequences swapped behind the application’s back)', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    const second = await appendJournalEntry(db, exchange('s1', { provider: 'dgfip', items: ['dgfip.adresse_fiscale'] }));
    const third = await appendJournalEntry(db, exchange('s1'));
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    // Through a free position: two entries never share one (unique index).
    await rawSql('UPDATE journal_entries SET sequence = ? WHERE id = ?', -1, second.id);
    await rawSql('UPDATE journal_entries SET sequence = ? WHERE id = ?', 2, third.id);
    await rawSql('UPDATE journal_entries SET sequence = ? WHERE id = ?', 3, second.id);
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, premiere_entree_invalide: { id: third.id, sequence: 2 } });
  });

  it('cannot fork the chain: two entries never share a position', async () => {
    const db = await setup();
    const first = await appendJournalEntry(db, exchange('s1'));
    await expect((async () => db.insert(journalEntries).values({ ...first, id: 'copie' }).run())()).rejects.toMatchObject(uniqueViolation);
  });

  it('goes away with its séance', async () => {
    const db = await setup();
    await appendJournalEntry(db, exchange('s1'));
    await rawSql("DELETE FROM class_sessions WHERE id = 's1'");
    expect(await db.select().from(journalEntries).all()).toHaveLength(0);
  });
});

describe('the journal checked while exchanges keep coming', () => {
  // 450 appends in transactions with checks walking the journal between them: 3–3.5 s alone on PostgreSQL, up to 5 s
  // beside the other tests in CI — a load by design, not a speed to prove (that is `npm run bench`'s).
  it('is never reported altered because an entry was appended between two of the check’s reads', { timeout: 60_000 }, async () => {
    const db = await setup();
    for (let i = 0; i < 300; i++) await transaction(db, (tx) => appendJournalEntry(tx, exchange('s1')), { lock: 'journal:s1' });
    let appending = true;
    const appends = (async () => {
      for (let i = 0; i < 150; i++) await transaction(db, (tx) => appendJournalEntry(tx, exchange('s1')), { lock: 'journal:s1' });
      appending = false;
    })();
    const verdicts: string[] = [];
    while (appending) {
      const chain = await verifyJournalChain(db, 's1');
      if (!chain.valide) verdicts.push(chain.raison);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await appends;
    expect(verdicts).toEqual([]);
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: true, entrees: 450 });
  });
});

describe('the journal as the pages check it', () => {
  const t0 = new Date('2026-12-05T09:00:00Z');
  const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

  it('goes through it all once a minute, and in between checks what was appended since', async () => {
    const db = await setup();
    for (let i = 0; i < 3; i++) await appendJournalEntry(db, exchange('s1'));
    expect(await checkJournal(db, 's1', t0)).toMatchObject({ chain: { valide: true, entrees: 3 }, whole: { at: t0, newer: 0 } });
    const fourth = await appendJournalEntry(db, exchange('s1'));
    await appendJournalEntry(db, exchange('s1'));
    const between = await checkJournal(db, 's1', at(20));
    expect(between).toMatchObject({ chain: { valide: true, entrees: 5 }, whole: { at: t0, newer: 2 } });
    expect(between.chain).toEqual(await verifyJournalChain(db, 's1')); // the same verdict as the whole check
    // An entry appended since is checked as the whole pass checks it.
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET result = 'refuse' WHERE id = ?", fourth.id);
    expect(await checkJournal(db, 's1', at(30))).toMatchObject({ chain: { valide: false, premiere_entree_invalide: { id: fourth.id, raison: 'le contenu a été modifié' } } });
  });

  it('finds an older entry rewritten at the next whole pass, within a minute', async () => {
    const db = await setup();
    const first = await appendJournalEntry(db, exchange('s1'));
    for (let i = 0; i < 3; i++) await appendJournalEntry(db, exchange('s1'));
    expect((await checkJournal(db, 's1', t0)).chain?.valide).toBe(true);
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET purpose = 'autre' WHERE id = ?", first.id);
    expect((await checkJournal(db, 's1', at(30))).chain?.valide).toBe(true); // the shortcut: not seen yet…
    expect(await checkJournal(db, 's1', at(60))).toMatchObject({ chain: { valide: false, premiere_entree_invalide: { id: first.id, raison: 'le contenu a été modifié' } }, whole: { at: at(60) } });
    expect((await verifyJournalChain(db, 's1')).valide).toBe(false); // …which the API's whole check never takes
  });

  it('sees at once the last entry of the whole pass changed or gone, and does not believe a pass dated later', async () => {
    const db = await setup();
    for (let i = 0; i < 2; i++) await appendJournalEntry(db, exchange('s1'));
    const last = await appendJournalEntry(db, exchange('s1'));
    await checkJournal(db, 's1', t0);
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET reason = 'x' WHERE id = ?", last.id);
    expect(await checkJournal(db, 's1', at(5))).toMatchObject({ chain: { valide: false, entrees: 3, premiere_entree_invalide: { id: last.id, sequence: 3 } } });

    const other = await setup();
    for (let i = 0; i < 2; i++) await appendJournalEntry(other, exchange('s2'));
    const first = (await other.select().from(journalEntries).all()).find((e) => e.sequence === 1)!;
    await checkJournal(other, 's2', at(120)); // dated two minutes ahead: seen from t0, it is not believed
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET reason = 'x' WHERE id = ?", first.id);
    expect((await checkJournal(other, 's2', at(150))).chain?.valide).toBe(true); // believed within its minute: only since
    expect(await checkJournal(other, 's2', t0)).toMatchObject({ chain: { valide: false, premiere_entree_invalide: { id: first.id } }, whole: { at: t0 } });
  });

  it('shows its check when the database is too busy to keep where the whole pass ended', async () => {
    const db = await setup();
    for (let i = 0; i < 2; i++) await appendJournalEntry(db, exchange('s1'));
    // `db` whose write transactions fail with `error` (its engine's, under the mark db/engine.ts puts on a connection).
    const writesFailing = (error: Error) =>
      new Proxy(db, {
        get: (target, key) => {
          const value: unknown = Reflect.get(target, key);
          return key === Symbol.for('e-guichet.engine') ? { ...(value as object), transaction: () => Promise.reject(error) } : value;
        },
      });
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    expect(await checkJournal(writesFailing(busy), 's1', t0)).toMatchObject({ chain: { valide: true, entrees: 2 }, whole: { at: t0, newer: 0 } });
    expect(await checkJournal(db, 's1', at(10))).toMatchObject({ whole: { at: at(10) } }); // nothing kept: a whole pass again
    await expect(checkJournal(writesFailing(new Error('disque plein')), 's1', at(120))).rejects.toThrow('disque plein'); // anything else is not swallowed
  });

  /** The tasks a page would run after its answer, collected to be run by the test. */
  const collector = () => {
    const tasks: (() => Promise<void>)[] = [];
    return { later: (task: () => Promise<void>) => void tasks.push(task), tasks };
  };
  const markOf = async (db: AsyncExecutor, id: string) => (await db.select().from(journalVerifications).all()).find((m) => m.classSessionId === id);

  it('with a page’s `later`, answers with its check since the last whole pass and makes the next one after, once', async () => {
    const db = await setup();
    const first = await appendJournalEntry(db, exchange('s1'));
    for (let i = 0; i < 2; i++) await appendJournalEntry(db, exchange('s1'));
    const past = new Date(Date.now() - 5 * 60_000);
    const after = (seconds: number) => new Date(past.getTime() + seconds * 1000);
    await checkJournal(db, 's1', past);
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET purpose = 'autre' WHERE id = ?", first.id);
    await appendJournalEntry(db, exchange('s1'));
    // Two views once the minute is over: neither waits for a whole pass; each asks for one.
    const { later, tasks } = collector();
    const reads = await countReads();
    for (const seconds of [61, 62]) {
      expect(await checkJournal(db, 's1', after(seconds), later)).toMatchObject({ chain: { valide: true, entrees: 4 }, whole: { at: past, newer: 1 } });
    }
    expect(tasks).toHaveLength(2);
    // Run together, they make one pass: as many reads as one whole check.
    reads.n = 0;
    await Promise.all(tasks.map((task) => task()));
    const passReads = reads.n;
    reads.n = 0;
    await verifyJournalChain(db, 's1');
    expect(passReads).toBe(reads.n);
    // It found the rewritten entry and kept what it found: every view now says it, without walking the journal.
    const broken = { valide: false, premiere_entree_invalide: { id: first.id, raison: 'le contenu a été modifié' } };
    expect(await markOf(db, 's1')).toMatchObject({ broken, passStartedAt: null });
    reads.n = 0;
    expect(await checkJournal(db, 's1', undefined, later)).toMatchObject({ chain: broken, whole: { newer: 0 } });
    expect(reads.n).toBe(1);
    reads.stop();
    expect(tasks).toHaveLength(2);
  });

  it('keeps where a pass made after the answer ended, and takes over a pass begun over a minute ago', async () => {
    const db = await setup();
    for (let i = 0; i < 3; i++) await appendJournalEntry(db, exchange('s1'));
    const past = new Date(Date.now() - 10 * 60_000);
    await checkJournal(db, 's1', past);
    await appendJournalEntry(db, exchange('s1'));
    // A pass begun by a view whose process then stopped: its claim holds a minute (no other pass is asked for)…
    await db.update(journalVerifications).set({ passStartedAt: new Date(Date.now() - 30_000) }).run();
    const { later, tasks } = collector();
    expect(await checkJournal(db, 's1', undefined, later)).toMatchObject({ chain: { valide: true, entrees: 4 }, whole: { at: past, newer: 1 } });
    expect(tasks).toHaveLength(0);
    // …then another view takes over.
    await db.update(journalVerifications).set({ passStartedAt: new Date(Date.now() - 61_000) }).run();
    await checkJournal(db, 's1', undefined, later);
    const before = Date.now();
    await tasks.shift()!();
    const mark = await markOf(db, 's1');
    expect(mark).toMatchObject({ size: 4, broken: null, passStartedAt: null });
    expect(mark!.verifiedAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    // Within the minute of that pass: no new one asked for.
    expect(await checkJournal(db, 's1', undefined, later)).toMatchObject({ chain: { valide: true, entrees: 4 }, whole: { at: mark!.verifiedAt, newer: 0 } });
    expect(tasks).toHaveLength(0);
  });

  it('says the check is under way when more entries wait than a page walks, and makes it after the answer', async () => {
    const db = await setup();
    const append = (n: number) => transaction(db, (tx) => appendAll(tx, 's1', Array.from({ length: n }, () => ({ input: exchange('s1'), now: new Date() }))));
    await append(1001);
    // Never checked: nothing to show yet but that it is under way.
    const { later, tasks } = collector();
    expect(await checkJournal(db, 's1', undefined, later)).toEqual({ pending: { upTo: 0, at: null, behind: 1001 } });
    expect(tasks).toHaveLength(1);
    await tasks.shift()!();
    const checked = await checkJournal(db, 's1', undefined, later);
    expect(checked).toMatchObject({ chain: { valide: true, entrees: 1001 }, whole: { newer: 0 } });
    // Grown fast while nobody looked: what the last pass found, and that the rest is under way.
    await append(1200);
    expect(await checkJournal(db, 's1', undefined, later)).toEqual({ pending: { upTo: 1001, at: checked.whole!.at, behind: 1200 } });
    expect(tasks).toHaveLength(1);
  });

  it('walks a journal longer than one read, a page at a time, to the same verdicts', async () => {
    const db = await setup();
    for (let group = 0; group < 3; group++) {
      await transaction(db, (tx) => appendAll(tx, 's1', Array.from({ length: 700 }, () => ({ input: exchange('s1'), now: new Date() }))));
    }
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, 's1')).orderBy(journalEntries.sequence).all();
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: true, entrees: 2100, tete: entries[2099]!.hash, point_de_controle: await currentCheckpoint(db, 's1') });
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    const broken = entries[1500]!;
    await rawSql("UPDATE journal_entries SET reason = 'x' WHERE id = ?", broken.id);
    expect(await verifyJournalChain(db, 's1')).toMatchObject({ valide: false, entrees: 2100, premiere_entree_invalide: { id: broken.id, sequence: 1501, raison: 'le contenu a été modifié' } });
  });

  it('starts again from the first entry after the séance is reset', async () => {
    const db = await setup();
    for (let i = 0; i < 3; i++) await appendJournalEntry(db, exchange('s1'));
    await checkJournal(db, 's1', t0);
    const row = (await db.select().from(classSessions).all()).find((s) => s.id === 's1')!;
    await db.delete(classSessions).where(eq(classSessions.id, 's1')).run(); // what a reset does, then the séance again
    await db.insert(classSessions).values(row).run();
    await appendJournalEntry(db, exchange('s1'));
    expect(await checkJournal(db, 's1', at(10))).toMatchObject({ chain: { valide: true, entrees: 1 }, whole: { at: at(10), newer: 0 } });
  });
});
