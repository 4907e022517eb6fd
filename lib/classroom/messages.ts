import crypto from 'node:crypto';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import { transaction, type AsyncExecutor } from '../../db/engine';
import { cardOf } from './cards';
import type { Participant } from './participants';
import { classroomMessageKinds } from '../../db/schema';
import { classroomMessages } from '../../db/tables';

export type ClassroomMessage = typeof classroomMessages.$inferSelect;
export type MessageKind = (typeof classroomMessageKinds)[number];

/** The teacher writes to one student (participantId) or to the whole class (null). */
export async function sendClassroomMessage(
  db: AsyncExecutor,
  input: { classSessionId: string; participantId: string | null; kind: MessageKind; title: string; body: string },
  now = new Date(),
): Promise<ClassroomMessage> {
  return db.insert(classroomMessages).values({ id: crypto.randomUUID(), ...input, createdAt: now }).returning().get();
}

/** What a student received: messages to them and to the whole class, newest first. */
export async function messagesFor(db: AsyncExecutor, classSessionId: string, participantId: string): Promise<ClassroomMessage[]> {
  return db
    .select()
    .from(classroomMessages)
    .where(and(eq(classroomMessages.classSessionId, classSessionId), or(isNull(classroomMessages.participantId), eq(classroomMessages.participantId, participantId))))
    .orderBy(desc(classroomMessages.createdAt))
    .all();
}

export async function messagesOfSession(db: AsyncExecutor, classSessionId: string): Promise<ClassroomMessage[]> {
  return db.select().from(classroomMessages).where(eq(classroomMessages.classSessionId, classSessionId)).orderBy(desc(classroomMessages.createdAt)).all();
}

/**
 * Reveals hint number `asked` of the student's card if it is the next one: a double-click or a form sent again asks
 * for the same number and reveals nothing more. Two reveals of one student go one after the other (on PostgreSQL,
 * two that read « none revealed yet » at the same instant would both send the first).
 */
export async function revealHint(db: AsyncExecutor, participant: Participant, asked?: number): Promise<'revele' | 'deja-revele' | 'tous-reveles'> {
  return transaction(db, async (tx) => {
    const { hints } = await cardOf(tx, participant);
    const revealed = (await messagesFor(tx, participant.classSessionId, participant.id)).filter((m) => m.kind === 'indice' && m.participantId === participant.id).length;
    const wanted = asked ?? revealed + 1;
    if (wanted <= revealed) return 'deja-revele';
    const next = wanted === revealed + 1 ? hints[revealed] : undefined;
    if (!next) return 'tous-reveles';
    await sendClassroomMessage(tx, { classSessionId: participant.classSessionId, participantId: participant.id, kind: 'indice', title: `Indice ${revealed + 1} sur ${hints.length}`, body: next });
    return 'revele';
  }, { lock: `indices:${participant.id}` });
}
