import { getDb } from '@/db/client';
import { publicCatalogue } from '@/lib/platform/catalogue-view';

export const dynamic = 'force-dynamic';

/** Public: the platform's transparency page, as JSON (docs/API.md). */
export function GET() {
  return Response.json(publicCatalogue(getDb()), { headers: { 'Cache-Control': 'public, max-age=60' } });
}
