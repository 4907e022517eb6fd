'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/guards';
import { defaultPreferences, preferencesFromForm } from '@/lib/preferences';
import { savePreferences } from '@/lib/preferences-store';
import { safeReturnPath } from './return-path';

/** Saves the display preferences on the device and for the signed-in user; a plain form post, no script needed. */
export async function savePreferencesAction(formData: FormData): Promise<void> {
  const reset = formData.get('action') === 'defaut';
  await savePreferences(await getViewer(), reset ? defaultPreferences : preferencesFromForm(formData));
  const back = safeReturnPath(String(formData.get('retour') ?? ''));
  redirect(`/preferences?enregistre=${reset ? 'defaut' : '1'}${back ? `&retour=${encodeURIComponent(back)}` : ''}`);
}
