import { database } from '@/db/engine';
import { sessionOfReader } from '@/lib/classroom/reader-session';
import { openDataCsv, openDataRows } from '@/lib/open-data';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/** The séance's open data, as CSV (described by ../schema.json). */
export async function GET(request: Request) {
  return apiHandler(async () => {
    const session = await sessionOfReader(new URL(request.url).searchParams.get('seance'));
    if (!session) throw new PlatformError('non_participant');
    return new Response(openDataCsv(await openDataRows(database(), session)), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': 'attachment; filename="e-guichet-indicateurs.csv"', 'Cache-Control': 'no-store' },
    });
  });
}
