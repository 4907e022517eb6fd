import { notificationsStream } from '@/lib/live-streams';
import { nextStreamCaller } from '@/lib/live-streams-next';

export const dynamic = 'force-dynamic';

/** The person's notifications (lib/live-streams.ts; `npm start` serves it beside Next, scripts/worker.ts). */
export async function GET(request: Request) {
  return notificationsStream(request, nextStreamCaller);
}
