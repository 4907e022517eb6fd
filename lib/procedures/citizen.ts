import 'server-only';
import { cache } from 'react';
import { database } from '../../db/engine';
import { requireCitizen } from '../auth/guards';
import { caseOf, type Actor } from './engine/cases';
import type { CaseRow, Persona } from './engine/types';

// The citizen's side of the case engine (Data Access Layer): every function starts from the signed-in person.

/** The signed-in person's case; once per page view, its metadata and the page sharing it (React's cache). */
export const citizenCase = cache(async (caseId: string): Promise<{ persona: Persona; c: CaseRow } | null> => {
  const persona = await requireCitizen();
  const c = await caseOf(database(), persona.id, caseId);
  return c ? { persona, c } : null;
});

export const citizenActor = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: `${p.givenNames} ${p.preferredName ?? p.familyName}` });

export function stepContext(persona: Persona, c: CaseRow) {
  return { db: database(), persona, answers: c.answers };
}

/**
 * A persona who has never used the Internet cannot file a request online alone (issue 8): the product sends them to
 * an aidant, the counter or the paper form. Aidants and agents act for them through their own pages.
 */
export const cannotGoOnlineAlone = (persona: Pick<Persona, 'digitalProfile'>) => persona.digitalProfile === 'jamais_internet';

/** Where a citizen action sends such a persona instead of starting a request. */
export const offlineRoutePath = (procedure: string) => `/citoyen/sans-internet?demarche=${encodeURIComponent(procedure)}`;

/**
 * A request sent before, found again by a retry of its « Envoyer »: it has its number, whatever has become of it since
 * (a retry that waited for a server that died mid-answer may find it already decided by the rules).
 */
export const sentBefore = (c: Pick<CaseRow, 'receiptNumber' | 'state'>) => c.receiptNumber !== null && c.state !== 'brouillon';

/** What the case page says once a request is sent: its number, and where the acknowledgement is. */
export const sentFlash = (receipt: string | null) => ({
  text: `Votre demande est envoyée. Gardez son numéro : ${receipt ?? '(à venir)'}. L’accusé de réception est dans votre coffre-fort.`,
  tone: 'succes' as const,
  emphasis: receipt,
});
