import 'server-only';
import { database } from '../../db/engine';
import { getViewer } from '../auth/guards';
import { PlatformError } from '../platform/errors';
import { ownedSession } from './sessions';

/** For the teacher's route handlers: the séance, if it is the signed-in teacher's (401 / 404 as JSON otherwise). */
export async function teacherSessionForApi(id: string) {
  const viewer = await getViewer();
  if (viewer?.role !== 'enseignant') throw new PlatformError('non_authentifie');
  const session = await ownedSession(database(), viewer.teacher.id, id);
  if (!session) throw new PlatformError('seance_inconnue');
  return session;
}
