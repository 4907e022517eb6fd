import { eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { classSessions } from '../../../db/tables';
import { defaultTimeScale, type TimeScale } from './time-scale';

/** The séance's clock: how long a month of the law lasts in it (the teacher's "Réglages"). */
export const timeScaleOf = (session: { minutesPerMonth: number }): TimeScale => ({ minutesPerMonth: session.minutesPerMonth });

export async function timeScaleOfSession(db: AsyncExecutor, classSessionId: string): Promise<TimeScale> {
  const session = await db.select({ minutesPerMonth: classSessions.minutesPerMonth }).from(classSessions).where(eq(classSessions.id, classSessionId)).get();
  return session ? timeScaleOf(session) : defaultTimeScale;
}
