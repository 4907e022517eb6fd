import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { classSessions } from './classroom';

/**
 * One row per submitted form (issue 16): the key is rendered into the form, so a double-click, a second tab on the
 * same page, back-then-resubmit or a retry after a cut network all carry it, and get the first request's answer.
 */
export const actionKeys = sqliteTable(
  'action_keys',
  {
    key: text('key').primaryKey(),
    /** Who submitted it (persona, agent, aidant, teacher or device): a key never replays someone else's answer. */
    actor: text('actor').notNull(),
    action: text('action').notNull(),
    /** Null for the teacher's actions outside a séance (purged by age instead). */
    classSessionId: text('class_session_id').references(() => classSessions.id, { onDelete: 'cascade' }),
    /** JSON of the answer once the action is done; null while the first request is still running. */
    result: text('result'),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [index('action_keys_created').on(t.createdAt)],
);
