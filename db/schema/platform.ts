import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from './classroom';
import { id } from './columns';
import { agencyIds } from './reference';

// The État plateforme's journal: one row per exchange attempt, granted or refused, hash-chained per séance.
// Rows are never updated (a trigger forbids it); they go only when their séance is deleted.

export const exchangeResults = ['accorde', 'refuse', 'echec'] as const;
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
  (t) => [uniqueIndex('journal_entries_chain').on(t.classSessionId, t.sequence), index('journal_entries_subject').on(t.subject)],
);
