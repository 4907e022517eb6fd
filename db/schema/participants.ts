import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { classSessionRef, classSessions } from './classroom';
import { createdAt, id } from './columns';

export const participantRoles = ['citoyen', 'agent', 'aidant', 'observateur'] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/**
 * A student in a séance, known only by a pseudonym (no e-mail, no real name: many are minors).
 * The role is played through an account of the séance's world: a persona, an agent or an aidant.
 */
export const participants = sqliteTable(
  'participants',
  {
    id: id(),
    classSessionId: classSessionRef(),
    pseudonym: text('pseudonym').notNull(),
    /** The pseudonym folded (case, accents, spaces) so that "Lou" and "lou " are the same person. */
    pseudonymKey: text('pseudonym_key').notNull(),
    role: text('role', { enum: participantRoles }).notNull(),
    /** The persona, agent or aidant account played; null for an observer. */
    subjectId: text('subject_id'),
    /** SHA-256 of the device cookie that gives the role back on the same device. */
    deviceHash: text('device_hash').notNull(),
    joinedAt: createdAt(),
    lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' }).notNull(),
  },
  (t) => [
    uniqueIndex('participants_session_pseudonym').on(t.classSessionId, t.pseudonymKey),
    uniqueIndex('participants_device').on(t.classSessionId, t.deviceHash),
    // Every page a student opens looks up the device's latest participation (across séances): without it, a scan of
    // every participant the database has ever had.
    index('participants_device_seen').on(t.deviceHash, t.lastSeenAt),
    index('participants_subject').on(t.subjectId),
  ],
);

export const classroomMessageKinds = ['message', 'evenement', 'indice'] as const;

/** What the teacher sends: a message, an event card or a revealed hint, to one student or to all. */
export const classroomMessages = sqliteTable(
  'classroom_messages',
  {
    id: id(),
    classSessionId: classSessionRef(),
    /** null: to the whole class. */
    participantId: text('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: classroomMessageKinds }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('classroom_messages_session').on(t.classSessionId, t.createdAt)],
);

/** Fixed-window counters for rate limits (join codes, sign-in), kept in the database like every other state. */
export const rateLimits = sqliteTable('rate_limits', {
  /** e.g. `rejoindre:<sha-256 of the address>` */
  key: text('key').primaryKey(),
  windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
  hits: integer('hits').notNull(),
});

/** Display preferences remembered per user (the device keeps its own copy in a cookie). */
export const userPreferences = sqliteTable('user_preferences', {
  /** The persona, agent, aidant or teacher id. */
  subject: text('subject').primaryKey(),
  /** The séance of the persona, agent or aidant (null for a teacher): deleting the séance deletes this row. */
  classSessionId: text('class_session_id').references(() => classSessions.id, { onDelete: 'cascade' }),
  values: text('values', { mode: 'json' }).$type<Record<string, string | boolean>>().notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
