import { sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from './classroom';
import { createdAt, id, postalAddress } from './columns';

export const digitalProfiles = [
  'autonome',
  'peu_a_l_aise',
  'jamais_internet',
  'zone_blanche',
  'lecture_difficile',
  'deficience_visuelle',
] as const;
export type DigitalProfile = (typeof digitalProfiles)[number];

/**
 * A fictitious citizen of the seeded world, with their scenario card.
 * The address here is where the person really lives; each body keeps its own copy.
 */
export const personas = sqliteTable(
  'personas',
  {
    id: id(),
    classSessionId: classSessionRef(),
    key: text('key').notNull(),
    givenNames: text('given_names').notNull(),
    familyName: text('family_name').notNull(),
    preferredName: text('preferred_name'),
    gender: text('gender', { enum: ['female', 'male'] }).notNull(),
    birthdate: text('birthdate').notNull(),
    birthplaceCode: text('birthplace_code'),
    birthplaceName: text('birthplace_name').notNull(),
    birthcountryCode: text('birthcountry_code').notNull(),
    birthcountryName: text('birthcountry_name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull(),
    ...postalAddress(),
    occupation: text('occupation').notNull(),
    digitalProfile: text('digital_profile', { enum: digitalProfiles }).notNull(),
    scenarioTitle: text('scenario_title').notNull(),
    situation: text('situation').notNull(),
    goal: text('goal').notNull(),
    constraints: text('constraints').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('personas_session_key').on(t.classSessionId, t.key)],
);

/** The person a body's record is about (stands for the identité pivot of the real systems). */
export const personaRef = () =>
  text('persona_id')
    .notNull()
    .references(() => personas.id, { onDelete: 'cascade' });

/** The columns that open every body's record about a person, in every séance. */
export const personaRecordColumns = () => ({
  id: id(),
  classSessionId: classSessionRef(),
  personaId: personaRef(),
});
