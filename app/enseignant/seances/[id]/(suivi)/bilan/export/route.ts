import { database } from '@/db/engine';
import { computeDebrief, debriefCsv } from '@/lib/classroom/debrief';
import { teacherSessionForApi } from '@/lib/classroom/teacher-api';
import { apiHandler } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/** The debrief's cases as CSV, for the written follow-up in a spreadsheet. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    const session = await teacherSessionForApi((await params).id);
    const slug = session.name.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'seance';
    return new Response(debriefCsv(await computeDebrief(database(), session)), {
      headers: { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="bilan-${slug}.csv"`, 'Cache-Control': 'no-store' },
    });
  });
}
