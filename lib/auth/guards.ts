import 'server-only';
import { forbidden, unauthorized } from 'next/navigation';
import { cookies } from 'next/headers';
import { connection } from 'next/server';
import { cache } from 'react';
import { database } from '../../db/engine';
import { type AgencyId } from '../../db/schema';
import { sessionCookieValue, sessionOfCookie } from './session-cookie';
import { viewerOfSession, type Agent, type Aidant, type Persona, type TeacherAccount, type Viewer } from './viewer';
import type { SessionUser } from './session-user';

// The one guard module: every page, server action and route handler asks here who is calling.

export type { Agent, Aidant, Persona, TeacherAccount, Viewer } from './viewer';
export { viewerOfSession } from './viewer';

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
