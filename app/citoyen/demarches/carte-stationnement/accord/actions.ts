'use server';

import { redirect } from 'next/navigation';
import { database } from '@/db/engine';
import { requireCitizen } from '@/lib/auth/guards';
import { cannotGoOnlineAlone, citizenActor, offlineRoutePath, sentFlash } from '@/lib/procedures/citizen';
import { finish } from '@/lib/flash';
import { fileParkingCardWithConsent } from '@/lib/procedures/parking-card/start';
import { actionKeyOf, once } from '@/lib/action-keys';

/** The consent screen's answer: yes → consents recorded, the case filed and decided by the city's rules; no → the path without consent. */
export async function parkingConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  if (cannotGoOnlineAlone(persona)) redirect(offlineRoutePath('carte-stationnement'));
  const answer = formData.get('decision');
  if (answer === 'refuser') redirect('/citoyen/demarches/carte-stationnement/justificatifs?choix=sans-accord');
  if (answer !== 'accepter') redirect('/citoyen/demarches/carte-stationnement/accord?erreur=choix#decision');
  const db = database();
  // The same answer twice (double-click, back then validate again) is one case, one consent per body, one exchange each.
  const outcome = await once(db, { key: actionKeyOf(formData), actor: persona.id, action: 'accord-stationnement', classSessionId: persona.classSessionId }, async () => {
    const c = await fileParkingCardWithConsent(db, persona, citizenActor(persona));
    return { path: `/citoyen/dossiers/${c.id}`, flash: sentFlash(c.receiptNumber) };
  });
  return finish(outcome);
}
