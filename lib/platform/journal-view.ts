import { and, asc, count, desc, eq, gt, inArray, lt, or, sql } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type AgencyId } from '../../db/schema';
import { cases, exchangeTraces, journalEntries } from '../../db/tables';
import { hashedContent, type JournalEntry, type JournalReceipt } from './journal';

// Reading the journal, always scoped to what the reader may see (docs/API.md, "Journal").

/** Who reads: a citizen sees entries about them, a body the entries it took part in, a teacher the séance. */
export type JournalReader =
  | { kind: 'usager'; classSessionId: string; personaId: string }
  | { kind: 'organisme'; classSessionId: string; agency: AgencyId }
  | { kind: 'enseignant'; classSessionId: string };

/** The entry as the API shows it: the hashed content (without the séance, implied by the caller) and both hashes. */
export function entryView(entry: JournalEntry) {
  const { seance: _seance, ...content } = hashedContent(entry);
  return { ...content, empreinte: entry.hash, empreinte_precedente: entry.previousHash };
}
export type EntryView = ReturnType<typeof entryView>;

function readerFilter(reader: JournalReader) {
  const inSession = eq(journalEntries.classSessionId, reader.classSessionId);
  switch (reader.kind) {
    case 'usager':
      return and(inSession, eq(journalEntries.subject, reader.personaId));
    case 'organisme':
      return and(inSession, or(eq(journalEntries.consumer, reader.agency), eq(journalEntries.provider, reader.agency)));
    case 'enseignant':
      return inSession;
  }
}

/** Entries the reader may see, oldest first, after a sequence number (to follow the journal). */
export async function readJournal(db: AsyncExecutor, reader: JournalReader, options: { after?: number; limit?: number } = {}): Promise<JournalEntry[]> {
  return db
    .select()
    .from(journalEntries)
    .where(and(readerFilter(reader), gt(journalEntries.sequence, options.after ?? 0)))
    .orderBy(asc(journalEntries.sequence))
    .limit(Math.min(options.limit ?? 500, 500))
    .all();
}

/** One entry with its trace (mode expert), if the reader may see it. */
export async function readExchange(db: AsyncExecutor, reader: JournalReader, entryId: string) {
  const row = await db
    .select({ entry: journalEntries, trace: exchangeTraces })
    .from(journalEntries)
    .leftJoin(exchangeTraces, eq(exchangeTraces.journalEntryId, journalEntries.id))
    .where(and(readerFilter(reader), eq(journalEntries.id, entryId)))
    .get();
  return row ? ((await withCaseNumbers(db, [row]))[0] ?? null) : null;
}

/** Which of the reader's exchanges: the latest `limit` (100 by default), of one case only (by one or several references), older than a sequence number. */
export type ExchangeQuery = { limit?: number; caseRef?: string | string[]; before?: number };

/** Entries the reader may see with their traces (mode expert), newest first. */
export function exchangesWithTraces(db: AsyncExecutor, reader: JournalReader, query: ExchangeQuery = {}) {
  return latestExchanges(db, reader, query, true);
}

/** The same entries without their traces (`trace` null), for a list that links each to its page instead. */
export function exchangesOf(db: AsyncExecutor, reader: JournalReader, query: ExchangeQuery = {}) {
  return latestExchanges(db, reader, query, false);
}

/**
 * A case's exchanges the reader may see, newest first: those that name it by its number, and those asked while it was
 * a draft, which name it by its id (a pre-filled request).
 */
export function exchangesOfCase(db: AsyncExecutor, reader: JournalReader, c: { id: string; receiptNumber: string | null }, limit = 50): Promise<ExchangeRow[]> {
  return exchangesOf(db, reader, { limit, caseRef: [c.id, ...(c.receiptNumber ? [c.receiptNumber] : [])] });
}

/**
 * How many entries the reader may see (a list shown a page at a time says it). With `atMost`, counted no further than
 * one past it: a person a body asked about a hundred thousand times reads "more than 1,000", and the page does not count
 * a hundred thousand entries on each view (7 ms on SQLite: docs/performance-history.md, "Session 34").
 */
export async function countExchanges(db: AsyncExecutor, reader: JournalReader, atMost?: number): Promise<number> {
  if (atMost === undefined) return (await db.select({ n: count() }).from(journalEntries).where(readerFilter(reader)).get())?.n ?? 0;
  const seen = db.select({ one: sql`1`.as('one') }).from(journalEntries).where(readerFilter(reader)).limit(atMost + 1).as('seen');
  return (await db.select({ n: count() }).from(seen).get())?.n ?? 0;
}

/**
 * An exchange as the lists and its page show it: the journal's entry and, when read, what the platform saw. An entry
 * that names its case by the case's id (asked while the request was a draft: the prime d'activité's pre-filling) also
 * carries the number the case has now (`caseNumber`; null while it has none).
 */
export type ExchangeRow = { entry: JournalEntry; trace: typeof exchangeTraces.$inferSelect | null; caseNumber?: string | null };

