import { database } from '@/db/engine';
import { journalReaderOf, resolveApiCaller } from '@/lib/platform/api-caller';
import { z } from 'zod';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json, readJson } from '@/lib/platform/http';
import { verifyJournalChain, type JournalReceipt } from '@/lib/platform/journal';
import { localLogClient } from '@/lib/platform/journal-tree';
import { verifyAgainstLog } from '@/lib/platform/log-verifier';

export const dynamic = 'force-dynamic';

/** Recomputes the whole chain of the caller's séance: anyone in it can check nothing was altered. */
export function GET(request: Request) {
  return apiHandler(async () => {
    const db = database();
    const caller = await resolveApiCaller(db, request);
    const reader = await journalReaderOf(db, caller, new URL(request.url).searchParams.get('seance'));
    return json(await verifyJournalChain(db, reader.classSessionId));
  });
}

const held = z.union([z.object({ recu: z.object({ seance: z.string(), index: z.number().int().min(0) }).passthrough() }), z.object({ point_de_controle: z.string().max(4000) })]);

/**
 * Public: given a receipt (`{ "recu": … }`) or a checkpoint (`{ "point_de_controle": "…" }`) kept from before, does
 * the journal as the server holds it now still extend it? The same checks as `npm run journal:verifier`, run here.
 */
export function POST(request: Request) {
  return apiHandler(async () => {
    const parsed = held.safeParse(await readJson(request));
    if (!parsed.success) throw new PlatformError('requete_invalide', 'Envoyez { "recu": … } (le reçu d’un échange) ou { "point_de_controle": "…" }.');
    const verdict = await verifyAgainstLog('recu' in parsed.data ? { receipt: parsed.data.recu as unknown as JournalReceipt } : { checkpoint: parsed.data.point_de_controle }, localLogClient(database()));
    return json({ valide: verdict.ok, messages: verdict.lines });
  });
}
