
import { database } from '@/db/engine';

import { liveSnapshot } from '@/lib/classroom/live';
import { teacherSessionForApi } from '@/lib/classroom/teacher-api';
import { apiHandler } from '@/lib/platform/http';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { eventStream, sharedRead } from '@/lib/sse';
import { sessionById } from '@/lib/classroom/session-by-id';

export const dynamic = 'force-dynamic';

/**
 * The teacher's live view (server-sent events): the séance's snapshot, then what changes in it, read from the database
 * twice a second — once for every screen of this server that watches the séance (the teacher's, the projector's).
 * Each read also runs the automatic instruction that is due, so the bodies nobody plays answer on time.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const { id } = await teacherSessionForApi((await params).id);
    const db = database();
    return eventStream(
      request,
      'live',
      () => sharedRead(`live:${id}`, 400, async () => {
        const session = await sessionById(db, id);
        return session ? JSON.stringify(await liveSnapshot(db, session)) : JSON.stringify({ gone: true });
      }),
      // Twice a second: what a student did shows on the teacher's screen within 2 s even when the class is busy;
      // the automatic instruction runs after each push.
      // After the first snapshot, only what changed (a new exchange: its line, the counts, not the whole séance).
      { everyMs: 500, tick: () => sharedRead(`instruction:${id}`, 400, () => runDueInstruction(db, id)), changes: true },
    );
  });
}
