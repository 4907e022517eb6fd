import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openDatabase } from '../db/client';
import { databaseUrl } from '../db/engine';
import { prepareDatabase, preparePostgres } from '../db/prepare';
import { readEnv, type Env } from '../lib/env';
import { loadOrCreateSecrets } from '../lib/secrets';

/** Deletes the database file and its WAL companions (the secrets are kept). */
export function removeDatabase(dbPath: string): void {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${dbPath}${suffix}`, { force: true });
}

/** Secrets, migrations, first seed: what every entry point does before serving. */
export async function prepare(options: { resetDatabase?: boolean } = {}): Promise<{ env: Env; where: string; result: Awaited<ReturnType<typeof prepareDatabase>> }> {
  const env = readEnv();
  fs.mkdirSync(env.dataDir, { recursive: true });
  loadOrCreateSecrets(env.dataDir);
  const url = databaseUrl();
  if (url) {
    // PostgreSQL (EGUICHET_DATABASE_URL or DATABASE_URL): migrations once whoever starts first, then the same first
    // start as on SQLite; every app server that starts runs this, and a second one adds nothing.
    if (options.resetDatabase) await resetPostgres(url);
    return { env, where: url.replace(/\/\/[^@/]*@/, '//'), result: await preparePostgres(url) };
  }
  if (options.resetDatabase && env.dbPath !== ':memory:') removeDatabase(env.dbPath);
  const db = openDatabase(env.dbPath);
  try {
    return { env, where: env.dbPath, result: await prepareDatabase(db) };
  } finally {
    db.$client.close();
  }
}

/** `--reset-database` on PostgreSQL: e-Guichet's tables and its migrations' record go (the server and its roles stay). */
async function resetPostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE; DROP SCHEMA IF EXISTS drizzle CASCADE; CREATE SCHEMA public');
  } finally {
    await client.end();
  }
}

export const projectRoot = path.resolve(__dirname, '..');

const sourceEntries = ['app', 'lib', 'db', 'public', 'proxy.ts', 'instrumentation.ts', 'next.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

function newestSourceTime(entry: string): number {
  const full = path.join(projectRoot, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) newest = Math.max(newest, newestSourceTime(path.join(entry, child)));
  return newest;
}

export function buildIsStale(): boolean {
  const buildId = path.join(projectRoot, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return sourceEntries.some((entry) => newestSourceTime(entry) > built);
}

/** Builds the application when it never was, or when a source changed since. */
export function ensureBuild(): void {
  if (!buildIsStale()) return;
  console.log('Construction de l’application (première fois ou sources modifiées, environ deux minutes)…');
  const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { cwd: projectRoot, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
