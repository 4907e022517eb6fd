'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { withdrawConsent } from '@/lib/platform/consents';
import { PlatformError } from '@/lib/platform/errors';
import { confirmMandate, revokeMandate } from '@/lib/aidants/mandates';
import { CaseError } from '@/lib/procedures/engine/cases';
import { setFlash, type FlashTone } from '@/lib/flash';

const outcomes: Record<string, { tone: FlashTone; text: string }> = {
  'accord-retire': { tone: 'succes', text: 'Votre accord est retiré. À partir de maintenant, ces données ne seront plus transmises sur cette base.' },
  'accord-introuvable': { tone: 'erreur', text: 'Cet accord est introuvable. La liste ci-dessous est à jour.' },
  'mandat-confirme': { tone: 'succes', text: 'Le mandat est confirmé : votre aidant peut faire ces démarches pour vous.' },
  'mandat-revoque': { tone: 'succes', text: 'Le mandat est terminé : votre aidant ne peut plus agir pour vous.' },
  'mandat-introuvable': { tone: 'erreur', text: 'Ce mandat est introuvable ou ne peut plus être confirmé.' },
};

/** Says what happened, on the page the person comes back to. */
async function tell(outcome: string, anchor: string): Promise<never> {
  const said = outcomes[outcome]!;
  await setFlash(said.text, said.tone);
  redirect(`/citoyen/mes-donnees#${anchor}`);
}

/** One click withdraws a consent; the page then says so and the next look-up is refused. */
export async function withdrawConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  const id = z.uuid().safeParse(formData.get('consentement'));
  let outcome = 'accord-retire';
  try {
    if (!id.success) throw new PlatformError('introuvable');
    await withdrawConsent(database(), persona.id, id.data);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    outcome = 'accord-introuvable';
  }
  revalidatePath('/citoyen/mes-donnees');
  return tell(outcome, 'accords');
}

/** The person, beside the aidant, confirms the mandate from their own space. */
export async function confirmMandateAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  let outcome = 'mandat-confirme';
  try {
    await confirmMandate(database(), persona.id, String(formData.get('mandat') ?? ''));
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    outcome = 'mandat-introuvable';
  }
  revalidatePath('/citoyen');
  return tell(outcome, 'mandats');
}

/** One click ends a mandate (or refuses one not yet confirmed). */
export async function revokeMandateAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  let outcome = 'mandat-revoque';
  try {
    await revokeMandate(database(), persona.id, String(formData.get('mandat') ?? ''));
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    outcome = 'mandat-introuvable';
  }
  revalidatePath('/citoyen/mes-donnees');
  return tell(outcome, 'mandats');
}
