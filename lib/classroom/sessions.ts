import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { classSessions } from '../../db/schema';

export type ClassSession = typeof classSessions.$inferSelect;

/** The demonstration séance created on first start (the whole seeded world). */
export function demoSession(db: Executor): ClassSession | null {
  return db.select().from(classSessions).where(eq(classSessions.isDemo, true)).get() ?? null;
}
