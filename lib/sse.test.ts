import { describe, expect, it, vi } from 'vitest';
import { applySnapshotChange, snapshotChange, type SnapshotChange } from './classroom/live-diff';
import { eventData, eventStream, sharedRead } from './sse';

// snapshotChange as written, counted (how many times streams work a change out).
vi.mock('./classroom/live-diff', async (original) => {
  const actual = await original<typeof import('./classroom/live-diff')>();
  return { ...actual, snapshotChange: vi.fn(actual.snapshotChange) };
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `test` on fake timers; the real ones come back after, whatever happens. */
async function onFakeTimers(test: () => Promise<void>) {
  vi.useFakeTimers();
  try {
    await test();
  } finally {
    vi.useRealTimers();
  }
}

/** Reads the stream's events as they come, with the time each arrived. */
function listen(response: Response) {
  const seen: { data: string; at: number }[] = [];
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      for (const m of decoder.decode(value).matchAll(/^data: (.*)$/gm)) seen.push({ data: m[1]!, at: Date.now() });
    }
  })();
  return seen;
}

describe('eventStream', () => {
  it('keeps reading at its pace while a slow tick runs, and sends what the tick changed as soon as it ends', async () => {
    const abort = new AbortController();
    const readAt: number[] = [];
    let state = 'avant';
    let tickEndedAt = 0;
    let ticks = 0;
    const response = eventStream(
      new Request('http://x/flux', { signal: abort.signal }),
      'live',
      async () => {
        readAt.push(Date.now());
        return JSON.stringify({ state });
      },
      {
        everyMs: 100,
        tick: async () => {
          ticks++;
          if (ticks > 1) return;
          await sleep(600);
          state = 'décidé';
          tickEndedAt = Date.now();
        },
      },
    );
    const seen = listen(response);
    await sleep(450);
    // About five reads in 450 ms though the first tick is still running (it never overlaps itself).
    expect(readAt.length).toBeGreaterThanOrEqual(3);
    expect(ticks).toBe(1);
    await sleep(400);
    abort.abort();
    const decided = seen.find((e) => e.data.includes('décidé'));
    expect(decided).toBeDefined();
    // Read again the moment the tick ended, not at the next beat (100 ms later at worst).
    expect(readAt.some((t) => t >= tickEndedAt && t - tickEndedAt < 5)).toBe(true);
    expect(decided!.at - tickEndedAt).toBeLessThan(50);
    // The same data twice is sent once.
    expect(seen.map((e) => e.data)).toEqual([...new Set(seen.map((e) => e.data))]);
  });

  it('keeps its pace from the start of each read: a read that takes a while does not push the next one back by its own time', () =>
    onFakeTimers(async () => {
      const abort = new AbortController();
      const readAt: number[] = [];
      eventStream(
        new Request('http://x/flux', { signal: abort.signal }),
        'live',
        async () => {
          readAt.push(Date.now());
          await sleep(80); // a busy database
          return JSON.stringify({ n: readAt.length });
        },
        { everyMs: 200 },
      );
      await vi.advanceTimersByTimeAsync(1000);
      abort.abort();
      // One read every 200 ms from start to start (every 280 ms if the wait began after each read).
      expect(readAt.slice(1).map((t, i) => t - readAt[i]!)).toEqual([200, 200, 200, 200, 200]);
    }));

  it('never reads more than half the time: on a server so busy that a read takes more than half the pace, it waits as long', () =>
    onFakeTimers(async () => {
      const abort = new AbortController();
      const reads: { start: number; end: number }[] = [];
      let cost = 150;
      eventStream(
        new Request('http://x/flux', { signal: abort.signal }),
        'live',
        async () => {
          const start = Date.now();
          await sleep(cost);
          reads.push({ start, end: Date.now() });
          return JSON.stringify({ n: reads.length });
        },
        { everyMs: 200 },
      );
      await vi.advanceTimersByTimeAsync(1000);
      // 150 ms of a 200 ms pace: as long again before the next read (300 ms from start to start, not 200).
      expect(reads.slice(1).map((r, i) => r.start - reads[i]!.start)).toEqual([300, 300]);
      // A read longer than the pace: the pace after it, as before the pace was counted from the start.
      cost = 500;
      await vi.advanceTimersByTimeAsync(2000);
      abort.abort();
      const slow = reads.filter((r) => r.end - r.start === 500);
      expect(slow.length).toBeGreaterThanOrEqual(2);
      expect(slow[1]!.start - slow[0]!.end).toBe(200);
    }));
});

