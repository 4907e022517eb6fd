import { updatesStream } from '@/lib/live-streams';
import { nextStreamCaller } from '@/lib/live-streams-next';

export const dynamic = 'force-dynamic';

/** A fingerprint of the person's pages (lib/live-streams.ts; `npm start` serves it beside Next, scripts/worker.ts). */
export async function GET(request: Request) {
  return updatesStream(request, nextStreamCaller);
}
