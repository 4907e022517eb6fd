import { and, asc, eq, gt } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { type FaultKind } from '../../db/schema';
import { platformFaults } from '../../db/tables';

export const faultLabels: Record<FaultKind, string> = {
  panne: 'Panne : l’organisme ne répond plus',
  lenteur: 'Lenteur : l’organisme répond en retard',
  erratique: 'Erratique : une partie des demandes échoue',
};

/** The séance's faults in force now, soonest ending first. */
export async function faultsInForce(db: AsyncExecutor, classSessionId: string, now = new Date()) {
  return (await db
    .select()
    .from(platformFaults)
    .where(and(eq(platformFaults.classSessionId, classSessionId), gt(platformFaults.endsAt, now)))
    .orderBy(asc(platformFaults.endsAt))
    .all())
    .filter((f) => f.startsAt <= now);
}
