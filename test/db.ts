import { expect } from 'vitest';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { threadId } from 'node:worker_threads';
import { applyMigrations, openDatabase, setDb } from '../db/client';
import { getEngine, type AsyncExecutor } from '../db/engine';
import { prepareData, prepareDatabase } from '../db/prepare';

// One data folder (secrets, first login) per test worker: workers run in parallel, files within one do not.
process.env.EGUICHET_DATA_DIR ??= path.join(os.tmpdir(), `e-guichet-vitest-${process.pid}-${threadId}`);

/** The unit suite runs twice: on SQLite, and on PostgreSQL (vitest project "postgres", test/postgres-setup.ts). */
export const onPostgres = process.env.EGUICHET_TEST_ENGINE === 'postgres';

let created = 0;
let previous: string | null = null;

/**
 * A fresh database built from the real migrations and seeded like a first start, installed as the process's (each
 * test file runs in its own module graph); what domain code takes, the engine's executor. On PostgreSQL, a copy of the
 * migrated template on the run's server; the previous one of this worker is dropped.
 */
export async function freshDb(): Promise<AsyncExecutor> {
  if (onPostgres) {
    const { inject } = await import('vitest');
    const { createTestDatabase } = await import('./postgres');
    const server = { url: inject('postgresServerUrl') };
    const name = `t_${process.pid}_${threadId}_${++created}`;
    const url = await createTestDatabase(server, name, 'eguichet_modele');
    if (previous) await getEngine().close().catch(() => undefined);
    process.env.EGUICHET_DATABASE_URL = url;
    const engine = getEngine();
    if (previous) await dropDatabase(server.url, previous);
    previous = name;
    await prepareData(engine);
    return engine.db;
  }
  const db = openDatabase(':memory:');
  applyMigrations(db);
  setDb(db);
  await prepareDatabase(db);
  return getEngine().db;
}

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  const { default: pg } = await import('pg');
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // A pool's end() resolves before its connections have closed: forced out now, a connection still closing would get
    // "terminating connection due to administrator command" as an error nobody listens to. Wait until they are gone.
    for (let i = 0; i < 100; i++) {
      const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name]);
      if (Number(rows[0]!.n) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/**
 * Raw SQL on the current test database, as someone holding the database (file or server) could run it, bypassing the
 * application: `?` placeholders on both engines. Rows as objects.
 */
export async function rawSql(text: string, ...params: unknown[]): Promise<Record<string, unknown>[]> {
  if (onPostgres) {
    let n = 0;
    const pool = (getEngine().db as unknown as { $client: { query(q: string, p: unknown[]): Promise<{ rows: Record<string, unknown>[] }> } }).$client;
    return (await pool.query(text.replace(/\?/g, () => `$${++n}`), params)).rows;
  }
  const { getDb } = await import('../db/client');
  const statement = getDb().$client.prepare(text);
  if (statement.reader) return statement.all(...params) as Record<string, unknown>[];
  statement.run(...params);
  return [];
}

/**
 * Counts the reads (SELECT statements; or those `matching`) the database runs from now on, on both engines: at the
 * driver, so that a statement built once (db/prepared.ts) counts each time it runs. `stop()` puts the driver back.
 */
export async function countReads(matching = /^\s*select\b/i): Promise<{ n: number; stop(): void }> {
  const reads = { n: 0, stop: () => undefined as void };
  const isRead = (text: unknown) => typeof text === 'string' && matching.test(text);
  if (onPostgres) {
    const pool = (getEngine().db as unknown as { $client: { query: (...args: unknown[]) => unknown } }).$client;
    const query = pool.query;
    pool.query = function (this: unknown, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: unknown } | undefined)?.text;
      if (isRead(text)) reads.n++;
      return query.apply(this, args);
    };
    reads.stop = () => void (pool.query = query);
    return reads;
  }
  // SQLite: each run of a statement (the engine compiles each text once and runs it again: db/engine.ts).
  const { getDb } = await import('../db/client');
  const statement = Object.getPrototypeOf(getDb().$client.prepare('SELECT 1')) as Record<'get' | 'all', (this: { source: string }, ...args: unknown[]) => unknown>;
  const { get, all } = statement;
  for (const [name, run] of [['get', get], ['all', all]] as const) {
    statement[name] = function (...args) {
      if (isRead(this.source)) reads.n++;
      return run.apply(this, args);
    };
  }
  reads.stop = () => void Object.assign(statement, { get, all });
  return reads;
}

/** Drops a trigger of the append-only tables (on PostgreSQL, triggers belong to a table). */
export const dropTrigger = (name: string, table: string) => rawSql(onPostgres ? `DROP TRIGGER ${name} ON ${table}` : `DROP TRIGGER ${name}`);

/** The tables that have a class_session_id column (everything a séance owns). */
export async function tablesOfSessions(): Promise<string[]> {
  const rows = onPostgres
    ? await rawSql("SELECT table_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'class_session_id' ORDER BY table_name")
    : await rawSql("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'class_session_id') ORDER BY m.name");
  return rows.map((r) => String(r.name));
}

/** How many rows of `table` belong to the séance. */
export const rowsOfSession = async (table: string, classSessionId: string) => Number((await rawSql(`SELECT count(*) AS n FROM "${table}" WHERE class_session_id = ?`, classSessionId))[0]!.n);

/** What the engine says when a unique index refuses a row (drizzle puts the driver's error in `cause`). */
export const uniqueViolation = { cause: { message: onPostgres ? expect.stringMatching(/duplicate key value violates unique constraint/) : expect.stringMatching(/UNIQUE/) } };

/** The texts node-postgres sends to the server while `run` runs (none on SQLite). */
export async function textsSent(run: () => Promise<unknown>): Promise<string[]> {
  return (await tripsOf(run)).map((s) => s.text);
}

/**
 * The texts node-postgres sends while `run` runs, each with the round trip it went in: a statement sent before every
 * statement sent earlier has been answered goes in the same trip as them (pipelined); one sent after an answer starts
 * the next.
 */
export async function tripsOf(run: () => Promise<unknown>): Promise<{ text: string; trip: number }[]> {
  const sent: { text: string; trip: number }[] = [];
  let trip = 0;
  let answered = true;
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = args[0];
    if (answered) trip += 1;
    answered = false;
    sent.push({ text: typeof text === 'string' ? text : ((text as { text?: string })?.text ?? ''), trip });
    // Answered: its promise settles, or (the pool's own queries) its callback is called.
    const last = args.at(-1);
    if (typeof last === 'function') {
      args[args.length - 1] = (...answer: unknown[]) => {
        answered = true;
        return (last as (...a: unknown[]) => unknown)(...answer);
      };
    }
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (result instanceof Promise) result.then(() => (answered = true), () => (answered = true));
    return result;
  } as typeof original;
  try {
    await run();
  } finally {
    pg.Client.prototype.query = original;
  }
  return sent;
}
