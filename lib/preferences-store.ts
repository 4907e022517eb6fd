import 'server-only';
import { cookies } from 'next/headers';
import { cache } from 'react';
import { database } from '../db/engine';
import { getViewer, type Viewer } from './auth/guards';
import { env } from './env';
import { decodePreferences, defaultsFor, encodePreferences, storePreferences, storedPreferences, type Preferences } from './preferences';

const cookieName = 'eguichet_preferences';

const subjectOf = (v: Viewer | null): { subject: string; classSessionId: string | null } | null => {
  if (!v) return null;
  if (v.role === 'citoyen') return { subject: v.persona.id, classSessionId: v.persona.classSessionId };
  if (v.role === 'agent') return { subject: v.agent.id, classSessionId: v.agent.classSessionId };
  if (v.role === 'aidant') return { subject: v.aidant.id, classSessionId: v.aidant.classSessionId };
  return { subject: v.teacher.id, classSessionId: null };
};

/** The user's saved preferences, else the device's, else the persona's defaults (read once per render: the layout and the page). */
export const currentPreferences = cache(async (viewer: Viewer | null): Promise<Preferences> => {
  const who = subjectOf(viewer);
  const saved = who ? await storedPreferences(database(), who.subject) : null;
  if (saved) return saved;
  const raw = (await cookies()).get(cookieName)?.value;
  if (raw) return decodePreferences(raw);
  return defaultsFor(viewer?.role === 'citoyen' ? viewer.persona.digitalProfile : null);
});

/** Saved on the device (cookie, a year) and, when signed in, for the user (any device they sign in on). */
export async function savePreferences(viewer: Viewer | null, p: Preferences): Promise<void> {
  (await cookies()).set(cookieName, encodePreferences(p), { httpOnly: true, sameSite: 'lax', secure: env().baseUrl.startsWith('https:'), path: '/', maxAge: 365 * 86_400 });
  const who = subjectOf(viewer);
  if (who) await storePreferences(database(), who.subject, who.classSessionId, p);
}

/** The signed-in person's (or the device's) preferences, for pages that adapt to them. */
export async function viewerPreferences(): Promise<Preferences> {
  return currentPreferences(await getViewer());
}
