import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { asc, desc, eq, sql, type Placeholder } from 'drizzle-orm';
import { engineNameOf, writeTogether, type AsyncExecutor, type Write } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type AgencyId, type ExchangeResult } from '../../db/schema';
import { journalEntries, journalHeads } from '../../db/tables';
import { checkpointOrigin, journalJwks, signCheckpoint, verifyCheckpoint } from './checkpoints';
import { countOf, formatNumber } from '../format';
import { appendToFrontier, leafHash, rootOfFrontier } from './merkle';

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

const chainHash = (previousHash: string, canonical: string) => crypto.createHash('sha256').update(previousHash).update(canonical).digest('hex');

export function entryHash(previousHash: string, entry: Omit<Entry, 'hash' | 'previousHash'>): string {
  return chainHash(previousHash, canonicalize(hashedContent(entry)) ?? '');
}

/** The entry as a leaf of the séance's Merkle tree (RFC 9162): the same canonical JSON the chain hashes. */
export function entryLeafHash(entry: Omit<Entry, 'hash' | 'previousHash'>): Buffer {
  return contentLeafHash(hashedContent(entry));
}

/** The leaf of an entry's hashed content (as a receipt carries it). */
export function contentLeafHash(content: ReturnType<typeof hashedContent>): Buffer {
  return leafHash(Buffer.from(canonicalize(content) ?? ''));
}

/**
 * What the platform hands back with each exchange it journals, granted or refused (like a transparency log's signed
 * entry): the entry's content, its leaf in the tree, the inclusion proof and the checkpoint signed just after it.
 * Anyone holding it can check offline that this exchange is in the journal, and later that the journal still holds it.
 */
export type JournalReceipt = {
  seance: string;
  entree: string;
  /** Leaf index: the entry's sequence − 1. */
  index: number;
  /** The entry's content as hashed (RFC 8785 canonical JSON of these fields). */
  contenu: ReturnType<typeof hashedContent>;
  empreinte_feuille: string;
  /** RFC 9162 inclusion path of the leaf in the tree of the checkpoint (hex, bottom up). */
  preuve_inclusion: string[];
  point_de_controle: string;
};

// The statements of every append, built once (db/prepared.ts).
const placeholders = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, sql.placeholder(k)])) as unknown as Record<K, Placeholder>;
// The chain's head (the last entry) and the tree's head, in one statement: one round trip fewer in the séance's lock.
const heads = prepared((tx) =>
  tx
    .select({ sequence: journalEntries.sequence, hash: journalEntries.hash, treeSize: journalHeads.size, frontier: journalHeads.frontier })
    .from(journalEntries)
    .leftJoin(journalHeads, eq(journalHeads.classSessionId, journalEntries.classSessionId))
    .where(eq(journalEntries.classSessionId, sql.placeholder('seance')))
    .orderBy(desc(journalEntries.sequence))
    .limit(1),
);
const insertEntry = prepared((tx) =>
  tx.insert(journalEntries).values(placeholders('id', 'classSessionId', 'sequence', 'recordedAt', 'consumer', 'provider', 'items', 'purpose', 'legalBasis', 'result', 'reason', 'subject', 'caseId', 'hash', 'previousHash')),
);
// On conflict, the row as it was proposed (`excluded`, the same word on both engines).
const proposed = (column: { name: string }) => sql.raw(`excluded.${column.name}`);
const treeHeadConflict = {
  target: journalHeads.classSessionId,
  set: { size: proposed(journalHeads.size), frontier: proposed(journalHeads.frontier), rootHash: proposed(journalHeads.rootHash), checkpoint: proposed(journalHeads.checkpoint) },
};
const upsertTreeHead = prepared((tx) => tx.insert(journalHeads).values(placeholders('classSessionId', 'size', 'frontier', 'rootHash', 'checkpoint')).onConflictDoUpdate(treeHeadConflict));

