import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** CAF (caisse d'allocations familiales): each allocataire's file. */
export const cafBeneficiaries = sqliteTable(
  'caf_beneficiaries',
  {
    ...personaRecordColumns(),
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
