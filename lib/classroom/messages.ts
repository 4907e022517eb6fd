import crypto from 'node:crypto';
import { and, desc, eq, isNull, or } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { classroomMessageKinds, classroomMessages } from '../../db/schema';

export type ClassroomMessage = typeof classroomMessages.$inferSelect;
export type MessageKind = (typeof classroomMessageKinds)[number];

/** The teacher writes to one student (participantId) or to the whole class (null). */
export function sendClassroomMessage(
  db: Executor,
  input: { classSessionId: string; participantId: string | null; kind: MessageKind; title: string; body: string },
  now = new Date(),
): ClassroomMessage {
  return db.insert(classroomMessages).values({ id: crypto.randomUUID(), ...input, createdAt: now }).returning().get();
}

/** What a student received: messages to them and to the whole class, newest first. */
export function messagesFor(db: Executor, classSessionId: string, participantId: string): ClassroomMessage[] {
  return db
    .select()
    .from(classroomMessages)
    .where(and(eq(classroomMessages.classSessionId, classSessionId), or(isNull(classroomMessages.participantId), eq(classroomMessages.participantId, participantId))))
    .orderBy(desc(classroomMessages.createdAt))
    .all();
}

export function messagesOfSession(db: Executor, classSessionId: string): ClassroomMessage[] {
  return db.select().from(classroomMessages).where(eq(classroomMessages.classSessionId, classSessionId)).orderBy(desc(classroomMessages.createdAt)).all();
}
