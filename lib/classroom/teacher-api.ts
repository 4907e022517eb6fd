import 'server-only';
import { database } from '../../db/engine';
import { requestSession } from '../auth/guards';
import { teachersSessionOf } from './sessions';

/** For the teacher's route handlers: the séance, if it is the signed-in teacher's (401 / 404 as JSON otherwise). */
export async function teacherSessionForApi(id: string) {
  return teachersSessionOf(database(), await requestSession(), id);
}
