// npm run bench: the application under a class's load and under a crowd, on this machine, loopback only.
// Starts `next start` on a database of its own, a bare Node http server and a trivial Next app (bench/trivial, built
// here, served with as many processes) as the floors, then:
//   (a) a class: 36 students join, sign in and do the three procedures with think-times, a teacher watches live;
//   (c) key pages and the teacher's live stream;
//   (e) e-Guichet against the trivial Next app, 36 connections: the exchange API and the signed-in pages, each page
//       beside its copy (the same markup rendered by the trivial app: what Next and React alone spend on it);
//   (b) the exchange API at rising concurrency, up to 1 000 connections;
//   (d) a bounded soak (server memory sampled per process).
// Prints the goals of docs/performance.md beside what was measured and writes bench/results.md. Figures go in the
// docs, never into assertions. `--classes 3`: only (a), three classes one after the other on the same servers (goal 3
// asks for three runs of three), printed and not written.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { stats, type Stats } from './stats';
import { bodyCopy, elementCount } from './copies';
import { formatNumber } from '../lib/format';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const port = option('port', 3500);
// `--moteur postgres`: a throwaway PostgreSQL server (test/postgres.ts), and `--serveurs 2` two app servers on it behind
// a round-robin balancer (e2e/balancer.ts), one `next start` each — the same two processes as one server on SQLite.
const onPostgres = args.includes('--moteur') && args[args.indexOf('--moteur') + 1] === 'postgres';
const serverCount = onPostgres ? option('serveurs', 1) : 1;
const serverPorts = serverCount > 1 ? Array.from({ length: serverCount }, (_, i) => port + 10 + i) : [port];
const engineLabel = onPostgres ? `PostgreSQL, ${serverCount} serveur${serverCount > 1 ? 's' : ''} d’application` : 'SQLite, un serveur';
const resultsFile = onPostgres ? `results-postgres-${serverCount}.md` : 'results.md';
const baselinePort = port + 1;
const trivialPort = port + 2;
// `--plateforme`: the exchange endpoint in a process of its own on port + 3 (EGUICHET_PLATFORM_PORT, one server only):
// the bodies' systems call it there, in the class, at 36 connections and beyond.
const platformPort = args.includes('--plateforme') && serverCount === 1 ? port + 3 : undefined;
const soakSeconds = option('soak', 60);
// `--tas`: after the soak, each server process writes a heap snapshot and where its memory goes (bench/tmp/tas/,
// EGUICHET_HEAP_DIR in instrumentation.ts), summarised by scripts/heap-summary.ts.
const heapDir = args.includes('--tas') ? path.resolve('bench', 'tmp', 'tas') : null;
const students = option('eleves', 36);
// Only the class, this many times in a row (each a séance of its own, as a school day's classes): goal 3's runs.
const classesOnly = option('classes', 0);
const base = `http://127.0.0.1:${port}`;
const platformBase = platformPort ? `http://127.0.0.1:${platformPort}` : base;
const baselineUrl = `http://127.0.0.1:${baselinePort}/`;
const trivialBase = `http://127.0.0.1:${trivialPort}`;
const trivialDir = path.join('bench', 'trivial');
// Each key page's markup, which the trivial app renders again (bench/copies.ts): the floor under that page.
const copiesDir = path.resolve('bench', 'tmp', 'copies');
const teacher = { email: 'enseignant@e-guichet.test', password: 'mot-de-passe-du-banc-d-essai' };

process.env.PORT = String(port);
process.env.EGUICHET_DATA_DIR = '.bench-data';
delete process.env.EGUICHET_DB; // the bench's own folder decides
process.env.EGUICHET_URL = base;
process.env.EGUICHET_TEACHER_EMAIL = teacher.email;
process.env.EGUICHET_TEACHER_PASSWORD = teacher.password;
process.env.NEXT_TELEMETRY_DISABLED = '1';

// ---------------------------------------------------------------- figures

const ms = (v: number) => (Number.isFinite(v) ? (v < 10 ? v.toFixed(1) : Math.round(v).toString()) : '—');
const ratio = (v: number, b: number) => (Number.isFinite(v) && b > 0 ? `× ${(v / b).toFixed(v / b < 10 ? 1 : 0)}` : '—');

// ---------------------------------------------------------------- processes

