import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from './classroom';
import { createdAt, id } from './columns';
import { agencies, agencyIds } from './reference';

/** Agents of a body in a séance; they sign in through the simulated ProConnect. */
export const agents = sqliteTable(
  'agents',
  {
    id: id(),
    classSessionId: classSessionRef(),
    agencyId: text('agency_id', { enum: agencyIds })
      .notNull()
      .references(() => agencies.id),
    /** For état civil: the register the agent keeps (a commune code, or `scec` for births abroad). */
    unit: text('unit'),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    email: text('email').notNull(),
    jobTitle: text('job_title').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('agents_session_email').on(t.classSessionId, t.email)],
);
