import { and, desc, eq, gt, inArray, isNull, ne, or } from 'drizzle-orm';
import type { AsyncExecutor } from '../db/engine';
import { caseEvents, cases, classroomMessages, notificationReads, participants } from '../db/tables';
import type { Agent, Persona } from './auth/guards';
import { stateLabels } from './procedures/engine/state-machine';
import { procedures } from './procedures/registry';
import { lowerFirst } from './format';

// Notifications are read from the cases' history (nothing else to store but "read up to"):
// a citizen hears from the bodies, an agent hears from the citizens of their body's cases.

export type NotificationViewer = { kind: 'usager'; persona: Persona } | { kind: 'agent'; agent: Agent };
export type Notification = { id: string; at: string; text: string; href: string };

const viewerKey = (v: NotificationViewer) => (v.kind === 'usager' ? `usager:${v.persona.id}` : `agent:${v.agent.id}`);
const sessionOf = (v: NotificationViewer) => (v.kind === 'usager' ? v.persona.classSessionId : v.agent.classSessionId);

async function lastRead(db: AsyncExecutor, v: NotificationViewer): Promise<Date> {
  return (await db.select().from(notificationReads).where(eq(notificationReads.viewer, viewerKey(v))).get())?.lastReadAt ?? new Date(0);
}

export async function notificationsFor(db: AsyncExecutor, v: NotificationViewer, limit = 8): Promise<{ unread: number; items: Notification[] }> {
  const since = await lastRead(db, v);
  const scope =
    v.kind === 'usager'
      ? and(eq(cases.personaId, v.persona.id), inArray(caseEvents.actorKind, ['agent', 'systeme']))
      : and(
          eq(cases.classSessionId, v.agent.classSessionId),
          eq(cases.agency, v.agent.agencyId),
          v.agent.agencyId === 'etat-civil' && v.agent.unit ? eq(cases.unit, v.agent.unit) : undefined,
          inArray(caseEvents.actorKind, ['usager', 'aidant']),
        );
  const rows = await db
    .select({ e: caseEvents, c: cases })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(scope, eq(caseEvents.classSessionId, sessionOf(v)), ne(caseEvents.kind, 'avis'), gt(caseEvents.at, since)))
    .orderBy(desc(caseEvents.at))
    .all();
  const caseItems = rows.map(({ e, c }) => {
    const title = procedures[c.procedure].title;
    const ref = c.receiptNumber ?? '';
    const text =
      e.kind === 'message'
        ? `Message de ${e.actorLabel} (${title} ${ref})`
        : v.kind === 'usager'
          ? // Accepted, the procedure's own words when "acceptée" would not say what to do (a title to collect).
            `${title} ${ref} : ${e.toState === 'accepte' && procedures[c.procedure].accepted ? lowerFirst(procedures[c.procedure].accepted!.title) : lowerFirst(stateLabels[e.toState ?? 'depose'])}`
          : e.toState === 'depose'
            ? `Nouvelle demande : ${title} ${ref}`
            : `${title} ${ref} : ${e.actorLabel} a répondu`;
    return { id: e.id, at: e.at.toISOString(), text, href: v.kind === 'usager' ? `/citoyen/dossiers/${c.id}` : `/agent/dossiers/${c.id}` };
  });
  const all = [...caseItems, ...await teacherMessages(db, v, since)].sort((a, b) => b.at.localeCompare(a.at));
  return { unread: all.length, items: all.slice(0, limit) };
}

export async function markNotificationsRead(db: AsyncExecutor, v: NotificationViewer, now = new Date()): Promise<void> {
  await db.insert(notificationReads)
    .values({ viewer: viewerKey(v), classSessionId: sessionOf(v), lastReadAt: now })
    .onConflictDoUpdate({ target: notificationReads.viewer, set: { lastReadAt: now } })
    .run();
}

/** What the teacher sent to the student playing this persona or agent (or to the whole class). */
async function teacherMessages(db: AsyncExecutor, v: NotificationViewer, since: Date): Promise<Notification[]> {
  const subject = v.kind === 'usager' ? v.persona.id : v.agent.id;
  const student = await db.select({ id: participants.id }).from(participants).where(and(eq(participants.classSessionId, sessionOf(v)), eq(participants.subjectId, subject))).all();
  if (student.length === 0) return [];
  return (await db
    .select()
    .from(classroomMessages)
    .where(
      and(
        eq(classroomMessages.classSessionId, sessionOf(v)),
        or(isNull(classroomMessages.participantId), inArray(classroomMessages.participantId, student.map((s) => s.id))),
        gt(classroomMessages.createdAt, since),
      ),
    )
    .all())
    .map((m) => ({ id: m.id, at: m.createdAt.toISOString(), text: `${m.kind === 'indice' ? 'Indice' : m.kind === 'evenement' ? 'Événement' : 'Message'} de l’enseignant·e : ${m.title}`, href: '/seance' }));
}
