import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { env } from '../lib/env';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
/** The connection or a transaction on it: what domain functions take, so that they compose in one transaction. */
export type Executor = BaseSQLiteDatabase<'sync', Database.RunResult, typeof schema>;

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/**
 * better-sqlite3 compiles SQL on each prepare(), and drizzle prepares every query anew: during a class that was about
 * a twentieth of the server's CPU. The connection keeps its latest statements by SQL text (a cache on the handle, not
 * application state). drizzle turns a statement's raw mode on for its selects; a reused one starts with it off.
 */
export function reusePreparedStatements(sqlite: Database.Database, size = 500): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const statements = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    const known = statements.get(source);
    if (known) {
      statements.delete(source); // most recently used last
      statements.set(source, known);
      if (known.reader) known.raw(false);
      return known;
    }
    const statement = prepare(source);
    statements.set(source, statement);
    if (statements.size > size) statements.delete(statements.keys().next().value!);
    return statement;
  }) as typeof sqlite.prepare;
}

/** Opens a database with the settings every connection must have. */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  // Wait for a concurrent writer rather than failing with SQLITE_BUSY.
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  reusePreparedStatements(sqlite);
  return drizzle(sqlite, { schema });
}

/** Whether the driver's error code passes `test`, looked for through drizzle's wrapping (DrizzleQueryError: `cause`). */
export function hasDriverCode(error: unknown, test: (code: string) => boolean): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | null, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && test(e.code)) return true;
  }
  return false;
}

/** SQLite could not get its lock in time (another process held it longer than busy_timeout). */
export const isBusyError = (error: unknown): boolean => hasDriverCode(error, (code) => code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));

/**
 * For a write that is only a shortcut (a kept count, where a check ended): a database busy with another writer, or a
 * séance deleted meanwhile (its reset), leaves it to a later read; any other error is thrown.
 */
export function unlessBusyOrGone(error: unknown): void {
  if (!isBusyError(error) && !hasDriverCode(error, (code) => code === 'SQLITE_CONSTRAINT_FOREIGNKEY' || code === '23503')) throw error;
}

export function applyMigrations(db: Db): void {
  migrate(db, { migrationsFolder });
}

// One connection per process. Kept on globalThis so that `next dev` reloads reuse it;
// it is a handle, not application state (all state lives in the database).
const holder = globalThis as typeof globalThis & { __eguichetDb?: Db };

export function getDb(): Db {
  holder.__eguichetDb ??= openDatabase(env().dbPath);
  return holder.__eguichetDb;
}

/** For tests and scripts that manage their own connection. */
export function setDb(db: Db | undefined): void {
  holder.__eguichetDb = db;
}
