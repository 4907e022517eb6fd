import type { Db } from '../../db/client';
import { saveDraft } from './engine/cases';
import type { CaseRow, Persona, RawValues } from './engine/types';
import { procedures, stepsFor } from './registry';

// Saving a step of a draft, the same for a citizen online and for an agent keying in a paper request.

export function formValuesFor(c: CaseRow, persona: Persona, stepId: string, form: FormData, db: Db): RawValues | null {
  const step = procedures[c.procedure].steps.find((s) => s.id === stepId);
  if (!step) return null;
  return Object.fromEntries(
    step.fields({ db, persona, answers: c.answers }).map((f) => [f.name, f.kind === 'checkboxes' ? form.getAll(f.name).map(String).slice(0, 20) : String(form.get(f.name) ?? '').slice(0, 300)]),
  );
}

export type StepOutcome = { ok: false; errors: Record<string, string>; values: RawValues } | { ok: true; next: string | null };

/** Saves the step as typed (always), then checks it; on success, the next step that applies (or null: the summary). */
export function saveStep(db: Db, c: CaseRow, persona: Persona, stepId: string, form: FormData): StepOutcome | null {
  const def = procedures[c.procedure];
  const step = def.steps.find((s) => s.id === stepId);
  const values = formValuesFor(c, persona, stepId, form, db);
  if (!step || !values || c.state !== 'brouillon') return null;
  const saved = saveDraft(db, c, stepId, values);
  const ctx = { db, persona, answers: saved.answers };
  const result = step.validate(values, ctx);
  if (!result.ok) return { ok: false, errors: result.errors, values };
  const steps = stepsFor(def, ctx);
  return { ok: true, next: steps[steps.findIndex((s) => s.id === stepId) + 1]?.id ?? null };
}

export function autosaveStep(db: Db, c: CaseRow, persona: Persona, stepId: string, form: FormData): { savedAt: number } | { error: string } {
  const values = formValuesFor(c, persona, stepId, form, db);
  if (!values || c.state !== 'brouillon') return { error: 'Cette demande est déjà envoyée : elle ne peut plus être modifiée.' };
  return { savedAt: saveDraft(db, c, stepId, values).updatedAt.getTime() };
}
