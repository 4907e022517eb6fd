import { asc, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { countOf, formatNumber } from '../format';
import { journalEntries } from '../../db/tables';
import { journalJwks } from './checkpoints';
import { PlatformError } from './errors';
import { entryLeafHash, latestCheckpoint } from './journal';
import type { LogClient } from './log-verifier';
import { consistencyProof, inclusionProof } from './merkle';

// The proofs a verifier asks for (docs/API.md, "Journal"), computed from the entries as they are in the database now.
// If someone removed or rewrote entries, these proofs are computed from what is left: they then fail against any
// checkpoint or receipt signed before — which is the point.

async function leavesOf(db: AsyncExecutor, classSessionId: string): Promise<Buffer[]> {
  return (await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, classSessionId)).orderBy(asc(journalEntries.sequence)).all()).map(entryLeafHash);
}

const sizeError = (size: number, held: number) =>
  new PlatformError('requete_invalide', `Le journal compte ${countOf(held, 'entrée', 'entrées')} : pas d’arbre de taille ${formatNumber(size)}.`);

/** The latest signed checkpoint (a C2SP note) of a séance, or null while its journal is empty. */
export async function currentCheckpoint(db: AsyncExecutor, classSessionId: string): Promise<string | null> {
  return (await latestCheckpoint(db, classSessionId))?.checkpoint ?? null;
}

/** RFC 9162 consistency proof between the trees of `from` and `to` entries (hex). */
export async function consistencyBetween(db: AsyncExecutor, classSessionId: string, from: number, to: number): Promise<string[]> {
  const leaves = await leavesOf(db, classSessionId);
  if (to > leaves.length) throw sizeError(to, leaves.length);
  if (from > to) throw new PlatformError('requete_invalide', '« de » ne peut dépasser « a ».');
  return consistencyProof(leaves, from, to).map((h) => h.toString('hex'));
}

/** RFC 9162 inclusion proof of leaf `index` in the tree of `size` entries (hex). */
export async function inclusionIn(db: AsyncExecutor, classSessionId: string, index: number, size: number): Promise<{ empreinte_feuille: string; preuve: string[] }> {
  const leaves = await leavesOf(db, classSessionId);
  if (size > leaves.length) throw sizeError(size, leaves.length);
  if (index >= size) throw new PlatformError('requete_invalide', '« index » doit être inférieur à « taille ».');
  return { empreinte_feuille: leaves[index]!.toString('hex'), preuve: inclusionProof(leaves, index, size).map((h) => h.toString('hex')) };
}

/** The verifier's view of this server's own journal (POST /api/plateforme/v1/journal/verification, the tests). */
export function localLogClient(db: AsyncExecutor): LogClient {
  return {
    keys: async () => journalJwks().keys,
    checkpoint: async (seance) => currentCheckpoint(db, seance),
    consistency: async (seance, from, to) => consistencyBetween(db, seance, from, to),
    inclusion: async (seance, index, size) => inclusionIn(db, seance, index, size),
  };
}
