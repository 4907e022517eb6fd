'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { isBusyError } from '@/db/client';
import { database, transaction } from '@/db/engine';
import type { ProcedureId } from '@/db/schema';
import { requireCitizen } from '@/lib/auth/guards';
import { cannotGoOnlineAlone, citizenActor, citizenCase, offlineRoutePath, sentBefore, sentFlash, stepContext } from '@/lib/procedures/citizen';
import { finish, type Outcome } from '@/lib/flash';
import { autosaveStep, formValuesFor, prefillOnce, saveStep, startBlocked } from '@/lib/procedures/drafts';
import { addMessage, caseOf, CaseError, startCase } from '@/lib/procedures/engine/cases';
import { transition } from '@/lib/procedures/engine/transition';
import { actionKeyOf, newActionKey, once } from '@/lib/action-keys';
import { submitOnce } from '@/lib/procedures/engine/run';
import { networkCutMessage, throughNetwork } from '@/lib/procedures/network';
import { firstInvalidStep, procedureById, procedures, stepsFor } from '@/lib/procedures/registry';
import type { StepState } from '@/app/_components/step-form';
import type { OpinionState } from '@/app/_components/opinion-form';
import { giveOpinion, OpinionError } from '@/lib/opinions';

const casePath = (id: string) => `/citoyen/dossiers/${id}`;
const busyMessage = 'Le service est très sollicité en ce moment : votre réponse n’est pas encore enregistrée. Ce que vous avez écrit est toujours là. Réessayez dans quelques secondes.';

/** Starts a procedure: a new draft, then its first step. */
export async function startCaseAction(form: FormData): Promise<void> {
  const persona = await requireCitizen();
  const def = procedureById(String(form.get('demarche') ?? ''));
  if (!def || def.steps.length === 0) redirect('/citoyen');
  if (cannotGoOnlineAlone(persona)) redirect(offlineRoutePath(def.id));
  const db = database();
  // What the start page said (nothing to contest…) holds for a form sent anyway: no draft made for nothing.
  if (await startBlocked(db, persona, def.id as ProcedureId)) redirect(`/citoyen/demarches/${def.id}`);
  const path = await once(db, { key: actionKeyOf(form), actor: persona.id, action: 'demarrer', classSessionId: persona.classSessionId }, async () => {
    // A second start (double-click, another tab) resumes the draft or the open request instead of making another.
    const started = await transaction(db, async (tx) => startCase(tx, { classSessionId: persona.classSessionId, personaId: persona.id, procedure: def.id as ProcedureId }));
    if (started.resumed && started.c.state !== 'brouillon') return casePath(started.c.id);
    // What the bodies already know is written in first (the prime d'activité), once.
    const c = await prefillOnce(db, started.c, persona);
    const first = stepsFor(def, stepContext(persona, c))[0];
    return first ? `${casePath(c.id)}/etapes/${first.id}` : `${casePath(c.id)}/recapitulatif`;
  });
  redirect(path);
}

/**
 * Saves the step as typed (always), then checks it: errors next to the fields, or on to the next step. In simplified
 * mode (`question` given) only the question on screen is checked before the next one; the last one checks the step.
 */
export async function saveStepAction(caseId: string, stepId: string, question: number | null, previous: StepState, form: FormData): Promise<StepState> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  // Not saved — a zone blanche cut the request, or the database stayed locked through every retry: the page shows
  // again with what was typed (also without JavaScript, where the page is rebuilt from this state).
  const notSaved = async (message: string): Promise<StepState> => ({ errors: {}, values: await formValuesFor(found.c, found.persona, stepId, form, database()) ?? previous.values, network: message, attempt: previous.attempt + 1 });
  if ((await throughNetwork(database(), found.persona, 'enregistrer')) === 'coupure') return notSaved(networkCutMessage);
  let outcome;
  try {
    outcome = await saveStep(database(), found.c, found.persona, stepId, form);
  } catch (error) {
    if (isBusyError(error)) return notSaved(busyMessage);
    throw error;
  }
  if (!outcome) redirect(casePath(caseId));
  if (question !== null) {
    const names = (await procedures[found.c.procedure].steps.find((s) => s.id === stepId)?.fields(stepContext(found.persona, found.c)) ?? []).map((f) => f.name);
    const current = names[question];
    if (!outcome.ok && current && outcome.errors[current]) return { errors: { [current]: outcome.errors[current] }, values: outcome.values, attempt: previous.attempt + 1 };
    if (question + 1 < names.length) redirect(`${casePath(caseId)}/etapes/${stepId}?question=${question + 1}`);
    if (!outcome.ok) redirect(`${casePath(caseId)}/etapes/${stepId}?question=${Math.max(0, names.findIndex((n) => outcome.errors[n]))}&verifier=1`);
  }
  if (!outcome.ok) return { errors: outcome.errors, values: outcome.values, attempt: previous.attempt + 1 };
  redirect(outcome.next ? `${casePath(caseId)}/etapes/${outcome.next}` : `${casePath(caseId)}/recapitulatif`);
}

