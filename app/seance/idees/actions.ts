'use server';

import { revalidatePath } from 'next/cache';
import { database } from '@/db/engine';
import { actionKeyOf, newActionKey, once } from '@/lib/action-keys';
import { getViewer, requireTeacher } from '@/lib/auth/guards';
import { IdeaError, proposeIdea, retainIdea, voteForIdea, type IdeaAuthor } from '@/lib/ideas';

export type IdeaState = { error?: string; field?: string; values?: { demarche: string; idee: string }; sent?: number; key?: string };

/** Who proposes or votes: the account the student plays (the teacher retains, on the debrief). */
async function ideaAuthor(): Promise<IdeaAuthor | null> {
  const viewer = await getViewer();
  if (viewer?.role === 'citoyen') return { kind: 'usager', id: viewer.persona.id, classSessionId: viewer.persona.classSessionId };
  if (viewer?.role === 'agent') return { kind: 'agent', id: viewer.agent.id, classSessionId: viewer.agent.classSessionId };
  if (viewer?.role === 'aidant') return { kind: 'aidant', id: viewer.aidant.id, classSessionId: viewer.aidant.classSessionId };
  return null;
}

export async function proposeIdeaAction(previous: IdeaState, form: FormData): Promise<IdeaState> {
  const values = { demarche: String(form.get('demarche') ?? ''), idee: String(form.get('idee') ?? '') };
  const author = await ideaAuthor();
  if (!author) return { error: 'Connectez-vous avec le rôle que vous jouez pour proposer une idée.', values, key: actionKeyOf(form) ?? undefined };
  try {
    await once(database(), { key: actionKeyOf(form), actor: author.id, action: 'idee', classSessionId: author.classSessionId }, () => proposeIdea(database(), author, values.demarche, values.idee));
  } catch (error) {
    if (!(error instanceof IdeaError)) throw error;
    return { error: error.message, field: error.field, values, key: actionKeyOf(form) ?? undefined };
  }
  revalidatePath('/seance/idees');
  return { sent: Date.now(), key: newActionKey() };
}

export async function voteAction(ideaId: string): Promise<void> {
  const author = await ideaAuthor();
  if (!author) return;
  try {
    await voteForIdea(database(), author, ideaId);
  } catch (error) {
    if (!(error instanceof IdeaError)) throw error; // one's own idea, or another séance's: the page offers no such button
  }
  revalidatePath('/seance/idees');
}

export async function retainAction(ideaId: string, retained: boolean): Promise<void> {
  const teacher = await requireTeacher();
  await retainIdea(database(), teacher.id, ideaId, retained);
  revalidatePath('/enseignant', 'layout');
  revalidatePath('/seance/idees');
}
