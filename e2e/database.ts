import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { test } from '@playwright/test';
import pg from 'pg';
import { e2eOnPostgres } from '../playwright.config';

// The browser tests' own look into the database the servers use, on either engine: the SQLite file of the default run,
// or the PostgreSQL database of the two-server run (its address is left by e2e/postgres-servers.ts). Queries are
// written once with `?` placeholders; counts come back as numbers on both.

/** The SQLite file of this test's server (each lane of the run has its own). */
export const sqliteFile = () => path.join(String(test.info().project.metadata.dataDir), 'e-guichet.sqlite');
export const postgresUrlFile = path.join('.e2e-data', 'postgres', 'database-url');

export type E2eDatabase = {
  all<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T[]>;
  get<T = Record<string, unknown>>(query: string, ...params: unknown[]): Promise<T | undefined>;
  /** Runs `change` with the trigger `name` of `table` off (what someone with access to the database could do). */
  withoutTrigger(name: string, table: string, change: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
};

const int8 = 20;

/** The run's database, or the PostgreSQL database at `url` (a test's own). */
export async function openE2eDatabase(url?: string): Promise<E2eDatabase> {
  if (url || e2eOnPostgres) {
    // A pool, not one client: a test may read while it reads (one client would queue them, which node-postgres 9 drops).
    const client = new pg.Pool({
      max: 4,
      connectionString: url ?? fs.readFileSync(postgresUrlFile, 'utf8').trim(),
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === int8 ? Number : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    });
    // An idle connection the server closes (the run's end) is not a test's failure; a query's error still is.
    client.on('error', () => {});
    const all = async <T>(query: string, ...params: unknown[]) => {
      let n = 0;
      return (await client.query(query.replace(/\?/g, () => `$${++n}`), params)).rows as T[];
    };
    return {
      all,
      get: async <T>(query: string, ...params: unknown[]) => (await all<T>(query, ...params))[0],
      async withoutTrigger(name, table, change) {
        await client.query(`ALTER TABLE ${table} DISABLE TRIGGER ${name}`);
        try {
          await change();
        } finally {
          await client.query(`ALTER TABLE ${table} ENABLE TRIGGER ${name}`);
        }
      },
      close: () => client.end(),
    };
  }
  const db = new Database(sqliteFile());
  return {
    all: async <T>(query: string, ...params: unknown[]) => {
      const statement = db.prepare(query);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params); // an UPDATE or a DELETE: no rows, as on PostgreSQL without RETURNING
      return [];
    },
    get: async <T>(query: string, ...params: unknown[]) => db.prepare(query).get(...params) as T | undefined,
    async withoutTrigger(name, _table, change) {
      const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string };
      db.exec(`DROP TRIGGER ${name}`);
      try {
        await change();
      } finally {
        db.exec(sql);
      }
    },
    close: async () => void db.close(),
  };
}
