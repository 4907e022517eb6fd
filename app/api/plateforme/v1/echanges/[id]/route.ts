import { database } from '@/db/engine';
import { journalReaderOf, resolveApiCaller } from '@/lib/platform/api-caller';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json } from '@/lib/platform/http';
import { entryView, readExchange } from '@/lib/platform/journal-view';

export const dynamic = 'force-dynamic';

/** One exchange as journaled, with what the platform saw (mode expert), for those who took part in it. */
export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const db = database();
    const caller = await resolveApiCaller(db, request);
    const { id } = await params;
    const found = await readExchange(db, await journalReaderOf(db, caller, new URL(request.url).searchParams.get('seance')), id);
    if (!found) throw new PlatformError('introuvable', 'Cet échange n’existe pas, ou vous n’y avez pas pris part.');
    return json({ ...entryView(found.entry), requete: found.trace?.request ?? null, reponse: found.trace?.response ?? null, duree_ms: found.trace?.durationMs ?? null });
  });
}
