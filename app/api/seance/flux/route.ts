import { getDb } from '@/db/client';
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
    const mine = device ? latestParticipation(getDb(), device) : null;
    if (!mine) throw new PlatformError('non_participant');
    const { participant } = mine;
    return eventStream(
      request,
      'seance',
      () => {
        const db = getDb();
        const now = latestParticipation(db, device!);
        if (!now) return JSON.stringify({ gone: true });
        return JSON.stringify({ role: now.participant.role, subject: now.participant.subjectId, messages: messagesFor(db, participant.classSessionId, participant.id).length, journal: now.participant.role === 'observateur' ? journalHead(db, participant.classSessionId) : null });
      },
      { everyMs: 2000 },
    );
  });
}
