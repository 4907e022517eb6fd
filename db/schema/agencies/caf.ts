import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from '../classroom';
import { createdAt, id, postalAddress } from '../columns';
import { personaRef } from '../world';

/** CAF (caisse d'allocations familiales): each allocataire's file. */
export const cafBeneficiaries = sqliteTable(
  'caf_beneficiaries',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    beneficiaryNumber: text('beneficiary_number').notNull(),
    ...postalAddress(),
    familySituation: text('family_situation').notNull(),
    /** JSON array of benefit names, e.g. ["Aide personnalisée au logement"]. */
    benefits: text('benefits', { mode: 'json' }).$type<string[]>().notNull(),
    monthlyAmount: integer('monthly_amount').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('caf_beneficiaries_person').on(t.classSessionId, t.personaId)],
);
