'use server';

import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { StepState } from '@/app/_components/step-form';
import { database } from '@/db/engine';
import { procedureIds } from '@/db/schema';
import { requireAgent } from '@/lib/auth/guards';
import { agentActor, agentDraft, startOnBehalf } from '@/lib/procedures/agent';
import { autosaveStep, saveStep } from '@/lib/procedures/drafts';
import { CaseError } from '@/lib/procedures/engine/cases';
import { submitOnce } from '@/lib/procedures/engine/run';
import { actionKeyOf, once } from '@/lib/action-keys';
import { firstInvalidStep, procedures, stepsFor } from '@/lib/procedures/registry';
import { finish, type Outcome } from '@/lib/flash';

const base = (id: string) => `/agent/saisie/${id}`;
const startSchema = z.object({ personne: z.string().min(1), demarche: z.enum(procedureIds), canal: z.enum(['papier', 'guichet']) });

/** The agent starts keying in a request a person brought on paper or at the counter. */
export async function startOnBehalfAction(form: FormData): Promise<void> {
  const agent = await requireAgent();
  const parsed = startSchema.safeParse({ personne: form.get('personne'), demarche: form.get('demarche'), canal: form.get('canal') });
  if (!parsed.success) redirect(`/agent/saisie?erreur=incomplet&personne=${encodeURIComponent(String(form.get('personne') ?? ''))}&demarche=${encodeURIComponent(String(form.get('demarche') ?? ''))}`);
  const path = await once(database(), { key: actionKeyOf(form), actor: agent.id, action: 'saisie', classSessionId: agent.classSessionId }, async () => {
    let id: string;
    try {
      id = (await startOnBehalf(database(), agent, parsed.data.personne, parsed.data.demarche, parsed.data.canal)).id;
    } catch (error) {
      // What was chosen stays chosen; nothing to ask for (no fine to contest…) is said as such.
      if (error instanceof CaseError) return `/agent/saisie?erreur=${error.code === 'rien_a_demander' ? 'rien-a-demander' : 'incomplet'}&personne=${encodeURIComponent(parsed.data.personne)}&demarche=${parsed.data.demarche}`;
      throw error;
    }
    // A request the person already has open (online, or keyed in by a colleague) is not this agent's to fill in.
    const found = await agentDraft(database(), agent, id);
    if (!found) return `/agent/saisie?erreur=deja-en-cours&personne=${encodeURIComponent(parsed.data.personne)}&demarche=${parsed.data.demarche}`;
    const first = stepsFor(procedures[found.c.procedure], { db: database(), persona: found.persona, answers: {} })[0];
    return first ? `${base(id)}/etapes/${first.id}` : `${base(id)}/recapitulatif`;
  });
  redirect(path);
}

export async function agentSaveStepAction(caseId: string, stepId: string, previous: StepState, form: FormData): Promise<StepState> {
  const agent = await requireAgent();
  const found = await agentDraft(database(), agent, caseId);
  if (!found) redirect('/agent');
  const outcome = await saveStep(database(), found.c, found.persona, stepId, form);
  if (!outcome) redirect('/agent');
  if (!outcome.ok) return { errors: outcome.errors, values: outcome.values, attempt: previous.attempt + 1 };
  redirect(outcome.next ? `${base(caseId)}/etapes/${outcome.next}` : `${base(caseId)}/recapitulatif`);
}

export async function agentAutosaveStepAction(caseId: string, stepId: string, form: FormData): Promise<{ savedAt: number } | { error: string }> {
  const agent = await requireAgent();
  const found = await agentDraft(database(), agent, caseId);
  if (!found) return { error: 'Cette saisie est introuvable ou déjà envoyée.' };
  return autosaveStep(database(), found.c, found.persona, stepId, form);
}

/** Sends the request keyed in: same checks as online; the history says who keyed it in, and from what. */
export async function agentSubmitAction(caseId: string, form: FormData): Promise<void> {
  const agent = await requireAgent();
  const outcome = await once(database(), { key: actionKeyOf(form), actor: agent.id, action: `envoyer:${caseId}`, classSessionId: agent.classSessionId }, async (): Promise<Outcome> => {
    const found = await agentDraft(database(), agent, caseId);
    if (!found) return { path: '/agent' };
    const invalid = await firstInvalidStep(procedures[found.c.procedure], { db: database(), persona: found.persona, answers: found.c.answers });
    if (invalid) return { path: `${base(caseId)}/etapes/${invalid.step.id}?verifier=1` };
    const sent = await submitOnce(database(), found.c, found.persona, agentActor(agent));
    return { path: '/agent/saisie', flash: { text: `La demande est envoyée sous le numéro ${sent.receiptNumber ?? ''}. Donnez ce numéro à la personne.`, tone: 'succes', emphasis: sent.receiptNumber } };
  });
  return finish(outcome);
}
