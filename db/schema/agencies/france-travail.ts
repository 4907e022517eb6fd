import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** France Travail (formerly Pôle emploi, and ANPE before it): registered job seekers. */
export const franceTravailJobseekers = sqliteTable(
  'france_travail_jobseekers',
  {
    ...personaRecordColumns(),
    jobseekerId: text('jobseeker_id').notNull(),
    registeredOn: text('registered_on').notNull(),
    category: text('category').notNull(),
    ...postalAddress(),
    adviserName: text('adviser_name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('france_travail_jobseekers_person').on(t.classSessionId, t.personaId)],
);
