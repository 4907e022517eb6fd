import { eq } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { cases } from '../../db/tables';
import { whileHolding } from '../action-keys';
import { reread, saveDraft } from './engine/cases';
import type { CaseRow, Persona, RawValues } from './engine/types';
import { procedures, stepsFor } from './registry';

// Saving a step of a draft, the same for a citizen online and for an agent keying in a paper request.

export async function formValuesFor(c: CaseRow, persona: Persona, stepId: string, form: FormData, db: AsyncExecutor): Promise<RawValues | null> {
  const step = procedures[c.procedure].steps.find((s) => s.id === stepId);
  if (!step) return null;
  return Object.fromEntries(
    (await step.fields({ db, persona, answers: c.answers })).map((f) => [f.name, f.kind === 'checkboxes' ? form.getAll(f.name).map(String).slice(0, 20) : String(form.get(f.name) ?? '').slice(0, 300)]),
  );
}

export type StepOutcome = { ok: false; errors: Record<string, string>; values: RawValues } | { ok: true; next: string | null };

/** Saves the step as typed (always), then checks it; on success, the next step that applies (or null: the summary). */
export async function saveStep(db: AsyncExecutor, c: CaseRow, persona: Persona, stepId: string, form: FormData): Promise<StepOutcome | null> {
  const def = procedures[c.procedure];
  const step = def.steps.find((s) => s.id === stepId);
  const values = await formValuesFor(c, persona, stepId, form, db);
  if (!step || !values || c.state !== 'brouillon') return null;
  const saved = await saveDraft(db, c, stepId, values);
  const ctx = { db, persona, answers: saved.answers };
  const result = await step.validate(values, ctx);
  if (!result.ok) return { ok: false, errors: result.errors, values };
  const steps = stepsFor(def, ctx);
  return { ok: true, next: steps[steps.findIndex((s) => s.id === stepId) + 1]?.id ?? null };
}

export async function autosaveStep(db: AsyncExecutor, c: CaseRow, persona: Persona, stepId: string, form: FormData): Promise<{ savedAt: number } | { error: string }> {
  const values = await formValuesFor(c, persona, stepId, form, db);
  if (!values || c.state !== 'brouillon') return { error: 'Cette demande est déjà envoyée : elle ne peut plus être modifiée.' };
  return { savedAt: (await saveDraft(db, c, stepId, values)).updatedAt.getTime() };
}

/**
 * Writes what the body already knows into a new draft, once, whoever starts it (the person, an aidant, an agent at the
 * counter) and however often (two tabs, a retry): under a lease, and only while the draft has no answers yet.
 */
export async function prefillOnce(db: AsyncExecutor, c: CaseRow, persona: Persona): Promise<CaseRow> {
  const def = procedures[c.procedure];
  if (!def.prefill || c.state !== 'brouillon' || Object.keys(c.answers).length > 0) return c;
  const run = await whileHolding(db, { key: `preremplissage:${c.id}`, actor: 'systeme', action: 'preremplissage', classSessionId: c.classSessionId }, 60_000, async () => {
    const current = await reread(db, c);
    if (current.state !== 'brouillon' || Object.keys(current.answers).length > 0) return current;
    const answers = await def.prefill!(db, persona, current);
    return transaction(db, async (tx) => tx.update(cases).set({ answers, updatedAt: new Date() }).where(eq(cases.id, c.id)).returning().get());
  });
  return run.held ? run.result : reread(db, c);
}
