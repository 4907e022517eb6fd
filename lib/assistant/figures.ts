import { eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { assistantConversations, assistantMessages } from '../../db/tables';
import { median } from '../median';


/** What the séance's debrief says of the assistant and the advisers (issue 23). */
export async function assistantFigures(db: AsyncExecutor, classSessionId: string) {
  const conversations = await db.select().from(assistantConversations).where(eq(assistantConversations.classSessionId, classSessionId)).all();
  const messages = await db.select().from(assistantMessages).where(eq(assistantMessages.classSessionId, classSessionId)).all();
  const handed = conversations.filter((c) => c.handedOffAt);
  /** From the hand-off to the first adviser's answer, in minutes of the class. */
  const waits = handed.flatMap((c) => {
    const first = messages.filter((m) => m.conversationId === c.id && m.author === 'conseiller').sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
    return first ? [Math.round((first.createdAt.getTime() - c.handedOffAt!.getTime()) / 6_000) / 10] : [];
  });
  return {
    questions: messages.filter((m) => m.author === 'usager').length,
    answeredByAssistant: messages.filter((m) => m.author === 'assistant' && m.passageId).length,
    unknown: messages.filter((m) => m.author === 'assistant' && !m.passageId).length,
    handedOff: handed.length,
    answeredByPerson: waits.length,
    medianMinutesToPerson: median(waits),
  };
}
