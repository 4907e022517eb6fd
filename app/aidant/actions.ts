'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import type { StepState } from '@/app/_components/step-form';
import { database } from '@/db/engine';
import { procedureIds } from '@/db/schema';
import { requireAidant } from '@/lib/auth/guards';
import { aidantActor, aidantDraft, createMandate, startUnderMandate } from '@/lib/aidants/mandates';
import { aidantDraftOrRefuse } from './draft';
import { autosaveStep, saveStep } from '@/lib/procedures/drafts';
import { CaseError } from '@/lib/procedures/engine/cases';
import { submitOnce } from '@/lib/procedures/engine/run';
import { actionKeyOf, once } from '@/lib/action-keys';
import { firstInvalidStep, procedures, stepsFor } from '@/lib/procedures/registry';
import { finish, type Outcome } from '@/lib/flash';

const base = (id: string) => `/aidant/dossiers/${id}`;

export async function createMandateAction(form: FormData): Promise<void> {
  const aidant = await requireAidant();
  const input = { personaId: String(form.get('personne') ?? ''), procedures: form.getAll('demarches').map(String), days: Number(form.get('duree')) };
  const ok: Outcome = { path: '/aidant#mandats', flash: { text: 'Le mandat est créé. Il prendra effet quand la personne, à côté de vous, l’aura confirmé depuis son espace.', tone: 'succes' } };
  const outcome = await once(database(), { key: actionKeyOf(form), actor: aidant.id, action: 'mandat', classSessionId: aidant.classSessionId }, async (): Promise<Outcome> => {
    try {
      await createMandate(database(), aidant, input);
    } catch (error) {
      if (!(error instanceof CaseError)) throw error;
      const back = new URLSearchParams({ erreur: error.code, message: error.message, personne: input.personaId, duree: String(form.get('duree') ?? '') });
      for (const p of input.procedures) back.append('demarches', p);
      return { path: `/aidant?${back.toString()}#nouveau-mandat` };
    }
    return ok;
  }, { settled: (o) => Boolean(o.flash) });
  revalidatePath('/aidant');
  return finish(outcome);
}

export async function startUnderMandateAction(form: FormData): Promise<void> {
  const aidant = await requireAidant();
  const procedure = z.enum(procedureIds).safeParse(form.get('demarche'));
  if (!procedure.success) redirect('/aidant');
  const path = await once(database(), { key: actionKeyOf(form), actor: aidant.id, action: `demarrer:${procedure.data}`, classSessionId: aidant.classSessionId }, async () => {
    let id: string;
    try {
      id = (await startUnderMandate(database(), aidant, String(form.get('mandat') ?? ''), procedure.data)).id;
    } catch (error) {
      if (error instanceof CaseError) return `/aidant?refus=${encodeURIComponent(error.message)}`;
      throw error;
    }
    const { c, persona } = await aidantDraftOrRefuse(aidant, id);
    const first = stepsFor(procedures[c.procedure], { db: database(), persona, answers: {} })[0];
    return first ? `${base(id)}/etapes/${first.id}` : `${base(id)}/recapitulatif`;
  });
  redirect(path);
}

export async function aidantSaveStepAction(caseId: string, stepId: string, previous: StepState, form: FormData): Promise<StepState> {
  const aidant = await requireAidant();
  const found = await aidantDraftOrRefuse(aidant, caseId);
  const outcome = await saveStep(database(), found.c, found.persona, stepId, form);
  if (!outcome) redirect('/aidant');
  if (!outcome.ok) return { errors: outcome.errors, values: outcome.values, attempt: previous.attempt + 1 };
  redirect(outcome.next ? `${base(caseId)}/etapes/${outcome.next}` : `${base(caseId)}/recapitulatif`);
}

export async function aidantAutosaveStepAction(caseId: string, stepId: string, form: FormData): Promise<{ savedAt: number } | { error: string }> {
  const aidant = await requireAidant();
  try {
    const found = await aidantDraft(database(), aidant, caseId);
    return await autosaveStep(database(), found.c, found.persona, stepId, form);
  } catch (error) {
    if (error instanceof CaseError) return { error: error.message };
    throw error;
  }
}

export async function aidantSubmitAction(caseId: string, form: FormData): Promise<void> {
  const aidant = await requireAidant();
  const outcome = await once(database(), { key: actionKeyOf(form), actor: aidant.id, action: `envoyer:${caseId}`, classSessionId: aidant.classSessionId }, async (): Promise<Outcome> => {
    const found = await aidantDraftOrRefuse(aidant, caseId);
    const invalid = await firstInvalidStep(procedures[found.c.procedure], { db: database(), persona: found.persona, answers: found.c.answers });
    if (invalid) return { path: `${base(caseId)}/etapes/${invalid.step.id}?verifier=1` };
    const sent = await submitOnce(database(), found.c, found.persona, aidantActor(aidant, found.persona));
    return { path: '/aidant#mandats', flash: { text: `La demande est envoyée sous le numéro ${sent.receiptNumber ?? ''}. La personne la voit dans son espace, marquée « fait par vous pour elle ».`, tone: 'succes', emphasis: sent.receiptNumber } };
  });
  revalidatePath('/aidant');
  return finish(outcome);
}
