import crypto from 'node:crypto';
import { and, asc, desc, eq, lt, lte } from 'drizzle-orm';
import { writeTransaction, type Db, type Executor } from '../../db/client';
import { agencies, agents, classSessions, flashMessages } from '../../db/schema';
import { insertWorldInto } from '../../db/seed';
import { ensurePlatformTokens } from '../platform/tokens';
import { newJoinCode } from './join-code';
import { purgeOldActionKeys } from '../action-keys';

export type ClassSession = typeof classSessions.$inferSelect;

/** The demonstration séance created on first start (the whole seeded world). */
export function demoSession(db: Executor): ClassSession | null {
  return db.select().from(classSessions).where(eq(classSessions.isDemo, true)).get() ?? null;
}

/** A séance's agent accounts with their body's short name, by body then family name. */
export function agentsOfSession(db: Executor, classSessionId: string) {
  return db
    .select({ agent: agents, agencyName: agencies.shortName })
    .from(agents)
    .innerJoin(agencies, eq(agencies.id, agents.agencyId))
    .where(eq(agents.classSessionId, classSessionId))
    .orderBy(asc(agencies.shortName), asc(agents.familyName))
    .all();
}

export const presets = {
  tout: 'Tout : toutes les démarches',
  demenagement: 'Déménagement : changement d’adresse',
  stationnement: 'Stationnement : carte de stationnement',
  fracture_numerique: 'Fracture numérique : aidants, guichet et papier',
} as const;
export type Preset = keyof typeof presets;

/** How long a séance's data is kept before it is deleted automatically (the teacher sees the date). */
export const retentionDays = 30;

function uniqueJoinCode(db: Executor): string {
  for (;;) {
    const code = newJoinCode();
    if (!db.select({ id: classSessions.id }).from(classSessions).where(eq(classSessions.joinCode, code)).get()) return code;
  }
}

/** A new séance: its own copy of the seeded world, a join code, the bodies' tokens, a deletion date. */
export function createSession(db: Db, teacherId: string, input: { name: string; preset: Preset; expectedStudents?: number }, now = new Date()): ClassSession {
  const session = writeTransaction(db, (tx) => {
    const row = tx
      .insert(classSessions)
      .values({ id: crypto.randomUUID(), name: input.name, joinCode: uniqueJoinCode(tx), teacherId, preset: input.preset, expectedStudents: input.expectedStudents ?? 30, createdAt: now, expiresAt: new Date(now.getTime() + retentionDays * 86_400_000) })
      .returning()
      .get();
    insertWorldInto(tx, row.id);
    return row;
  });
  ensurePlatformTokens(db, session.id);
  return session;
}

/** Back to the seed: every row of the séance goes (cases, journal, consents, documents…), the world is copied again. */
export function resetSession(db: Db, classSessionId: string): ClassSession {
  const session = writeTransaction(db, (tx) => {
    const row = tx.select().from(classSessions).where(eq(classSessions.id, classSessionId)).get();
    if (!row) throw new Error('unknown séance');
    tx.delete(classSessions).where(eq(classSessions.id, classSessionId)).run(); // cascades to every row of the séance
    tx.insert(classSessions).values(row).run();
    insertWorldInto(tx, classSessionId);
    return row;
  });
  ensurePlatformTokens(db, session.id);
  return session;
}

/** Deletes the séance and, by cascade, every row that belongs to it (RGPD: nothing is kept). */
export function deleteSession(db: Db, classSessionId: string): void {
  db.delete(classSessions).where(eq(classSessions.id, classSessionId)).run();
}

/** Deletes the séances past their retention date; returns how many went. */
export function purgeExpiredSessions(db: Db, now = new Date()): number {
  // Action keys without a séance (the teacher's) go by age; the others go with their séance.
  purgeOldActionKeys(db, now);
  // Messages nobody came to read (lib/flash.ts: the browser closed, a replaced double-click) go after ten minutes.
  db.delete(flashMessages).where(lt(flashMessages.createdAt, new Date(now.getTime() - 10 * 60_000))).run();
  return db.delete(classSessions).where(and(eq(classSessions.isDemo, false), lte(classSessions.expiresAt, now))).run().changes;
}

/** The séance, if it is this teacher's (the one ownership check of pages, actions and route handlers). */
export function ownedSession(db: Executor, teacherId: string, classSessionId: string): ClassSession | null {
  return db.select().from(classSessions).where(and(eq(classSessions.id, classSessionId), eq(classSessions.teacherId, teacherId))).get() ?? null;
}

export function sessionsOfTeacher(db: Executor, teacherId: string): ClassSession[] {
  return db.select().from(classSessions).where(eq(classSessions.teacherId, teacherId)).orderBy(desc(classSessions.createdAt)).all();
}
