import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies, agents, classSessions } from '../../db/schema';

export type ClassSession = typeof classSessions.$inferSelect;

/** The demonstration séance created on first start (the whole seeded world). */
export function demoSession(db: Executor): ClassSession | null {
  return db.select().from(classSessions).where(eq(classSessions.isDemo, true)).get() ?? null;
}

/** A séance's agent accounts with their body's short name, by body then family name. */
export function agentsOfSession(db: Executor, classSessionId: string) {
  return db
    .select({ agent: agents, agencyName: agencies.shortName })
    .from(agents)
    .innerJoin(agencies, eq(agencies.id, agents.agencyId))
    .where(eq(agents.classSessionId, classSessionId))
    .orderBy(asc(agencies.shortName), asc(agents.familyName))
    .all();
}