/** The séance's tree as its last `size` entries left it: from its head, or rebuilt from the entries when out of step. */
async function frontierAt(tx: AsyncExecutor, classSessionId: string, size: number, head: { treeSize: number | null; frontier: string[] | null } | undefined): Promise<Buffer[]> {
  if (size === 0) return [];
  if (head?.frontier && head.treeSize === size) return head.frontier.map((h) => Buffer.from(h, 'hex'));
  // A journal from before the heads (or a head out of step): rebuilt from its entries, once.
  const older = (await tx.select().from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(asc(journalEntries.sequence)).all()).filter((e) => e.sequence <= size);
  let frontier: Buffer[] = [];
  older.forEach((e, i) => (frontier = appendToFrontier(frontier, i, entryLeafHash(e))));
  return frontier;
}

/** The séance's latest signed checkpoint (null while its journal is empty). */
export async function latestCheckpoint(db: AsyncExecutor, classSessionId: string): Promise<{ size: number; rootHash: string; checkpoint: string } | null> {
  return await db.select({ size: journalHeads.size, rootHash: journalHeads.rootHash, checkpoint: journalHeads.checkpoint }).from(journalHeads).where(eq(journalHeads.classSessionId, classSessionId)).get() ?? null;
}

/** Appends one entry at the head of its séance's chain and tree. Call inside the transaction of the exchange. */
export async function appendJournalEntry(tx: AsyncExecutor, input: JournalInput, now = new Date()): Promise<Entry> {
  return (await appendWithReceipt(tx, input, now)).entry;
}

/** The same, with the receipt the platform gives back to the caller. */
export async function appendWithReceipt(tx: AsyncExecutor, input: JournalInput, now = new Date()): Promise<{ entry: Entry; receipt: JournalReceipt }> {
  return (await appendAll(tx, input.classSessionId, [{ input, now }]))[0]!;
}

type Appended = { entry: Entry; receipt: JournalReceipt }[];

/**
 * Appends entries of one séance in order, as many appends one after the other would, in a few statements whatever their
 * number: the heads read once, the entries inserted together, the tree head written once (each entry still gets the
 * checkpoint signed just after it, in its receipt). Call where the séance's appends are serialised (its journal lock).
 * `alongside`: rows that go with the entries (the exchanges' traces), written with them — on PostgreSQL in the same
 * statement, so that the lock is held for two round trips after the heads' read (the writes, COMMIT) instead of four.
 */
export async function appendAll(tx: AsyncExecutor, classSessionId: string, appends: { input: JournalInput; now: Date }[], alongside?: (appended: Appended) => Write): Promise<Appended> {
  const head = await heads(tx).get({ seance: classSessionId });
  let sequence = head?.sequence ?? 0;
  let previousHash = head?.hash ?? genesisHash;
  let frontier = await frontierAt(tx, classSessionId, sequence, head);
  const appended: Appended = [];
  let last: { rootHash: Buffer; checkpoint: string } | null = null;
  for (const { input, now } of appends) {
    if (input.classSessionId !== classSessionId) throw new Error('appendAll(): entries of one séance only');
    sequence += 1;
    const content = { id: crypto.randomUUID(), ...input, sequence, recordedAt: now.toISOString() };
    // One canonical form for both: the chain's hash and the tree's leaf.
    const hashed = hashedContent(content);
    const canonical = canonicalize(hashed) ?? '';
    const entry: Entry = { ...content, previousHash, hash: chainHash(previousHash, canonical) };
    const before = frontier;
    const leaf = leafHash(Buffer.from(canonical));
    frontier = appendToFrontier(before, sequence - 1, leaf);
    const rootHash = rootOfFrontier(frontier);
    last = { rootHash, checkpoint: signCheckpoint({ origin: checkpointOrigin(classSessionId), size: sequence, rootHash, signedAt: now.toISOString() }) };
    appended.push({
      entry,
      // The last leaf's inclusion path is the tree before it, smallest subtree first (RFC 9162's PATH for m = n − 1).
      receipt: {
        seance: classSessionId,
        entree: entry.id,
        index: sequence - 1,
        contenu: hashed,
        empreinte_feuille: leaf.toString('hex'),
        preuve_inclusion: [...before].reverse().map((h) => h.toString('hex')),
        point_de_controle: last.checkpoint,
      },
    });
    previousHash = entry.hash;
  }
  if (!last) return [];
  // The tree head as the last entry left it (written once for the group).
  const treeHead = { classSessionId, size: sequence, frontier: frontier.map((h) => h.toString('hex')), rootHash: last.rootHash.toString('hex'), checkpoint: last.checkpoint };
  const also = alongside?.(appended);
  if (engineNameOf(tx) === 'postgres') {
    await writeTogether(tx, [tx.insert(journalEntries).values(appended.map((a) => a.entry)), tx.insert(journalHeads).values(treeHead).onConflictDoUpdate(treeHeadConflict), ...(also ? [also] : [])]);
    return appended;
  }
  if (appended.length === 1) await insertEntry(tx).run(appended[0]!.entry);
  else await tx.insert(journalEntries).values(appended.map((a) => a.entry)).run();
  await upsertTreeHead(tx).run(treeHead);
  await also?.run();
  return appended;
}