/** A server as `npm start` runs it (scripts/serve.ts: one `next start` per core), in a process group of its own. */
function spawnServer(serverPort: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: {
      ...process.env,
      PORT: String(serverPort),
      HOST: '127.0.0.1',
      NEXTAUTH_URL: base,
      EGUICHET_DB: path.resolve('.bench-data', 'e-guichet.sqlite'),
      ...(heapDir ? { EGUICHET_HEAP_DIR: heapDir } : {}),
      ...(serverCount > 1 ? { EGUICHET_WORKERS: '1' } : {}),
      ...(platformPort ? { EGUICHET_PLATFORM_PORT: String(platformPort) } : {}),
    },
  });
}

/** The trivial Next app, built if its build is missing or older than its sources (same next and react as ours). */
function buildTrivial() {
  const newest = (dir: string): number =>
    fs.readdirSync(dir, { withFileTypes: true }).reduce((t, e) => (e.name === '.next' ? t : Math.max(t, e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs)), 0);
  const built = path.join(trivialDir, '.next', 'BUILD_ID');
  const nextPackage = require.resolve('next/package.json');
  if (fs.existsSync(built) && fs.statSync(built).mtimeMs > Math.max(newest(trivialDir), fs.statSync(nextPackage).mtimeMs)) return;
  console.log('Construction de l’application Next témoin (bench/trivial)…');
  const result = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build', trivialDir], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (result.status !== 0) throw new Error('la construction de l’application témoin a échoué');
}

/** The trivial app, served as ours is (scripts/serve.ts, the same number of processes). */
function spawnTrivial(): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', trivialDir], {
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
    env: { ...process.env, PORT: String(trivialPort), HOST: '127.0.0.1', BENCH_COPIES_DIR: copiesDir, ...(serverCount > 1 ? { EGUICHET_WORKERS: '1' } : {}) },
  });
}

/** Each page's markup as the trivial app's copy route reads it (bench/copies.ts), by the page's display path. */
async function writeCopies(pages: { display: string; path: string; cookie: string }[]) {
  fs.rmSync(copiesDir, { recursive: true, force: true });
  fs.mkdirSync(copiesDir, { recursive: true });
  const written = new Map<string, { slug: string; elements: number; bytes: number }>();
  for (const page of pages) {
    const html = await (await fetch(`${base}${page.path}`, { headers: { cookie: page.cookie } })).text();
    const copy = bodyCopy(html);
    const slug = page.display.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'accueil';
    fs.writeFileSync(path.join(copiesDir, `${slug}.json`), JSON.stringify(copy));
    written.set(page.display, { slug, elements: elementCount(copy), bytes: Buffer.byteLength(html) });
  }
  return written;
}

