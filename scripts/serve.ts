// Serves the built application with one process per core (scripts/worker.ts), all on the same port: Node's cluster module
// opens the socket in this (primary) process and hands connections to the workers in turn. Nothing is kept in a
// process's memory (docs/ARCHITECTURE.md, rule 3): the workers share the database and agree. With `platformPort`, one
// more process answers the platform's exchange endpoint on that port alone (worker.ts, EGUICHET_ROLE=plateforme).
import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import path from 'node:path';
import { databaseUrl } from '../db/database-url';

/** EGUICHET_WORKERS, or one per core (at most 4: each process holds its own copy of the server, several hundred MB). */
export function workerCount(value = process.env.EGUICHET_WORKERS): number {
  const asked = Number.parseInt(value ?? '', 10);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return Math.max(1, Math.min(os.availableParallelism(), 4));
}

/**
 * How far a worker's heap grows above what its last full collection left alive, by default: by half on SQLite; on
 * PostgreSQL V8's own, since there the class's pages and exchanges were twice as slow in its tail with 50 %
 * (docs/performance-history.md, "Session 45").
 */
export const defaultHeapGrowth = (onPostgres = databaseUrl() !== null) => (onPostgres ? 0 : 50);

/** A young generation's half, in MB, beside a heap whose growth is set (V8's own: 16). */
const YOUNG_HALF_MB = 8;

/**
 * The V8 options of each server process. EGUICHET_WORKER_HEAP_GROWTH: how far (in %) the heap may grow above what a
 * full collection left alive before V8 collects again (defaultHeapGrowth; 0 leaves V8 its own, which lets a worker's
 * heap reach three or four times what is alive). A heap kept so also has a young generation of two 8 MB halves instead
 * of V8's 16 (YOUNG_HALF_MB: 16–20 MB less a worker, the same pages a second at ten connections; docs/performance.md).
 * EGUICHET_WORKER_HEAP_MB: a ceiling for the heap (V8 collects sooner as it nears it).
 */
export function heapArgs(ceiling = process.env.EGUICHET_WORKER_HEAP_MB, growth = process.env.EGUICHET_WORKER_HEAP_GROWTH, fallback = defaultHeapGrowth()): string[] {
  const mb = Number.parseInt(ceiling ?? '', 10);
  const percent = growth === undefined || growth.trim() === '' ? fallback : Number.parseInt(growth, 10);
  return [
    ...(Number.isInteger(mb) && mb >= 64 ? [`--max-old-space-size=${mb}`] : []),
    ...(Number.isInteger(percent) && percent >= 10 ? [`--heap-growing-percent=${percent}`, `--max-semi-space-size=${YOUNG_HALF_MB}`] : []),
  ];
}

/** `dir`: the Next app to serve (this project's by default; the bench serves its trivial app the same way). */
type Options = { port: number; host?: string; workers?: number; env?: Record<string, string>; dir?: string; platformPort?: number };

/** Starts the workers; a worker that dies is replaced (a crash loop stops the server instead). Resolves when all stop. */
export function serve({ port, host, workers = workerCount(), env = {}, dir, platformPort }: Options): Promise<number> {
  // Output through this process: every worker's errors, but Next's start banner once.
  // Our app: scripts/worker.ts (Next, and the exchange endpoint beside it), in TypeScript through tsx like this script.
  // Another app (the bench's trivial one): plain `next start`.
  const withTsx = process.execArgv.some((arg) => arg.includes('tsx')) ? process.execArgv : [...process.execArgv, '--import', 'tsx'];
  cluster.setupPrimary({
    ...(dir
      ? { exec: require.resolve('next/dist/bin/next'), args: ['start', dir, '-p', String(port), ...(host ? ['-H', host] : [])] }
      : { exec: path.join(__dirname, 'worker.ts'), execArgv: [...withTsx, ...heapArgs()], args: [] }),
    cwd: path.resolve(__dirname, '..'),
    silent: true,
  });
  let stopping = false;
  const recentCrashes: number[] = [];
  let forked = 0;
  const platformDoors = new Set<number>(); // ids of the workers that are the platform's door
  const fork = (platformDoor = false) => {
    const role = platformDoor ? { EGUICHET_ROLE: 'plateforme', EGUICHET_PLATFORM_PORT: String(platformPort) } : {};
    const worker = cluster.fork({ ...env, PORT: String(port), ...(host ? { HOST: host } : {}), NEXT_TELEMETRY_DISABLED: '1', ...role });
    if (platformDoor) platformDoors.add(worker.id);
    if (forked++ === 0) worker.process.stdout?.pipe(process.stdout);
    else worker.process.stdout?.resume();
    worker.process.stderr?.pipe(process.stderr);
  };
  for (let i = 0; i < workers; i++) fork();
  if (platformPort && !dir) fork(true);

  return new Promise((resolve) => {
    const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => Boolean(w) && !w!.isDead());
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) {
        if (alive().length === 0) resolve(0);
        return;
      }
      const now = Date.now();
      recentCrashes.push(now);
      while (recentCrashes.length && recentCrashes[0]! < now - 60_000) recentCrashes.shift();
      if (recentCrashes.length > 5) {
        console.error('Le serveur s’arrête : ses processus tombent en boucle (voir les messages ci-dessus).');
        stop('SIGTERM');
        return;
      }
      console.error(`Un processus du serveur s’est arrêté (${signal ?? `code ${code}`}) : il est remplacé.`);
      fork(platformDoors.delete(worker.id));
    });
    const stop = (signal: NodeJS.Signals) => {
      stopping = true;
      const running = alive();
      if (running.length === 0) resolve(0);
      for (const worker of running) worker.process.kill(signal);
    };
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
  });
}

// Run directly (the bench): PORT, HOST, EGUICHET_WORKERS, EGUICHET_PLATFORM_PORT and the app's folder (optional
// argument) from the environment.
if (require.main === module) {
  const platformPort = Number(process.env.EGUICHET_PLATFORM_PORT) || undefined;
  void serve({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST || undefined, dir: process.argv[2], platformPort }).then((code) => process.exit(code));
}