describe('eventStream woken by a change', () => {
  it('reads soon after a wake rather than at its beat, a burst of wakes in a few reads, never more than half the time', () =>
    onFakeTimers(async () => {
      const abort = new AbortController();
      const reads: number[] = [];
      let wake = () => {};
      let watching = 0;
      let cost = 10;
      const t0 = Date.now();
      eventStream(
        new Request('http://x/flux', { signal: abort.signal }),
        'live',
        async () => {
          reads.push(Date.now() - t0);
          await sleep(cost);
          return JSON.stringify({ n: reads.length });
        },
        {
          everyMs: 1000,
          wake: (now) => {
            watching++;
            wake = now;
            return () => watching--;
          },
        },
      );
      expect(watching).toBe(1);
      await vi.advanceTimersByTimeAsync(400); // the first read, at 0; the next beat at 1 000
      wake();
      await vi.advanceTimersByTimeAsync(1);
      expect(reads).toEqual([0, 400]); // at once: 400 ms since the last read began
      // Twenty wakes 10 ms apart: reads start at least wakeGapMs (150 ms) apart, not twenty.
      for (let i = 0; i < 20; i++) {
        wake();
        await vi.advanceTimersByTimeAsync(10);
      }
      const burst = reads.filter((t) => t > 400);
      expect(burst.length).toBeLessThanOrEqual(2);
      expect(burst.every((t, i) => t - (i ? burst[i - 1]! : 400) >= 150)).toBe(true);
      // A wake during a slow read (300 ms): the next read waits as long as it took.
      await vi.advanceTimersByTimeAsync(2000);
      cost = 300;
      const before = reads.length;
      wake();
      await vi.advanceTimersByTimeAsync(100);
      wake(); // during the read
      await vi.advanceTimersByTimeAsync(1000);
      const started = reads.slice(before);
      expect(started[1]! - started[0]!).toBe(600);
      abort.abort();
      expect(watching).toBe(0); // stops listening when the stream ends
    }));
});

describe('eventStream in order', () => {
  it('one read at a time: a slow read begun earlier never sends its answer after a later one', () =>
    onFakeTimers(async () => {
      const abort = new AbortController();
      const durations = [10, 200, 10, 10, 10, 10];
      let started = 0;
      let wake = () => {};
      const response = eventStream(
        new Request('http://x/flux', { signal: abort.signal }),
        'live',
        async () => {
          const n = ++started;
          await sleep(durations[n - 1] ?? 10);
          return JSON.stringify({ n });
        },
        {
          everyMs: 1000,
          // A tick of 300 ms after the first read; its own read when it ends (at 310), while the wake's (200 to 400) runs.
          tick: async () => {
            if (started === 1) await sleep(300);
          },
          wake: (now) => {
            wake = now;
            return () => {};
          },
        },
      );
      const seen = listen(response);
      await vi.advanceTimersByTimeAsync(200);
      wake();
      await vi.advanceTimersByTimeAsync(600);
      abort.abort();
      const sent = seen.map((e) => (JSON.parse(e.data) as { n: number }).n);
      expect(sent.length).toBeGreaterThanOrEqual(3);
      expect(sent).toEqual([...sent].sort((a, b) => a - b));
    }));
});

