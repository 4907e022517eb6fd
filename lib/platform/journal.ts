import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { and, asc, count, desc, eq, gt, isNull, lt, or, sql, type Placeholder } from 'drizzle-orm';
import { unlessBusyOrGone } from '../../db/client';
import { engineNameOf, shortcut, writeWithCommit, type AsyncExecutor, type Write } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type AgencyId, type BrokenChain, type ExchangeResult } from '../../db/schema';
import { journalEntries, journalHeads, journalVerifications } from '../../db/tables';
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
/** Where a séance's chain and tree stand (nothing while its journal is empty): what an append starts from. */
export type JournalHeads = Awaited<ReturnType<ReturnType<typeof heads>['get']>>;
/** Reads them: as a transaction's `read` (db/engine.ts), sent with BEGIN and the séance's lock on PostgreSQL. */
export const readJournalHeads = (tx: AsyncExecutor, classSessionId: string): Promise<JournalHeads> => heads(tx).get({ seance: classSessionId });
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

// The reads of a page's check (Mes données, the auditors' journal, the teacher's bodies: on each view), built once.
const checkpointOf = prepared((db) =>
  db.select({ size: journalHeads.size, rootHash: journalHeads.rootHash, checkpoint: journalHeads.checkpoint }).from(journalHeads).where(eq(journalHeads.classSessionId, sql.placeholder('seance'))),
);
const verificationOf = prepared((db) => db.select().from(journalVerifications).where(eq(journalVerifications.classSessionId, sql.placeholder('seance'))));
const entryAt = prepared((db) => db.select().from(journalEntries).where(and(eq(journalEntries.classSessionId, sql.placeholder('seance')), eq(journalEntries.sequence, sql.placeholder('sequence')))));
const entriesAfter = prepared((db) =>
  db
    .select()
    .from(journalEntries)
    .where(and(eq(journalEntries.classSessionId, sql.placeholder('seance')), gt(journalEntries.sequence, sql.placeholder('after'))))
    .orderBy(asc(journalEntries.sequence))
    .limit(sql.placeholder('limit')),
);