/** Saves what is typed, without checking it (called as the person types). */
export async function autosaveStepAction(caseId: string, stepId: string, form: FormData): Promise<{ savedAt: number } | { error: string }> {
  const found = await citizenCase(caseId);
  if (!found) return { error: 'Cette demande est introuvable.' };
  if ((await throughNetwork(database(), found.persona, 'brouillon')) === 'coupure') return { error: 'Connexion coupée : vos réponses restent gardées sur cet appareil.' };
  try {
    return await autosaveStep(database(), found.c, found.persona, stepId, form);
  } catch (error) {
    if (isBusyError(error)) return { error: busyMessage };
    throw error;
  }
}

/** Sends the case: every step is checked again; a step left incomplete is reopened with its errors. */
export async function submitCaseAction(caseId: string, form: FormData): Promise<void> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  const { persona } = found;
  const db = database();
  const cut = `${casePath(caseId)}/recapitulatif?reseau=coupe`;
  const outcome = await once(
    db,
    { key: actionKeyOf(form), actor: persona.id, action: `envoyer:${caseId}`, classSessionId: persona.classSessionId },
    async (): Promise<Outcome> => {
      // Read again under the key: the request before this one may have sent it meanwhile — one whose answer never came
      // back (its server stopped after sending it): the person sent it, and is told so again, with its number.
      const c = await caseOf(db, persona.id, caseId);
      if (c && sentBefore(c)) return { path: casePath(caseId), flash: sentFlash(c.receiptNumber) };
      if (!c || c.state !== 'brouillon') return { path: casePath(caseId) };
      const invalid = await firstInvalidStep(procedures[c.procedure], stepContext(persona, c));
      if (invalid) return { path: `${casePath(caseId)}/etapes/${invalid.step.id}?verifier=1` };
      if ((await throughNetwork(db, persona, 'envoyer')) === 'coupure') return { path: cut };
      // Sent from another tab at the same instant: that one stands.
      try {
        const sent = await submitOnce(db, c, persona, citizenActor(persona));
        return { path: casePath(caseId), flash: sentFlash(sent.receiptNumber) };
      } catch (error) {
        // Changed in another tab between the check and the filing (the fine paid meanwhile): the step says why.
        const now = error instanceof CaseError ? await firstInvalidStep(procedures[c.procedure], stepContext(persona, c)) : null;
        if (now) return { path: `${casePath(caseId)}/etapes/${now.step.id}?verifier=1` };
        throw error;
      }
    },
    // A cut connection sent nothing: the same button must work again.
    { settled: (o) => o.path !== cut },
  );
  revalidatePath('/citoyen');
  return finish(outcome);
}

/** The person withdraws a draft or a case not decided yet. */
export async function withdrawCaseAction(caseId: string): Promise<void> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  try {
    await transition(database(), found.c, 'classer_sans_suite', citizenActor(found.persona), { text: 'Demande abandonnée par la personne.' });
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
  }
  redirect(casePath(caseId));
}

export type MessageState = { error?: string; sent?: number; text?: string; key?: string };

export async function sendMessageAction(caseId: string, previous: MessageState, form: FormData): Promise<MessageState> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  const text = String(form.get('message') ?? '');
  const state = await once(
    database(),
    { key: actionKeyOf(form), actor: found.persona.id, action: `message:${caseId}`, classSessionId: found.persona.classSessionId },
    async (): Promise<MessageState> => {
      try {
        await addMessage(database(), found.c, citizenActor(found.persona), text);
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, text };
        throw error;
      }
      return { sent: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  revalidatePath(casePath(caseId));
  // The next message is another action: the form gets a new key.
  return { ...state, key: newActionKey() };
}

/** The person answers the body's request for a complement: the case goes back to instruction. */
export async function answerComplementAction(caseId: string, previous: MessageState, form: FormData): Promise<MessageState> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  const text = String(form.get('message') ?? '').trim().slice(0, 2000);
  if (!text) return { error: 'Écrivez votre réponse à l’organisme.', text, key: actionKeyOf(form) ?? undefined };
  const state = await once(
    database(),
    { key: actionKeyOf(form), actor: found.persona.id, action: `complement:${caseId}`, classSessionId: found.persona.classSessionId },
    async (): Promise<MessageState> => {
      try {
        await transition(database(), found.c, 'repondre_complement', citizenActor(found.persona), { text });
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, text };
        throw error;
      }
      return { sent: Date.now() };
    },
    { settled: (s) => !s.error },
  );
  if (state.error) return { ...state, key: actionKeyOf(form) ?? undefined };
  revalidatePath(casePath(caseId));
  redirect(casePath(caseId));
}

/** "Je donne mon avis" on a finished case: once; what was chosen stays when something is wrong. */
export async function giveOpinionAction(caseId: string, previous: OpinionState, form: FormData): Promise<OpinionState> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  const values = { satisfaction: String(form.get('satisfaction') ?? ''), facilite: String(form.get('facilite') ?? ''), aide: form.getAll('aide').map(String), commentaire: String(form.get('commentaire') ?? '') };
  try {
    await giveOpinion(database(), found.persona.id, caseId, { satisfaction: values.satisfaction, ease: values.facilite, help: values.aide as never, comment: values.commentaire });
  } catch (error) {
    if (!(error instanceof OpinionError)) throw error;
    return { error: error.message, field: error.field, values, key: actionKeyOf(form) ?? undefined };
  }
  // One opinion per case (a unique index): a second click returns the first, and the page now thanks the person.
  revalidatePath(casePath(caseId));
  return {};
}
