'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { agencyIds, type AgencyId } from '@/db/schema';
import { actionKeyOf, newActionKey, once } from '@/lib/action-keys';
import { ask, AssistantError, handOff, reply } from '@/lib/assistant/conversations';
import { askerOf } from '@/lib/assistant/viewer';
import { getViewer, requireAgent } from '@/lib/auth/guards';
import { finish, type Outcome } from '@/lib/flash';

type MessageState = { error?: string; sent?: number; text?: string; key?: string };

/** Runs a message's action once for its form's key; an AssistantError is said beside the field, the text kept. */
async function messageOnce(form: FormData, claim: { actor: string; action: string; classSessionId: string }, run: (text: string) => Promise<unknown>): Promise<MessageState> {
  const text = String(form.get('message') ?? '');
  const state = await once(
    database(),
    { key: actionKeyOf(form), ...claim },
    async (): Promise<MessageState> => {
      try {
        await run(text);
      } catch (error) {
        if (error instanceof AssistantError) return { error: error.message, text };
        throw error;
      }
      return { sent: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  // The next message is another action: the form gets a new key.
  return { ...state, key: newActionKey() };
}

const assistantPath = (conversationId?: string) => (conversationId ? `/assistant?conversation=${encodeURIComponent(conversationId)}` : '/assistant');

/**
 * A question to the assistant (the panel of every page: `fresh` when the current conversation is with an adviser, so
 * that the assistant answers) or, on a conversation's page, to whoever answers that conversation now.
 */
export async function askAction(to: { fresh: boolean } | { conversationId: string }, previous: MessageState, form: FormData): Promise<MessageState> {
  const asker = askerOf(await getViewer());
  if (!asker) redirect('/connexion');
  const actor = asker.kind === 'usager' ? asker.personaId : asker.aidantId;
  const state = await messageOnce(form, { actor, action: 'assistant:question', classSessionId: asker.classSessionId }, (text) => ask(database(), asker, text, new Date(), to));
  revalidatePath('/', 'layout');
  return state;
}

/** "Parler à un conseiller". */
export async function handOffAction(form: FormData): Promise<void> {
  const asker = askerOf(await getViewer());
  if (!asker) redirect('/connexion');
  const conversationId = String(form.get('conversation') ?? '');
  const agency = String(form.get('organisme') ?? '');
  const actor = asker.kind === 'usager' ? asker.personaId : asker.aidantId;
  const outcome = await once(database(), { key: actionKeyOf(form), actor, action: `assistant:conseiller:${conversationId}`, classSessionId: asker.classSessionId }, async (): Promise<Outcome> => {
    try {
      if (!(agencyIds as readonly string[]).includes(agency)) throw new AssistantError('organisme_inconnu', 'Choisissez le service auquel vous voulez parler.');
      await handOff(database(), asker, conversationId, agency as AgencyId);
    } catch (error) {
      if (!(error instanceof AssistantError)) throw error;
      return { path: `${assistantPath(conversationId)}#conseiller`, flash: { text: error.message, tone: 'erreur' } };
    }
    return { path: `${assistantPath(conversationId)}#conversation` };
  });
  revalidatePath('/', 'layout');
  return finish(outcome);
}

/** An adviser (the student playing the body's agent) answers. */
export async function replyAction(conversationId: string, previous: MessageState, form: FormData): Promise<MessageState> {
  const agent = await requireAgent();
  const adviser = { id: agent.id, classSessionId: agent.classSessionId, agencyId: agent.agencyId };
  const state = await messageOnce(form, { actor: agent.id, action: `assistant:reponse:${conversationId}`, classSessionId: agent.classSessionId }, (text) => reply(database(), adviser, conversationId, text));
  revalidatePath('/agent/conseil', 'layout');
  return state;
}