function spawnBaseline(): ChildProcess {
  const code = `require('node:http').createServer((q, r) => { r.writeHead(200, { 'content-type': 'application/json' }); r.end('{"statut":"ok"}'); }).listen(${baselinePort}, '127.0.0.1', () => process.stdout.write('ok'));`;
  return spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} ne répond pas`);
}

const ownMb = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0; // gone
  }
};
const childrenOf = (pid: number): number[] => {
  try {
    return fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
};
/** Resident memory of a process and its children, in MB (Linux /proc). */
const residentMb = (pid: number): number => ownMb(pid) + childrenOf(pid).reduce((mb, child) => mb + residentMb(child), 0);
/**
 * Resident memory of each server process (MB): scripts/worker.ts for ours, `next start` for the trivial app. (Through
 * tsx, the serve script runs in a child of the spawned process; a worker's own children, if any, count with it.)
 */
function workersMb(pid: number): number[] {
  return workerPids(pid).map(residentMb);
}
function workerPids(pid: number): number[] {
  const found: number[] = [];
  const visit = (p: number) => {
    const children = childrenOf(p);
    if (/^(e-guichet-serveur|e-guichet-plateforme|next-server)/.test(commandOf(p)) || children.length === 0) found.push(p);
    else children.forEach(visit);
  };
  childrenOf(pid).forEach(visit);
  return found;
}

/** Asks each server process for a heap snapshot (one after the other: each stops its process for seconds). */
async function heapSnapshots(pids: number[], dir: string): Promise<string[]> {
  fs.rmSync(dir, { recursive: true, force: true });
  const files: string[] = [];
  for (const pid of pids) {
    process.kill(pid, 'SIGUSR2');
    const report = path.join(dir, `${pid}-memoire.json`);
    for (let waited = 0; !fs.existsSync(report) && waited < 180_000; waited += 500) await new Promise((resolve) => setTimeout(resolve, 500));
    if (fs.existsSync(report)) files.push(path.join(dir, `${pid}.heapsnapshot`));
  }
  return files;
}
const commandOf = (pid: number) => {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
};

// ---------------------------------------------------------------- load

type Load = { url: string; connections: number; seconds: number; method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string };

/** autocannon, with every latency kept so that p95 is exact (autocannon's own table has no p95). */
async function load(l: Load): Promise<Stats> {
  const latencies: number[] = [];
  let errors = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url: l.url, connections: l.connections, duration: l.seconds, method: l.method ?? 'GET', headers: l.headers, body: l.body, timeout: 20 }, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status < 200 || status >= 300) errors++;
    });
  });
  if (result.errors || result.timeouts || errors) breakdown.push(`${l.method ?? 'GET'} ${new URL(l.url).pathname}, ${l.connections} connexions : ${errors} réponse(s) non 2xx, ${result.timeouts} délai(s) dépassé(s) (20 s), ${result.errors - result.timeouts} erreur(s) de connexion`);
  return stats(latencies, errors + result.errors, l.seconds);
}

// ---------------------------------------------------------------- main

// `paced`: a scenario with think-times, whose throughput says how busy the class was, not how fast the server is.
type Row = { label: string; s: Stats; baseline?: Stats; paced?: boolean };
const sections: { title: string; intro: string; rows: Row[] }[] = [];
/** The goals of docs/performance.md (issue 20), each beside what this run measured. */
const goals: { goal: string; measured: string; met: boolean }[] = [];
const floorConnections = 36;
const floorSeconds = option('duree', 10);
const percent = (v: number, of: number) => (of > 0 && Number.isFinite(v) ? `${Math.round((100 * v) / of)} %` : '—');
const kb = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} kB` : '—');
const notes: string[] = [];
const breakdown: string[] = [];

