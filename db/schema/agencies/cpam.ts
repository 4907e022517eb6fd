import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from '../classroom';
import { createdAt, id, postalAddress } from '../columns';
import { personaRef } from '../world';

/** CPAM (Assurance maladie): each insured person's file. */
export const cpamInsured = sqliteTable(
  'cpam_insured',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    /** Fictitious number in the shape of a NIR; department 00 marks it as simulated. */
    socialSecurityNumber: text('social_security_number').notNull(),
    ...postalAddress(),
    doctorName: text('doctor_name'),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('cpam_insured_person').on(t.classSessionId, t.personaId)],
);
