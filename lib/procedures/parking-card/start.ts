import { type AsyncExecutor, transaction } from '../../../db/engine';
import { habilitations } from '../../platform/catalogue';
import { consentText, consentTextVersion } from '../../platform/consent-text';
import { grantConsent } from '../../platform/consents';
import { startCase, type Actor } from '../engine/cases';
import { clockFrom, instructCase, submitOnce } from '../engine/run';
import type { Persona } from '../engine/types';
import { parkingConsentDays, parkingPurpose } from './check';

/** The consents the parking card's screen asks for: every consent-based habilitation of the city for this purpose. */
export const parkingConsentRequests = habilitations.filter((h) => h.consommateur === 'ville' && h.finalite === parkingPurpose && h.base_legale === 'consentement');

/** Path A: the person agreed on the consent screen; the consents are recorded, the case filed and decided by the rules. */
export async function fileParkingCardWithConsent(db: AsyncExecutor, persona: Persona, actor: Actor, now = new Date()) {
  const draft = await transaction(db, async (tx) => {
    for (const h of parkingConsentRequests) {
      await grantConsent(
        tx,
        {
          classSessionId: persona.classSessionId,
          personaId: persona.id,
          consumer: h.consommateur,
          provider: h.fournisseur,
          items: h.donnees,
          purpose: h.finalite,
          days: parkingConsentDays,
          shownText: consentText(h.consommateur, h.fournisseur, h.donnees, h.finalite, parkingConsentDays),
          textVersion: consentTextVersion,
        },
        now,
      );
    }
    // A request already open (double-click, another tab, back then validate again) is the one: no second case.
    return startCase(tx, { classSessionId: persona.classSessionId, personaId: persona.id, procedure: 'carte-stationnement', answers: { mode: { choix: 'avec_accord' } } }, now);
  });
  if (draft.c.state !== 'brouillon') return draft.c;
  const at = clockFrom(now); // filed, then taken and decided after the receipt is signed: each dated when it happens
  const submitted = await submitOnce(db, draft.c, persona, actor, at());
  return submitted.state === 'depose' ? instructCase(db, submitted, persona, at()) : submitted;
}
