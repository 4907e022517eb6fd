import { database } from '../../db/engine';
import { getViewer } from '../auth/guards';
import { currentDeviceHash } from './device';
import { latestParticipation } from './participants';
import { sessionById } from './session-by-id';
import { ownedSession, type ClassSession } from './sessions';

/**
 * The séance whose class-wide pages (observatory, open data) this reader may see: the one of the account they play,
 * the one they joined on this device, or, for the teacher, the one they name and own.
 */
export async function sessionOfReader(requested?: string | null): Promise<ClassSession | null> {
  const viewer = await getViewer();
  const db = database();
  if (viewer?.role === 'enseignant') return requested ? ownedSession(db, viewer.teacher.id, requested) : null;
  const played = viewer?.role === 'citoyen' ? viewer.persona.classSessionId : viewer?.role === 'agent' ? viewer.agent.classSessionId : viewer?.role === 'aidant' ? viewer.aidant.classSessionId : null;
  if (played) return sessionById(db, played);
  const device = await currentDeviceHash();
  return device ? ((await latestParticipation(db, device))?.session ?? null) : null;
}