async function main() {
  const started = Date.now();
  // The database first: db/tables.ts picks the engine's tables when it loads (scripts/runtime loads it).
  let stopDatabase = () => {};
  if (onPostgres) {
    const { createTestDatabase, startTestPostgres } = await import('../test/postgres');
    const server = await startTestPostgres();
    stopDatabase = () => server.stop();
    process.env.EGUICHET_DATABASE_URL = await createTestDatabase(server, 'eguichet_banc');
  } else delete process.env.EGUICHET_DATABASE_URL;
  const { ensureBuild, prepare } = await import('../scripts/runtime');
  ensureBuild();
  buildTrivial();
  const { env: prepared } = await prepare({ resetDatabase: true });
  // The scenario reads the database itself (what it set up, what the class left), through the engine the servers use.
  const { engineFor, postgresEngine } = await import('../db/engine');
  const { openDatabase } = await import('../db/client');
  const engine = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 2 }) : engineFor(openDatabase(prepared.dbPath));

  const servers = serverPorts.map(spawnServer);
  const balancer = serverCount > 1 ? await (await import('../e2e/balancer')).startBalancer(port, serverPorts) : null;
  const baseline = spawnBaseline();
  const trivial = spawnTrivial();
  const serverMb = () => servers.reduce((mb, server) => mb + residentMb(server.pid!), 0);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    for (const server of servers) {
      try {
        process.kill(-server.pid!, 'SIGKILL'); // the primary and its workers
      } catch {
        // already gone
      }
    }
    balancer?.close();
    baseline.kill('SIGKILL');
    try {
      process.kill(-trivial.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
    stopDatabase();
  };
  process.on('exit', stop);
  try {
    for (const serverPort of serverPorts) await waitFor(`http://127.0.0.1:${serverPort}/api/sante`);
    await waitFor(`${base}/api/sante`);
    await waitFor(`${platformBase}/api/sante`);
    await waitFor(baselineUrl);
    await waitFor(`${trivialBase}/`);
    console.log(`Moteur : ${engineLabel}${platformPort ? ', API d’échange dans un processus à part' : ''}.`);
    const memory: { t: number; mb: number }[] = [{ t: 0, mb: serverMb() }];

    const { classScenario } = await import('./scenario');
    if (classesOnly > 0) {
      await classesInARow(classScenario, engine);
      return;
    }
    console.log(`(a) une classe de ${students} élèves et un enseignant…`);
    const scenario = await classScenario({ base, platformBase, engine, teacher, students });
    memory.push({ t: (Date.now() - started) / 1000, mb: serverMb() });
    // The class's own baseline: the bare server under 10 connections (a class is never more concurrent than that).
    const classBaseline = await load({ url: baselineUrl, connections: 10, seconds: 5 });
    sections.push({
      title: `(a) Une classe : ${students} élèves et un enseignant`,
      intro: scenario.intro,
      rows: scenario.rows.map((r) => ({ ...r, baseline: classBaseline, paced: true })),
    });
    notes.push(...scenario.notes);
    const { pages: classPages, exchanges: classExchanges } = classFigures(scenario);
    goals.push({ goal: 'Classe : pages p95 < 100 ms', measured: `${ms(classPages.p95)} ms`, met: classPages.p95 < 100 });
    goals.push({ goal: 'Classe : échange par HTTP p95 < 20 ms', measured: `${ms(classExchanges.p95)} ms`, met: classExchanges.p95 < 20 });

    // The key pages and their sessions, and the exchange the bodies call, for whoever profiles one afterwards against
    // the database the bench leaves.
    fs.writeFileSync(path.join('.bench-data', 'pages.json'), JSON.stringify(scenario.pages, null, 2));
    fs.writeFileSync(path.join('.bench-data', 'exchange.json'), JSON.stringify(scenario.exchange, null, 2));
    const copies = await writeCopies(scenario.pages.filter((p) => p.label !== 'Accueil'));
    console.log('(c) pages clés et flux du tableau de bord enseignant…');
    const pageRows: Row[] = [];
    const beforeExchanges = new Map<string, Stats>();
    for (const page of scenario.pages) {
      const s = await load({ url: `${base}${page.path}`, connections: 10, seconds: 5, headers: { cookie: page.cookie } });
      beforeExchanges.set(page.label, s);
      pageRows.push({ label: `${page.label} (\`${page.display}\`)`, s, baseline: classBaseline });
      console.log(`   ${page.label} : p95 ${ms(s.p95)} ms, ${Math.round(s.rps)} req/s, ${s.errors} erreur(s)`);
    }
    const streams = await scenario.streams(30);
    pageRows.push({ label: 'Flux du tableau de bord (`/api/enseignant/seances/<id>/flux`), 30 flux ouverts : délai jusqu’au premier instantané', s: streams });
    goals.push({ goal: '30 flux du tableau de bord : premier instantané p95 < 200 ms', measured: `${ms(streams.p95)} ms${streams.errors ? `, ${streams.errors} sans instantané` : ''}`, met: streams.p95 < 200 && streams.errors === 0 });
    // The live view's events: the first carries the snapshot, the others what changed.
    // Each later event beside the whole snapshot it brings the screen to: what a stream of whole snapshots would send.
    const later = scenario.live.later;
    const sent = later.reduce((a, e) => a + e.bytes, 0);
    const whole = later.reduce((a, e) => a + e.whole, 0);
    goals.push({
      goal: 'Vues en direct : un changement envoie ce qui change, pas tout l’instantané',
      measured: later.length
        ? `premier envoi ${kb(scenario.live.first)} ; les ${later.length} suivants ${kb(sent / later.length)} en moyenne (${kb(Math.max(...later.map((e) => e.bytes)))} au plus), quand l’instantané entier pèse ${kb(whole / later.length)} en moyenne : ${percent(sent, whole)}`
        : '—',
      met: later.length > 0 && sent <= 0.25 * whole,
    });
    sections.push({ title: '(c) Pages clés, 10 connexions pendant 5 s chacune', intro: 'Pages rendues côté serveur pour une personne connectée (cookie de session), sur la séance de la classe (a) avec ses dossiers et son journal (mesurées avant la partie (b), qui ajoute des milliers d’échanges à ce journal).', rows: pageRows });

    const { token, body } = scenario.exchange;
    const exchange = { url: `${platformBase}/api/plateforme/v1/echanges`, method: 'POST' as const, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body };

    console.log(`(e) e-Guichet et l’application Next témoin, ${floorConnections} connexions pendant ${floorSeconds} s…`);
    const floorRows: Row[] = [];
    const floorLoad = async (label: string, l: Omit<Load, 'connections' | 'seconds'>, against?: Stats) => {
      const s = await load({ ...l, connections: floorConnections, seconds: floorSeconds });
      floorRows.push({ label, s, baseline: against });
      console.log(`   ${label} : ${Math.round(s.rps)} req/s, p95 ${ms(s.p95)} ms, ${s.errors} erreur(s)${against ? ` — ${percent(s.rps, against.rps)} du témoin` : ''}`);
      return s;
    };
    // The trivial app has served nothing yet, ours a whole class: warmed up first (measured cold, its first pages ran
    // at half the speed of its last ones), its copies of our pages too (each read from its file on first request).
    const warmUps = [{ url: `${trivialBase}/` }, { url: `${trivialBase}/api/echo`, method: 'POST' as const, headers: { 'content-type': 'application/json' }, body }, ...[...copies.values()].map((c) => ({ url: `${trivialBase}/copie/${c.slug}` }))];
    for (const l of warmUps) {
      await autocannon({ ...l, connections: floorConnections, duration: 3 });
    }
    // The trivial page before and after ours, its mean as the reference: the machine drifts over a minute.
    const trivialBefore = await floorLoad('Témoin : page Next dynamique (avant les pages)', { url: `${trivialBase}/` });
    // Each page, then the same markup served by the trivial app (its copy, written after the class).
    const ours: { label: string; s: Stats; copy: Stats; copyLabel: string }[] = [];
    for (const page of scenario.pages.filter((p) => p.label !== 'Accueil')) {
      const s = await load({ url: `${base}${page.path}`, connections: floorConnections, seconds: floorSeconds, headers: { cookie: page.cookie } });
      const { slug, elements, bytes } = copies.get(page.display)!;
      const copy = await load({ url: `${trivialBase}/copie/${slug}`, connections: floorConnections, seconds: floorSeconds });
      ours.push({ label: `${page.label} (\`${page.display}\`)`, s, copy, copyLabel: `… le même balisage, servi par l’application témoin (${formatNumber(elements)} éléments, ${kb(bytes)} de HTML)` });
    }
    const trivialAfter = await floorLoad('Témoin : page Next dynamique (après les pages)', { url: `${trivialBase}/` });
    const trivialPage = { ...trivialBefore, rps: (trivialBefore.rps + trivialAfter.rps) / 2 };
    for (const { label, s: page, copy, copyLabel } of ours) {
      floorRows.push({ label, s: page, baseline: trivialPage }, { label: copyLabel, s: copy, baseline: trivialPage });
      console.log(`   ${label} : ${Math.round(page.rps)} req/s, p95 ${ms(page.p95)} ms — ${percent(page.rps, trivialPage.rps)} du témoin ; le même balisage seul : ${percent(copy.rps, trivialPage.rps)}`);
      goals.push({ goal: `${label} ≥ 60 % de la page témoin`, measured: `${percent(page.rps, trivialPage.rps)} (le même balisage seul : ${percent(copy.rps, trivialPage.rps)} ; la page ÷ son balisage : ${percent(page.rps, copy.rps)})`, met: page.rps >= 0.6 * trivialPage.rps });
    }
    // The exchanges last: each adds an entry to the séance's journal, which the pages above read.
    await floorLoad('Serveur `http` de Node nu (JSON)', { url: baselineUrl });
    const trivialRoute = await floorLoad('Témoin : gestionnaire de route Next (POST JSON)', { url: `${trivialBase}/api/echo`, method: 'POST', headers: { 'content-type': 'application/json' }, body });
    // Warmed up as the trivial route was (measured cold after the class, which called it about once a second, the first
    // ten seconds ran at 55 % of the trivial route and the next ten at 84–98 % on PostgreSQL: docs/performance-history.md, session 29).
    await autocannon({ ...exchange, connections: floorConnections, duration: 3 });
    const exchangeFloor = await floorLoad('API d’échange (`POST /api/plateforme/v1/echanges`, accordé, journalisé, reçu signé)', exchange, trivialRoute);
    goals.push({ goal: 'API d’échange ≥ 65 % du gestionnaire de route témoin', measured: percent(exchangeFloor.rps, trivialRoute.rps), met: exchangeFloor.rps >= 0.65 * trivialRoute.rps });
    sections.push({
      title: `(e) Au plancher du cadre : e-Guichet et une application Next témoin, ${floorConnections} connexions pendant ${floorSeconds} s`,
      intro: `L’application témoin (\`bench/trivial\`, construite par le banc avec les mêmes versions de next et react) est servie comme la nôtre, par \`scripts/serve.ts\` avec le même nombre de processus. Pour l’API d’échange, la colonne « débit / base » est la part du débit du gestionnaire de route témoin (qui lit un JSON et en répond un) ; pour les pages, la part de la page témoin (dynamique, rendue à chaque requête ; moyenne de ses deux mesures, avant et après les nôtres). « p95 / base » compare de même. Sous chaque page, sa copie : le corps de la page tel que nous l’avons servi, rendu à chaque requête par l’application témoin, sans données, sans connexion ni logique (\`bench/copies.ts\` ; les liens internes y sont des composants client, comme les nôtres) : ce que Next et React dépensent pour ce balisage seul, le plancher de cette page.`,
      rows: floorRows,
    });

    console.log('(b) l’API d’échange, de 1 à 1 000 connexions…');
    const exchangeRows: Row[] = [];
    for (const connections of [1, 10, 100, 250, 500, 1000]) {
      const seconds = connections >= 500 ? 8 : 5;
      const s = await load({ ...exchange, connections, seconds });
      const b = await load({ url: baselineUrl, connections, seconds });
      exchangeRows.push({ label: `${connections} connexion${connections > 1 ? 's' : ''}`, s, baseline: b });
      console.log(`   ${connections} : p95 ${ms(s.p95)} ms, ${Math.round(s.rps)} req/s, ${s.errors} erreur(s)`);
    }
    memory.push({ t: (Date.now() - started) / 1000, mb: serverMb() });
    sections.push({
      title: '(b) API d’échange (POST /api/plateforme/v1/echanges), concurrence croissante',
      intro: 'La CAF demande le revenu fiscal de référence d’une personne à la DGFiP (mission de service public) : jeton vérifié, habilitation, appel du fournisseur, minimisation, entrée chaînée du journal et trace écrites dans une transaction. Chaque appel écrit deux lignes.',
      rows: exchangeRows,
    });

    // The same pages once (b) has filled the journal: one that reads the séance's whole journal slows down here and not
    // in (c) (session 31: Mes données walked it for a person with two exchanges; the cockpit counted it all each time).
    console.log('(f) les pages clés à nouveau, le journal rempli par (b)…');
    const afterRows: Row[] = [];
    for (const page of scenario.pages) {
      const s = await load({ url: `${base}${page.path}`, connections: 10, seconds: 5, headers: { cookie: page.cookie } });
      afterRows.push({ label: `${page.label} (\`${page.display}\`)`, s, baseline: beforeExchanges.get(page.label) });
      console.log(`   ${page.label} : p95 ${ms(s.p95)} ms, ${Math.round(s.rps)} req/s — ${percent(s.rps, beforeExchanges.get(page.label)?.rps ?? s.rps)} de son débit en (c)`);
    }
    const streamsAfter = await scenario.streams(30);
    afterRows.push({ label: 'Flux du tableau de bord, 30 flux ouverts : délai jusqu’au premier instantané', s: streamsAfter, baseline: streams, paced: true });
    sections.push({
      title: '(f) Les mêmes pages, le journal rempli par (b)',
      intro: 'Les pages de (c), mesurées de la même façon une fois que (b) a ajouté ses échanges au journal de la séance (des dizaines de milliers). « p95 / base » et « débit / base » les comparent à leur propre mesure en (c) : une page qui relit tout le journal de la séance ralentit ici.',
      rows: afterRows,
    });

    console.log(`(d) endurance : ${soakSeconds} s de charge mêlée…`);
    const soakStart = serverMb();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(serverMb()), 5000);
    const soakPage = scenario.pages.find((p) => p.label === 'Tableau de bord')!;
    const [soakPages, soakExchanges] = await Promise.all([
      load({ url: `${base}${soakPage.path}`, connections: 5, seconds: soakSeconds, headers: { cookie: soakPage.cookie } }),
      load({ ...exchange, connections: 5, seconds: soakSeconds }),
    ]);
    clearInterval(sampler);
    const soakEnd = serverMb();
    const perWorker = servers.flatMap((server) => workersMb(server.pid!));
    if (heapDir) {
      const snapshots = await heapSnapshots(servers.flatMap((server) => workerPids(server.pid!)), heapDir);
      console.log(`Instantanés du tas : ${snapshots.join(', ') || 'aucun'} (npx tsx scripts/heap-summary.ts <fichier>)`);
    }
    goals.push({
      goal: `Mémoire ≤ 300 Mo par processus à la fin de l’endurance (${soakSeconds} s)`,
      measured: perWorker.map((mb) => `${Math.round(mb)} Mo`).join(', ') || '—',
      met: perWorker.length > 0 && Math.max(...perWorker) <= 300,
    });
    const half = samples.slice(Math.floor(samples.length / 2));
    sections.push({
      title: `(d) Endurance : ${soakSeconds} s de charge mêlée (5 connexions sur une page, 5 sur l’API d’échange)`,
      intro: `Mémoire résidente du serveur : ${Math.round(soakStart)} Mo au début, ${Math.round(Math.max(...samples, soakEnd))} Mo au plus haut, ${Math.round(soakEnd)} Mo à la fin ; sur la seconde moitié, de ${Math.round(Math.min(...half))} à ${Math.round(Math.max(...half))} Mo (${samples.length} relevés, un toutes les 5 s). La base grossit d’environ ${Math.round(soakExchanges.n / 1000)} milliers d’échanges journalisés pendant ce temps.`,
      rows: [
        { label: 'Tableau de bord', s: soakPages },
        { label: 'API d’échange', s: soakExchanges },
      ],
    });
    memory.push({ t: (Date.now() - started) / 1000, mb: soakEnd });

    const { firstLoadJs, firstLoadBudgetKb, frameworkFloor, ownJsBudgetKb } = await import('../scripts/js-budget');
    const js = firstLoadJs();
    const floor = frameworkFloor(js);
    const heaviest = js.filter((r) => r !== floor)[0];
    if (floor && heaviest) {
      goals.push({ goal: `JavaScript : au plus 5 kB gzip au-dessus de la route vide du cadre (\`${floor.route}\`, ${floor.kb.toFixed(1)} kB)`, measured: `${(heaviest.kb - floor.kb).toFixed(1)} kB (\`${heaviest.route}\`)`, met: heaviest.kb - floor.kb <= ownJsBudgetKb });
    }
    write({ js, firstLoadBudgetKb, memory, minutes: (Date.now() - started) / 60000 });
    console.log('\nObjectifs :');
    for (const g of goals) console.log(`  ${g.met ? 'atteint    ' : 'NON atteint'}  ${g.goal.replace(/`/g, '')} : ${g.measured.replace(/`/g, '')}`);
    console.log(`Résultats écrits dans bench/${resultsFile} (${((Date.now() - started) / 60000).toFixed(1)} min).`);
  } finally {
    await engine.close();
    stop();
  }
}

