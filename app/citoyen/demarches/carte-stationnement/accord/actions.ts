'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { cannotGoOnlineAlone, citizenActor, offlineRoutePath } from '@/lib/procedures/citizen';
import { fileParkingCardWithConsent } from '@/lib/procedures/parking-card/start';
import { actionKeyOf, once } from '@/lib/action-keys';

/** The consent screen's answer: yes → consents recorded, the case filed and decided by the city's rules; no → the path without consent. */
export async function parkingConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  if (cannotGoOnlineAlone(persona)) redirect(offlineRoutePath('carte-stationnement'));
  const answer = formData.get('decision');
  if (answer === 'refuser') redirect('/citoyen/demarches/carte-stationnement/justificatifs?choix=sans-accord');
  if (answer !== 'accepter') redirect('/citoyen/demarches/carte-stationnement/accord?erreur=choix#decision');
  const db = getDb();
  // The same answer twice (double-click, back then validate again) is one case, one consent per body, one exchange each.
  const path = await once(db, { key: actionKeyOf(formData), actor: persona.id, action: 'accord-stationnement', classSessionId: persona.classSessionId }, async () => {
    const c = await fileParkingCardWithConsent(db, persona, citizenActor(persona));
    return `/citoyen/dossiers/${c.id}?envoye=1`;
  });
  redirect(path);
}
