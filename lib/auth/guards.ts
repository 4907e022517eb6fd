import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { forbidden, unauthorized } from 'next/navigation';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { database } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type AsyncExecutor } from '../../db/engine';
import { type AgencyId } from '../../db/schema';
import { agents, aidants, personas, teachers } from '../../db/tables';
import { sessionCookieValue, sessionOfCookie } from './session-cookie';
import type { SessionUser } from './session-user';

// The one guard module: every page, server action and route handler asks here who is calling.

export type Persona = typeof personas.$inferSelect;
export type Agent = typeof agents.$inferSelect;
export type Aidant = typeof aidants.$inferSelect;
export type TeacherAccount = Omit<typeof teachers.$inferSelect, 'passwordHash'>;

export type Viewer =
  | { role: 'citoyen'; persona: Persona }
  | { role: 'agent'; agent: Agent }
  | { role: 'aidant'; aidant: Aidant }
  | { role: 'enseignant'; teacher: TeacherAccount };

// Read on every signed-in page: built once (db/prepared.ts).
const personaById = prepared((db) => db.select().from(personas).where(eq(personas.id, sql.placeholder('id'))));
const agentById = prepared((db) => db.select().from(agents).where(eq(agents.id, sql.placeholder('id'))));
const aidantById = prepared((db) => db.select().from(aidants).where(eq(aidants.id, sql.placeholder('id'))));
const teacherById = prepared((db) =>
  db.select({ id: teachers.id, email: teachers.email, displayName: teachers.displayName, createdAt: teachers.createdAt }).from(teachers).where(eq(teachers.id, sql.placeholder('id'))),
);

/** The account a session names, read fresh from the database (a deleted persona or agent is signed out). */
export async function viewerOfSession(db: AsyncExecutor, session: Pick<SessionUser, 'role' | 'subject'> | null): Promise<Viewer | null> {
  const subject = session?.subject;
  if (!session || !subject) return null;
  switch (session.role) {
    case 'citoyen': {
      const persona = await personaById(db).get({ id: subject });
      return persona ? { role: 'citoyen', persona } : null;
    }
    case 'agent': {
      const agent = await agentById(db).get({ id: subject });
      return agent ? { role: 'agent', agent } : null;
    }
    case 'aidant': {
      const aidant = await aidantById(db).get({ id: subject });
      return aidant ? { role: 'aidant', aidant } : null;
    }
    case 'enseignant': {
      const teacher = await teacherById(db).get({ id: subject });
      return teacher ? { role: 'enseignant', teacher } : null;
    }
    default:
      return null;
  }
}

/**
 * The signed-in person of this request (next-auth's session cookie, lib/auth/session-cookie.ts). Memoised for one
 * server render (React `cache`): the layout and the page ask once between them.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  await connection(); // per request, never at build time
  return viewerOfSession(database(), await requestSession());
});

/** The role and subject of this request's session cookie, or null. */
export async function requestSession(): Promise<Pick<SessionUser, 'role' | 'subject'> | null> {
  const jar = await cookies();
  return sessionOfCookie(sessionCookieValue(jar.getAll().map((c) => [c.name, c.value])));
}

async function requireRole<R extends Viewer['role']>(role: R): Promise<Extract<Viewer, { role: R }>> {
  const viewer = await getViewer();
  if (!viewer) unauthorized();
  if (viewer.role !== role) forbidden();
  return viewer as Extract<Viewer, { role: R }>;
}

export async function requireCitizen(): Promise<Persona> {
  return (await requireRole('citoyen')).persona;
}

export async function requireAgent(agency?: AgencyId): Promise<Agent> {
  const { agent } = await requireRole('agent');
  if (agency && agent.agencyId !== agency) forbidden();
  return agent;
}

export async function requireAidant(): Promise<Aidant> {
  return (await requireRole('aidant')).aidant;
}

export async function requireTeacher(): Promise<TeacherAccount> {
  return (await requireRole('enseignant')).teacher;
}
