import { z } from 'zod';
import { database } from '@/db/engine';
import { journalReaderOf, resolveApiCaller } from '@/lib/platform/api-caller';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json } from '@/lib/platform/http';
import { entryView, readJournal } from '@/lib/platform/journal-view';

export const dynamic = 'force-dynamic';

const query = z.object({ apres: z.coerce.number().int().min(0).default(0), limite: z.coerce.number().int().min(1).max(500).default(500) });

/** The journal entries the caller may see (docs/API.md, "Journal"); `?apres=<sequence>` to follow it. */
export function GET(request: Request) {
  return apiHandler(async () => {
    const db = database();
    const caller = await resolveApiCaller(db, request);
    const params = new URL(request.url).searchParams;
    const parsed = query.safeParse({ apres: params.get('apres') ?? undefined, limite: params.get('limite') ?? undefined });
    if (!parsed.success) throw new PlatformError('requete_invalide', '« apres » et « limite » sont des nombres entiers positifs (limite ≤ 500).');
    const entries = await readJournal(db, await journalReaderOf(db, caller, params.get('seance')), { after: parsed.data.apres, limit: parsed.data.limite });
    return json({ entrees: entries.map(entryView) });
  });
}
