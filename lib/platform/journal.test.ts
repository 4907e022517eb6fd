import { describe, expect, it } from 'vitest';
import { dropTrigger, rawSql, uniqueViolation } from '../../test/db';
import { exchange, twoSessions } from '../../test/journal';
import { transaction } from '../../db/engine';
import { classSessions, journalEntries } from '../../db/tables';
import { appendJournalEntry, checkJournal, genesisHash, verifyJournalChain } from './journal';
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
  it('is never reported altered because an entry was appended between two of the check’s reads', async () => {
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
    expect((await checkJournal(db, 's1', t0)).chain.valide).toBe(true);
    await dropTrigger('journal_entries_no_update', 'journal_entries');
    await rawSql("UPDATE journal_entries SET purpose = 'autre' WHERE id = ?", first.id);
    expect((await checkJournal(db, 's1', at(30))).chain.valide).toBe(true); // the shortcut: not seen yet…
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
    expect((await checkJournal(other, 's2', at(150))).chain.valide).toBe(true); // believed within its minute: only since
    expect(await checkJournal(other, 's2', t0)).toMatchObject({ chain: { valide: false, premiere_entree_invalide: { id: first.id } }, whole: { at: t0 } });
  });

  it('shows its check when the database is too busy to keep where the whole pass ended', async () => {
    const db = await setup();
    for (let i = 0; i < 2; i++) await appendJournalEntry(db, exchange('s1'));
    const busy = Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
    const refusing = new Proxy(db, { get: (target, key) => (key === 'insert' ? () => ({ values: () => ({ onConflictDoUpdate: () => ({ run: () => Promise.reject(busy) }) }) }) : Reflect.get(target, key)) });
    expect(await checkJournal(refusing, 's1', t0)).toMatchObject({ chain: { valide: true, entrees: 2 }, whole: { at: t0, newer: 0 } });
    expect(await checkJournal(db, 's1', at(10))).toMatchObject({ whole: { at: at(10) } }); // nothing kept: a whole pass again
    const broken = new Proxy(db, { get: (target, key) => (key === 'insert' ? () => ({ values: () => ({ onConflictDoUpdate: () => ({ run: () => Promise.reject(new Error('disque plein')) }) }) }) : Reflect.get(target, key)) });
    await expect(checkJournal(broken, 's1', at(120))).rejects.toThrow('disque plein'); // anything else is not swallowed
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
