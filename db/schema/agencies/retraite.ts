import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** Caisse de retraite: pensions being paid. */
export const retraitePensioners = sqliteTable(
  'retraite_pensioners',
  {
    ...personaRecordColumns(),
    pensionNumber: text('pension_number').notNull(),
    pensionKind: text('pension_kind', { enum: ['droit_propre', 'reversion'] }).notNull(),
    monthlyAmount: integer('monthly_amount').notNull(),
    startedOn: text('started_on').notNull(),
    ...postalAddress(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('retraite_pensioners_person').on(t.classSessionId, t.personaId)],
);
