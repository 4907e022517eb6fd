import crypto from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { classSessions, journalEntries, journalHeads } from '../../db/tables';
import { checkpointOrigin, journalJwks, signCheckpoint, verifyCheckpoint } from './checkpoints';
import { appendJournalEntry, entryLeafHash, latestCheckpoint, type JournalInput } from './journal';
import { rootOf } from './merkle';

const exchange = (classSessionId: string, n: number): JournalInput => ({
  classSessionId,
  consumer: 'ville',
  provider: n % 2 ? 'siv' : 'dgfip',
  items: [n % 2 ? 'siv.vehicules' : 'dgfip.adresse_fiscale'],
  purpose: 'carte_stationnement_residentiel',
  legalBasis: 'consentement',
  result: n % 3 ? 'accorde' : 'refuse',
  reason: n % 3 ? null : 'consentement_absent',
  subject: null,
  caseId: null,
});

const keys = journalJwks().keys;
const checkpoint = { origin: checkpointOrigin('s1'), size: 3, rootHash: crypto.createHash('sha256').update('racine').digest(), signedAt: '2026-12-02T08:00:00.000Z' };

describe('signed checkpoints (C2SP signed note, ES256)', () => {
  it('verify with the published keys, and say what they commit to', () => {
    const note = signCheckpoint(checkpoint);
    expect(note).toMatch(/^e-guichet\/seances\/s1\n3\n[A-Za-z0-9+/]{43}=\nhorodatage 2026-12-02T08:00:00.000Z\n\n— e-guichet\/journal [A-Za-z0-9+/]{91}=\n$/);
    expect(verifyCheckpoint(note, keys)).toEqual({ ok: true, checkpoint });
  });

  it('refuse a changed size, root or time, a replaced signature and another key', () => {
    const note = signCheckpoint(checkpoint);
    expect(verifyCheckpoint(note.replace('\n3\n', '\n2\n'), keys).ok).toBe(false);
    expect(verifyCheckpoint(note.replace('2026-12-02T08', '2026-12-02T09'), keys).ok).toBe(false);
    const other = signCheckpoint({ ...checkpoint, size: 2 });
    const swapped = note.slice(0, note.indexOf('\n\n')) + other.slice(other.indexOf('\n\n'));
    expect(verifyCheckpoint(swapped, keys)).toEqual({ ok: false, reason: expect.stringMatching(/signature/) });
    expect(verifyCheckpoint(note, journalJwks('un autre secret').keys).ok).toBe(false);
    expect(verifyCheckpoint('pas une note', keys).ok).toBe(false);
  });
});

describe('the journal keeps a signed tree head per séance', () => {
  it('after each append, a checkpoint of the whole tree, the entries as leaves in order', async () => {
    const db = await freshDb();
    await db.insert(classSessions).values([{ id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' }, { id: 's2', name: 'Séance 2', joinCode: 'BBBBBB' }]).run();
    for (let n = 1; n <= 13; n++) {
      await appendJournalEntry(db, exchange('s1', n));
      const head = (await latestCheckpoint(db, 's1'))!;
      const leaves = (await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, 's1')).orderBy(asc(journalEntries.sequence)).all()).map(entryLeafHash);
      const check = verifyCheckpoint(head.checkpoint, keys);
      expect(check).toMatchObject({ ok: true, checkpoint: { origin: 'e-guichet/seances/s1', size: n } });
      if (check.ok) expect(check.checkpoint.rootHash.equals(rootOf(leaves))).toBe(true);
      expect(head.rootHash).toBe(rootOf(leaves).toString('hex'));
    }
    expect(await latestCheckpoint(db, 's2')).toBeNull();
    await appendJournalEntry(db, exchange('s2', 1));
    expect(await latestCheckpoint(db, 's2')).toMatchObject({ size: 1 });
  });

  it('rebuilds a head that is missing or out of step from the entries', async () => {
    const db = await freshDb();
    await db.insert(classSessions).values({ id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' }).run();
    for (let n = 1; n <= 5; n++) await appendJournalEntry(db, exchange('s1', n));
    await db.delete(journalHeads).run(); // as for a journal written before the heads existed
    await appendJournalEntry(db, exchange('s1', 6));
    const leaves = (await db.select().from(journalEntries).orderBy(asc(journalEntries.sequence)).all()).map(entryLeafHash);
    expect(await latestCheckpoint(db, 's1')).toMatchObject({ size: 6, rootHash: rootOf(leaves).toString('hex') });
  });
});

describe('receipts', () => {
  it('each append gives a receipt that verifies offline: content, leaf, inclusion in the signed tree', async () => {
    const { appendWithReceipt } = await import('./journal');
    const { verifyReceipt } = await import('./receipts');
    const db = await freshDb();
    await db.insert(classSessions).values({ id: 's1', name: 'Séance 1', joinCode: 'AAAAAA' }).run();
    const receipts = [];
    for (let i = 0; i < 11; i++) receipts.push((await appendWithReceipt(db, exchange('s1', i + 1))).receipt);
    receipts.forEach((r, i) => {
      expect(verifyReceipt(r, keys)).toMatchObject({ ok: true, checkpoint: { size: i + 1 } });
    });
    const r = receipts[6]!;
    // Someone edits what the receipt says happened, or its proof, or presents it for another séance.
    expect(verifyReceipt({ ...r, contenu: { ...r.contenu, resultat: 'accorde' === r.contenu.resultat ? 'refuse' : 'accorde' } }, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/contenu/) });
    expect(verifyReceipt({ ...r, preuve_inclusion: [...r.preuve_inclusion].reverse() }, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/inclusion/) });
    expect(verifyReceipt({ ...r, seance: 's2' }, keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/autre séance/) });
    expect(verifyReceipt(r, journalJwks('un autre secret').keys)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature/) });
  });
});

describe('receipts that are not receipts', () => {
  it('are refused as malformed, never thrown on', async () => {
    const { verifyReceipt } = await import('./receipts');
    for (const junk of [null, 42, {}, { preuve_inclusion: [], point_de_controle: 'x' }, { seance: 's1', index: 0, contenu: null, preuve_inclusion: [], point_de_controle: 'x' }]) {
      expect(verifyReceipt(junk as never, keys)).toEqual({ ok: false, reason: 'reçu mal formé' });
    }
  });
});
