import 'server-only';
import { database } from '../../db/engine';
import { getViewer } from '../auth/guards';
import { teachersSessionFor } from './sessions';

/** For the teacher's route handlers: the séance, if it is the signed-in teacher's (401 / 404 as JSON otherwise). */
export async function teacherSessionForApi(id: string) {
  return teachersSessionFor(database(), await getViewer(), id);
}
