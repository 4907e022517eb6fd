import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { procedureIds } from './cases';
import { classSessionRef } from './classroom';
import { createdAt, id } from './columns';
import { personaRef } from './world';

/** France Services aidants of a séance; they sign in through ProConnect (simulated), like agents. */
export const aidants = sqliteTable(
  'aidants',
  {
    id: id(),
    classSessionId: classSessionRef(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email').notNull(),
    structure: text('structure').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('aidants_session_email').on(t.classSessionId, t.email)],
);

/**
 * A mandate in the style of Aidants Connect: which procedures, until when; it takes effect once the person,
 * present, confirms it, and the person can revoke it at any time.
 */
export const mandates = sqliteTable(
  'mandates',
  {
    id: id(),
    classSessionId: classSessionRef(),
    aidantId: text('aidant_id')
      .notNull()
      .references(() => aidants.id, { onDelete: 'cascade' }),
    personaId: personaRef(),
    procedures: text('procedures', { mode: 'json' }).$type<(typeof procedureIds)[number][]>().notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
    confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }),
    revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
  },
  (t) => [index('mandates_person').on(t.personaId), index('mandates_aidant').on(t.aidantId)],
);
