import 'server-only';
import { getDb } from '../../db/client';
import { requireCitizen } from '../auth/guards';
import { caseOf, type Actor } from './engine/cases';
import type { CaseRow, FieldDef, Persona, RawValues } from './engine/types';
import { procedures, stepsFor } from './registry';

// The citizen's side of the case engine (Data Access Layer): every function starts from the signed-in person.

export async function citizenCase(caseId: string): Promise<{ persona: Persona; c: CaseRow } | null> {
  const persona = await requireCitizen();
  const c = caseOf(getDb(), persona.id, caseId);
  return c ? { persona, c } : null;
}

export const citizenActor = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: `${p.givenNames} ${p.preferredName ?? p.familyName}` });

/** The step's values from a submitted form, by the step's own fields (checkboxes as lists). */
export function formValues(fields: FieldDef[], form: FormData): RawValues {
  return Object.fromEntries(
    fields.map((f) => [f.name, f.kind === 'checkboxes' ? form.getAll(f.name).map(String).slice(0, 20) : String(form.get(f.name) ?? '').slice(0, 300)]),
  );
}

export function stepContext(persona: Persona, c: CaseRow) {
  return { db: getDb(), persona, answers: c.answers };
}

/** The step after this one (or null: the summary), given the answers so far. */
export function nextStepId(c: CaseRow, persona: Persona, stepId: string): string | null {
  const steps = stepsFor(procedures[c.procedure], stepContext(persona, c));
  const index = steps.findIndex((s) => s.id === stepId);
  return steps[index + 1]?.id ?? null;
}
