'use server';

import { revalidatePath } from 'next/cache';
import { database } from '@/db/engine';
import { requireAgent } from '@/lib/auth/guards';
import { actionKeyOf, newActionKey, once } from '@/lib/action-keys';
import { CaseError } from '@/lib/procedures/engine/cases';
import { checkAtCounter, handOver } from '@/lib/procedures/identity-document/counter';

export type CounterState = { error?: string; ticked?: string[]; done?: number; key?: string };

/** The counter's check (every box) or the hand-over, once whatever the clicks; what is missing comes back beside the boxes. */
export async function counterAction(caseId: string, step: 'verifier' | 'remettre', previous: CounterState, form: FormData): Promise<CounterState> {
  const agent = await requireAgent('etat-civil');
  const ticked = form.getAll('verifie').map(String).slice(0, 5);
  const state = await once(
    database(),
    { key: actionKeyOf(form), actor: agent.id, action: `guichet:${caseId}:${step}`, classSessionId: agent.classSessionId },
    async (): Promise<CounterState> => {
      try {
        if (step === 'verifier') await checkAtCounter(database(), agent, caseId, ticked);
        else await handOver(database(), agent, caseId);
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, ticked };
        throw error;
      }
      return { done: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  revalidatePath(`/agent/dossiers/${caseId}`);
  return { ...state, key: state.error ? (actionKeyOf(form) ?? undefined) : newActionKey() };
}
