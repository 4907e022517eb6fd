import { and, asc, eq, gt, sql } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { placeholderAs, prepared } from '../../db/prepared';
import { type FaultKind } from '../../db/schema';
import { platformFaults } from '../../db/tables';

export const faultLabels: Record<FaultKind, string> = {
  panne: 'Panne : l’organisme ne répond plus',
  lenteur: 'Lenteur : l’organisme répond en retard',
  erratique: 'Erratique : une partie des demandes échoue',
};

// Read by the live view on each view and tick: built once (db/prepared.ts).
const notEnded = prepared((db) =>
  db
    .select()
    .from(platformFaults)
    .where(and(eq(platformFaults.classSessionId, sql.placeholder('seance')), gt(platformFaults.endsAt, placeholderAs(platformFaults.endsAt, 'now'))))
    .orderBy(asc(platformFaults.endsAt)),
);

/** The séance's faults in force now, soonest ending first. */
export async function faultsInForce(db: AsyncExecutor, classSessionId: string, now = new Date()) {
  return (await notEnded(db).execute({ seance: classSessionId, now })).filter((f) => f.startsAt <= now);
}
