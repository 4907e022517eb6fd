'use server';

import { eq } from 'drizzle-orm';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { classSessions } from '@/db/tables';
import { ensureDeviceHash } from '@/lib/classroom/device';
import { joinSession, pseudonymSchema } from '@/lib/classroom/participants';
import { clientAddress, clientKey, hit } from '@/lib/rate-limit';
import { joinLimit } from './limits';
import { actionKeyOf } from '@/lib/action-keys';

/** A student joins with the code and a pseudonym; the same device gets its role back. */
export async function joinAction(formData: FormData): Promise<void> {
  const code = String(formData.get('code') ?? '').toUpperCase();
  const typed = String(formData.get('pseudonyme') ?? '');
  const back = (error: string) => redirect(`/rejoindre?${new URLSearchParams({ code, pseudonyme: typed, erreur: error }).toString()}#pseudonyme`);
  const db = database();
  const session = await db.select().from(classSessions).where(eq(classSessions.joinCode, code)).get();
  if (!session) {
    await hit(db, clientKey('rejoindre', clientAddress(await headers())), joinLimit);
    redirect(`/rejoindre?code=${encodeURIComponent(code)}`);
  }
  const pseudonym = pseudonymSchema.safeParse(typed);
  if (!pseudonym.success) back(pseudonym.error.issues[0]?.message ?? 'Choisissez un autre pseudonyme.');
  const outcome = await joinSession(db, session, pseudonym.data!, await ensureDeviceHash(actionKeyOf(formData)));
  if (!outcome.ok)
    back(outcome.error === 'pseudonyme_pris' ? 'Ce pseudonyme est déjà pris dans la séance. Choisissez-en un autre, par exemple en ajoutant un chiffre.' : 'La séance est complète. Prévenez votre enseignant·e.');
  redirect('/seance');
}