export type ChainVerification =
  | { valide: true; entrees: number; tete: string; point_de_controle: string | null }
  | { valide: false; entrees: number; raison: string; premiere_entree_invalide?: { id: string; sequence: number; raison: string } };

/**
 * Recomputes the séance's whole chain and tree: any changed, removed or inserted entry breaks the chain, and a tail
 * removed or a history rewritten no longer matches the latest signed checkpoint. (Someone who also rewrites the
 * checkpoints with the key is caught only by the receipts and checkpoints kept outside: lib/platform/log-verifier.ts.)
 */
export async function verifyJournalChain(db: AsyncExecutor | AsyncExecutor, classSessionId: string): Promise<ChainVerification> {
  const entries = await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(asc(journalEntries.sequence)).all();
  let previous = genesisHash;
  let frontier: Buffer[] = [];
  for (const [index, entry] of entries.entries()) {
    const broken = (raison: string): ChainVerification => ({
      valide: false,
      entrees: entries.length,
      raison: `entrée n° ${entry.sequence} : ${raison}`,
      premiere_entree_invalide: { id: entry.id, sequence: entry.sequence, raison },
    });
    if (entry.sequence !== index + 1) return broken('une entrée manque avant celle-ci');
    if (entry.previousHash !== previous) return broken('l’empreinte précédente ne correspond pas');
    const canonical = canonicalize(hashedContent(entry)) ?? '';
    if (chainHash(previous, canonical) !== entry.hash) return broken('le contenu a été modifié');
    previous = entry.hash;
    frontier = appendToFrontier(frontier, index, leafHash(Buffer.from(canonical)));
  }
  const head = await latestCheckpoint(db, classSessionId);
  if (head) {
    const signed = verifyCheckpoint(head.checkpoint, journalJwks().keys);
    const broken = (raison: string): ChainVerification => ({ valide: false, entrees: entries.length, raison });
    if (!signed.ok) return broken(`le dernier point de contrôle ne se vérifie pas (${signed.reason})`);
    if (signed.checkpoint.size !== entries.length) {
      return broken(
        signed.checkpoint.size > entries.length
          ? `le dernier point de contrôle signé compte ${countOf(signed.checkpoint.size, 'entrée', 'entrées')}, le journal ${formatNumber(entries.length)} : des entrées ont été retirées`
          : `le journal compte ${countOf(entries.length, 'entrée', 'entrées')}, son dernier point de contrôle signé ${formatNumber(signed.checkpoint.size)} : des entrées ont été ajoutées hors de la plateforme`,
      );
    }
    if (entries.length > 0 && !rootOfFrontier(frontier).equals(signed.checkpoint.rootHash)) return broken('les entrées ne donnent plus la racine du dernier point de contrôle signé : le journal a été réécrit');
  }
  return { valide: true, entrees: entries.length, tete: previous, point_de_controle: head?.checkpoint ?? null };
}

/** The sequence number of the séance's last entry (0 when empty): a cheap "has anything happened?" for live views. */
export async function journalHead(db: AsyncExecutor, classSessionId: string): Promise<number> {
  return (await db.select({ sequence: journalEntries.sequence }).from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(desc(journalEntries.sequence)).limit(1).get())?.sequence ?? 0;
}