/** Goal 3's two figures of a class: its pages, and the exchange API called over HTTP. */
function classFigures(scenario: { rows: { label: string; s: Stats }[] }) {
  return { pages: scenario.rows[0]!.s, exchanges: scenario.rows.find((r) => r.label.startsWith('API d’échange'))!.s };
}

/** `--classes N`: the class alone, N times on the same servers; each class's table and goal 3, printed. */
async function classesInARow(classScenario: typeof import('./scenario').classScenario, engine: import('../db/engine').Engine) {
  const met: boolean[] = [];
  for (let k = 1; k <= classesOnly; k++) {
    console.log(`(a) classe ${k} sur ${classesOnly} : ${students} élèves et un enseignant…`);
    const scenario = await classScenario({ base, platformBase, engine, teacher, students });
    const { pages, exchanges } = classFigures(scenario);
    console.log(`${scenario.intro}\n\n${table(scenario.rows.map((r) => ({ ...r, paced: true })))}\n`);
    if (scenario.notes.length) console.log(scenario.notes.map((n) => `- ${n}`).join('\n'));
    console.log(`  classe ${k} : pages p95 ${ms(pages.p95)} ms (objectif < 100), échange par HTTP p95 ${ms(exchanges.p95)} ms (objectif < 20)\n`);
    met.push(pages.p95 < 100 && exchanges.p95 < 20 && scenario.notes.length === 0);
  }
  console.log(`Objectif 3 atteint dans ${met.filter(Boolean).length} classe(s) sur ${classesOnly}.`);
}

