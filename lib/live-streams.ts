import { database } from '../db/engine';
import { viewerOfSession } from './auth/viewer';
import type { SessionUser } from './auth/session-user';
import { liveSnapshot } from './classroom/live';
import { messagesFor } from './classroom/messages';
import { latestParticipation } from './classroom/participants';
import { sessionById } from './classroom/session-by-id';
import { teachersSessionOf } from './classroom/sessions';
import { liveViewerOf, seanceEventText, updatesEventText } from './live-version';
import { liveGeneration, onLiveChange } from './live-wake';
import { notificationsFor, notificationViewerOf } from './notifications';
import { PlatformError } from './platform/errors';
import { apiHandler, json as jsonAnswer } from './platform/http';
import { journalHead } from './platform/journal';
import { runDueInstruction } from './procedures/engine/run';
import { eventData, eventStream, sharedRead } from './sse';

// The live streams (server-sent events) of every page, written once and served two ways: by their Next route handlers
// (app/api/**/flux/route.ts, e.g. under `next dev`) and, in `npm start`, beside Next in each server process
// (scripts/worker.ts) — a stream's opening cost about 8 ms of a core through Next's routing and Web streams, and a class
// opens one on every page view (docs/performance.md). The caller says who asks: the same session and device cookies,
// read through Next's request or from the raw headers; each stream reads the account they name itself.

export type StreamCaller = { session: () => Promise<Pick<SessionUser, 'role' | 'subject'> | null>; deviceHash: () => Promise<string | null> };

/** The account the caller's session names, read fresh (a deleted persona or agent is signed out). */
const viewerOf = async (caller: StreamCaller) => viewerOfSession(database(), await caller.session());

type Stream = (request: Request, caller: StreamCaller) => Promise<Response>;

const json = (status: number, body: unknown) => jsonAnswer(body, status);
/** What a stream throws before it starts (a refusal, a locked database) is the API's JSON error. */
const guarded = (stream: Stream): Stream => (request, caller) => apiHandler(() => stream(request, caller));

/** The person's notifications, pushed when they change (read from the cases' history every 2 s). */
export const notificationsStream: Stream = guarded(async (request, caller) => {
  const viewer = notificationViewerOf(await viewerOf(caller));
  if (!viewer) return json(401, { erreur: 'non_authentifie', message: 'Connectez-vous pour recevoir vos notifications.' });
  return eventStream(request, 'notifications', async () => JSON.stringify(await notificationsFor(database(), viewer)), { everyMs: 2000 });
});

/**
 * A fingerprint of what the signed-in person's pages show, sent when it changes (read every 2 s). Every fifth read
 * also runs the séance's automatic instruction that is due, as the teacher's live view does: a case page left open
 * moves on by itself even when nobody has the teacher's view open (the bodies no student plays answer).
 */
export const updatesStream: Stream = guarded(async (request, caller) => {
  const live = liveViewerOf(await viewerOf(caller));
  if (!live) return json(401, { erreur: 'non_authentifie', message: 'Connectez-vous pour suivre vos demandes en direct.' });
  const classSessionId = live.kind === 'usager' ? live.persona.classSessionId : live.kind === 'agent' ? live.agent.classSessionId : live.aidant.classSessionId;
  // Every fifth read (10 s): enough for a page left open alone; the teacher's view (twice a second) drives a busy class,
  // and thirty pages asking every 2 s would only fight over the same cases.
  let reads = 0;
  return eventStream(request, 'mise-a-jour', () => updatesEventText(database(), live), {
    everyMs: 2000,
    tick: async () => (++reads % 5 === 0 ? await sharedRead(`instruction:${classSessionId}`, 2000, () => runDueInstruction(database(), classSessionId)) : undefined),
  });
});

/** A student's séance page hears when the teacher writes to them or gives them another role. */
export const seanceStream: Stream = guarded(async (request, caller) => {
  const device = await caller.deviceHash();
  const mine = device ? await latestParticipation(database(), device) : null;
  if (!mine) throw new PlatformError('non_participant');
  const { participant } = mine;
  return eventStream(
    request,
    'seance',
    async () => {
      const db = database();
      const now = await latestParticipation(db, device!);
      if (!now) return JSON.stringify({ gone: true });
      return seanceEventText(now.participant, (await messagesFor(db, participant.classSessionId, participant.id)).length, now.participant.role === 'observateur' ? await journalHead(db, participant.classSessionId) : null);
    },
    { everyMs: 2000 },
  );
});

/**
 * The teacher's live view: the séance's snapshot, then what changes in it, read from the database twice a second — once
 * for every screen of this server that watches the séance (the teacher's, the projector's). Each read also runs the
 * automatic instruction that is due, so the bodies nobody plays answer on time.
 */
export function teacherStream(id: string): Stream {
  return guarded(async (request, caller) => {
    const db = database();
    // The account and the séance in one statement, and one for every opening of this process in flight with the same
    // cookie's teacher (thirty screens opening the view at once: docs/performance-history.md, "Session 40").
    const signedIn = await caller.session();
    await sharedRead(`seance-de:${signedIn?.role}:${signedIn?.subject}:${id}`, 0, () => teachersSessionOf(db, signedIn, id));
    return eventStream(
      request,
      'live',
      () => sharedRead(`live:${id}:${liveGeneration(id)}`, 400, async () => {
        const session = await sessionById(db, id);
        return eventData(session ? await liveSnapshot(db, session) : { gone: true });
      }),
      // Twice a second: what a student did shows on the teacher's screen within 2 s even when the class is busy;
      // the automatic instruction runs after each push.
      // After the first snapshot, only what changed (a new exchange: its line, the counts, not the whole séance).
      // On PostgreSQL, also as soon as the database says the séance changed (on any server; lib/live-wake.ts).
      { everyMs: 500, tick: () => sharedRead(`instruction:${id}`, 400, () => runDueInstruction(db, id)), changes: true, wake: (now) => onLiveChange(id, now) },
    );
  });
}

/** The stream an address names (GET), or null: what scripts/worker.ts serves itself. */
export function liveStreamAt(pathname: string): Stream | null {
  if (pathname === '/api/notifications/flux') return notificationsStream;
  if (pathname === '/api/mises-a-jour/flux') return updatesStream;
  if (pathname === '/api/seance/flux') return seanceStream;
  const teacher = /^\/api\/enseignant\/seances\/([^/]+)\/flux$/.exec(pathname);
  if (teacher) {
    let id = teacher[1]!;
    try {
      id = decodeURIComponent(id);
    } catch {
      // Not a séance's id once decoded either: the séance is unknown (404), not a server error.
    }
    return teacherStream(id);
  }
  return null;
}
