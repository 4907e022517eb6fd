'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { database } from '@/db/engine';
import { requireAgent } from '@/lib/auth/guards';
import { agentCase, agentDecide, agentMessage, agentNotice, isOtherReason, refusalReasonsFor, type AgentAction } from '@/lib/procedures/agent';
import { CaseError } from '@/lib/procedures/engine/cases';
import { actionKeyOf, newActionKey, once } from '@/lib/action-keys';
import { setFlash, type FlashTone } from '@/lib/flash';

export type AgentFormState = { error?: string; field?: string; text?: string; done?: number; key?: string };

const actionSchema = z.enum(['prendre', 'demander_complement', 'accepter', 'refuser', 'classer_sans_suite']);

/** One decision on a case; errors (missing reason, rules that forbid accepting) come back next to the field. */
export async function decideAction(caseId: string, previous: AgentFormState, form: FormData): Promise<AgentFormState> {
  const agent = await requireAgent();
  const action = actionSchema.safeParse(form.get('action'));
  if (!action.success) return { error: 'Action inconnue.' };
  const free = String(form.get('texte') ?? '').trim().slice(0, 2000);
  let text: string | null = free || null;
  if (action.data === 'refuser') {
    const reason = String(form.get('motif') ?? '');
    const c = await agentCase(database(), agent, caseId);
    if (c && !refusalReasonsFor(c.procedure).includes(reason)) return { error: 'Choisissez un motif de refus.', field: 'motif', text: free };
    if (isOtherReason(reason) && !free) return { error: 'Précisez le motif : la personne le lira.', field: 'texte', text: free };
    text = isOtherReason(reason) ? free : free ? `${reason} ${free}` : reason;
  }
  if (action.data === 'demander_complement' && !free) return { error: 'Écrivez ce que la personne doit fournir ou corriger.', field: 'texte', text: free };
  // A double-click applies the decision once and both clicks read its outcome (not "already decided").
  const state = await once(
    database(),
    { key: actionKeyOf(form), actor: agent.id, action: `decision:${caseId}:${action.data}`, classSessionId: agent.classSessionId },
    async (): Promise<AgentFormState> => {
      try {
        await agentDecide(database(), agent, caseId, action.data as AgentAction, text);
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, field: 'texte', text: free };
        throw error;
      }
      return { done: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  revalidatePath(`/agent/dossiers/${caseId}`);
  return { ...state, key: state.error ? (actionKeyOf(form) ?? undefined) : newActionKey() };
}

export async function agentMessageAction(caseId: string, previous: AgentFormState, form: FormData): Promise<AgentFormState> {
  const agent = await requireAgent();
  const text = String(form.get('message') ?? '');
  const state = await once(
    database(),
    { key: actionKeyOf(form), actor: agent.id, action: `message:${caseId}`, classSessionId: agent.classSessionId },
    async (): Promise<AgentFormState> => {
      try {
        await agentMessage(database(), agent, caseId, text);
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, text };
        throw error;
      }
      return { done: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  revalidatePath(`/agent/dossiers/${caseId}`);
  return { ...state, key: newActionKey() };
}

const noticeMessages: Record<string, { tone: FlashTone; text: string }> = {
  'avis-applique': { tone: 'succes', text: 'L’avis est appliqué : le dossier de la personne porte la nouvelle adresse.' },
  'avis-rejete': { tone: 'succes', text: 'L’avis est rejeté ; la personne voit votre motif.' },
  'avis-motif': { tone: 'erreur', text: 'Pour rejeter un avis, écrivez le motif.' },
  'avis-deja': { tone: 'erreur', text: 'Cet avis a déjà été traité.' },
};

export async function noticeAction(form: FormData): Promise<void> {
  const agent = await requireAgent();
  const id = String(form.get('avis') ?? '');
  const decision = form.get('decision') === 'rejeter' ? 'rejeter' : 'appliquer';
  const message = await once(
    database(),
    { key: actionKeyOf(form), actor: agent.id, action: `avis:${id}:${decision}`, classSessionId: agent.classSessionId },
    async () => {
      try {
        await agentNotice(database(), agent, id, decision, String(form.get('motif') ?? '') || null);
      } catch (error) {
        if (!(error instanceof CaseError)) throw error;
        return error.code === 'motif_requis' ? 'avis-motif' : 'avis-deja';
      }
      return decision === 'appliquer' ? 'avis-applique' : 'avis-rejete';
    },
    { settled: (m) => m !== 'avis-motif' },
  );
  const said = noticeMessages[message]!;
  await setFlash(said.text, said.tone);
  revalidatePath('/agent');
  redirect('/agent#avis');
}
