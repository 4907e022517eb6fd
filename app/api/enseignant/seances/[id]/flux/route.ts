import { teacherStream } from '@/lib/live-streams';
import { nextStreamCaller } from '@/lib/live-streams-next';

export const dynamic = 'force-dynamic';

/** The teacher's live view (lib/live-streams.ts; `npm start` serves it beside Next, scripts/worker.ts). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return teacherStream((await params).id)(request, nextStreamCaller);
}
