import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { Db } from '../../db/client';
import { classSessions, journalEntries } from '../../db/schema';
import { appendJournalEntry, genesisHash, verifyJournalChain, type JournalInput } from './journal';
import { currentCheckpoint } from './journal-tree';

async function setup(): Promise<Db> {
  const db = await freshDb();
  db.insert(classSessions).values([
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
    const a = appendJournalEntry(db, exchange('s1'));
    const b = appendJournalEntry(db, exchange('s1', { result: 'refuse', reason: 'consentement_absent' }));
    const other = appendJournalEntry(db, exchange('s2'));
    expect(a.previousHash).toBe(genesisHash);
    expect(b.previousHash).toBe(a.hash);
    expect(b.sequence).toBe(2);
    expect(other.previousHash).toBe(genesisHash);
    expect(verifyJournalChain(db, 's1')).toEqual({ valide: true, entrees: 2, tete: b.hash, point_de_controle: currentCheckpoint(db, 's1') });
    expect(verifyJournalChain(db, 's2')).toEqual({ valide: true, entrees: 1, tete: other.hash, point_de_controle: currentCheckpoint(db, 's2') });
    expect(verifyJournalChain(db, 'vide')).toEqual({ valide: true, entrees: 0, tete: genesisHash, point_de_controle: null });
    expect(currentCheckpoint(db, 's1')).toMatch(/^e-guichet\/seances\/s1\n2\n/);
  });

  it('refuses any update of an entry (append-only trigger)', async () => {
    const db = await setup();
    appendJournalEntry(db, exchange('s1'));
    expect(() => db.update(journalEntries).set({ result: 'refuse' }).run()).toThrow(/append-only/);
  });

  it('detects an entry altered behind the application’s back', async () => {
    const db = await setup();
    appendJournalEntry(db, exchange('s1'));
    const second = appendJournalEntry(db, exchange('s1'));
    appendJournalEntry(db, exchange('s1'));
    db.$client.exec('DROP TRIGGER journal_entries_no_update');
    db.$client.prepare("UPDATE journal_entries SET result = 'refuse' WHERE id = ?").run(second.id);
    expect(verifyJournalChain(db, 's1')).toEqual({
      valide: false,
      entrees: 3,
      raison: expect.stringMatching(/^entrée n°\s2\s: le contenu a été modifié$/),
      premiere_entree_invalide: { id: second.id, sequence: 2, raison: 'le contenu a été modifié' },
    });
  });

  it('detects a removed entry', async () => {
    const db = await setup();
    appendJournalEntry(db, exchange('s1'));
    const second = appendJournalEntry(db, exchange('s1'));
    const third = appendJournalEntry(db, exchange('s1'));
    // The database refuses (migration 0015)…
    expect(() => db.$client.prepare('DELETE FROM journal_entries WHERE id = ?').run(second.id)).toThrow(/append-only/);
    // …and someone who drops the trigger first is seen by the chain.
    db.$client.exec('DROP TRIGGER journal_entries_no_delete');
    db.$client.prepare('DELETE FROM journal_entries WHERE id = ?').run(second.id);
    expect(verifyJournalChain(db, 's1')).toMatchObject({ valide: false, premiere_entree_invalide: { id: third.id, raison: 'une entrée manque avant celle-ci' } });
  });

  it('detects reordered entries (sequences swapped behind the application’s back)', async () => {
    const db = await setup();
    appendJournalEntry(db, exchange('s1'));
    const second = appendJournalEntry(db, exchange('s1', { provider: 'dgfip', items: ['dgfip.adresse_fiscale'] }));
    const third = appendJournalEntry(db, exchange('s1'));
    db.$client.exec('DROP TRIGGER journal_entries_no_update');
    const swap = db.$client.prepare('UPDATE journal_entries SET sequence = ? WHERE id = ?');
    db.$client.transaction(() => {
      swap.run(-1, second.id);
      swap.run(2, third.id);
      swap.run(3, second.id);
    })();
    expect(verifyJournalChain(db, 's1')).toMatchObject({ valide: false, premiere_entree_invalide: { id: third.id, sequence: 2 } });
  });

  it('cannot fork the chain: two entries never share a position', async () => {
    const db = await setup();
    const first = appendJournalEntry(db, exchange('s1'));
    expect(() => db.insert(journalEntries).values({ ...first, id: 'copie' }).run()).toThrow(/UNIQUE/);
  });

  it('goes away with its séance', async () => {
    const db = await setup();
    appendJournalEntry(db, exchange('s1'));
    db.$client.prepare("DELETE FROM class_sessions WHERE id = 's1'").run();
    expect(db.select().from(journalEntries).all()).toHaveLength(0);
  });
});
