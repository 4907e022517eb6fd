'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { requireCitizen } from '@/lib/auth/guards';
import { habilitations } from '@/lib/platform/catalogue';
import { consentText, consentTextVersion } from '@/lib/platform/consent-text';
import { grantConsent } from '@/lib/platform/consents';
import { parkingConsentDays, parkingPurpose, runParkingLookUps } from '@/lib/procedures/parking-card/check';

/** The consent screen's answer: yes → consents recorded, then the city's look-ups; no → the path without consent. */
export async function parkingConsentAction(formData: FormData): Promise<void> {
  const persona = await requireCitizen();
  const answer = formData.get('decision');
  if (answer === 'refuser') redirect('/citoyen/demarches/carte-stationnement?choix=sans-accord');
  if (answer !== 'accepter') redirect('/citoyen/demarches/carte-stationnement/accord?erreur=choix#decision');

  const db = getDb();
  db.transaction((tx) => {
    for (const h of habilitations.filter((h) => h.consommateur === 'ville' && h.finalite === parkingPurpose && h.base_legale === 'consentement')) {
      grantConsent(tx, {
        classSessionId: persona.classSessionId,
        personaId: persona.id,
        consumer: h.consommateur,
        provider: h.fournisseur,
        items: h.donnees,
        purpose: h.finalite,
        days: parkingConsentDays,
        shownText: consentText(h.consommateur, h.fournisseur, h.donnees, h.finalite, parkingConsentDays),
        textVersion: consentTextVersion,
      });
    }
  });
  const ids = await runParkingLookUps(db, persona);
  redirect(`/citoyen/demarches/carte-stationnement/resultat?fiscal=${ids.fiscal}&vehicules=${ids.vehicles}`);
}
