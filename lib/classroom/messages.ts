import crypto from 'node:crypto';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
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
