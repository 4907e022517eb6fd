import os from 'node:os';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../../test/postgres';

// A first start on PostgreSQL: the same preparation code as on SQLite (db/prepare.ts, on the asynchronous layer)
// seeds the same world — table by table, the same number of rows — and a second start adds nothing.

process.env.EGUICHET_DATA_DIR ??= path.join(os.tmpdir(), `e-guichet-vitest-${process.pid}-${threadId}`);

let server: TestPostgres;
let url: string;

beforeAll(async () => {
  server = await startTestPostgres();
  url = await createTestDatabase(server, 'prepare_first_start');
}, 60_000);
afterAll(async () => {
  const { getEngine } = await import('../engine');
  await getEngine().close();
  delete process.env.EGUICHET_DATABASE_URL;
  server?.stop();
});

/** Rows per table, read with each engine's own client. */
async function pgCounts(): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = (await client.query("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).rows.map((r) => r.table_name as string);
    const counts: Record<string, number> = {};
    for (const table of tables.sort()) counts[table] = (await client.query(`SELECT count(*)::int AS n FROM "${table}"`)).rows[0].n;
    return counts;
  } finally {
    await client.end();
  }
}

describe('a first start on PostgreSQL', () => {
  it('seeds the world SQLite gets, row for row; a second start adds nothing, nor do two servers started together', async () => {
    // SQLite first, in this process, as `npm start` does by default.
    const { freshDb } = await import('../../test/db');
    await freshDb();
    const lite = (await import('../client')).getDb().$client;
    const sqliteTables = (lite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((r) => r.name).sort();
    const sqliteCounts = Object.fromEntries(sqliteTables.map((t) => [t, (lite.prepare(`SELECT count(*) AS n FROM "${t}"`).get() as { n: number }).n]));
    expect(sqliteCounts.personas).toBeGreaterThan(20);

    // Then PostgreSQL: the engine is chosen from the environment when the data layer is first loaded.
    process.env.EGUICHET_DATABASE_URL = url;
    const { vi } = await import('vitest');
    vi.resetModules();
    const { migratePostgres } = await import('./migrate');
    const { getEngine } = await import('../engine');
    const { prepareData } = await import('../prepare');
    await migratePostgres(url);
    const engine = getEngine();
    expect(engine.name).toBe('postgres');
    const first = await prepareData(engine);
    expect(first.demo).toMatchObject({ name: 'Séance de démonstration', isDemo: true, simulateNetwork: false });
    expect(first.teacher.createdAt).toBeInstanceOf(Date);
    const counts = await pgCounts();
    // The teacher's rate limits and action keys are empty on both; the seed is the same.
    expect(counts).toEqual(sqliteCounts);

    const again = await prepareData(engine);
    expect(again.demo.id).toBe(first.demo.id);
    expect(await pgCounts()).toEqual(counts);

    // Two app servers started together on an empty database: one world, one teacher, one demonstration séance.
    const { preparePostgres } = await import('../prepare');
    url = await createTestDatabase(server, 'prepare_two_servers');
    const [a, b] = await Promise.all([preparePostgres(url), preparePostgres(url)]);
    expect(a.demo.id).toBe(b.demo.id);
    expect(a.teacher.id).toBe(b.teacher.id);
    expect(await pgCounts()).toEqual(counts);
  }, 120_000);
});
