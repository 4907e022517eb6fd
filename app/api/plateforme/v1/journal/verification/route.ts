import { getDb } from '@/db/client';
import { journalReaderOf, resolveApiCaller } from '@/lib/platform/api-caller';
import { apiHandler, json } from '@/lib/platform/http';
import { verifyJournalChain } from '@/lib/platform/journal';

export const dynamic = 'force-dynamic';

/** Recomputes the whole chain of the caller's séance: anyone in it can check nothing was altered. */
export function GET(request: Request) {
  return apiHandler(async () => {
    const db = getDb();
    const caller = await resolveApiCaller(db, request);
    const reader = journalReaderOf(db, caller, new URL(request.url).searchParams.get('seance'));
    return json(verifyJournalChain(db, reader.classSessionId));
  });
}