function table(rows: Row[]): string {
  const lines = ['| Mesure | Requêtes | Erreurs | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | Débit (req/s) | p95 / base | débit / base |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|'];
  for (const { label, s, baseline, paced } of rows) {
    lines.push(
      `| ${label} | ${s.n} | ${s.errors} | ${ms(s.p50)} | ${ms(s.p95)} | ${ms(s.p99)} | ${ms(s.max)} | ${s.rps ? Math.round(s.rps) : '—'} | ${baseline ? ratio(s.p95, baseline.p95) : '—'} | ${baseline && !paced ? `${((100 * s.rps) / baseline.rps).toFixed(1)} %` : '—'} |`,
    );
  }
  return lines.join('\n');
}

function write(extra: { js: { route: string; kb: number }[]; firstLoadBudgetKb: number; memory: { t: number; mb: number }[]; minutes: number }) {
  const cpus = (() => {
    try {
      return /model name\s*:\s*(.*)/.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?';
    } catch {
      return '?';
    }
  })();
  const out = [
    '# Banc d’essai — résultats',
    '',
    `Moteur : **${engineLabel}**${serverCount > 1 ? ` (chacun un seul processus \`next start\`, derrière un répartiteur qui envoie chaque requête au suivant)` : ''}${platformPort ? ' ; l’API d’échange dans un processus à part (`--plateforme` : `EGUICHET_PLATFORM_PORT`), où les systèmes des organismes l’appellent' : ''}.`,
    '',
    `Produit par \`npm run bench${onPostgres ? ` -- --moteur postgres --serveurs ${serverCount}` : ''}\` le ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, en ${extra.minutes.toFixed(1)} min. Machine : ${require('node:os').cpus().length} cœurs (${cpus}), Node ${process.version}, \`next start\` et le générateur de charge sur la même machine (boucle locale). Les chiffres servent à comparer et à documenter (voir \`docs/performance.md\`), jamais à faire échouer un test.`,
    '',
    `**Base de comparaison** : un serveur \`http\` de Node nu, qui répond un JSON fixe, mesuré dans la même exécution avec la même charge ; « p95 / base » dit combien de fois plus lent est le 95e centile, « débit / base » la part du débit de ce serveur nu.`,
    '',
    '## Objectifs',
    '',
    '| Objectif | Mesuré | Atteint |',
    '|---|---|---|',
    ...goals.map((g) => `| ${g.goal} | ${g.measured} | ${g.met ? 'oui' : '**non**'} |`),
    '',
    ...sections.flatMap((s) => [`## ${s.title}`, '', s.intro, '', table(s.rows), '']),
    '## JavaScript au premier chargement (gzip), par route',
    '',
    `Lu dans la sortie de construction par \`scripts/js-budget.ts\` (\`npm run check:js\`). Budget : ${extra.firstLoadBudgetKb} kB.`,
    '',
    '| Route | kB gzip |',
    '|---|---:|',
    ...extra.js.map((r) => `| \`${r.route}\` | ${r.kb.toFixed(1)}${r.kb > extra.firstLoadBudgetKb ? ' (au-dessus du budget)' : ''} |`),
    '',
    '## Mémoire du serveur au fil du banc',
    '',
    extra.memory.map((m) => `${Math.round(m.t)} s : ${Math.round(m.mb)} Mo`).join(' · '),
    '',
    ...(breakdown.length ? ['## Détail des erreurs', '', ...breakdown.map((n) => `- ${n}`), ''] : []),
    ...(notes.length ? ['## Parcours de la classe interrompus', '', ...notes.map((n) => `- ${n}`), ''] : []),
  ];
  fs.writeFileSync(path.join(__dirname, resultsFile), out.join('\n'));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
