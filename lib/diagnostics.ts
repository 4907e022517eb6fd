// The server's diagnostics, off by default (docs/performance.md); started by instrumentation.ts in Node.js only, so that
// the build does not look for these Node.js APIs in the Edge runtime's bundle:
// - EGUICHET_LOOP_LOG=<file> appends, every 5 s, how long this process's event loop was held (p50, p99, max in ms):
//   a stream's timer, a page or an API answer waits that long;
// - EGUICHET_CPU_PROFILE_DIR=<dir> writes a CPU profile of this process every 20 s (open it in Chrome's DevTools);
// - EGUICHET_HEAP_DIR=<dir>: on SIGUSR2, this process writes where its memory goes (<pid>-memoire.json: resident
//   size, V8's heap by space, buffers, resident memory by mapping on Linux) and a heap snapshot (<pid>.heapsnapshot;
//   `npx tsx scripts/heap-summary.ts`).
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
      const before = { memoryUsage: process.memoryUsage(), heapSpaces: v8.getHeapSpaceStatistics(), heap: v8.getHeapStatistics(), mappings: residentByMapping(fs.readFileSync) };
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
    const writeProfile = async () => {
      const { profile } = await session.post('Profiler.stop');
      await session.post('Profiler.start');
      fs.mkdirSync(profileDir, { recursive: true });
      fs.writeFileSync(`${profileDir}/${process.pid}-${String(++part).padStart(3, '0')}.cpuprofile`, JSON.stringify(profile));
    };
    // A profile that cannot be written (a full disk) is said, and the server goes on.
    setInterval(() => void writeProfile().catch((error: unknown) => console.error('CPU profile not written', error)), 20_000).unref();
  }
}

/**
 * Resident memory by what it maps (Linux's /proc/self/smaps), largest first: a file (Node's binary, a native module,
 * ICU's data) or anonymous memory (V8's heap and malloc's arenas), in bytes. Empty where /proc is not there.
 */
export function residentByMapping(read: (file: string, encoding: 'utf8') => string): { name: string; bytes: number }[] {
  let text: string;
  try {
    text = read('/proc/self/smaps', 'utf8');
  } catch {
    return [];
  }
  return groupSmaps(text);
}

export function groupSmaps(text: string): { name: string; bytes: number }[] {
  const totals = new Map<string, number>();
  let name = '';
  for (const line of text.split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      // Anonymous memory by the size of its mapping: V8 takes pages of 256 kB, malloc's arenas up to 64 MB.
      const size = (parseInt(header[2]!, 16) - parseInt(header[1]!, 16)) / 1048576;
      const bucket = ([[0.25, '≤ 256 ko'], [1, '≤ 1 Mo'], [8, '≤ 8 Mo'], [64, '≤ 64 Mo']] as const).find(([limit]) => size <= limit);
      name = header[3] || `[anonyme, correspondances ${bucket ? bucket[1] : '> 64 Mo'}]`;
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) totals.set(name, (totals.get(name) ?? 0) + Number(rss[1]) * 1024);
  }
  return [...totals].map(([n, bytes]) => ({ name: n, bytes })).filter((m) => m.bytes > 0).sort((a, b) => b.bytes - a.bytes);
}
