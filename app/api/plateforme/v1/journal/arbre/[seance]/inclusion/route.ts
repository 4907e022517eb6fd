import { z } from 'zod';
import { database } from '@/db/engine';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json } from '@/lib/platform/http';
import { inclusionIn } from '@/lib/platform/journal-tree';

export const dynamic = 'force-dynamic';

const query = z.object({ index: z.coerce.number().int().min(0), taille: z.coerce.number().int().min(1) });

/** Public: the RFC 9162 inclusion proof of leaf `index` in the séance's tree of `taille` entries, with that leaf's hash. */
export function GET(request: Request, { params }: { params: Promise<{ seance: string }> }) {
  return apiHandler(async () => {
    const search = new URL(request.url).searchParams;
    const parsed = query.safeParse({ index: search.get('index') ?? undefined, taille: search.get('taille') ?? undefined });
    if (!parsed.success) throw new PlatformError('requete_invalide', '« index » (à partir de 0) et « taille » (à partir de 1) sont des nombres entiers.');
    const { index, taille } = parsed.data;
    return json({ index, taille, ...await inclusionIn(database(), (await params).seance, index, taille) });
  });
}
