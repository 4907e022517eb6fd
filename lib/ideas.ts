import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../db/engine';
import { procedureIds, type ProcedureId } from '../db/schema';
import { classSessions, ideas, ideaVotes } from '../db/tables';

// The ideas box (issue 23): a small version of how services are now built with their users. Citizens, aidants and
// agents propose an improvement to a procedure; the others vote (once each, not for their own idea); the teacher marks
// the ones retained, and the debrief shows them.

export type IdeaAuthor = { kind: 'usager' | 'agent' | 'aidant'; id: string; classSessionId: string };
export type IdeaLine = { id: string; procedure: ProcedureId; text: string; votes: number; retained: boolean; mine: boolean; voted: boolean; createdAt: Date };

export const maxIdeaLength = 500;

export class IdeaError extends Error {
  constructor(
    readonly code: 'demarche' | 'vide' | 'trop_longue' | 'introuvable' | 'la_sienne',
    message: string,
    readonly field?: 'demarche' | 'idee',
  ) {
    super(message);
  }
}

/** A new idea; the same text for the same procedure by the same person is the first one (a double-click). */
export async function proposeIdea(db: AsyncExecutor, author: IdeaAuthor, procedure: string, text: string, now = new Date()): Promise<string> {
  if (!(procedureIds as readonly string[]).includes(procedure)) throw new IdeaError('demarche', 'Choisissez la démarche que votre idée améliore.', 'demarche');
  const idea = text.trim().replace(/\s+/g, ' ');
  if (!idea) throw new IdeaError('vide', 'Écrivez votre idée.', 'idee');
  if (idea.length > maxIdeaLength) throw new IdeaError('trop_longue', `Votre idée est trop longue : ${maxIdeaLength} caractères au plus.`, 'idee');
  // One author's ideas go one after the other: two tabs at once would each find « not there yet ».
  return transaction(db, async (tx) => {
    const same = await tx.select({ id: ideas.id }).from(ideas).where(and(eq(ideas.classSessionId, author.classSessionId), eq(ideas.authorId, author.id), eq(ideas.procedure, procedure as ProcedureId), eq(ideas.text, idea))).get();
    if (same) return same.id;
    const id = crypto.randomUUID();
    await tx.insert(ideas).values({ id, classSessionId: author.classSessionId, procedure: procedure as ProcedureId, authorKind: author.kind, authorId: author.id, text: idea, createdAt: now }).run();
    return id;
  }, { lock: `idees:${author.id}` });
}

/** A vote for someone else's idea of the same séance; voting twice counts once. */
export async function voteForIdea(db: AsyncExecutor, voter: IdeaAuthor, ideaId: string, now = new Date()): Promise<void> {
  const idea = await db.select().from(ideas).where(and(eq(ideas.id, ideaId), eq(ideas.classSessionId, voter.classSessionId))).get();
  if (!idea) throw new IdeaError('introuvable', 'Cette idée n’existe pas dans votre séance.');
  if (idea.authorId === voter.id) throw new IdeaError('la_sienne', 'Vous ne pouvez pas voter pour votre propre idée.');
  await db.insert(ideaVotes).values({ id: crypto.randomUUID(), ideaId, classSessionId: voter.classSessionId, voterId: voter.id, createdAt: now }).onConflictDoNothing().run();
}

/** The séance's ideas, the retained ones first, then by votes; `reader` says which are theirs and which they voted for. */
export async function ideasOf(db: AsyncExecutor, classSessionId: string, readerId: string | null): Promise<IdeaLine[]> {
  const rows = await db.select().from(ideas).where(eq(ideas.classSessionId, classSessionId)).all();
  const votes = await db.select({ ideaId: ideaVotes.ideaId, voterId: ideaVotes.voterId }).from(ideaVotes).where(eq(ideaVotes.classSessionId, classSessionId)).all();
  return rows
    .map((r) => ({
      id: r.id,
      procedure: r.procedure,
      text: r.text,
      votes: votes.filter((v) => v.ideaId === r.id).length,
      retained: Boolean(r.retainedAt),
      mine: r.authorId === readerId,
      voted: votes.some((v) => v.ideaId === r.id && v.voterId === readerId),
      createdAt: r.createdAt,
    }))
    .sort((a, b) => Number(b.retained) - Number(a.retained) || b.votes - a.votes || a.createdAt.getTime() - b.createdAt.getTime());
}

/** The teacher marks an idea of their séance retained, or not any more. */
export async function retainIdea(db: AsyncExecutor, teacherId: string, ideaId: string, retained: boolean, now = new Date()): Promise<void> {
  const idea = await db.select({ id: ideas.id, session: ideas.classSessionId }).from(ideas).innerJoin(classSessions, eq(classSessions.id, ideas.classSessionId)).where(and(eq(ideas.id, ideaId), eq(classSessions.teacherId, teacherId))).get();
  if (!idea) throw new IdeaError('introuvable', 'Cette idée n’existe pas dans vos séances.');
  await db.update(ideas).set({ retainedAt: retained ? now : null }).where(eq(ideas.id, ideaId)).run();
}
