import { type AsyncExecutor, getEngine } from '../../../db/engine';
import { readExchange } from '../../platform/journal-view';
import { requestExchange, type GatewayDeps, defaultGatewayDeps } from '../../platform/gateway';
import { currentToken } from '../../platform/tokens';
import { lookupAddress } from '../../world/addresses';
import { decideParkingCard, type FiscalAddress, type LookUp, type ParkingDecision, type Vehicle } from './rules';

// Path A of the parking card: the city asks the platform (DGFiP, then SIV) and applies its rules.

export const parkingPurpose = 'carte_stationnement_residentiel';
/** How long the consent given on the parking card's screen lasts. */
export const parkingConsentDays = 30;
export const parkingLookUps = [
  { provider: 'dgfip', item: 'dgfip.adresse_fiscale' },
  { provider: 'siv', item: 'siv.vehicules' },
] as const;

/** The city's two look-ups through the gateway; returns the journal entry ids (fiscal, vehicles). */
export async function runParkingLookUps(db: AsyncExecutor, person: { id: string; classSessionId: string }, caseId?: string, deps: GatewayDeps = defaultGatewayDeps) {
  const caller = { classSessionId: person.classSessionId, agency: 'ville' as const, token: (await currentToken(getEngine(), person.classSessionId, 'ville')).token };
  const ids: string[] = [];
  for (const { provider, item } of parkingLookUps) {
    const outcome = await requestExchange(db, caller, { fournisseur: provider, donnees: [item], usager: person.id, finalite: parkingPurpose, ...(caseId ? { dossier: caseId } : {}) }, deps);
    if (!outcome.entry) throw new Error(`parking look-up rejected as malformed: ${JSON.stringify(outcome.body)}`);
    ids.push(outcome.entry.id);
  }
  return { fiscal: ids[0]!, vehicles: ids[1]! };
}

/** What one journaled look-up gave, read back from its trace (only the person's own exchanges). */
async function lookUpResult<T>(db: AsyncExecutor, person: { id: string; classSessionId: string }, entryId: string, item: string): Promise<LookUp<T> | null> {
  const found = await readExchange(db, { kind: 'usager', classSessionId: person.classSessionId, personaId: person.id }, entryId);
  if (!found?.trace || found.entry.consumer !== 'ville' || found.entry.purpose !== parkingPurpose || !found.entry.items.includes(item)) return null;
  const body = found.trace.response.corps as { donnees?: Record<string, unknown>; erreur?: string };
  return found.trace.response.statut === 200 && body.donnees?.[item] ? { ok: true, data: body.donnees[item] as T } : { ok: false, code: body.erreur ?? 'inconnu' };
}

/** The decision on two look-ups, or null if they are not this person's parking look-ups. */
export async function parkingDecisionFor(db: AsyncExecutor, person: { id: string; classSessionId: string }, ids: { fiscal: string; vehicles: string }): Promise<{ decision: ParkingDecision; fiscal: LookUp<FiscalAddress>; vehicles: LookUp<Vehicle[]> } | null> {
  const fiscal = await lookUpResult<FiscalAddress>(db, person, ids.fiscal, 'dgfip.adresse_fiscale');
  const vehicles = await lookUpResult<Vehicle[]>(db, person, ids.vehicles, 'siv.vehicules');
  if (!fiscal || !vehicles) return null;
  const street = fiscal.ok ? await lookupAddress(db, fiscal.data.adresse.ligne, fiscal.data.adresse.code_postal) : null;
  return { decision: decideParkingCard({ fiscal, vehicles, street }), fiscal, vehicles };
}
