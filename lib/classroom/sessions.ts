import crypto from 'node:crypto';
import { and, asc, desc, eq, lt, lte, sql } from 'drizzle-orm';
import { type AsyncExecutor, type Engine } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { PlatformError } from '../platform/errors';
import { agencies, agents, classSessions, flashMessages, teachers } from '../../db/tables';
import { insertWorldInto } from '../../db/seed';
import { ensurePlatformTokens } from '../platform/tokens';
import { issueNotices } from '../procedures/fines/notices';
import { newJoinCode } from './join-code';
import { purgeOldActionKeys } from '../action-keys';

export type ClassSession = typeof classSessions.$inferSelect;

/** The demonstration séance created on first start (the whole seeded world). */
export async function demoSession(db: AsyncExecutor): Promise<ClassSession | null> {
  return await db.select().from(classSessions).where(eq(classSessions.isDemo, true)).get() ?? null;
}

/** A séance's agent accounts with their body's short name, by body then family name. */
export function agentsOfSession(db: AsyncExecutor, classSessionId: string) {
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
  documents: 'Documents administratifs : loi de 1978 et CADA',
  prime_activite: 'Prime d’activité : « Dites-le-nous une fois »',
  amendes: 'Amendes : payer, désigner le conducteur, contester',
  identite: 'Passeport et carte d’identité : en ligne, puis au guichet',
} as const;
export type Preset = keyof typeof presets;

/**
 * A preset's own settings, where the default would not serve it: fines run on periods of 15 and 45 days, so a month
 * lasts half an hour (the reduced amount then lasts a quarter of an hour online, long enough to pay it in class).
 */
const presetSettings: Partial<Record<Preset, Partial<Pick<ClassSession, 'minutesPerMonth'>>>> = {
  amendes: { minutesPerMonth: 30 },
  // A month in ten minutes: the nearest counter's twelve days last four, a fortnight's production five.
  identite: { minutesPerMonth: 10 },
};

/** How long a séance's data is kept before it is deleted automatically (the teacher sees the date). */
export const retentionDays = 30;

async function uniqueJoinCode(db: AsyncExecutor): Promise<string> {
  for (;;) {
    const code = newJoinCode();
    if (!(await db.select({ id: classSessions.id }).from(classSessions).where(eq(classSessions.joinCode, code)).get())) return code;
  }
}

/** A new séance: its own copy of the seeded world, a join code, the bodies' tokens, a deletion date. */
export async function createSession(engine: Engine, teacherId: string, input: { name: string; preset: Preset; expectedStudents?: number }, now = new Date()): Promise<ClassSession> {
  const session = await engine.transaction(async (tx) => {
    const [row] = await tx
      .insert(classSessions)
      .values({ id: crypto.randomUUID(), name: input.name, joinCode: await uniqueJoinCode(tx), teacherId, preset: input.preset, expectedStudents: input.expectedStudents ?? 30, ...presetSettings[input.preset], createdAt: now, expiresAt: new Date(now.getTime() + retentionDays * 86_400_000) })
      .returning();
    await insertWorldInto(tx, row!.id);
    return row!;
  });
  await ensurePlatformTokens(engine, session.id);
  // The fines' séance starts with the radars' notices sent: the ANTAI has asked the SIV who holds each vehicle.
  if (input.preset === 'amendes') await issueNotices(engine.db, session.id);
  return session;
}

/** Back to the seed: every row of the séance goes (cases, journal, consents, documents…), the world is copied again. */
export async function resetSession(engine: Engine, classSessionId: string): Promise<ClassSession> {
  const session = await engine.transaction(async (tx) => {
    const row = await tx.select().from(classSessions).where(eq(classSessions.id, classSessionId)).get();
    if (!row) throw new Error('unknown séance');
    await tx.delete(classSessions).where(eq(classSessions.id, classSessionId)); // cascades to every row of the séance
    await tx.insert(classSessions).values(row);
    await insertWorldInto(tx, classSessionId);
    return row;
  });
  await ensurePlatformTokens(engine, session.id);
  return session;
}

/** Deletes the séance and, by cascade, every row that belongs to it (RGPD: nothing is kept). */
export async function deleteSession(engine: Engine, classSessionId: string): Promise<void> {
  await engine.db.delete(classSessions).where(eq(classSessions.id, classSessionId));
}

/** Deletes the séances past their retention date; returns how many went. */
export async function purgeExpiredSessions(engine: Engine, now = new Date()): Promise<number> {
  // Action keys without a séance (the teacher's) go by age; the others go with their séance.
  await purgeOldActionKeys(engine.db, now);
  // Messages nobody came to read (lib/flash.ts: the browser closed, a replaced double-click) go after ten minutes.
  await engine.db.delete(flashMessages).where(lt(flashMessages.createdAt, new Date(now.getTime() - 10 * 60_000)));
  return (await engine.db.delete(classSessions).where(and(eq(classSessions.isDemo, false), lte(classSessions.expiresAt, now))).returning({ id: classSessions.id })).length;
}

// Every page and stream of the teacher's asks it: built once (db/prepared.ts).
const teachersSession = prepared((db) =>
  db.select().from(classSessions).where(and(eq(classSessions.id, sql.placeholder('id')), eq(classSessions.teacherId, sql.placeholder('teacher')))),
);

/** The séance, if it is this teacher's (the one ownership check of pages, actions and route handlers). */
export async function ownedSession(db: AsyncExecutor, teacherId: string, classSessionId: string): Promise<ClassSession | null> {
  return (await teachersSession(db).get({ id: classSessionId, teacher: teacherId })) ?? null;
}

// The teacher's account and, if it is theirs, the séance: one statement where a stream's opening made two (the account,
// then the séance), each a system call and a round trip on PostgreSQL (docs/performance-history.md, "Session 40").
const accountAndOwnedSession = prepared((db) =>
  db
    .select({ teacher: teachers.id, session: classSessions })
    .from(teachers)
    .leftJoin(classSessions, and(eq(classSessions.id, sql.placeholder('id')), eq(classSessions.teacherId, teachers.id)))
    .where(eq(teachers.id, sql.placeholder('teacher'))),
);

/**
 * The séance for a session cookie that must be its teacher's, read in one statement: 401 when the cookie names no
 * teacher (or one whose account is gone), 404 when the séance is not theirs. The teacher's streams and route handlers.
 */
export async function teachersSessionOf(db: AsyncExecutor, session: { role: string; subject: string } | null, classSessionId: string): Promise<ClassSession> {
  if (session?.role !== 'enseignant') throw new PlatformError('non_authentifie');
  const found = await accountAndOwnedSession(db).get({ id: classSessionId, teacher: session.subject });
  if (!found) throw new PlatformError('non_authentifie');
  if (!found.session) throw new PlatformError('seance_inconnue');
  return found.session;
}


export async function sessionsOfTeacher(db: AsyncExecutor, teacherId: string): Promise<ClassSession[]> {
  return db.select().from(classSessions).where(eq(classSessions.teacherId, teacherId)).orderBy(desc(classSessions.createdAt)).all();
}