describe('eventStream with changes', () => {
  it('sends the whole snapshot first, then only what changed, and a reader that applies them holds what the server has', async () => {
    const abort = new AbortController();
    const timeline = Array.from({ length: 80 }, (_, i) => ({ id: `j${80 - i}`, text: `Échange n° ${80 - i}, accordé`, at: `2026-12-02T10:${String(i % 60).padStart(2, '0')}:00Z` }));
    let state = { joined: 30, expected: 36, timeline };
    const response = eventStream(new Request('http://x/flux', { signal: abort.signal }), 'live', async () => JSON.stringify(state), { everyMs: 20, changes: true });
    const seen = listen(response);
    await sleep(60);
    // A new exchange: one line on top, the oldest drops out; one more student.
    state = { ...state, joined: 31, timeline: [{ id: 'j81', text: 'Échange n° 81, refusé', at: '2026-12-02T11:00:00Z' }, ...timeline.slice(0, 79)] };
    await sleep(60);
    abort.abort();
    const [first, second, ...rest] = seen.map((e) => JSON.parse(e.data) as Record<string, unknown>);
    expect(rest).toEqual([]); // nothing sent while nothing changed
    expect(first).toEqual({ instantane: { joined: 30, expected: 36, timeline } });
    const change = (second as { changements: SnapshotChange }).changements;
    expect(Object.keys(change).sort()).toEqual(['joined', 'timeline']);
    expect(change.timeline).toEqual({ liste: { ordre: ['j81', { de: 0, a: 79 }], elements: { j81: state.timeline[0] } } });
    expect(seen[1]!.data.length).toBeLessThan(seen[0]!.data.length / 4);
    expect(applySnapshotChange(first!.instantane as object, change)).toEqual(state);
  });
});

describe('eventStream with changes, shared', () => {
  it('thirty streams given the same values (one shared read) send the same events and work each change out once', async () => {
    const timeline = Array.from({ length: 40 }, (_, i) => ({ id: `j${40 - i}`, text: `Échange n° ${40 - i}` }));
    let current = eventData({ joined: 30, timeline });
    const aborts = Array.from({ length: 30 }, () => new AbortController());
    const seen = aborts.map((abort) => listen(eventStream(new Request('http://x/flux', { signal: abort.signal }), 'live', async () => current, { everyMs: 20, changes: true })));
    await sleep(60);
    vi.mocked(snapshotChange).mockClear();
    current = eventData({ joined: 31, timeline: [{ id: 'j41', text: 'Échange n° 41' }, ...timeline.slice(0, 39)] });
    await sleep(80);
    for (const abort of aborts) abort.abort();
    for (const events of seen) expect(events.map((e) => e.data)).toEqual(seen[0]!.map((e) => e.data));
    const [first, second] = seen[0]!.map((e) => JSON.parse(e.data) as { instantane?: object; changements?: SnapshotChange });
    expect(first!.instantane).toEqual({ joined: 30, timeline });
    expect(applySnapshotChange(first!.instantane!, second!.changements!)).toEqual(current.value);
    expect(vi.mocked(snapshotChange)).toHaveBeenCalledTimes(1);
  });
});

describe('sharedRead', () => {
  it('reads once for every caller while the read runs and shortly after, then again', async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      await sleep(50);
      return reads;
    };
    const key = `test:${Math.random()}`;
    // Three streams asking at once, and one a little after the read ended: one read.
    const together = await Promise.all([sharedRead(key, 200, read), sharedRead(key, 200, read), sharedRead(key, 200, read)]);
    expect(together).toEqual([1, 1, 1]);
    expect(await sharedRead(key, 200, read)).toBe(1);
    // Later than maxAgeMs after it started: a read of its own.
    await sleep(200);
    expect(await sharedRead(key, 200, read)).toBe(2);
    // Another key never shares.
    expect(await sharedRead(`${key}:autre`, 200, read)).toBe(3);
    expect(reads).toBe(3);
  });

  it('keeps no failed read: the next caller reads again', async () => {
    const key = `test:${Math.random()}`;
    let calls = 0;
    await expect(
      sharedRead(key, 10_000, async () => {
        calls++;
        throw new Error('base indisponible');
      }),
    ).rejects.toThrow('base indisponible');
    expect(await sharedRead(key, 10_000, async () => ++calls)).toBe(2);
  });
});
