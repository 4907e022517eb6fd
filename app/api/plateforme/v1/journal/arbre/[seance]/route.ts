import { database } from '@/db/engine';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler } from '@/lib/platform/http';
import { currentCheckpoint } from '@/lib/platform/journal-tree';

export const dynamic = 'force-dynamic';

/**
 * Public, like a transparency log: the séance's latest signed checkpoint (a C2SP note, text/plain). It holds only a
 * size, a root hash and a time; keep it (or an exchange's receipt) to check the journal later (npm run journal:verifier).
 */
export function GET(_request: Request, { params }: { params: Promise<{ seance: string }> }) {
  return apiHandler(async () => {
    const note = await currentCheckpoint(database(), (await params).seance);
    if (!note) throw new PlatformError('introuvable', 'Aucun point de contrôle pour cette séance (inconnue, ou son journal est vide).');
    return new Response(note, { headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  });
}
