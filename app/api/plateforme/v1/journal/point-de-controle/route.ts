import { getDb } from '@/db/client';
import { journalReaderOf, resolveApiCaller } from '@/lib/platform/api-caller';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler } from '@/lib/platform/http';
import { latestCheckpoint } from '@/lib/platform/journal';

export const dynamic = 'force-dynamic';

/** The latest signed checkpoint of the caller's séance (a C2SP signed note, text/plain): keep it to check the journal later. */
export function GET(request: Request) {
  return apiHandler(async () => {
    const db = getDb();
    const caller = await resolveApiCaller(db, request);
    const reader = journalReaderOf(db, caller, new URL(request.url).searchParams.get('seance'));
    const head = latestCheckpoint(db, reader.classSessionId);
    if (!head) throw new PlatformError('introuvable', 'Le journal de cette séance est encore vide : aucun point de contrôle.');
    return new Response(head.checkpoint, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  });
}
