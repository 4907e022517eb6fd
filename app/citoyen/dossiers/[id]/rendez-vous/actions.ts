'use server';

import { database } from '@/db/engine';
import { book } from '@/lib/appointments/appointments';
import { actionKeyOf, once } from '@/lib/action-keys';
import { finish, type Outcome } from '@/lib/flash';
import { citizenCase } from '@/lib/procedures/citizen';
import { CaseError } from '@/lib/procedures/engine/cases';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';

export type BookingState = { error: string | null; choice: string; attempt: number };

/** Books the chosen slot (or moves the booking there), once whatever the clicks; a slot just taken or begun comes back beside a list drawn again. */
export async function bookAction(caseId: string, replacing: string | null, previous: BookingState, form: FormData): Promise<BookingState> {
  const found = await citizenCase(caseId);
  if (!found || found.c.procedure !== 'titre-identite') redirect('/citoyen');
  const choice = String(form.get('creneau') ?? '').slice(0, 40);
  const [place, day, slot] = choice.split(':');
  if (!place || !day || !slot) return { error: 'Choisissez un créneau dans une des mairies.', choice, attempt: previous.attempt + 1 };
  const db = database();
  const outcome = await once(
    db,
    { key: actionKeyOf(form), actor: found.persona.id, action: `rendez-vous:${caseId}`, classSessionId: found.persona.classSessionId },
    async (): Promise<Outcome | BookingState> => {
      try {
        await book(db, caseId, { place, day: Number(day), slot: Number(slot) }, { replacing: replacing ?? undefined });
        return { path: `/citoyen/dossiers/${caseId}`, flash: { text: 'Votre rendez-vous est pris. Apportez votre pré-demande et vos pièces.', tone: 'succes' } };
      } catch (error) {
        if (error instanceof CaseError) return { error: error.message, choice, attempt: previous.attempt + 1 };
        throw error;
      }
    },
    { settled: (o) => 'path' in o },
  );
  if ('path' in outcome) return finish(outcome);
  // A slot taken or begun meanwhile: the list is drawn again, from now.
  if (outcome.error) revalidatePath(`/citoyen/dossiers/${caseId}/rendez-vous`);
  return outcome;
}
