import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { createdAt, postalAddress } from '../columns';
import { personaRecordColumns } from '../world';

/** SIV (système d'immatriculation des véhicules): one row per registration certificate. */
export const sivVehicles = sqliteTable(
  'siv_vehicles',
  {
    ...personaRecordColumns(),
    registration: text('registration').notNull(),
    holderKind: text('holder_kind', { enum: ['personne', 'societe'] }).notNull(),
    holderName: text('holder_name').notNull(),
    make: text('make').notNull(),
    model: text('model').notNull(),
    firstRegisteredOn: text('first_registered_on').notNull(),
    /** The address printed on the certificate: it may be out of date. */
    ...postalAddress(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('siv_vehicles_registration').on(t.classSessionId, t.registration)],
);