/** The séance's latest signed checkpoint (null while its journal is empty). */
export async function latestCheckpoint(db: AsyncExecutor, classSessionId: string): Promise<{ size: number; rootHash: string; checkpoint: string } | null> {
  return (await checkpointOf(db).get({ seance: classSessionId })) ?? null;
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
 * statement, sent with the transaction's COMMIT (db/engine.ts, `writeWithCommit`): the lock is held for one round trip
 * after it is granted (the heads' answer, then the writes and COMMIT) instead of four. `read`: the heads, when the
 * transaction has read them already (`readJournalHeads` as its `read`).
 */
export async function appendAll(
  tx: AsyncExecutor,
  classSessionId: string,
  appends: { input: JournalInput; now: Date }[],
  alongside?: (appended: Appended) => Write,
  read?: { heads: JournalHeads },
): Promise<Appended> {
  const head = read ? read.heads : await readJournalHeads(tx, classSessionId);
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
    // Sent with the COMMIT: the lock is held for the heads' read (sent with BEGIN and the lock) and one round trip.
    await writeWithCommit(tx, [tx.insert(journalEntries).values(appended.map((a) => a.entry)), tx.insert(journalHeads).values(treeHead).onConflictDoUpdate(treeHeadConflict), ...(also ? [also] : [])]);
    return appended;
  }
  if (appended.length === 1) await insertEntry(tx).run(appended[0]!.entry);
  else await tx.insert(journalEntries).values(appended.map((a) => a.entry)).run();
  await upsertTreeHead(tx).run(treeHead);
  await also?.run();
  return appended;
}

export type ChainVerification = { valide: true; entrees: number; tete: string; point_de_controle: string | null } | BrokenChain;

/** Where a walk along the chain stands: how many entries it has checked, the last one's hash, the tree's frontier. */
type Point = { size: number; head: string; frontier: Buffer[] };
const genesis: Point = { size: 0, head: genesisHash, frontier: [] };

/** How many entries a walk along the chain reads at a time; a page walks at most as many before answering. */
const walkPage = 1000;

/** The verdict on a chain broken at `entry`, with the journal's whole size. */
async function brokenAt(db: AsyncExecutor, entry: Entry, raison: string): Promise<{ chain: ChainVerification; reached: null }> {
  const entrees = (await db.select({ n: count() }).from(journalEntries).where(eq(journalEntries.classSessionId, entry.classSessionId)).get())?.n ?? 0;
  return { chain: { valide: false, entrees, raison: `entrée n° ${entry.sequence} : ${raison}`, premiere_entree_invalide: { id: entry.id, sequence: entry.sequence, raison } }, reached: null };
}

/**
 * Checks the séance's chain and tree from `from` (the genesis, or a point a complete pass reached): any changed, removed
 * or inserted entry breaks the chain, and a tail removed or a history rewritten no longer matches the latest signed
 * checkpoint. (Someone who also rewrites the checkpoints with the key is caught only by the receipts and checkpoints
 * kept outside: lib/platform/log-verifier.ts.)
 *
 * Exchanges go on while it reads: the checkpoint is read first, so every entry it counts is already there, and the
 * tree is compared with it at its size; entries beyond it are then the platform's only if a checkpoint read afterwards
 * counts them (before, an entry appended between the two reads was reported as "removed").
 */
async function checkChain(db: AsyncExecutor, classSessionId: string, from: Point): Promise<{ chain: ChainVerification; reached: Point | null }>;
async function checkChain(db: AsyncExecutor, classSessionId: string, from: Point, atMost: number): Promise<{ chain: ChainVerification; reached: Point | null } | 'longer'>;
async function checkChain(db: AsyncExecutor, classSessionId: string, from: Point, atMost = Infinity): Promise<{ chain: ChainVerification; reached: Point | null } | 'longer'> {
  const before = await latestCheckpoint(db, classSessionId);
  const signed = before ? verifyCheckpoint(before.checkpoint, journalJwks().keys) : null;
  // The tree's root when it had as many entries as the checkpoint signs.
  const signedSize = signed?.ok ? signed.checkpoint.size : -1;
  let at = { ...from, frontier: [...from.frontier] };
  let rootAtBefore: Buffer | null = signedSize === from.size ? rootOfFrontier(from.frontier) : null;
  // Read a page at a time, other requests served between two pages: a pass over a long journal (2 s for 115 000
  // entries) no longer holds up every request of its process, nor its whole journal in memory.
  // `atMost`: a walk that would check more entries is not begun ('longer').
  const page = Number.isFinite(atMost) ? atMost + 1 : walkPage;
  for (let read = page; read === page; ) {
    if (at.size > from.size) await new Promise((resolve) => setImmediate(resolve));
    const entries = await entriesAfter(db).execute({ seance: classSessionId, after: at.size, limit: page });
    if (entries.length > atMost) return 'longer';
    read = entries.length;
    for (const entry of entries) {
      if (entry.sequence !== at.size + 1) return brokenAt(db, entry, 'une entrée manque avant celle-ci');
      if (entry.previousHash !== at.head) return brokenAt(db, entry, 'l’empreinte précédente ne correspond pas');
      const canonical = canonicalize(hashedContent(entry)) ?? '';
      if (chainHash(at.head, canonical) !== entry.hash) return brokenAt(db, entry, 'le contenu a été modifié');
      at = { size: at.size + 1, head: entry.hash, frontier: appendToFrontier(at.frontier, at.size, leafHash(Buffer.from(canonical))) };
      if (at.size === signedSize) rootAtBefore = rootOfFrontier(at.frontier);
    }
  }
  const total = at.size;
  if (!before || !signed) return { chain: { valide: true, entrees: total, tete: at.head, point_de_controle: null }, reached: at };
  const broken = (raison: string) => ({ chain: { valide: false, entrees: total, raison } as ChainVerification, reached: null });
  if (!signed.ok) return broken(`le dernier point de contrôle ne se vérifie pas (${signed.reason})`);
  const removed = (size: number) => broken(`le dernier point de contrôle signé compte ${countOf(size, 'entrée', 'entrées')}, le journal ${formatNumber(total)} : des entrées ont été retirées`);
  if (signed.checkpoint.size > total || (signed.checkpoint.size < from.size && from.size > 0)) return removed(signed.checkpoint.size);
  const rewritten = broken('les entrées ne donnent plus la racine du dernier point de contrôle signé : le journal a été réécrit');
  if (signed.checkpoint.size > 0 && !rootAtBefore?.equals(signed.checkpoint.rootHash)) return rewritten;
  if (total === signed.checkpoint.size) return { chain: { valide: true, entrees: total, tete: at.head, point_de_controle: before.checkpoint }, reached: at };
  // More entries than the checkpoint read first counts: appended since by the platform, if its checkpoint now counts them.
  const after = await latestCheckpoint(db, classSessionId);
  const signedAfter = after ? verifyCheckpoint(after.checkpoint, journalJwks().keys) : null;
  if (!after || !signedAfter?.ok || signedAfter.checkpoint.size < total) {
    return broken(`le journal compte ${countOf(total, 'entrée', 'entrées')}, son dernier point de contrôle signé ${formatNumber(after?.size ?? signed.checkpoint.size)} : des entrées ont été ajoutées hors de la plateforme`);
  }
  if (signedAfter.checkpoint.size === total && !rootOfFrontier(at.frontier).equals(signedAfter.checkpoint.rootHash)) return rewritten;
  return { chain: { valide: true, entrees: total, tete: at.head, point_de_controle: signedAfter.checkpoint.size === total ? after.checkpoint : before.checkpoint }, reached: at };
}

/** The séance's whole journal checked from its first entry (the API's check, the debrief, the tests). */
export async function verifyJournalChain(db: AsyncExecutor, classSessionId: string): Promise<ChainVerification> {
  return (await checkChain(db, classSessionId, genesis)).chain;
}

/** How often the pages go through the whole journal again; in between they check what was appended since. */
export const wholeCheckEveryMs = 60_000;

/**
 * What a page shows: the check, and when the whole journal was last gone through (`newer`: entries checked since);
 * or, when more entries than a page walks wait to be checked, that the check is under way (`upTo` entries were whole
 * at `at`, the last complete pass; none yet if null).
 */
export type JournalCheck =
  | { chain: ChainVerification; whole: { at: Date; newer: number }; pending?: undefined }
  | { chain?: undefined; whole?: undefined; pending: { upTo: number; at: Date | null; behind: number } };

/** Runs a task once the page has answered (Next's `after`). */
export type Later = (task: () => Promise<void>) => void;

/** What a complete pass leaves for the views after it: where it ended, or the break it found. */
function passRecord(result: { chain: ChainVerification; reached: Point | null }, at: Date) {
  const { chain, reached } = result;
  const point = reached ? { size: reached.size, headHash: reached.head, frontier: reached.frontier.map((h) => h.toString('hex')) } : {};
  return { ...point, broken: chain.valide ? null : chain, verifiedAt: at, passStartedAt: null };
}

/**
 * The journal's state for the pages that show it (Mes données, the auditors' journal, the teacher's bodies), which
 * many open at once and refresh live. The whole journal is gone through once a minute per séance; journal_verifications
 * keeps where that pass ended, or the break it found. In between, a page checks the last entry that pass checked, then
 * only those appended since, and compares the tree with the latest signed checkpoint as the whole pass does. A history
 * rewritten in the meantime is found by the next whole pass.
 *
 * With `later` (the pages), no page waits for a long walk: the page that finds the last pass over a minute old shows
 * its check since that pass and starts the next after its answer, one pass at a time per séance (a claim in
 * journal_verifications); when more entries than a page walks wait (a journal never checked, or one that grew fast
 * while nobody looked), the page says the check is under way and starts that pass. Anything amiss is said as the
 * whole pass says it, by the page if the journal is short (walked again by the next), else by every page once a pass
 * made after an answer has recorded it (until the next pass, a minute later). Without `later` (tests, scripts), the
 * whole pass is made in place.
 */
export async function checkJournal(db: AsyncExecutor, classSessionId: string, now = new Date(), later?: Later): Promise<JournalCheck> {
  const found = await verificationOf(db).get({ seance: classSessionId });
  // A mark dated later than now is not believed (a clock set back): a whole pass again.
  const mark = found && now.getTime() >= found.verifiedAt.getTime() ? found : undefined;
  const due = !mark || now.getTime() - mark.verifiedAt.getTime() >= wholeCheckEveryMs;
  // One pass at a time: none is asked for while another, begun within the minute, goes on.
  const pass = () => wholePassAfter(db, classSessionId, found ?? null);
  const passing = !!found?.passStartedAt && now.getTime() - found.passStartedAt.getTime() < wholeCheckEveryMs;
  const ask = () => passing || later!(pass);
  if (mark?.broken && (!due || later)) {
    if (due) ask();
    return { chain: mark.broken, whole: { at: mark.verifiedAt, newer: 0 } };
  }
  // (A pass of an empty journal, or a claim's placeholder, leaves nothing to start from: the page walks it all.)
  if (mark && mark.size > 0 && !mark.broken && (!due || later)) {
    const from: Point = { size: mark.size, head: mark.headHash, frontier: mark.frontier.map((h) => Buffer.from(h, 'hex')) };
    const last = await entryAt(db).get({ seance: classSessionId, sequence: mark.size });
    const lastHolds = !!last && last.hash === mark.headHash && entryHash(last.previousHash, last) === last.hash;
    if (lastHolds) {
      const since = later ? await checkChain(db, classSessionId, from, walkPage) : await checkChain(db, classSessionId, from);
      if (since === 'longer') {
        ask();
        return { pending: { upTo: mark.size, at: mark.verifiedAt, behind: (await journalHead(db, classSessionId)) - mark.size } };
      }
      if (since.chain.valide) {
        if (due) ask();
        return { chain: since.chain, whole: { at: mark.verifiedAt, newer: since.chain.entrees - mark.size } };
      }
    }
    // Anything amiss is said as the whole pass says it (the first entry that breaks the chain, or what the checkpoint shows).
  }
  const whole = later ? await checkChain(db, classSessionId, genesis, walkPage) : await checkChain(db, classSessionId, genesis);
  if (whole === 'longer') {
    ask();
    const intact = mark && mark.size > 0 && !mark.broken ? mark : null;
    return { pending: { upTo: intact?.size ?? 0, at: intact?.verifiedAt ?? null, behind: (await journalHead(db, classSessionId)) - (intact?.size ?? 0) } };
  }
  // Only a shortcut: the page shows the check it made either way. A break it found is not kept: the next view walks
  // this short journal again.
  if (whole.chain.valide) {
    const row = { classSessionId, size: 0, headHash: genesisHash, frontier: [], ...passRecord(whole, now) };
    const { classSessionId: _key, ...update } = row;
    await shortcut(db, (tx) => tx.insert(journalVerifications).values(row).onConflictDoUpdate({ target: journalVerifications.classSessionId, set: update }).run());
  }
  return { chain: whole.chain, whole: { at: now, newer: 0 } };
}

/**
 * The complete pass a page found due, made after its answer unless another page has begun it: the mark it read
 * (`seen`, none if the séance had none) is claimed for the pass; a claim older than a minute (a process stopped
 * mid-pass) is void.
 */
async function wholePassAfter(db: AsyncExecutor, classSessionId: string, seen: typeof journalVerifications.$inferSelect | null): Promise<void> {
  const startedAt = new Date();
  const claimed = await shortcut(db, (tx) =>
    seen
      ? tx
          .update(journalVerifications)
          .set({ passStartedAt: startedAt })
          .where(
            and(
              eq(journalVerifications.classSessionId, classSessionId),
              eq(journalVerifications.verifiedAt, seen.verifiedAt),
              or(isNull(journalVerifications.passStartedAt), lt(journalVerifications.passStartedAt, new Date(startedAt.getTime() - wholeCheckEveryMs))),
            ),
          )
          .returning({ classSessionId: journalVerifications.classSessionId })
      : tx
          .insert(journalVerifications)
          .values({ classSessionId, size: 0, headHash: genesisHash, frontier: [], verifiedAt: new Date(0), passStartedAt: startedAt })
          .onConflictDoNothing()
          .returning({ classSessionId: journalVerifications.classSessionId }),
  );
  if (!claimed || claimed.length === 0) return;
  const record = passRecord(await checkChain(db, classSessionId, genesis), startedAt);
  // The pass's outcome is worth a wait (after the answer, no one waits for it; on SQLite, in the queue, not asleep).
  await db
    .update(journalVerifications)
    .set(record)
    .where(and(eq(journalVerifications.classSessionId, classSessionId), eq(journalVerifications.passStartedAt, startedAt)))
    .run()
    .catch(unlessBusyOrGone);
}

/** The sequence number of the séance's last entry (0 when empty): a cheap "has anything happened?" for live views. */
export async function journalHead(db: AsyncExecutor, classSessionId: string): Promise<number> {
  return (await db.select({ sequence: journalEntries.sequence }).from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(desc(journalEntries.sequence)).limit(1).get())?.sequence ?? 0;
}
