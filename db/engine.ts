import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import pg from 'pg';
import { getDb, isBusyError, type Db } from './client';
import { pgTables } from './pg/schema';
import * as sqliteSchema from './schema';

// Two engines behind one asynchronous data layer (docs/ARCHITECTURE.md, "Growing beyond one machine"): SQLite through
// better-sqlite3, embedded, the default; PostgreSQL through node-postgres when EGUICHET_DATABASE_URL (or DATABASE_URL)
// names a postgres:// server. Domain code is written once against drizzle's asynchronous SQLite API — awaited query
// builders only, never .get()/.all()/.run(), which PostgreSQL's builders do not have — and the tables of `tablesFor`.

export type EngineName = 'sqlite' | 'postgres';

/** What domain code writes against: the connection, or a transaction on it. */
export type AsyncExecutor = BaseSQLiteDatabase<'async', unknown, typeof sqliteSchema>;

export type Engine = {
  name: EngineName;
  db: AsyncExecutor;
  /**
   * Runs `run` in one write transaction, again if the engine asks (a lock not had in time, a deadlock). `lock` names
   * what the transaction serialises on across every server (PostgreSQL: a transaction-level advisory lock; SQLite's
   * BEGIN IMMEDIATE already serialises every writer). On SQLite the function must wait on nothing but the database.
   */
  transaction<T>(run: (tx: AsyncExecutor) => Promise<T>, options?: { lock?: string }): Promise<T>;
  /** A point in time as a parameter of raw SQL, compared with a timestamp column (ms on SQLite, timestamptz on PostgreSQL). */
  time(date: Date): number | Date;
  close(): Promise<void>;
};

/** The PostgreSQL server to use, if any: EGUICHET_DATABASE_URL, else DATABASE_URL, when it is a postgres:// URL. */
export function databaseUrl(source: NodeJS.ProcessEnv = process.env): string | null {
  const url = source.EGUICHET_DATABASE_URL ?? source.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : null;
}

export const engineNameFromEnv = (source: NodeJS.ProcessEnv = process.env): EngineName => (databaseUrl(source) ? 'postgres' : 'sqlite');

/** The tables of an engine, typed as SQLite's (the PostgreSQL ones have the same columns and the same row types). */
export function tablesFor(name: EngineName): typeof sqliteSchema {
  return name === 'postgres' ? ({ ...sqliteSchema, ...pgTables } as unknown as typeof sqliteSchema) : sqliteSchema;
}

/** SQLite: the process's one connection; transactions are queued in the process, and take the file's lock first. */
export function sqliteEngine(connection: Db): Engine {
  const db = connection as unknown as AsyncExecutor;
  const client = connection.$client;
  let queue: Promise<void> = Promise.resolve();
  return {
    name: 'sqlite',
    db,
    async transaction(run) {
      const previous = queue;
      let release!: () => void;
      queue = new Promise((resolve) => (release = resolve));
      await previous;
      try {
        for (let attempt = 1; ; attempt++) {
          try {
            client.exec('BEGIN IMMEDIATE');
            break;
          } catch (error) {
            if (!isBusyError(error) || attempt >= 3) throw error;
          }
        }
        try {
          const result = await run(db);
          client.exec('COMMIT');
          return result;
        } catch (error) {
          if (client.inTransaction) client.exec('ROLLBACK');
          throw error;
        }
      } finally {
        release();
      }
    },
    time: (date) => date.getTime(),
    close: async () => void client.close(),
  };
}

/** Serialisation failures and deadlocks: PostgreSQL rolled the transaction back, it may run again as a whole. */
const retryable = (error: unknown) => ['40001', '40P01'].includes((error as { code?: string } | null)?.code ?? '');

/** PostgreSQL: a pool per app server; several servers share the database, and named locks serialise across them. */
export function postgresEngine(url: string, options: { max?: number } = {}): Engine {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  const drizzled = drizzlePg(pool, { schema: pgTables });
  return {
    name: 'postgres',
    db: drizzled as unknown as AsyncExecutor,
    async transaction(run, options = {}) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await (drizzled as NodePgDatabase<typeof pgTables>).transaction(async (tx) => {
            if (options.lock) await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${options.lock}, 0))`);
            return run(tx as unknown as AsyncExecutor);
          });
        } catch (error) {
          if (!retryable(error) || attempt >= 5) throw error;
        }
      }
    },
    time: (date) => date,
    close: () => pool.end(),
  };
}

/** The first row of a query, or undefined: what SQLite's .get() gave, on both engines. */
export async function first<T>(query: PromiseLike<T[]> & { limit(n: number): PromiseLike<T[]> }): Promise<T | undefined> {
  return (await query.limit(1))[0];
}

// The process's engine, on globalThis like the connection (a handle, not application state). On SQLite it wraps the
// process's one connection — the one the code not yet moved to this layer uses synchronously — and follows setDb().
const holder = globalThis as typeof globalThis & { __eguichetEngine?: Engine; __eguichetSqliteEngines?: WeakMap<Db, Engine> };

/** The one engine of a SQLite connection: its transactions share one queue, whoever asks. */
export function engineFor(connection: Db): Engine {
  holder.__eguichetSqliteEngines ??= new WeakMap();
  let engine = holder.__eguichetSqliteEngines.get(connection);
  if (!engine) holder.__eguichetSqliteEngines.set(connection, (engine = sqliteEngine(connection)));
  return engine;
}

export function getEngine(): Engine {
  const url = databaseUrl();
  if (url) return (holder.__eguichetEngine ??= postgresEngine(url));
  return engineFor(getDb());
}
