import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { createdAt, id } from './columns';
import { teachers } from './identity';

// A séance: one class run, a sandbox copy of the world (docs/ARCHITECTURE.md, rule 2).
export const classSessions = sqliteTable('class_sessions', {
  id: id(),
  name: text('name').notNull(),
  joinCode: text('join_code').notNull().unique(),
  teacherId: text('teacher_id').references(() => teachers.id, { onDelete: 'set null' }),
  preset: text('preset', { enum: ['demenagement', 'stationnement', 'fracture_numerique', 'documents', 'prime_activite', 'amendes', 'identite', 'tout'] })
    .notNull()
    .default('tout'),
  /** How many students the teacher expects (the live view shows how many have joined). */
  expectedStudents: integer('expected_students').notNull().default(30),
  isDemo: integer('is_demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: createdAt(),
  expiresAt: integer('expires_at', { mode: 'timestamp_ms' }),
  /** Seconds before a body that no student plays instructs a case by its rules. */
  autoInstructionDelaySeconds: integer('auto_instruction_delay_seconds').notNull().default(10),
  /** Simulated waiting time at a counter, recorded with each request keyed in at the counter (for the debrief). */
  counterWaitMinutes: integer('counter_wait_minutes').notNull().default(20),
  /** The bodies students play in this séance: their cases wait for an agent. The others are automatic. */
  bodiesPlayed: text('bodies_played', { mode: 'json' }).$type<string[]>().notNull().default([]),
  /** Personas in a zone blanche get a slow, dropping connection (issue 8). Off in the demonstration séance. */
  simulateNetwork: integer('simulate_network', { mode: 'boolean' }).notNull().default(true),
  /** Minutes a case may wait on a body played by a student before the live view and the agent's page flag it. */
  patienceMinutes: integer('patience_minutes').notNull().default(5),
  /** The séance's clock: how many minutes a month of real time lasts (the law's deadlines, lib/procedures/engine/time-scale.ts). */
  minutesPerMonth: integer('minutes_per_month').notNull().default(5),
});

/** Every row of the simulated world belongs to one séance: deleting the séance deletes the row. */
export const classSessionRef = () =>
  text('class_session_id')
    .notNull()
    .references(() => classSessions.id, { onDelete: 'cascade' });
