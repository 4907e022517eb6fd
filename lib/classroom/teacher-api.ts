import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../../db/client';
import { classSessions } from '../../db/schema';
import { getViewer } from '../auth/guards';
import { PlatformError } from '../platform/errors';

/** For the teacher's route handlers: the séance, if it is the signed-in teacher's (401 / 404 as JSON otherwise). */
export async function teacherSessionForApi(id: string) {
  const viewer = await getViewer();
  if (viewer?.role !== 'enseignant') throw new PlatformError('non_authentifie');
  const session = getDb().select().from(classSessions).where(and(eq(classSessions.id, id), eq(classSessions.teacherId, viewer.teacher.id))).get();
  if (!session) throw new PlatformError('seance_inconnue');
  return session;
}
