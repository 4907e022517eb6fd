import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client';
import { journalEntries, type AgencyId, type ExchangeResult } from '../../db/schema';

// The hash-chained journal (docs/ARCHITECTURE.md, rule 9). Each entry's `empreinte` is
// SHA-256(previous empreinte + canonical JSON of the entry's content), RFC 8785 canonicalisation.

export const genesisHash = '0'.repeat(64);

export type JournalInput = {
  classSessionId: string;
  consumer: AgencyId;
  provider: AgencyId;
  items: string[];
  purpose: string;
  legalBasis: string | null;
  result: ExchangeResult;
  reason: string | null;
  subject: string | null;
  caseId: string | null;
};

export type JournalEntry = typeof journalEntries.$inferSelect;
type Entry = JournalEntry;

/** The content an entry's hash covers: every field but the hashes themselves. */
export function hashedContent(entry: Omit<Entry, 'hash' | 'previousHash'>) {
  return {
    id: entry.id,
    seance: entry.classSessionId,
    sequence: entry.sequence,
    horodatage: entry.recordedAt,
    consommateur: entry.consumer,
    fournisseur: entry.provider,
    donnees: entry.items,
    finalite: entry.purpose,
    base_legale: entry.legalBasis,
    resultat: entry.result,
    motif: entry.reason,
    usager: entry.subject,
    dossier: entry.caseId,
  };
}

export function entryHash(previousHash: string, entry: Omit<Entry, 'hash' | 'previousHash'>): string {
  return crypto
    .createHash('sha256')
    .update(previousHash)
    .update(canonicalize(hashedContent(entry)) ?? '')
    .digest('hex');
}

/** Appends one entry at the head of its séance's chain. Call inside the transaction of the exchange. */
export function appendJournalEntry(tx: Executor, input: JournalInput, now = new Date()): Entry {
  const head = tx
    .select({ sequence: journalEntries.sequence, hash: journalEntries.hash })
    .from(journalEntries)
    .where(eq(journalEntries.classSessionId, input.classSessionId))
    .orderBy(desc(journalEntries.sequence))
    .limit(1)
    .get();
  const content = { id: crypto.randomUUID(), ...input, sequence: (head?.sequence ?? 0) + 1, recordedAt: now.toISOString() };
  const previousHash = head?.hash ?? genesisHash;
  const entry: Entry = { ...content, previousHash, hash: entryHash(previousHash, content) };
  tx.insert(journalEntries).values(entry).run();
  return entry;
}

export type ChainVerification =
  | { valide: true; entrees: number; tete: string }
  | { valide: false; entrees: number; premiere_entree_invalide: { id: string; sequence: number; raison: string } };

/** Recomputes the séance's whole chain: any changed, removed or inserted entry breaks it. */
export function verifyJournalChain(db: Db | Executor, classSessionId: string): ChainVerification {
  const entries = db.select().from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(asc(journalEntries.sequence)).all();
  let previous = genesisHash;
  for (const [index, entry] of entries.entries()) {
    const broken = (raison: string): ChainVerification => ({ valide: false, entrees: entries.length, premiere_entree_invalide: { id: entry.id, sequence: entry.sequence, raison } });
    if (entry.sequence !== index + 1) return broken('une entrée manque avant celle-ci');
    if (entry.previousHash !== previous) return broken('l’empreinte précédente ne correspond pas');
    if (entryHash(previous, entry) !== entry.hash) return broken('le contenu a été modifié');
    previous = entry.hash;
  }
  return { valide: true, entrees: entries.length, tete: previous };
}

/** The sequence number of the séance's last entry (0 when empty): a cheap "has anything happened?" for live views. */
export function journalHead(db: Executor, classSessionId: string): number {
  return db.select({ sequence: journalEntries.sequence }).from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(desc(journalEntries.sequence)).limit(1).get()?.sequence ?? 0;
}
