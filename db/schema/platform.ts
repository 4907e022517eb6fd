import { sql } from 'drizzle-orm';
import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef, classSessions } from './classroom';
import { createdAt, id } from './columns';
import { agencyIds, type AgencyId } from './reference';
import { personaRef } from './world';

// The État plateforme's journal: one row per exchange attempt, granted or refused, hash-chained per séance.
// Rows are never updated (a trigger forbids it); they go only when their séance is deleted.

// `accorde`: the data was sent; `refuse`: the platform's rules said no (habilitation, consent); `inconnu`: the provider
// answered that it holds nothing about the person (an answer, not a fault); `echec`: the provider did not answer.
export const exchangeResults = ['accorde', 'refuse', 'inconnu', 'echec'] as const;
export type ExchangeResult = (typeof exchangeResults)[number];

export const journalEntries = sqliteTable(
  'journal_entries',
  {
    id: id(),
    classSessionId: classSessionRef(),
    /** Position in the séance's chain, from 1; unique, so that two concurrent appends cannot fork the chain. */
    sequence: integer('sequence').notNull(),
    recordedAt: text('recorded_at').notNull(),
    consumer: text('consumer', { enum: agencyIds }).notNull(),
    provider: text('provider', { enum: agencyIds }).notNull(),
    items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    legalBasis: text('legal_basis'),
    result: text('result', { enum: exchangeResults }).notNull(),
    /** Stable error code when refused or failed (e.g. consentement_absent). */
    reason: text('reason'),
    /** The person the data is about (persona id), when known. */
    subject: text('subject'),
    caseId: text('case_id'),
    hash: text('hash').notNull(),
    previousHash: text('previous_hash').notNull(),
  },
  (t) => [
    uniqueIndex('journal_entries_chain').on(t.classSessionId, t.sequence),
    // A person's latest exchanges (Mes données), read down this index. By subject alone, the planner walked the séance's
    // whole journal backwards for a person with two entries among 117 000 others: 42 ms a view, 0.14 now (session 31).
    index('journal_entries_subject').on(t.subject, t.classSessionId, t.sequence),
    // A body's latest exchanges, as consumer and as provider (its agents' page), without walking the whole séance.
    index('journal_entries_consumer').on(t.classSessionId, t.consumer, t.sequence),
    index('journal_entries_provider').on(t.classSessionId, t.provider, t.sequence),
    // A case's exchanges (its pages, the agent's and the citizen's), without walking the séance's whole journal; only
    // the entries that name a case (a body's own calls through the API mostly do not).
    index('journal_entries_case').on(t.classSessionId, t.caseId, t.sequence).where(sql`${t.caseId} is not null`),
    // The live map's counts per pair of bodies and result, read from the index alone (twice a second per séance).
    index('journal_entries_counts').on(t.classSessionId, t.consumer, t.provider, t.result),
  ],
);

/**
 * The head of each séance's journal as a Merkle tree (RFC 9162; lib/platform/merkle.ts): its size, the roots of the
 * perfect subtrees that make it (so an append computes the new root without reading older entries) and the latest
 * checkpoint, signed. Updated in the transaction of each append. What protects the journal is the signed checkpoints
 * and receipts held outside the database, not this row: rewriting it changes no signature anyone already holds.
 */
export const journalHeads = sqliteTable('journal_heads', {
  classSessionId: text('class_session_id')
    .primaryKey()
    .references(() => classSessions.id, { onDelete: 'cascade' }),
  size: integer('size').notNull(),
  /** JSON array of hex hashes, largest subtree first. */
  frontier: text('frontier', { mode: 'json' }).$type<string[]>().notNull(),
  rootHash: text('root_hash').notNull(),
  /** The latest signed checkpoint (a C2SP signed note), as served. */
  checkpoint: text('checkpoint').notNull(),
});

/**
 * Where the pages' check of each séance's journal stands (lib/platform/journal.ts, `journalState`): the last complete
 * pass — the size it checked, its head hash, its tree frontier — so that a page view checks only the entries since and
 * the whole journal again once a minute. A shortcut for speed, not a proof: rewriting this row can delay noticing a
 * rewritten history by a minute at most (a pass dated in the future is not believed); the API's check and
 * `npm run journal:verifier` always go through it all.
 */
export const journalVerifications = sqliteTable('journal_verifications', {
  classSessionId: text('class_session_id')
    .primaryKey()
    .references(() => classSessions.id, { onDelete: 'cascade' }),
  size: integer('size').notNull(),
  headHash: text('head_hash').notNull(),
  /** JSON array of hex hashes, largest subtree first (as journal_heads). */
  frontier: text('frontier', { mode: 'json' }).$type<string[]>().notNull(),
  /** When that complete pass was made. */
  verifiedAt: integer('verified_at', { mode: 'timestamp_ms' }).notNull(),
  /** What that pass found when the journal no longer holds (the verdict every page shows until the next pass). */
  broken: text('broken', { mode: 'json' }).$type<BrokenChain>(),
  /** When a page began the next complete pass, after its answer (one pass at a time; a claim older than a minute is void). */
  passStartedAt: integer('pass_started_at', { mode: 'timestamp_ms' }),
});

