import { integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** DGFiP (impôts): the tax file of each person it knows. */
export const dgfipTaxpayers = sqliteTable(
  'dgfip_taxpayers',
  {
    ...personaRecordColumns(),
    taxNumber: text('tax_number').notNull(),
    ...postalAddress(),
    residenceType: text('residence_type', { enum: ['principale', 'secondaire'] }).notNull(),
    householdParts: real('household_parts').notNull(),
    referenceIncome: integer('reference_income').notNull(),
    lastReturnYear: integer('last_return_year').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('dgfip_taxpayers_person').on(t.classSessionId, t.personaId)],
);
