'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { withdrawConsent } from '@/lib/platform/consents';
import { PlatformError } from '@/lib/platform/errors';

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
