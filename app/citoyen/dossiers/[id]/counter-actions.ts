'use server';

import { database } from '@/db/engine';
import { actionKeyOf, once } from '@/lib/action-keys';
import { finish, type Outcome } from '@/lib/flash';
import { citizenCase } from '@/lib/procedures/citizen';
import { CaseError } from '@/lib/procedures/engine/cases';
import { askCollection } from '@/lib/procedures/identity-document/counter';
import { redirect } from 'next/navigation';

/** The person goes to collect the document: once, whatever the clicks. */
export async function collectAction(caseId: string, form: FormData): Promise<void> {
  const found = await citizenCase(caseId);
  if (!found) redirect('/citoyen');
  const db = database();
  const outcome = await once(db, { key: actionKeyOf(form), actor: found.persona.id, action: `retrait:${caseId}`, classSessionId: found.persona.classSessionId }, async (): Promise<Outcome> => {
    try {
      const given = await askCollection(db, found.persona, caseId);
      return { path: `/citoyen/dossiers/${caseId}`, flash: { text: given.collectedAt ? 'Votre titre vous est remis.' : 'Vous êtes au guichet : l’agent va vous remettre votre titre.', tone: 'succes' } };
    } catch (error) {
      if (error instanceof CaseError) return { path: `/citoyen/dossiers/${caseId}`, flash: { text: error.message, tone: 'erreur' } };
      throw error;
    }
  });
  return finish(outcome);
}
