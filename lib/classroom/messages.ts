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
 * How soon after a hint the next one is taken for the same click again: a double-click whose second click lands on the
 * page already refreshed by the first (it asks for the next number then) must not reveal two.
 */
export const hintRepeatMs = 2000;

export type HintOutcome = { outcome: 'revele' | 'deja-revele' | 'tous-reveles'; /** the newest hint the student has now (0: none) */ latest: number };

/**
 * Reveals hint number `asked` of the student's card if it is the next one: a double-click or a form sent again asks
 * for the same number and reveals nothing more, and so does a click asking for the next one within `hintRepeatMs` of
 * the last (the page refreshed between the two clicks of a double-click). Two reveals of one student go one after the
 * other (on PostgreSQL, two that read « none revealed yet » at the same instant would both send the first).
 */
export async function revealHint(db: AsyncExecutor, participant: Participant, asked?: number, now = new Date()): Promise<HintOutcome> {
  return transaction(db, async (tx) => {
    const { hints } = await cardOf(tx, participant);
    const sent = (await messagesFor(tx, participant.classSessionId, participant.id)).filter((m) => m.kind === 'indice' && m.participantId === participant.id);
    const revealed = sent.length;
    const wanted = asked ?? revealed + 1;
    const justSent = sent[0] && now.getTime() - sent[0].createdAt.getTime() < hintRepeatMs;
    if (wanted <= revealed || justSent) return { outcome: 'deja-revele', latest: revealed };
    const next = wanted === revealed + 1 ? hints[revealed] : undefined;
    if (!next) return { outcome: 'tous-reveles', latest: revealed };
    await sendClassroomMessage(tx, { classSessionId: participant.classSessionId, participantId: participant.id, kind: 'indice', title: `Indice ${revealed + 1} sur ${hints.length}`, body: next }, now);
    return { outcome: 'revele', latest: revealed + 1 };
  }, { lock: `indices:${participant.id}` });
}
