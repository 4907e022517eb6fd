import 'server-only';
import { getDb } from '../../db/client';
import { requireCitizen } from '../auth/guards';
import { caseOf, type Actor } from './engine/cases';
import type { CaseRow, Persona } from './engine/types';

// The citizen's side of the case engine (Data Access Layer): every function starts from the signed-in person.

export async function citizenCase(caseId: string): Promise<{ persona: Persona; c: CaseRow } | null> {
  const persona = await requireCitizen();
  const c = caseOf(getDb(), persona.id, caseId);
  return c ? { persona, c } : null;
}

export const citizenActor = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: `${p.givenNames} ${p.preferredName ?? p.familyName}` });

export function stepContext(persona: Persona, c: CaseRow) {
  return { db: getDb(), persona, answers: c.answers };
}
