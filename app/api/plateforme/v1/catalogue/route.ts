import { database } from '@/db/engine';
import { publicCatalogue } from '@/lib/platform/catalogue-view';

export const dynamic = 'force-dynamic';

/** Public: the platform's transparency page, as JSON (docs/API.md). */
export async function GET() {
  return Response.json(await publicCatalogue(database()), { headers: { 'Cache-Control': 'public, max-age=60' } });
}
