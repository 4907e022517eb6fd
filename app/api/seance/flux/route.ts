import { database } from '@/db/engine';
import { currentDeviceHash } from '@/lib/classroom/device';
import { messagesFor } from '@/lib/classroom/messages';
import { latestParticipation } from '@/lib/classroom/participants';
import { eventStream } from '@/lib/sse';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler } from '@/lib/platform/http';
import { journalHead } from '@/lib/platform/journal';

export const dynamic = 'force-dynamic';

/** A student's séance page hears when the teacher writes to them or gives them another role. */
export async function GET(request: Request) {
  return apiHandler(async () => {
    const device = await currentDeviceHash();
    const mine = device ? await latestParticipation(database(), device) : null;
    if (!mine) throw new PlatformError('non_participant');
    const { participant } = mine;
    return eventStream(
      request,
      'seance',
      async () => {
        const db = database();
        const now = await latestParticipation(db, device!);
        if (!now) return JSON.stringify({ gone: true });
        return JSON.stringify({ role: now.participant.role, subject: now.participant.subjectId, messages: (await messagesFor(db, participant.classSessionId, participant.id)).length, journal: now.participant.role === 'observateur' ? await journalHead(db, participant.classSessionId) : null });
      },
      { everyMs: 2000 },
    );
  });
}
