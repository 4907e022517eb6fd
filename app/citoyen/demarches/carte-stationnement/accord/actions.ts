'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { cannotGoOnlineAlone, citizenActor, offlineRoutePath } from '@/lib/procedures/citizen';
import { fileParkingCardWithConsent } from '@/lib/procedures/parking-card/start';

/** The consent screen's answer: yes → consents recorded, the case filed and decided by the city's rules; no → the path without consent. */
export async function parkingConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  if (cannotGoOnlineAlone(persona)) redirect(offlineRoutePath('carte-stationnement'));
  const answer = formData.get('decision');
  if (answer === 'refuser') redirect('/citoyen/demarches/carte-stationnement/justificatifs?choix=sans-accord');
  if (answer !== 'accepter') redirect('/citoyen/demarches/carte-stationnement/accord?erreur=choix#decision');
  const c = await fileParkingCardWithConsent(getDb(), persona, citizenActor(persona));
  redirect(`/citoyen/dossiers/${c.id}?envoye=1`);
}
