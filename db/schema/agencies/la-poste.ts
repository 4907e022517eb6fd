import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** La Poste: the delivery address it knows, and whether mail forwarding (a paid service) is on. */
export const laPosteCustomers = sqliteTable(
  'la_poste_customers',
  {
    ...personaRecordColumns(),
    customerNumber: text('customer_number').notNull(),
    ...postalAddress(),
    hasMailForwarding: integer('has_mail_forwarding', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('la_poste_customers_person').on(t.classSessionId, t.personaId)],
);
