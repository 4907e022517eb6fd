import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Reference data shared by every séance (it does not change during a class):
// the simulated bodies, the fictitious communes and their streets (the address base).

export const agencyIds = [
  'dgfip',
  'siv',
  'caf',
  'cpam',
  'france-travail',
  'retraite',
  'la-poste',
  'etat-civil',
  'ville',
  'cada',
  'antai',
] as const;
export type AgencyId = (typeof agencyIds)[number];

export const agencies = sqliteTable('agencies', {
  id: text('id', { enum: agencyIds }).primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  mission: text('mission').notNull(),
});

export const communes = sqliteTable('communes', {
  /** Fictitious code in the style of the INSEE code (department 00 does not exist). */
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  postalCode: text('postal_code').notNull(),
});

export const streets = sqliteTable('streets', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  communeCode: text('commune_code')
    .notNull()
    .references(() => communes.code),
  name: text('name').notNull(),
  firstNumber: integer('first_number').notNull(),
  lastNumber: integer('last_number').notNull(),
  /** Resident parking zone of the city, when the street is in one. */
  parkingZone: text('parking_zone'),
});