/**
 * The live map's counts of a séance's exchanges (per consumer, provider and result) up to an entry, so that the
 * teacher's live view, read twice a second, counts only the entries since (lib/platform/journal-tally.ts). Counted
 * whole again once a minute: a shortcut for speed, like `journal_verifications`.
 */
export const journalTallies = sqliteTable('journal_tallies', {
  classSessionId: text('class_session_id')
    .primaryKey()
    .references(() => classSessions.id, { onDelete: 'cascade' }),
  /** The last entry counted (its sequence number). */
  upTo: integer('up_to').notNull(),
  counts: text('counts', { mode: 'json' }).$type<{ consumer: AgencyId; provider: AgencyId; result: ExchangeResult; n: number }[]>().notNull(),
  /** When the counts were last made from the whole journal. */
  countedAt: integer('counted_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * One bearer token per body per séance (docs/API.md, "Who calls"). Only its SHA-256 is stored;
 * the token itself is derived from a server secret and the generation, so it can be shown again
 * to the teacher and the body's agents. Revoking bumps the generation: the old token stops working.
 */
export const platformTokens = sqliteTable(
  'platform_tokens',
  {
    id: id(),
    classSessionId: classSessionRef(),
    agency: text('agency', { enum: agencyIds }).notNull(),
    generation: integer('generation').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [uniqueIndex('platform_tokens_hash').on(t.tokenHash), uniqueIndex('platform_tokens_generation').on(t.classSessionId, t.agency, t.generation)],
);

/**
 * A citizen's consent: specific (these items, from this provider, to this consumer, for this purpose),
 * informed (the text shown is kept), time-limited. Rows are never updated: a withdrawal is its own row.
 */
export const consents = sqliteTable(
  'consents',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    consumer: text('consumer', { enum: agencyIds }).notNull(),
    provider: text('provider', { enum: agencyIds }).notNull(),
    items: text('items', { mode: 'json' }).$type<string[]>().notNull(),
    purpose: text('purpose').notNull(),
    grantedAt: integer('granted_at', { mode: 'timestamp_ms' }).notNull(),
    expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
    /** The exact text the person agreed to, and its version: what makes the consent provable. */
    shownText: text('shown_text').notNull(),
    textVersion: text('text_version').notNull(),
  },
  (t) => [index('consents_person').on(t.personaId)],
);

export const consentWithdrawals = sqliteTable('consent_withdrawals', {
  consentId: text('consent_id')
    .primaryKey()
    .references(() => consents.id, { onDelete: 'cascade' }),
  classSessionId: classSessionRef(),
  withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }).notNull(),
});

/**
 * What the platform saw of one exchange, for the "mode expert" panel: the HTTP request (token masked)
 * and the response. Kept apart from the journal because it holds personal data the journal must not.
 */
export const exchangeTraces = sqliteTable('exchange_traces', {
  journalEntryId: text('journal_entry_id')
    .primaryKey()
    .references(() => journalEntries.id, { onDelete: 'cascade' }),
  classSessionId: classSessionRef(),
  request: text('request', { mode: 'json' }).$type<TraceRequest>().notNull(),
  response: text('response', { mode: 'json' }).$type<TraceResponse>().notNull(),
  durationMs: integer('duration_ms').notNull(),
});
/** A séance's journal found broken by a complete pass: the verdict lib/platform/journal.ts gives. */
export type BrokenChain = { valide: false; entrees: number; raison: string; premiere_entree_invalide?: { id: string; sequence: number; raison: string } };
export type TraceRequest = { methode: string; url: string; entetes: Record<string, string>; corps: unknown };
export type TraceResponse = { statut: number; corps: unknown };

export const faultKinds = ['panne', 'lenteur', 'erratique'] as const;
export type FaultKind = (typeof faultKinds)[number];

/** A fault the teacher injects into one body for a time: outage, added latency, or random failures. */
export const platformFaults = sqliteTable(
  'platform_faults',
  {
    id: id(),
    classSessionId: classSessionRef(),
    agency: text('agency', { enum: agencyIds }).notNull(),
    kind: text('kind', { enum: faultKinds }).notNull(),
    latencyMs: integer('latency_ms').notNull().default(0),
    /** For `erratique`: the share of calls that fail, between 0 and 1. */
    failureRate: real('failure_rate').notNull().default(0),
    startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('platform_faults_agency').on(t.classSessionId, t.agency)],
);
