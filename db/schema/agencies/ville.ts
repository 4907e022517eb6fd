import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt } from '../columns';
import { personaRecordColumns } from '../world';

/** The city (Villeneuve-sur-Brenne): resident parking cards it has issued. */
export const villeParkingCards = sqliteTable(
  'ville_parking_cards',
  {
    ...personaRecordColumns(),
    cardNumber: text('card_number').notNull(),
    registration: text('registration').notNull(),
    zone: text('zone').notNull(),
    validFrom: text('valid_from').notNull(),
    validUntil: text('valid_until').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('ville_parking_cards_number').on(t.classSessionId, t.cardNumber)],
);
