import type { AsyncExecutor } from '../../../db/engine';
import { sessionById } from '../../classroom/session-by-id';
import { defaultTimeScale, type TimeScale } from './time-scale';

/** The séance's clock: how long a month of the law lasts in it (the teacher's "Réglages"). */
export const timeScaleOf = (session: { minutesPerMonth: number }): TimeScale => ({ minutesPerMonth: session.minutesPerMonth });

export async function timeScaleOfSession(db: AsyncExecutor, classSessionId: string): Promise<TimeScale> {
  const session = await sessionById(db, classSessionId);
  return session ? timeScaleOf(session) : defaultTimeScale;
}
