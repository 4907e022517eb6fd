import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef } from '../classroom';
import { createdAt, id } from '../columns';
import { personas } from '../world';

/**
 * État civil: birth acts, kept by the register of the birth commune,
 * or by the central service for births abroad (`scec`).
 */
export const birthRecords = sqliteTable(
  'etat_civil_birth_records',
  {
    id: id(),
    classSessionId: classSessionRef(),
    /** The persona the act is about, when the person is a persona (a child or a parent may not be). */
    personaId: text('persona_id').references(() => personas.id, { onDelete: 'cascade' }),
    registry: text('registry').notNull(),
    actNumber: integer('act_number').notNull(),
    year: integer('year').notNull(),
    familyName: text('family_name').notNull(),
    givenNames: text('given_names').notNull(),
    sex: text('sex', { enum: ['F', 'M'] }).notNull(),
    birthDate: text('birth_date').notNull(),
    birthTime: text('birth_time').notNull(),
    birthPlace: text('birth_place').notNull(),
    fatherName: text('father_name'),
    motherName: text('mother_name'),
    /** JSON array of marginal mentions (marriage, divorce…). */
    marginalNotes: text('marginal_notes', { mode: 'json' }).$type<string[]>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('birth_records_act').on(t.classSessionId, t.registry, t.year, t.actNumber)],
);
