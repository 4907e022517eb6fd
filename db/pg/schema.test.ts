import fs from 'node:fs';
import path from 'node:path';
import { is } from 'drizzle-orm';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../../test/postgres';
import { applyMigrations, openDatabase } from '../client';
import * as sqliteSchema from '../schema';
import { migratePostgres, pgMigrationsFolder } from './migrate';

// The two migration chains (db/migrations for SQLite, db/migrations-pg for PostgreSQL) must build the same tables:
// both databases are built for real and read back, table by table, column by column, index by index.

let server: TestPostgres;
let url: string;

const freshDatabase = (name: string) => createTestDatabase(server, name);

beforeAll(async () => {
  server = await startTestPostgres();
  url = await freshDatabase('schema_compare');
  await migratePostgres(url);
}, 60_000);
afterAll(() => server?.stop());

async function query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The PostgreSQL type each drizzle SQLite column type becomes (db/pg/schema.ts). */
const pgTypeOf: Record<string, string> = {
  SQLiteText: 'text',
  SQLiteInteger: 'bigint',
  SQLiteTimestamp: 'timestamp with time zone',
  SQLiteBoolean: 'boolean',
  SQLiteTextJson: 'jsonb',
  SQLiteReal: 'double precision',
  SQLiteBlobBuffer: 'bytea',
};
const sqliteTypeOf: Record<string, string> = { SQLiteText: 'text', SQLiteInteger: 'integer', SQLiteTimestamp: 'integer', SQLiteBoolean: 'integer', SQLiteTextJson: 'text', SQLiteReal: 'real', SQLiteBlobBuffer: 'blob' };

/** A default as both engines print it, reduced to its value: 'tout'::text → tout, 0/1 for booleans → false/true. */
const defaultValue = (value: string | null, boolean: boolean) => {
  if (value === null) return null;
  const bare = value.replace(/::[\w ]+$/, '').replace(/^'(.*)'$/, '$1');
  return boolean ? ({ 0: 'false', 1: 'true' } as Record<string, string>)[bare] ?? bare : bare;
};

