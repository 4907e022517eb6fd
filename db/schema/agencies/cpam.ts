import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** CPAM (Assurance maladie): each insured person's file. */
export const cpamInsured = sqliteTable(
  'cpam_insured',
  {
    ...personaRecordColumns(),
    /** Fictitious number in the shape of a NIR; department 00 marks it as simulated. */
    socialSecurityNumber: text('social_security_number').notNull(),
    ...postalAddress(),
    doctorName: text('doctor_name'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cpam_insured_person').on(t.classSessionId, t.personaId)],
);
