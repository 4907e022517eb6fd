'use server';

import { redirect } from 'next/navigation';
import { getViewer } from '@/lib/auth/guards';
import { defaultPreferences, preferencesFromForm } from '@/lib/preferences';
import { savePreferences } from '@/lib/preferences-store';
import { safeReturnPath } from './return-path';
import { setFlash } from '@/lib/flash';

/** Saves the display preferences on the device and for the signed-in user; a plain form post, no script needed. */
export async function savePreferencesAction(formData: FormData): Promise<void> {
  const reset = formData.get('action') === 'defaut';
  await savePreferences(await getViewer(), reset ? defaultPreferences : preferencesFromForm(formData));
  const viewer = await getViewer();
  const back = safeReturnPath(String(formData.get('retour') ?? ''));
  await setFlash(`${reset ? 'L’affichage est revenu aux réglages par défaut.' : 'Vos préférences sont enregistrées.'} ${viewer ? 'Elles vous suivent sur tous les appareils où vous vous connectez.' : 'Elles sont gardées sur cet appareil.'}`);
  redirect(`/preferences${back ? `?retour=${encodeURIComponent(back)}` : ''}`);
}
