import { z } from 'zod';
import { database } from '@/db/engine';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json } from '@/lib/platform/http';
import { consistencyBetween } from '@/lib/platform/journal-tree';

export const dynamic = 'force-dynamic';

const query = z.object({ de: z.coerce.number().int().min(0), a: z.coerce.number().int().min(0) });

/** Public: the RFC 9162 consistency proof between the séance's trees of `de` and `a` entries (hex, per RFC 9162 2.1.4). */
export function GET(request: Request, { params }: { params: Promise<{ seance: string }> }) {
  return apiHandler(async () => {
    const search = new URL(request.url).searchParams;
    const parsed = query.safeParse({ de: search.get('de') ?? undefined, a: search.get('a') ?? undefined });
    if (!parsed.success) throw new PlatformError('requete_invalide', '« de » et « a » sont des tailles d’arbre (nombres entiers positifs).');
    const { de, a } = parsed.data;
    return json({ de, a, preuve: await consistencyBetween(database(), (await params).seance, de, a) });
  });
}
