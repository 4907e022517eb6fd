import type { AsyncExecutor } from '../../db/engine';
import { sessionById } from '../classroom/session-by-id';
import { countHit } from '../rate-limit';
import type { Persona } from './engine/types';

// A zone blanche, simulated (issue 8): for a persona who lives where the network is poor, each request is slow and
// every other one of each kind is cut. Deterministic on purpose, so that a class (and a test) sees the same thing;
// the count is kept in the database like every other state.

export const zoneBlancheLatencyMs = 1500;
export type RequestKind = 'enregistrer' | 'brouillon' | 'envoyer';

export async function hasBadNetwork(db: AsyncExecutor, persona: Pick<Persona, 'digitalProfile' | 'classSessionId'>): Promise<boolean> {
  if (persona.digitalProfile !== 'zone_blanche') return false;
  return (await sessionById(db, persona.classSessionId))?.simulateNetwork ?? false;
}

/** Waits like a slow network, then says whether this request is cut ('coupure') or goes through ('ok'). */
export async function throughNetwork(db: AsyncExecutor, persona: Pick<Persona, 'id' | 'digitalProfile' | 'classSessionId'>, kind: RequestKind): Promise<'ok' | 'coupure'> {
  if (!await hasBadNetwork(db, persona)) return 'ok';
  await new Promise((resolve) => setTimeout(resolve, zoneBlancheLatencyMs));
  const { hits } = await countHit(db, `reseau:${kind}:${persona.id}`, 86_400_000);
  return hits % 2 === 1 ? 'coupure' : 'ok';
}

export const networkCutMessage = 'La connexion a été coupée : votre réponse n’est pas encore enregistrée. Ce que vous avez écrit est toujours là, et gardé sur cet appareil. Réessayez.';