const caseIdShape = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The case numbers of entries that name a case by its id: one read, and only when there are such entries. */
async function withCaseNumbers<R extends ExchangeRow>(db: AsyncExecutor, rows: R[]): Promise<R[]> {
  const ids = [...new Set(rows.flatMap(({ entry }) => (entry.caseId && caseIdShape.test(entry.caseId) ? [entry.caseId] : [])))];
  if (ids.length === 0) return rows;
  const numbers = new Map((await db.select({ id: cases.id, receiptNumber: cases.receiptNumber }).from(cases).where(inArray(cases.id, ids)).all()).map((c) => [c.id, c.receiptNumber]));
  return rows.map((row) => (row.entry.caseId && numbers.has(row.entry.caseId) ? { ...row, caseNumber: numbers.get(row.entry.caseId) ?? null } : row));
}

// The latest entries each list reads on every view (Mes données, the agent's page, the auditors' journal), built once
// per reader and per list (db/prepared.ts): "older than" is always there, past the last entry when the list starts at
// the latest. A body's latest are its latest as consumer and as provider, each read down its own index (one body among
// thousands of exchanges of others would otherwise walk the séance's whole journal), merged here.
const newest = 2_147_483_647;
/** The entries, with their traces or without. */
const entriesRead = (db: AsyncExecutor, traces: boolean) =>
  traces
    ? db.select({ entry: journalEntries, trace: exchangeTraces }).from(journalEntries).leftJoin(exchangeTraces, eq(exchangeTraces.journalEntryId, journalEntries.id))
    : db.select({ entry: journalEntries }).from(journalEntries);
const inSession = () => eq(journalEntries.classSessionId, sql.placeholder('seance'));
const scopes = {
  usager: () => and(inSession(), eq(journalEntries.subject, sql.placeholder('persona'))),
  enseignant: inSession,
  consumer: () => and(inSession(), eq(journalEntries.consumer, sql.placeholder('agency'))),
  provider: () => and(inSession(), eq(journalEntries.provider, sql.placeholder('agency'))),
};
type Scope = keyof typeof scopes;
const latestOf = (scope: Scope, traces: boolean) =>
  prepared((db) => {
    const where = and(scopes[scope](), lt(journalEntries.sequence, sql.placeholder('before')));
    return entriesRead(db, traces).where(where).orderBy(desc(journalEntries.sequence)).limit(sql.placeholder('limit'));
  });
const latest = Object.fromEntries((Object.keys(scopes) as Scope[]).flatMap((scope) => [[`${scope}`, latestOf(scope, false)], [`${scope}+traces`, latestOf(scope, true)]])) as Record<
  `${Scope}` | `${Scope}+traces`,
  ReturnType<typeof latestOf>
>;

async function latestExchanges(db: AsyncExecutor, reader: JournalReader, { limit = 100, caseRef, before }: ExchangeQuery, traces: boolean): Promise<ExchangeRow[]> {
  if (caseRef) {
    const where = and(readerFilter(reader), inArray(journalEntries.caseId, typeof caseRef === 'string' ? [caseRef] : caseRef), before === undefined ? undefined : lt(journalEntries.sequence, before));
    // Ordered by an expression: ordered by the column, the planner walks the séance's whole chain backwards (no sort to
    // do) rather than read the case's few entries down journal_entries_case and sort them (db/query-plans.test.ts).
    return withCaseNumbers(db, asRows(await entriesRead(db, traces).where(where).orderBy(desc(sql`${journalEntries.sequence} + 0`)).limit(limit).all()));
  }
  const values = { seance: reader.classSessionId, before: before ?? newest, limit };
  const of = (scope: Scope) => latest[traces ? (`${scope}+traces` as const) : scope](db).execute({ ...values, ...(reader.kind === 'usager' ? { persona: reader.personaId } : reader.kind === 'organisme' ? { agency: reader.agency } : {}) });
  if (reader.kind !== 'organisme') return withCaseNumbers(db, asRows(await of(reader.kind)));
  const [asConsumer, asProvider] = await Promise.all([of('consumer'), of('provider')]);
  const seen = new Set<string>();
  return withCaseNumbers(db, asRows([...asConsumer, ...asProvider].sort((a, b) => b.entry.sequence - a.entry.sequence).filter(({ entry }) => !seen.has(entry.id) && !!seen.add(entry.id)).slice(0, limit)));
}

const asRows = (rows: { entry: JournalEntry; trace?: ExchangeRow['trace'] }[]): ExchangeRow[] => rows.map(({ entry, trace }) => ({ entry, trace: trace ?? null }));

/** The receipt the platform handed out with an exchange's answer (kept in its trace); null for entries from before receipts. */
export function receiptOf(trace: typeof exchangeTraces.$inferSelect | null): JournalReceipt | null {
  const receipt = (trace?.response.corps as { recu?: JournalReceipt } | null | undefined)?.recu;
  return receipt && typeof receipt === 'object' && typeof receipt.point_de_controle === 'string' ? receipt : null;
}

/** One entry's receipt, if the reader may see the entry. */
export async function readReceipt(db: AsyncExecutor, reader: JournalReader, entryId: string): Promise<{ sequence: number; receipt: JournalReceipt } | null> {
  const row = await readExchange(db, reader, entryId);
  const receipt = receiptOf(row?.trace ?? null);
  return row && receipt ? { sequence: row.entry.sequence, receipt } : null;
}
