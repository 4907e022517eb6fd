import crypto from 'node:crypto';
import { and, desc, eq, gt, lte } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { platformFaults, type AgencyId, type FaultKind } from '../../db/schema';

// Faults the teacher injects into a body for a time (the classroom drives them; the gateway obeys).

export type Fault = typeof platformFaults.$inferSelect;
export type FaultInput = { agency: AgencyId; kind: FaultKind; minutes: number; latencyMs?: number; failureRate?: number };

export function injectFault(db: Executor, classSessionId: string, input: FaultInput, now = new Date()): Fault {
  return db
    .insert(platformFaults)
    .values({
      id: crypto.randomUUID(),
      classSessionId,
      agency: input.agency,
      kind: input.kind,
      latencyMs: input.latencyMs ?? 0,
      failureRate: input.failureRate ?? 0,
      startsAt: now,
      endsAt: new Date(now.getTime() + input.minutes * 60_000),
    })
    .returning()
    .get();
}

/** Ends every fault of the body now (the rows stay: the debrief tells what happened). */
export function endFaults(db: Executor, classSessionId: string, agency: AgencyId, now = new Date()): void {
  db.update(platformFaults)
    .set({ endsAt: now })
    .where(and(eq(platformFaults.classSessionId, classSessionId), eq(platformFaults.agency, agency), gt(platformFaults.endsAt, now)))
    .run();
}

/** The latest fault in force on the body, if any. */
export function activeFault(db: Executor, classSessionId: string, agency: AgencyId, now = new Date()): Fault | null {
  return (
    db
      .select()
      .from(platformFaults)
      .where(and(eq(platformFaults.classSessionId, classSessionId), eq(platformFaults.agency, agency), lte(platformFaults.startsAt, now), gt(platformFaults.endsAt, now)))
      .orderBy(desc(platformFaults.createdAt))
      .get() ?? null
  );
}
