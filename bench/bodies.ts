import { Worker } from 'node:worker_threads';
import type { Recorder } from './client';

// The bodies' own systems, calling the exchange API about once a second, on a thread of their own: they are other
// programs than the 36 browsers of the class, whose pages the load generator parses on its main loop. Measured from
// that loop, an exchange also counted the time its answer waited for the generator itself (docs/performance-history.md,
// session 44). Programs that run all day: the thread's first fetch (about 30 ms of its own to load and start undici,
// measured on an idle machine) and its connection are made by an untimed health check before the first exchange — that
// start was each class’s slowest exchange (docs/performance-history.md, session 47).

const caller = `
const { parentPort, workerData } = require('node:worker_threads');
const { url, token, body } = workerData;
let over = false;
parentPort.on('message', () => { over = true; });
(async () => {
  try {
    await (await fetch(new URL('/api/sante', url), { signal: AbortSignal.timeout(30000) })).arrayBuffer();
  } catch {}
  while (!over) {
    const started = performance.timeOrigin + performance.now();
    let status = 0;
    try {
      const response = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body, signal: AbortSignal.timeout(30000) });
      await response.arrayBuffer();
      status = response.status;
    } catch {}
    parentPort.postMessage({ started, ms: performance.timeOrigin + performance.now() - started, status });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  parentPort.close();
})();
`;

/** Starts the calls; `stop` ends them once the call in flight is answered, every call recorded as `echange`. */
export function startBodies({ url, token, body, record }: { url: string; token: string; body: string; record: Recorder }) {
  const worker = new Worker(caller, { eval: true, workerData: { url, token, body } });
  const path = new URL(url).pathname;
  worker.on('message', ({ started, ms, status }: { started: number; ms: number; status: number }) => {
    // `at` on this thread's clock, as the other samples.
    record({ kind: 'echange', method: 'POST', path, at: started - performance.timeOrigin, ms, status, ok: status > 0 && status < 400 });
  });
  const ended = new Promise<void>((resolve, reject) => {
    worker.once('exit', () => resolve());
    worker.once('error', reject);
  });
  return {
    stop: () => {
      worker.postMessage('fin');
      return ended;
    },
  };
}
