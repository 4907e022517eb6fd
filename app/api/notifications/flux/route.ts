import { getDb } from '@/db/client';
import { notificationsFor } from '@/lib/notifications';
import { notificationViewer } from '@/lib/notifications-viewer';

export const dynamic = 'force-dynamic';

const everyMs = 2000;
const heartbeatEvery = 10; // a comment line every 20 s keeps proxies from closing the stream

/**
 * Server-sent events: the person's notifications, pushed when they change. The source of truth is the database
 * (the cases' history), read every two seconds: nothing is kept in memory, and several processes would agree.
 */
export async function GET(request: Request) {
  const viewer = await notificationViewer();
  if (!viewer) return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous pour recevoir vos notifications.' }, { status: 401 });
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = '';
      let ticks = 0;
      const push = () => {
        try {
          const json = JSON.stringify(notificationsFor(getDb(), viewer));
          if (json !== last) {
            controller.enqueue(encoder.encode(`event: notifications\ndata: ${json}\n\n`));
            last = json;
          } else if (++ticks % heartbeatEvery === 0) controller.enqueue(encoder.encode(': ping\n\n'));
        } catch {
          clearInterval(timer);
        }
      };
      controller.enqueue(encoder.encode(`retry: 5000\n\n`));
      push();
      timer = setInterval(push, everyMs);
      request.signal.addEventListener('abort', () => {
        clearInterval(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
    },
    cancel() {
      clearInterval(timer);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
