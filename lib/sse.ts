// Server-sent events read from the database: each stream asks `read` every `everyMs` and pushes what changed.
// Nothing is kept in memory between requests, so several processes (or a restart) would agree.

const heartbeatMs = 20_000; // a comment line now and then keeps proxies from closing the stream

/**
 * A text/event-stream response. `read` returns the event's data (JSON) or null when there is nothing to say;
 * the same data twice is sent once. `tick`, if given, runs after each read (e.g. the automatic instruction).
 */
export function eventStream(request: Request, event: string, read: () => string | null, options: { everyMs: number; tick?: () => Promise<void> }): Response {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = '';
      let quietSince = Date.now();
      const close = () => {
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const push = async () => {
        if (closed) return;
        try {
          const data = read();
          if (data !== null && data !== last) {
            controller.enqueue(encoder.encode(`event: ${event}\ndata: ${data}\n\n`));
            last = data;
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= heartbeatMs) {
            controller.enqueue(encoder.encode(': ping\n\n'));
            quietSince = Date.now();
          }
          // After the push, not before: what changed since the last read is sent without waiting for this work.
          await options.tick?.();
        } catch {
          return close();
        }
        timer = setTimeout(() => void push(), options.everyMs);
      };
      controller.enqueue(encoder.encode('retry: 5000\n\n'));
      void push();
      request.signal.addEventListener('abort', close);
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
