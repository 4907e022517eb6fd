import crypto from 'node:crypto';
import { and, desc, eq, gt, lte, sql } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { placeholderAs, prepared } from '../../db/prepared';
import { type AgencyId, type FaultKind } from '../../db/schema';
import { platformFaults } from '../../db/tables';

// Faults the teacher injects into a body for a time (the classroom drives them; the gateway obeys).

export type Fault = typeof platformFaults.$inferSelect;
export type FaultInput = { agency: AgencyId; kind: FaultKind; minutes: number; latencyMs?: number; failureRate?: number };

/**
 * The same fault asked again this soon is the same click: a double-click whose second click lands on the page the
 * first one's answer shows (the form is there again, one line lower; each render has its own action key).
 */
export const faultRepeatMs = 2000;

export async function injectFault(db: AsyncExecutor, classSessionId: string, input: FaultInput, now = new Date()): Promise<Fault> {
  const latencyMs = input.latencyMs ?? 0;
  const failureRate = input.failureRate ?? 0;
  const recent = await activeFault(db, classSessionId, input.agency, now);
  const same = recent && now.getTime() - recent.startsAt.getTime() < faultRepeatMs && recent.kind === input.kind && recent.latencyMs === latencyMs && recent.failureRate === failureRate && recent.endsAt.getTime() - recent.startsAt.getTime() === input.minutes * 60_000;
  if (same) return recent;
  return db
    .insert(platformFaults)
    .values({
      id: crypto.randomUUID(),
      classSessionId,
      agency: input.agency,
      kind: input.kind,
      latencyMs,
      failureRate,
      startsAt: now,
      endsAt: new Date(now.getTime() + input.minutes * 60_000),
    })
    .returning()
    .get();
}

/** Ends every fault of the body now (the rows stay: the debrief tells what happened). */
export async function endFaults(db: AsyncExecutor, classSessionId: string, agency: AgencyId, now = new Date()): Promise<void> {
  await db.update(platformFaults)
    .set({ endsAt: now })
    .where(and(eq(platformFaults.classSessionId, classSessionId), eq(platformFaults.agency, agency), gt(platformFaults.endsAt, now)))
    .run();
}

/** The latest fault in force on the body, if any. */
export async function activeFault(db: AsyncExecutor, classSessionId: string, agency: AgencyId, now = new Date()): Promise<Fault | null> {
  return (await faultInForce(db).get({ seance: classSessionId, agency, now })) ?? null;
}

/** A fault in force at the placeholder `now`: started, not ended (for the statements built once that read faults). */
export const inForceAtNow = () => and(lte(platformFaults.startsAt, placeholderAs(platformFaults.startsAt, 'now')), gt(platformFaults.endsAt, placeholderAs(platformFaults.endsAt, 'now')));

// Asked on every exchange: built once (db/prepared.ts).
const faultInForce = prepared((db) =>
  db
    .select()
    .from(platformFaults)
    .where(and(eq(platformFaults.classSessionId, sql.placeholder('seance')), eq(platformFaults.agency, sql.placeholder('agency')), inForceAtNow()))
    .orderBy(desc(platformFaults.createdAt))
    .limit(1),
);
