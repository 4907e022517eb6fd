import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from '../classroom';
import { createdAt, id, postalAddress } from '../columns';
import { personaRef } from '../world';

/** La Poste: the delivery address it knows, and whether mail forwarding (a paid service) is on. */
export const laPosteCustomers = sqliteTable(
  'la_poste_customers',
  {
    id: id(),
    classSessionId: classSessionRef(),
    personaId: personaRef(),
    customerNumber: text('customer_number').notNull(),
    ...postalAddress(),
    hasMailForwarding: integer('has_mail_forwarding', { mode: 'boolean' }).notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('la_poste_customers_person').on(t.classSessionId, t.personaId)],
);
