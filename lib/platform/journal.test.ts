import { describe, expect, it } from 'vitest';
import { dropTrigger, freshDb, rawSql, uniqueViolation } from '../../test/db';
import type { AsyncExecutor } from '../../db/engine';
import { classSessions, journalEntries } from '../../db/tables';
import { appendJournalEntry, genesisHash, verifyJournalChain, type JournalInput } from './journal';
import { currentCheckpoint } from './journal-tree';

async function setup(): Promise<AsyncExecutor> {
  const db = await freshDb();
  await db.insert(classSessions).values([
    { id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' },
    { id: 's2', name: 'Séance 2', joinCode: 'BBBBBB' },
  ]).run();
  return db;
}

const exchange = (classSessionId: string, overrides: Partial<JournalInput> = {}): JournalInput => ({
  classSessionId,
  consumer: 'ville',
  provider: 'siv',
  items: ['siv.vehicules'],
  purpose: 'carte_stationnement_residentiel',
  legalBasis: 'consentement',
  result: 'accorde',
  reason: null,
  subject: null,
  caseId: null,
  ...overrides,
});

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
