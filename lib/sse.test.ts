import { describe, expect, it } from 'vitest';
import { eventStream } from './sse';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
});
