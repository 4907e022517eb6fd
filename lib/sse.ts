import { snapshotChange, type SnapshotChange } from './classroom/live-diff';

// Server-sent events read from the database: each stream asks `read` every `everyMs` and pushes what changed.
// Nothing is kept in memory between requests, so several processes (or a restart) would agree.

const heartbeatMs = 20_000; // a comment line now and then keeps proxies from closing the stream
/** A woken stream's reads start at least this far apart (a burst of changes is read in a few reads, not one each). */
const wakeGapMs = 150;

type SharedRead = { startedAt: number; done: boolean; value: Promise<unknown> };
// A handle on reads in flight, not application state: a process without it gives the same answers, only with more
// reads (on globalThis: Next.js may load this module once per bundle layer).
const holder = globalThis as typeof globalThis & { __eguichetSharedReads?: Map<string, SharedRead> };

/**
 * One read for every stream of this process that asks for `key` while it runs or within `maxAgeMs` of its start (the
 * teacher's screen and the projector watching one séance; several pages running its automatic instruction): the same
 * answer, one trip to the database. What it returns is at most `maxAgeMs` (or the read's own time) older than a read of
 * one's own; a failed read is not kept.
 */
export function sharedRead<T>(key: string, maxAgeMs: number, read: () => Promise<T>): Promise<T> {
  const reads = (holder.__eguichetSharedReads ??= new Map());
  const now = Date.now();
  const found = reads.get(key);
  if (found && (!found.done || now - found.startedAt < maxAgeMs)) return found.value as Promise<T>;
  const entry: SharedRead = { startedAt: now, done: false, value: read() };
  reads.set(key, entry);
  const forget = () => {
    if (reads.get(key) === entry) reads.delete(key);
  };
  entry.value.then(
    () => {
      entry.done = true;
      setTimeout(forget, Math.max(0, entry.startedAt + maxAgeMs - Date.now())).unref?.();
    },
    forget,
  );
  return entry.value as Promise<T>;
}

/**
 * What a read with `changes` may return instead of its JSON text: the text and its value, made once by a shared read
 * (`sharedRead`) for every stream that watches the same thing — thirty screens on one séance then parse nothing, and
 * the change from what they were sent to it is worked out once (below).
 */
export type EventData = { text: string; value: Record<string, unknown> };

/** The text and value of a JSON object, for a read to return to every stream it is shared by. */
export const eventData = (value: unknown): EventData => {
  const text = JSON.stringify(value);
  return { text, value: JSON.parse(text) as Record<string, unknown> };
};

// The change between two values read for streams, by the values themselves: streams sent the same value, then read the
// same next one, share one computation (snapshotChange is a pure function; both maps forget with the values).
const changes = new WeakMap<object, WeakMap<object, SnapshotChange | null>>();
function changeBetween(sent: Record<string, unknown>, value: Record<string, unknown>): SnapshotChange | null {
  let fromSent = changes.get(sent);
  if (!fromSent) changes.set(sent, (fromSent = new WeakMap()));
  if (fromSent.has(value)) return fromSent.get(value)!;
  const change = snapshotChange(sent, value);
  fromSent.set(value, change);
  return change;
}

/**
 * A text/event-stream response. `read` returns the event's data (JSON) or null when there is nothing to say;
 * the same data twice is sent once. `tick`, if given, runs after a read when the previous one is done (e.g. the automatic
 * instruction); what it changed is sent as soon as it ends. With `changes`, `read` returns a JSON object: the first
 * event carries it whole, `{"instantane": …}`, the next ones only what changed since, `{"changements": …}`
 * (lib/classroom/live-diff.ts; each stream diffs against what it sent itself, so a reconnection starts whole again).
 * With `wake`, the stream also reads soon after each call of the function it is given (e.g. a database notification,
 * lib/live-wake.ts), at most every `wakeGapMs` and never more than half the time; `wake` returns how to stop.
 */
