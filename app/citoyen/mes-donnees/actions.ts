'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { withdrawConsent } from '@/lib/platform/consents';
import { PlatformError } from '@/lib/platform/errors';
import { confirmMandate, revokeMandate } from '@/lib/aidants/mandates';
import { CaseError } from '@/lib/procedures/engine/cases';

/** One click withdraws a consent; the page then says so and the next look-up is refused. */
export async function withdrawConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  const id = z.uuid().safeParse(formData.get('consentement'));
  let outcome = 'accord-retire';
  try {
    if (!id.success) throw new PlatformError('introuvable');
    withdrawConsent(getDb(), persona.id, id.data);
  } catch (error) {
    if (!(error instanceof PlatformError)) throw error;
    outcome = 'accord-introuvable';
  }
  revalidatePath('/citoyen/mes-donnees');
  redirect(`/citoyen/mes-donnees?message=${outcome}#accords`);
}

/** The person, beside the aidant, confirms the mandate from their own space. */
export async function confirmMandateAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  let outcome = 'mandat-confirme';
  try {
    confirmMandate(getDb(), persona.id, String(formData.get('mandat') ?? ''));
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    outcome = 'mandat-introuvable';
  }
  revalidatePath('/citoyen');
  redirect(`/citoyen/mes-donnees?message=${outcome}#mandats`);
}

/** One click ends a mandate (or refuses one not yet confirmed). */
export async function revokeMandateAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  let outcome = 'mandat-revoque';
  try {
    revokeMandate(getDb(), persona.id, String(formData.get('mandat') ?? ''));
  } catch (error) {
    if (!(error instanceof CaseError)) throw error;
    outcome = 'mandat-introuvable';
  }
  revalidatePath('/citoyen/mes-donnees');
  redirect(`/citoyen/mes-donnees?message=${outcome}#mandats`);
}