describe('PostgreSQL and SQLite build the same database', () => {
  const tables = (Object.values(sqliteSchema) as unknown[]).filter((v): v is SQLiteTable => is(v, SQLiteTable)).map((t) => getTableConfig(t));
  const lite = openDatabase(':memory:');
  applyMigrations(lite);
  const sqlite = lite.$client;

  it('the same tables', async () => {
    const pgTables = (await query<{ table_name: string }>("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")).map((r) => r.table_name);
    const liteTables = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '__drizzle%'").all() as { name: string }[]).map((r) => r.name);
    expect(pgTables.sort()).toEqual(liteTables.sort());
    expect(liteTables.sort()).toEqual(tables.map((t) => t.name).sort());
  });

  it('the same columns: names, types as the schema says, nullability, defaults, primary keys', async () => {
    const pgColumns = await query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; column_default: string | null; is_identity: string }>(
      "SELECT table_name, column_name, data_type, is_nullable, column_default, is_identity FROM information_schema.columns WHERE table_schema = 'public'",
    );
    const pgKeys = await query<{ table_name: string; column_name: string }>(
      "SELECT k.table_name, k.column_name FROM information_schema.table_constraints c JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name) WHERE c.constraint_type = 'PRIMARY KEY' AND c.table_schema = 'public'",
    );
    const mismatches: string[] = [];
    for (const table of tables) {
      const liteColumns = sqlite.prepare(`PRAGMA table_info("${table.name}")`).all() as { name: string; type: string; notnull: number; dflt_value: string | null; pk: number }[];
      // One column only PostgreSQL has: case_events.rowid, SQLite's implicit row number made explicit (migration 0002).
      const pgOnly = table.name === 'case_events' ? ['rowid'] : [];
      expect(liteColumns.map((c) => c.name).sort(), table.name).toEqual(pgColumns.filter((c) => c.table_name === table.name && !pgOnly.includes(c.column_name)).map((c) => c.column_name).sort());
      for (const column of table.columns) {
        const l = liteColumns.find((c) => c.name === column.name)!;
        const p = pgColumns.find((c) => c.table_name === table.name && c.column_name === column.name)!;
        const boolean = column.columnType === 'SQLiteBoolean';
        const seen = {
          type: [l.type.toLowerCase(), p.data_type],
          notNull: [l.notnull === 1 || l.pk > 0, p.is_nullable === 'NO'],
          default: [defaultValue(l.dflt_value, boolean), defaultValue(p.column_default, boolean)],
          primaryKey: [l.pk > 0, pgKeys.some((k) => k.table_name === table.name && k.column_name === column.name)],
          // SQLite numbers an integer primary key by itself (the rowid); PostgreSQL needs an identity column for it.
          numbersItself: [l.pk > 0 && l.type.toLowerCase() === 'integer', p.is_identity === 'YES'],
        };
        const expected = { type: [sqliteTypeOf[column.columnType], pgTypeOf[column.columnType]] };
        if (seen.type[0] !== expected.type[0] || seen.type[1] !== expected.type[1]) mismatches.push(`${table.name}.${column.name} type ${seen.type} ≠ ${expected.type}`);
        for (const [what, [a, b]] of Object.entries(seen)) if (what !== 'type' && a !== b) mismatches.push(`${table.name}.${column.name} ${what}: SQLite ${a}, PostgreSQL ${b}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('the same indexes (unique, columns, partial) and foreign keys (columns, target, on delete)', async () => {
    const pgIndexes = await query<{ tablename: string; indexname: string; indexdef: string }>("SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'");
    const pgForeign = await query<{ table_name: string; columns: string[]; foreign_table: string; foreign_columns: string[]; on_delete: string }>(`
      SELECT c.conrelid::regclass::text AS table_name, c.confrelid::regclass::text AS foreign_table,
             ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.conrelid AND attnum = ANY (c.conkey) ORDER BY attnum)::text[] AS columns,
             ARRAY(SELECT attname FROM pg_attribute WHERE attrelid = c.confrelid AND attnum = ANY (c.confkey) ORDER BY attnum)::text[] AS foreign_columns,
             CASE c.confdeltype WHEN 'c' THEN 'cascade' WHEN 'n' THEN 'set null' WHEN 'r' THEN 'restrict' WHEN 'd' THEN 'set default' ELSE 'no action' END AS on_delete
      FROM pg_constraint c WHERE c.contype = 'f'`);
    const pgSide = { indexes: [] as string[], foreign: [] as string[] };
    const liteSide = { indexes: [] as string[], foreign: [] as string[] };
    for (const table of tables) {
      for (const index of (sqlite.prepare(`PRAGMA index_list("${table.name}")`).all() as { name: string; unique: number; origin: string; partial: number }[]).filter((i) => i.origin === 'c')) {
        const columns = (sqlite.prepare(`PRAGMA index_info("${index.name}")`).all() as { name: string }[]).map((c) => c.name);
        liteSide.indexes.push(`${table.name} ${index.name} ${index.unique ? 'unique' : 'index'} (${columns.join(', ')})${index.partial ? ' partial' : ''}`);
      }
      for (const fk of sqlite.prepare(`PRAGMA foreign_key_list("${table.name}")`).all() as { table: string; from: string; to: string; on_delete: string }[]) {
        liteSide.foreign.push(`${table.name} (${fk.from}) → ${fk.table} (${fk.to}) on delete ${fk.on_delete.toLowerCase()}`);
      }
    }
    for (const index of pgIndexes) {
      const columns = /\((.*?)\)(?: WHERE|$)/.exec(index.indexdef)?.[1]!.split(', ').map((c) => c.replace(/"/g, '')) ?? [];
      pgSide.indexes.push(`${index.tablename} ${index.indexname} ${/CREATE UNIQUE/.test(index.indexdef) ? 'unique' : 'index'} (${columns.join(', ')})${/ WHERE /.test(index.indexdef) ? ' partial' : ''}`);
    }
    for (const fk of pgForeign) fk.columns.forEach((c, i) => pgSide.foreign.push(`${fk.table_name} (${c}) → ${fk.foreign_table} (${fk.foreign_columns[i]}) on delete ${fk.on_delete}`));
    expect(pgSide.indexes.sort()).toEqual(liteSide.indexes.sort());
    expect(pgSide.foreign.sort()).toEqual(liteSide.foreign.sort());
    expect(liteSide.indexes.length).toBeGreaterThan(10);
    expect(liteSide.foreign.length).toBeGreaterThan(30);
  });

  it('the same triggers: append-only tables refuse UPDATE, the journal refuses DELETE while its séance exists', async () => {
    const liteTriggers = (sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").all() as { name: string }[]).map((t) => t.name);
    const pgTriggers = (await query<{ trigger_name: string }>("SELECT DISTINCT trigger_name FROM information_schema.triggers WHERE trigger_schema = 'public'")).map((t) => t.trigger_name);
    // Beside the same rules, PostgreSQL alone tells the servers' live views what changed (0015_live_notify; SQLite has
    // no such channel): one trigger on each table the teacher's live view shows.
    const live = pgTriggers.filter((name) => name.endsWith('_live'));
    expect(live.sort()).toEqual(['case_events_live', 'cases_live', 'classroom_messages_live', 'journal_entries_live', 'participants_live']);
    expect(pgTriggers.filter((name) => !live.includes(name)).sort()).toEqual(liteTriggers.sort());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("INSERT INTO class_sessions (id, name, join_code, created_at) VALUES ('s1', 'Séance', 'ABCDEF', now())");
      await client.query(
        "INSERT INTO journal_entries (id, class_session_id, sequence, recorded_at, consumer, provider, items, purpose, result, previous_hash, hash) VALUES ('e1', 's1', 1, now(), 'ville', 'siv', '[]', 'x', 'accorde', 'a', 'b')",
      );
      await expect(client.query("UPDATE journal_entries SET result = 'refuse'")).rejects.toThrow(/journal_entries is append-only/);
      await expect(client.query('DELETE FROM journal_entries')).rejects.toThrow(/journal_entries is append-only/);
      // Its séance gone, its entries go with it (the cascade).
      await client.query("DELETE FROM class_sessions WHERE id = 's1'");
      expect((await client.query('SELECT count(*)::int AS n FROM journal_entries')).rows[0]).toEqual({ n: 0 });
    } finally {
      await client.end();
    }
  });

  it('migrates once when several servers start together (advisory lock)', async () => {
    const target = await freshDatabase('concurrent_start');
    await Promise.all(Array.from({ length: 4 }, () => migratePostgres(target)));
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      const applied = (await client.query('SELECT hash FROM drizzle.__drizzle_migrations')).rows;
      // Each migration once, however many servers ran them.
      const journal = JSON.parse(fs.readFileSync(path.join(pgMigrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
      expect(applied).toHaveLength(journal.entries.length);
    } finally {
      await client.end();
    }
  });
});