export function eventStream(
  request: Request,
  event: string,
  read: () => Promise<string | EventData | null>,
  options: { everyMs: number; tick?: () => Promise<void>; changes?: boolean; wake?: (now: () => void) => () => void },
): Response {
  const encoder = new TextEncoder();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  let stopWatching = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let last = '';
      let sent: Record<string, unknown> | null = null; // with `changes`: what the other side holds
      let quietSince = Date.now();
      const close = () => {
        closed = true;
        clearTimeout(timer);
        stopWatching();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      let ticking = false;
      /** Reads and sends what changed; false when the stream is over. */
      const sendNow = async (): Promise<boolean> => {
        if (closed) return false;
        try {
          const answer = await read();
          if (closed) return false;
          const data = typeof answer === 'string' || answer === null ? answer : answer.text;
          if (data !== null && data !== last) {
            let payload: string | null = data;
            if (options.changes) {
              const value = typeof answer === 'object' && answer !== null ? answer.value : (JSON.parse(data) as Record<string, unknown>);
              const change = sent && changeBetween(sent, value);
              payload = !sent ? `{"instantane":${data}}` : change ? JSON.stringify({ changements: change }) : null;
              sent = value;
            }
            if (payload !== null) controller.enqueue(encoder.encode(`event: ${event}\ndata: ${payload}\n\n`));
            last = data;
            quietSince = Date.now();
          } else if (Date.now() - quietSince >= heartbeatMs) {
            controller.enqueue(encoder.encode(': ping\n\n'));
            quietSince = Date.now();
          }
          return true;
        } catch {
          close();
          return false;
        }
      };
      // One read at a time, in order: a read begun earlier (the beat's, slow) never sends its answer after a later one
      // (after a tick or a wake), which would show the screen an older state.
      let sending: Promise<boolean> = Promise.resolve(true);
      const send = (): Promise<boolean> => (sending = sending.then(sendNow));
      let reading = false;
      let woken = false; // a wake came during a read
      let lastStart = 0;
      let lastTook = 0;
      let nextAt = Infinity;
      const schedule = (delay: number) => {
        clearTimeout(timer);
        nextAt = Date.now() + delay;
        timer = setTimeout(() => void push(), delay);
      };
      /** The soonest a woken stream may read again: `wakeGapMs` after the last read's start, and as long idle as it took. */
      const soonest = () => lastStart + Math.max(wakeGapMs, 2 * lastTook);
      const wakeUp = () => {
        if (closed) return;
        if (reading) {
          woken = true;
          return;
        }
        const at = Math.max(Date.now(), soonest());
        if (at < nextAt) schedule(at - Date.now());
      };
      const push = async () => {
        const startedAt = Date.now();
        reading = true;
        woken = false;
        nextAt = Infinity;
        const going = await send();
        reading = false;
        if (!going) return;
        // The next read keeps its pace whatever the tick costs (ticks never overlap), counted from this read's start: a
        // read that takes a while does not add its own time to the wait of every change. But a stream never reads more
        // than half the time: on a server so busy that a read takes more than half the pace, the wait grows with it
        // (up to the pace, as when it was counted from the read's end) — the streams back off instead of piling on.
        const took = Date.now() - startedAt;
        lastStart = startedAt;
        lastTook = took;
        const paced = Math.max(options.everyMs - took, Math.min(took, options.everyMs));
        schedule(woken ? Math.min(paced, Math.max(0, soonest() - Date.now())) : paced);
        if (!options.tick || ticking) return;
        ticking = true;
        try {
          await options.tick();
        } catch {
          return close();
        } finally {
          ticking = false;
        }
        // What the tick decided goes out now, not at the next read.
        await send();
      };
      controller.enqueue(encoder.encode('retry: 5000\n\n'));
      const unwatch = options.wake?.(wakeUp);
      if (unwatch) stopWatching = unwatch;
      void push();
      request.signal.addEventListener('abort', close);
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
      stopWatching();
    },
  });
  return new Response(stream, { headers: { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', 'X-Accel-Buffering': 'no' } });
}
