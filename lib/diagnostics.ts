// The server's diagnostics, off by default (docs/performance.md); started by instrumentation.ts in Node.js only, so that
// the build does not look for these Node.js APIs in the Edge runtime's bundle:
// - EGUICHET_LOOP_LOG=<file> appends, every 5 s, how long this process's event loop was held (p50, p99, max in ms):
//   a stream's timer, a page or an API answer waits that long;
// - EGUICHET_CPU_PROFILE_DIR=<dir> writes a CPU profile of this process every 20 s (open it in Chrome's DevTools);
// - EGUICHET_HEAP_DIR=<dir>: on SIGUSR2, this process writes where its memory goes (<pid>-memoire.json: resident
//   size, V8's heap by space, buffers) and a heap snapshot (<pid>.heapsnapshot; `npx tsx scripts/heap-summary.ts`).
export async function startDiagnostics() {
  const loopLog = process.env.EGUICHET_LOOP_LOG;
  const profileDir = process.env.EGUICHET_CPU_PROFILE_DIR;
  const heapDir = process.env.EGUICHET_HEAP_DIR;
  if (!loopLog && !profileDir && !heapDir) return;
  const fs = await import('node:fs');
  if (heapDir) {
    const v8 = await import('node:v8');
    process.on('SIGUSR2', () => {
      fs.mkdirSync(heapDir, { recursive: true });
      const before = { memoryUsage: process.memoryUsage(), heapSpaces: v8.getHeapSpaceStatistics(), heap: v8.getHeapStatistics() };
      v8.writeHeapSnapshot(`${heapDir}/${process.pid}.heapsnapshot`);
      fs.writeFileSync(`${heapDir}/${process.pid}-memoire.json`, JSON.stringify(before, null, 1));
    });
  }
  if (loopLog) {
    const { monitorEventLoopDelay } = await import('node:perf_hooks');
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    const ms = (ns: number) => Math.round(ns / 1e6);
    setInterval(() => {
      fs.appendFileSync(loopLog, `${new Date().toISOString()} pid=${process.pid} p50=${ms(histogram.percentile(50))} p99=${ms(histogram.percentile(99))} max=${ms(histogram.max)}\n`);
      histogram.reset();
    }, 5000).unref();
  }
  if (profileDir) {
    const { Session } = await import('node:inspector/promises');
    const session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 2000 });
    await session.post('Profiler.start');
    let part = 0;
    setInterval(async () => {
      const { profile } = await session.post('Profiler.stop');
      await session.post('Profiler.start');
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(`${profileDir}/${process.pid}-${String(++part).padStart(3, '0')}.cpuprofile`, JSON.stringify(profile));
    }, 20_000).unref();
  }
}
