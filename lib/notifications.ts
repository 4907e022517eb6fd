import { and, desc, eq, exists, gt, inArray, isNull, ne, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import type { AsyncExecutor } from '../db/engine';
import { placeholderAs, prepared } from '../db/prepared';
import { caseEvents, cases, classroomMessages, notificationReads, participants } from '../db/tables';
import type { Agent, Persona } from './auth/guards';
import type { Viewer } from './auth/viewer';
import { stateLabels } from './procedures/engine/state-machine';
import { procedures } from './procedures/registry';
import { elidedDe, lowerFirst } from './format';

// Notifications are read from the cases' history (nothing else to store but "read up to"):
// a citizen hears from the bodies, an agent hears from the citizens of their body's cases.

export type NotificationViewer = { kind: 'usager'; persona: Persona } | { kind: 'agent'; agent: Agent };

/** The signed-in citizen or agent, as a notification reader (teachers have the live view instead). */
export function notificationViewerOf(viewer: Viewer | null): NotificationViewer | null {
  if (viewer?.role === 'citoyen') return { kind: 'usager', persona: viewer.persona };
  if (viewer?.role === 'agent') return { kind: 'agent', agent: viewer.agent };
  return null;
}
export type Notification = { id: string; at: string; text: string; href: string };

const viewerKey = (v: NotificationViewer) => (v.kind === 'usager' ? `usager:${v.persona.id}` : `agent:${v.agent.id}`);
const sessionOf = (v: NotificationViewer) => (v.kind === 'usager' ? v.persona.classSessionId : v.agent.classSessionId);

// Read on every signed-in page of a citizen or an agent, and every two seconds by its bell (lib/live-streams.ts): built
// once (db/prepared.ts), the columns shown only. "Read up to" is read inside each query (the epoch if nothing was read
// yet), not by a statement of its own: on PostgreSQL each statement is a round trip.
const readUpTo = (db: AsyncExecutor, column: AnyColumn) =>
  sql`coalesce((${db.select({ at: notificationReads.lastReadAt }).from(notificationReads).where(eq(notificationReads.viewer, sql.placeholder('viewer')))}), ${placeholderAs(column, 'epoch')})`;
const columns = {
  id: caseEvents.id,
  at: caseEvents.at,
  kind: caseEvents.kind,
  actorLabel: caseEvents.actorLabel,
  toState: caseEvents.toState,
  caseId: cases.id,
  procedure: cases.procedure,
  receiptNumber: cases.receiptNumber,
};
const newEvents = (scope: SQL) =>
  prepared((db) =>
    db
      .select(columns)
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(scope, eq(caseEvents.classSessionId, sql.placeholder('seance')), ne(caseEvents.kind, 'avis'), gt(caseEvents.at, readUpTo(db, caseEvents.at))))
      .orderBy(desc(caseEvents.at)),
  );
// A citizen hears from the bodies; an agent from the citizens of their body's cases (of their town hall at the état civil).
const eventsForCitizen = newEvents(and(eq(cases.personaId, sql.placeholder('persona')), inArray(caseEvents.actorKind, ['agent', 'systeme']))!);
const agentScope = and(eq(cases.classSessionId, sql.placeholder('seance')), eq(cases.agency, sql.placeholder('agency')), inArray(caseEvents.actorKind, ['usager', 'aidant']))!;
const eventsForAgent = newEvents(agentScope);
const eventsForTownHallAgent = newEvents(and(agentScope, eq(cases.unit, sql.placeholder('unit')))!);

export async function notificationsFor(db: AsyncExecutor, v: NotificationViewer, limit = 8): Promise<{ unread: number; items: Notification[] }> {
  const read = { viewer: viewerKey(v), epoch: new Date(0) };
  const seance = sessionOf(v);
  const rows =
    v.kind === 'usager'
      ? await eventsForCitizen(db).execute({ persona: v.persona.id, seance, ...read })
      : v.agent.agencyId === 'etat-civil' && v.agent.unit
        ? await eventsForTownHallAgent(db).execute({ seance, agency: v.agent.agencyId, unit: v.agent.unit, ...read })
        : await eventsForAgent(db).execute({ seance, agency: v.agent.agencyId, ...read });
  const caseItems = rows.map((e) => {
    const procedure = procedures[e.procedure];
    const ref = e.receiptNumber ?? '';
    const text =
      e.kind === 'message'
        ? `Message ${elidedDe(e.actorLabel)} (${procedure.title} ${ref})`
        : v.kind === 'usager'
          ? // Accepted, the procedure's own words when "acceptée" would not say what to do (a title to collect).
            `${procedure.title} ${ref} : ${e.toState === 'accepte' && procedure.accepted ? lowerFirst(procedure.accepted.title) : lowerFirst(stateLabels[e.toState ?? 'depose'])}`
          : e.toState === 'depose'
            ? `Nouvelle demande : ${procedure.title} ${ref}`
            : `${procedure.title} ${ref} : ${e.actorLabel} a répondu`;
    return { id: e.id, at: e.at.toISOString(), text, href: v.kind === 'usager' ? `/citoyen/dossiers/${e.caseId}` : `/agent/dossiers/${e.caseId}` };
  });
  const all = [...caseItems, ...await teacherMessages(db, v, read)].sort((a, b) => b.at.localeCompare(a.at));
  return { unread: all.length, items: all.slice(0, limit) };
}

export async function markNotificationsRead(db: AsyncExecutor, v: NotificationViewer, now = new Date()): Promise<void> {
  await db.insert(notificationReads)
    .values({ viewer: viewerKey(v), classSessionId: sessionOf(v), lastReadAt: now })
    .onConflictDoUpdate({ target: notificationReads.viewer, set: { lastReadAt: now } })
    .run();
}

const messagesSince = prepared((db) => {
  // The student (or students, after a change of role) playing this persona or account.
  const playing = db.select({ id: participants.id }).from(participants).where(and(eq(participants.classSessionId, sql.placeholder('seance')), eq(participants.subjectId, sql.placeholder('subject'))));
  return db
    .select({ id: classroomMessages.id, kind: classroomMessages.kind, title: classroomMessages.title, createdAt: classroomMessages.createdAt })
    .from(classroomMessages)
    .where(
      and(
        eq(classroomMessages.classSessionId, sql.placeholder('seance')),
        or(
          isNull(classroomMessages.participantId),
          inArray(classroomMessages.participantId, playing),
        ),
        gt(classroomMessages.createdAt, readUpTo(db, classroomMessages.createdAt)),
        // Only a persona or an account a student plays hears the teacher.
        exists(playing),
      ),
    );
});

/** What the teacher sent to the student playing this persona or agent (or to the whole class). */
async function teacherMessages(db: AsyncExecutor, v: NotificationViewer, read: { viewer: string; epoch: Date }): Promise<Notification[]> {
  const subject = v.kind === 'usager' ? v.persona.id : v.agent.id;
  return (await messagesSince(db).execute({ seance: sessionOf(v), subject, ...read })).map((m) => ({
    id: m.id,
    at: m.createdAt.toISOString(),
    text: `${m.kind === 'indice' ? 'Indice' : m.kind === 'evenement' ? 'Événement' : 'Message'} de l’enseignant·e : ${m.title}`,
    href: '/seance',
  }));
}
