import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getEngine } from '../db/engine';
import { personas, teachers } from '../db/tables';
import { countReads, freshDb } from '../test/db';
import type { SessionUser } from './auth/session-user';
import { createSession } from './classroom/sessions';
import { liveStreamAt, type StreamCaller } from './live-streams';
import { deviceHash, joinSession, newDeviceSecret } from './classroom/participants';
import { sendClassroomMessage } from './classroom/messages';
import { createCase } from './procedures/engine/cases';
import { seanceEventText, updatesEventText } from './live-version';

type Session = Pick<SessionUser, 'role' | 'subject'>;
const caller = (session: Session | null, deviceHash: string | null = null): StreamCaller => ({ session: async () => session, deviceHash: async () => deviceHash });

/** The first event of a stream, then the stream closed (as a browser leaving the page). */
async function firstEvent(response: Response, left: AbortController): Promise<string> {
  const reader = response.body!.getReader();
  let text = '';
  while (!/\n\n(event|data)[^]*\n\n/.test(text)) text += new TextDecoder().decode((await reader.read()).value);
  left.abort();
  await reader.cancel();
  return text;
}

describe('the live streams, served through Next or beside it', () => {
  it('are found by their address only (GET), whatever the séance id looks like', () => {
    for (const path of ['/api/notifications/flux', '/api/mises-a-jour/flux', '/api/seance/flux', '/api/enseignant/seances/abc/flux', '/api/enseignant/seances/%zz/flux']) expect(liveStreamAt(path), path).not.toBeNull();
    for (const path of ['/api/notifications', '/api/enseignant/seances/abc/flux/x', '/api/enseignant/seances//flux', '/citoyen', '/api/plateforme/v1/echanges']) expect(liveStreamAt(path), path).toBeNull();
  });

  it('refuse whoever may not watch, in the API’s JSON, and stream to whoever may', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Flux', preset: 'tout' });
    const teacherViewer: Session = { role: 'enseignant', subject: teacher.id };
    const persona = (await db.select().from(personas).where(eq(personas.classSessionId, session.id)).get())!;
    const citizen: Session = { role: 'citoyen', subject: persona.id };
    const request = (left = new AbortController()) => new Request('http://localhost/', { signal: left.signal });
    const teacherFlux = liveStreamAt(`/api/enseignant/seances/${session.id}/flux`)!;
    const otherTeacher = (await db.insert(teachers).values({ id: crypto.randomUUID(), email: 'autre@e-guichet.test', displayName: 'Autre enseignant', passwordHash: 'x' }).returning().get()).id;

    const refusals: [Response, number, string][] = [
      [await liveStreamAt('/api/notifications/flux')!(request(), caller(null)), 401, 'non_authentifie'],
      [await liveStreamAt('/api/mises-a-jour/flux')!(request(), caller(teacherViewer)), 401, 'non_authentifie'],
      [await liveStreamAt('/api/seance/flux')!(request(), caller(citizen, 'pas-un-appareil-de-la-seance')), 401, 'non_participant'],
      [await teacherFlux(request(), caller(citizen)), 401, 'non_authentifie'],
      [await liveStreamAt('/api/enseignant/seances/%zz/flux')!(request(), caller(teacherViewer)), 404, 'seance_inconnue'],
      // Another teacher's séance is unknown to this one; a cookie whose account is gone, or that names nobody, is signed out.
      [await teacherFlux(request(), caller({ role: 'enseignant', subject: otherTeacher })), 404, 'seance_inconnue'],
      [await teacherFlux(request(), caller({ role: 'enseignant', subject: 'compte-supprime' })), 401, 'non_authentifie'],
      [await liveStreamAt('/api/notifications/flux')!(request(), caller({ role: 'citoyen', subject: 'compte-supprime' })), 401, 'non_authentifie'],
    ];
    for (const [response, status, code] of refusals) {
      expect(response.status).toBe(status);
      expect(response.headers.get('content-type')).toContain('application/json');
      expect((await response.json()).erreur).toBe(code);
    }

    const left = new AbortController();
    const live = await teacherFlux(request(left), caller(teacherViewer));
    expect(live.status).toBe(200);
    expect(live.headers.get('content-type')).toContain('text/event-stream');
    const event = await firstEvent(live, left);
    expect(event).toContain('event: live');
    expect(JSON.parse(/data: (.*)/.exec(event)![1]!).instantane.expected).toBeGreaterThan(0);

    const leftToo = new AbortController();
    const notifications = await liveStreamAt('/api/notifications/flux')!(request(leftToo), caller(citizen));
    expect(await firstEvent(notifications, leftToo)).toMatch(/event: notifications\ndata: \{"unread":\d+/);
  });

  it('read who opens the teacher’s view and their séance once for thirty screens opening it at once', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Trente écrans', preset: 'tout' });
    const teacherFlux = liveStreamAt(`/api/enseignant/seances/${session.id}/flux`)!;
    const opening = await countReads(/from "teachers" left join "class_sessions"/i);
    try {
      const opened = await Promise.all(
        Array.from({ length: 30 }, async () => {
          const left = new AbortController();
          const response = await teacherFlux(new Request('http://localhost/', { signal: left.signal }), caller({ role: 'enseignant', subject: teacher.id }));
          return firstEvent(response, left);
        }),
      );
      for (const event of opened) expect(JSON.parse(/data: (.*)/.exec(event)![1]!).instantane.expected).toBeGreaterThan(0);
      expect(opening.n).toBe(1);
      // Once they are open, the next screen reads again: nothing is kept past the read (an account deleted since is seen).
      const left = new AbortController();
      await firstEvent(await teacherFlux(new Request('http://localhost/', { signal: left.signal }), caller({ role: 'enseignant', subject: teacher.id })), left);
      expect(opening.n).toBe(2);
    } finally {
      opening.stop();
    }
  });

  it('send first what a page rendered before them shows, so that a page sees a change made before its stream opened', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Entre deux', preset: 'tout' });
    const persona = (await db.select().from(personas).where(eq(personas.classSessionId, session.id)).get())!;
    const data = async (path: string, who: StreamCaller) => {
      const left = new AbortController();
      return /data: (.*)/.exec(await firstEvent(await liveStreamAt(path)!(new Request('http://localhost/', { signal: left.signal }), who), left))![1]!;
    };
    // A citizen's case page: rendered, then a case is filed (another tab) before its stream opens.
    const citizen = caller({ role: 'citoyen', subject: persona.id });
    const rendered = await updatesEventText(db, { kind: 'usager', persona });
    expect(await data('/api/mises-a-jour/flux', citizen)).toBe(rendered);
    await createCase(db, { classSessionId: session.id, personaId: persona.id, procedure: 'acte-naissance' });
    expect(await data('/api/mises-a-jour/flux', citizen)).not.toBe(rendered);

    // A student's séance page: rendered, then the teacher writes to the class before its stream opens.
    const device = deviceHash(newDeviceSecret());
    const joined = await joinSession(db, session, 'Élève', device);
    if (!joined.ok) throw new Error(joined.error);
    const student = caller(null, device);
    const page = seanceEventText(joined.participant, 0, null);
    expect(await data('/api/seance/flux', student)).toBe(page);
    await sendClassroomMessage(db, { classSessionId: session.id, participantId: null, kind: 'message', title: 'Consigne', body: 'Ouvrez votre carte.' });
    expect(await data('/api/seance/flux', student)).not.toBe(page);
  });
});
