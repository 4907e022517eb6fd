import { DrizzleQueryError, sql, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg, NodePgPreparedQuery, NodePgSession, NodePgTransaction, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core';
import { AsyncLocalStorage } from 'node:async_hooks';
import Database, { type Statement } from 'better-sqlite3';
import { PgDeleteBase, PgDialect, PgInsertBase, PgSelectBase, PgUpdateBase } from 'drizzle-orm/pg-core';
import { drizzle as drizzleProxy } from 'drizzle-orm/sqlite-proxy';
import pg from 'pg';
import { getDb, hasDriverCode, isBusyError, unlessBusyOrGone, type Db } from './client';
import { databaseUrl } from './database-url';
import { statementName } from './statement-name';
import { pgTables } from './pg/schema';
import * as sqliteSchema from './schema';

// Two engines behind one asynchronous data layer (docs/ARCHITECTURE.md, "Growing beyond one machine"): SQLite through
// better-sqlite3, embedded, the default; PostgreSQL through node-postgres when EGUICHET_DATABASE_URL (or DATABASE_URL)
// names a postgres:// server. Domain code is written once against drizzle's asynchronous SQLite API — awaited query
// builders only, never .get()/.all()/.run(), which PostgreSQL's builders do not have — and the tables of `tablesFor`.

export type EngineName = 'sqlite' | 'postgres';

/** What domain code writes against: the connection, or a transaction on it. */
export type AsyncExecutor = BaseSQLiteDatabase<'async', unknown, typeof sqliteSchema>;

/**
 * `lock` names what a write transaction serialises on across every server (PostgreSQL: a transaction-level advisory
 * lock; SQLite's BEGIN IMMEDIATE already serialises every writer). `read`: the transaction's first read, whose answer
 * `run` is given — on PostgreSQL sent with BEGIN and the lock, in the same round trip (it runs once the lock is granted).
 */
export type TransactionOptions<R = undefined> = {
  lock?: string;
  read?: (tx: AsyncExecutor) => Promise<R>;
  /** false: on SQLite, fail at once with the busy error when another process holds the write lock (`shortcut`). */
  patient?: boolean;
};

/** `run` given what `read` answered (nothing without one), for the engines that send it as any other statement. */
const afterRead = <T, R>(run: (tx: AsyncExecutor, read: R) => Promise<T>, read: ((tx: AsyncExecutor) => Promise<R>) | undefined) =>
  async (tx: AsyncExecutor): Promise<T> => run(tx, (read ? await read(tx) : undefined) as R);

export type Engine = {
  name: EngineName;
  db: AsyncExecutor;
  /**
   * Runs `run` in one write transaction, again if the engine asks (a lock not had in time, a deadlock). On SQLite the
   * function must wait on nothing but the database.
   */
  transaction<T, R = undefined>(run: (tx: AsyncExecutor, read: R) => Promise<T>, options?: TransactionOptions<R>): Promise<T>;
  /**
   * PostgreSQL: `item` done together with the others of the same `key` that arrive while the key's previous group runs,
   * in one transaction holding `lock` (`run` gets them in arrival order and returns one result each; if the group fails,
   * each of its callers gets the error). One lock, one commit for a group instead of one each. Absent on SQLite, whose
   * queue already commits waiting transactions together.
   */
  gather?<I, O, R = undefined>(key: string, item: I, run: (tx: AsyncExecutor, items: I[], read: R) => Promise<O[]>, options?: TransactionOptions<R>): Promise<O>;
  /** A point in time as a parameter of raw SQL, compared with a timestamp column (ms on SQLite, timestamptz on PostgreSQL). */
  time(date: Date): number | Date;
  close(): Promise<void>;
};

export { databaseUrl };

export const engineNameFromEnv = (source: NodeJS.ProcessEnv = process.env): EngineName => (databaseUrl(source) ? 'postgres' : 'sqlite');

/** The tables of an engine, typed as SQLite's (the PostgreSQL ones have the same columns and the same row types). */
export function tablesFor(name: EngineName): typeof sqliteSchema {
  return name === 'postgres' ? ({ ...sqliteSchema, ...pgTables } as unknown as typeof sqliteSchema) : sqliteSchema;
}

// Marks on the executors themselves, under registry symbols: Next.js may load this module more than once (one copy per
// bundle layer), and every copy must recognise an executor made by another.
/** The engine behind a connection-level executor, for `transaction(db, …)`. */
const engineMark = Symbol.for('e-guichet.engine');
/** Set on an executor while it is an open transaction: a function given one joins it instead of opening another. */
const openMark = Symbol.for('e-guichet.open-transaction');
/** On a PostgreSQL transaction: sends a statement at once, its outcome known with the COMMIT's (`writeWithCommit`). */
const commitMark = Symbol.for('e-guichet.with-commit');
type SendWithCommit = (query: SQL) => void;
type Marked = { [engineMark]?: Engine; [openMark]?: boolean; [commitMark]?: SendWithCommit };
const mark = (executor: object, key: typeof engineMark | typeof openMark | typeof commitMark, value: Engine | boolean | SendWithCommit) =>
  Object.defineProperty(executor, key, { value, configurable: true, writable: true, enumerable: false });

/**
 * Runs `run` in one write transaction on the executor's engine; given an executor that already is a transaction, runs
 * in it (nested calls compose into the caller's transaction, on both engines).
 */
export function transaction<T, R = undefined>(db: AsyncExecutor, run: (tx: AsyncExecutor, read: R) => Promise<T>, options?: TransactionOptions<R>): Promise<T> {
  if ((db as Marked)[openMark]) {
    // Joined: on PostgreSQL the caller's transaction takes the named lock too (held until it ends).
    const lock = options?.lock;
    const joined = afterRead(run, options?.read);
    if (lock && (db as Marked)[engineMark]?.name === 'postgres') return (db as unknown as NodePgDatabase).execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${lock}, 0))`).then(() => joined(db));
    return joined(db);
  }
  const engine = (db as Marked)[engineMark];
  if (!engine) throw new Error('transaction(): not an executor of db/engine.ts');
  return engine.transaction(run, options);
}

/** Which engine an executor (a connection or a transaction) runs on. */
export function engineNameOf(db: AsyncExecutor): EngineName | null {
  return (db as Marked)[engineMark]?.name ?? null;
}

/** A write drizzle built (an insert, an update, a delete), not sent yet. */
export type Write = { run(): Promise<unknown>; getSQL?(): SQL };

/**
 * Sends writes in order. On PostgreSQL, as one statement: data-modifying CTEs, one round trip instead of one each (in a
 * transaction that holds a lock, the lock is held that much shorter). Its parts see the snapshot the statement began
 * with — none may read another's rows — and the foreign keys between them are checked at the statement's end. On
 * SQLite, one after the other: a statement costs no trip there, and SQLite has no writes inside WITH.
 */
export async function writeTogether(tx: AsyncExecutor, writes: Write[]): Promise<void> {
  const together = engineNameOf(tx) === 'postgres' ? oneStatement(writes) : null;
  if (!together || writes.length === 1) {
    for (const w of writes) await w.run();
    return;
  }
  await (tx as unknown as NodePgDatabase).execute(together);
}

/** The writes as one statement (PostgreSQL's data-modifying CTEs); null if one of them cannot say its SQL. */
function oneStatement(writes: Write[]): SQL | null {
  const built = writes.map((w) => w.getSQL?.());
  if (built.length === 0 || built.some((b) => !b)) return null;
  if (built.length === 1) return built[0]!;
  const parts = built.slice(0, -1).map((b, i) => sql`${sql.raw(`w${i}`)} AS (${b!})`);
  return sql`WITH ${sql.join(parts, sql`, `)} ${built.at(-1)!}`;
}

/**
 * Writes whose outcome comes with the transaction's COMMIT, as `writeTogether` otherwise. On PostgreSQL they go to
 * the server at once and nothing waits for their answer (node-postgres pipelines a transaction's statements): when they
 * are the transaction's last, the COMMIT follows right behind them — one round trip for both, a named lock held that
 * much shorter. If they fail, the transaction fails with their error and nothing of it is committed; statements sent
 * after them in the same transaction still see them. On SQLite (no round trips), or if a write cannot say its SQL, they
 * run at once.
 */
export async function writeWithCommit(tx: AsyncExecutor, writes: Write[]): Promise<void> {
  const send = (tx as Marked)[commitMark];
  const together = send ? oneStatement(writes) : null;
  if (!send || !together) return writeTogether(tx, writes);
  send(together);
}

/** The engine of a connection-level executor; null inside a transaction (work there belongs to that transaction). */
export function connectionEngine(db: AsyncExecutor): Engine | null {
  return (db as Marked)[openMark] ? null : ((db as Marked)[engineMark] ?? null);
}

type Method = 'run' | 'all' | 'values' | 'get';

/**
 * BEGIN IMMEDIATE without ever putting the process to sleep for long. SQLite's busy handler waits for another
 * process's write lock by sleeping inside the call (1, 2, 5, 10… ms), and the whole event loop with it: two server
 * processes taking the lock in turn spent their turns asleep (docs/performance-history.md, session 22), and a lock held
 * for seconds elsewhere froze every page and live view of the process as long (session 51). Here a try first fails at
 * once when the lock is taken, and for up to `yieldForMs` the process serves its other requests (reads run beside a
 * writer in WAL) and tries again every millisecond. Past that it waits as SQLite does, in SQLite's busy handler, but
 * `sliceMs` at a time with a turn of the event loop between (a writer that only yields can be overtaken again and
 * again: session 14, a class five times slower), up to three busy timeouts. `giveUp`, asked after each failed try,
 * says that no one waits any more (the impatient writes were told): then it stops and returns false.
 */
const yieldForMs = 20;
const sliceMs = 50;
async function beginImmediate(client: Db['$client'], giveUp: () => boolean): Promise<boolean> {
  const timeout = client.pragma('busy_timeout', { simple: true }) as number;
  const tryFor = (ms: number) => {
    client.pragma(`busy_timeout = ${ms}`);
    try {
      client.exec('BEGIN IMMEDIATE');
      return true;
    } catch (error) {
      if (!isBusyError(error)) throw error;
      return false;
    } finally {
      client.pragma(`busy_timeout = ${timeout}`);
    }
  };
  const started = Date.now();
  const yieldUntil = started + Math.min(yieldForMs, timeout);
  const deadline = started + 3 * timeout;
  while (!tryFor(Date.now() < yieldUntil ? 0 : Math.min(sliceMs, Math.max(0, deadline - Date.now())))) {
    if (giveUp()) return false;
    if (Date.now() >= deadline) throw lockTaken(); // the lock outlasted every wait
    await new Promise((resolve) => (Date.now() < yieldUntil ? setTimeout(resolve, 1) : setImmediate(resolve)));
  }
  return true;
}

/** What an impatient write is told when another process holds the lock: SQLite's own busy error. */
const lockTaken = () => new Database.SqliteError('database is locked', 'SQLITE_BUSY');

/**
 * A write that only saves later work (a kept count, where a check ended): made now if the database can take it, else
 * left to a later read, and so is a séance deleted meanwhile (its reset). On SQLite it waits for no other process's
 * write lock, which would keep the page or the live view that made it waiting for nothing it needs. Any other error is
 * thrown. Returns what `write` returned, or null when it was left.
 */
export async function shortcut<T>(db: AsyncExecutor, write: (tx: AsyncExecutor) => Promise<T>): Promise<T | null> {
  try {
    return await transaction(db, write, { patient: false });
  } catch (error) {
    unlessBusyOrGone(error);
    return null;
  }
}

/** How many compiled statements a SQLite connection keeps at most. */
const maxStatements = 1000;

/**
 * SQLite: the process's one connection behind drizzle's asynchronous SQLite driver. A write transaction holds the
 * connection between its awaits, so everything else waits its turn: transactions in a queue (run in groups, below),
 * and any statement from outside waits until the open transaction has committed or rolled back (never joins it).
 * Across processes, BEGIN IMMEDIATE takes the file's write lock first (`beginImmediate`).
 */
export function sqliteEngine(connection: Db): Engine {
  const client = connection.$client;
  const inside = new AsyncLocalStorage<symbol>();
  let open: { token: symbol; done: Promise<void> } | null = null;

  // SQLite compiles a statement's SQL in about 20 µs, and drizzle hands the same texts again and again (the queries built
  // once, db/prepared.ts, and those built per call): each text is compiled once per connection. Bounded: texts that
  // vary (a list of n values) push the oldest out.
  const statements = new Map<string, Statement>();
  const statementOf = (query: string): Statement => {
    let statement = statements.get(query);
    if (!statement) {
      statement = client.prepare(query);
      if (statement.reader) statement.raw(true);
      if (statements.size >= maxStatements) statements.delete(statements.keys().next().value!);
      statements.set(query, statement);
    }
    return statement;
  };
  const execute = (query: string, params: unknown[], method: Method): { rows: unknown[] } => {
    const statement = statementOf(query);
    if (method === 'run' || !statement.reader) {
      statement.run(...params);
      return { rows: [] };
    }
    // get: the row's values (an array), or undefined when there is none (drizzle's proxy driver maps both).
    return { rows: (method === 'get' ? statement.get(...params) : statement.all(...params)) as unknown[] };
  };
  const direct = drizzleProxy(async (query, params, method) => execute(query, params, method), { schema: sqliteSchema }) as unknown as AsyncExecutor;
  const db = drizzleProxy(
    async (query, params, method) => {
      while (open) {
        // Inside the transaction, through the connection rather than `tx`: it would wait for itself.
        if (inside.getStore() === open.token) throw new Error('A statement inside a transaction must use the transaction (tx), not the connection.');
        await open.done;
      }
      // A write on its own waits for the lock in the queue, as a transaction does, never asleep in SQLite's busy handler.
      if (!statementOf(query).readonly) return enqueue(async () => execute(query, params, method), true) as Promise<{ rows: unknown[] }>;
      return execute(query, params, method);
    },
    { schema: sqliteSchema },
  ) as unknown as AsyncExecutor;

  // Write transactions queue up and run in groups: one BEGIN IMMEDIATE … COMMIT for those waiting (at most
  // `groupLimit`), each in a savepoint of its own, so one that fails is rolled back alone; each learns its outcome once
  // the group has committed. Two server processes then take turns at the file's lock once per group, not once per
  // exchange (docs/performance-history.md, session 22).
  // A write that waits for no one (`patient` false: a shortcut, below) is told at the first try the lock is taken.
  type Pending = { run: (tx: AsyncExecutor) => Promise<unknown>; patient: boolean; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  const pending: Pending[] = [];
  let draining = false;
  const groupLimit = 32;
  function enqueue(run: Pending['run'], patient: boolean): Promise<unknown> {
    return new Promise((resolve, reject) => {
      pending.push({ run, patient, resolve, reject });
      if (!draining) void drain();
    });
  }
  /** Tells the impatient writes that the lock is taken; true when no one is left waiting. */
  const giveUp = () => {
    for (let i = pending.length - 1; i >= 0; i--) {
      if (!pending[i]!.patient) pending.splice(i, 1)[0]!.reject(lockTaken());
    }
    return pending.length === 0;
  };
  async function drain() {
    draining = true;
    try {
      while (pending.length > 0) {
        try {
          if (!(await beginImmediate(client, giveUp))) continue;
        } catch (error) {
          for (const p of pending.splice(0)) p.reject(error);
          continue;
        }
        const token = Symbol('transaction');
        let release!: () => void;
        open = { token, done: new Promise<void>((resolve) => (release = resolve)) };
        mark(direct, openMark, true);
        const group: { p: Pending; ok: boolean; value: unknown }[] = [];
        // The one running: out of the queue, not yet in the group (told too if the connection itself fails).
        let current: Pending | null = null;
        try {
          while (pending.length > 0 && group.length < groupLimit) {
            const p = (current = pending.shift()!);
            client.exec('SAVEPOINT one');
            try {
              const value = await inside.run(token, () => p.run(direct));
              client.exec('RELEASE one');
              group.push({ p, ok: true, value });
            } catch (error) {
              if (!client.inTransaction) {
                // SQLite ended the whole transaction: the others of the group run again.
                p.reject(error);
                current = null;
                pending.unshift(...group.map((g) => g.p));
                group.length = 0;
                break;
              }
              client.exec('ROLLBACK TO one');
              client.exec('RELEASE one');
              group.push({ p, ok: false, value: error });
            }
            current = null;
          }
          if (client.inTransaction) client.exec('COMMIT');
        } catch (error) {
          if (client.inTransaction) client.exec('ROLLBACK');
          current?.reject(error);
          for (const g of group) g.p.reject(error);
          group.length = 0;
        } finally {
          mark(direct, openMark, false);
          open = null;
          release();
        }
        for (const g of group) (g.ok ? g.p.resolve(g.value) : g.p.reject(g.value));
      }
    } finally {
      draining = false;
    }
  }

  const engine: Engine = {
    name: 'sqlite',
    db,
    transaction<T, R>(run: (tx: AsyncExecutor, read: R) => Promise<T>, options?: TransactionOptions<R>): Promise<T> {
      return enqueue(afterRead(run, options?.read), options?.patient !== false) as Promise<T>;
    },
    time: (date) => date.getTime(),
    close: async () => void client.close(),
  };
  mark(db, engineMark, engine);
  return engine;
}

/**
 * PostgreSQL rolled the transaction back and it may run again as a whole: a serialisation failure, a deadlock, or a
 * unique index that refused a row. Transactions run at READ COMMITTED, so two servers that each check "not there yet"
 * and insert (the same action key, a second draft from two tabs) both pass the check, and the second insert is refused;
 * run again, its check sees the first one's row and takes the path for "already done" — what SQLite, which runs
 * write transactions one at a time, does from the start. A real duplicate fails the same way each time, and is thrown.
 */
const retryable = (error: unknown) => hasDriverCode(error, (code) => ['40001', '40P01', '23505'].includes(code));

/**
 * PostgreSQL: two pools per app server; several servers share the database, and named locks serialise across them.
 * Write transactions have their own pool: one that waits for a named lock (a busy séance's journal) holds its
 * connection while it waits, and ten of them would otherwise leave no connection for the reads of every page and live
 * view of the server — a queue of writers must not stop the readers, as it does not on SQLite (WAL).
 */
export function postgresEngine(url: string, options: { max?: number } = {}): Engine {
  addSqliteTerminals();
  nameStatements();
  const statements = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // Write transactions plan each statement for its values and the tables as they are now (a custom plan). PostgreSQL
  // checks a foreign key with a statement it plans once per connection: planned while the journal was a few pages, a
  // trace's check of its entry scanned the whole journal until autovacuum's next ANALYZE — 0.2 to 0.8 ms a check,
  // growing with the journal, inside the séance's lock (docs/performance-history.md, session 29). The pages' pool keeps its
  // plans (their statements read by index whatever the sizes).
  const writes = new pg.Pool({ connectionString: url, max: options.max ?? 10, options: '-c plan_cache_mode=force_custom_plan', pipeline: true });
  const drizzled = drizzlePg(statements, { schema: pgTables });
  const writer = drizzlePg(writes, { schema: pgTables });
  // drizzle's own transaction sends BEGIN, then the named lock, and waits for each: two round trips before the work.
  // Here both go in one message (the simple query protocol takes several statements without parameters), and the
  // transaction's first read (`read`) right behind it without waiting for its answer: the clients of this pool pipeline
  // (node-postgres `pipeline: true`) and PostgreSQL runs what it receives in order — the read once the lock is granted,
  // seeing (READ COMMITTED) what was committed before. `run` itself begins once the lock is granted; the COMMIT goes
  // right behind its last writes (`writeWithCommit`). The work runs on a transaction drizzle builds as its own does:
  // the same session over the pool's client, savepoints for nested ones.
  const base = (writer as unknown as { session: { dialect: PgDialect; schema: unknown; options: unknown } }).session;
  const locked = async <T, R>(run: (tx: AsyncExecutor, read: R) => Promise<T>, { lock, read }: TransactionOptions<R>): Promise<T> => {
    const client = await writes.connect();
    let broken: Error | undefined; // a connection that cannot even roll back is not given back to the pool
    // Sent but not awaited: BEGIN and the lock, the writes sent with the COMMIT. Each is marked handled at once (a
    // rejection nobody awaits yet would stop the process) and awaited before the transaction ends.
    const inFlight: Promise<unknown>[] = [];
    const track = <P extends Promise<unknown>>(sent: P): P => {
      sent.catch(() => undefined);
      inFlight.push(sent);
      return sent;
    };
    /** What failed first among them: a refused lock or write, rather than what it made the statements after it say. */
    const firstFailure = async () => (await Promise.allSettled(inFlight)).find((o): o is PromiseRejectedResult => o.status === 'rejected');
    try {
      const begun = track(client.query(lock ? `BEGIN; SELECT pg_advisory_xact_lock(hashtextextended(${pgLiteral(lock)}, 0))` : 'BEGIN'));
      const session = new NodePgSession(client, base.dialect, base.schema as never, base.options as never);
      const tx = new NodePgTransaction(base.dialect, session as never, base.schema as never);
      mark(tx, openMark, true);
      mark(tx, engineMark, engine);
      mark(tx, commitMark, (query: SQL) => {
        const { sql: text, params } = base.dialect.sqlToQuery(query);
        const sent = client.query({ text, values: params, ...(params.length <= maxNamedParams ? { name: statementName(text) } : {}) });
        // Its error as drizzle gives it (the driver's in `cause`), as if it had been sent through drizzle.
        void track(sent.catch((error: unknown) => Promise.reject(new DrizzleQueryError(text, params, error as Error))));
      });
      const reading = read?.(tx as unknown as AsyncExecutor);
      reading?.catch(() => undefined); // refused if the lock is: the lock's error is the one thrown
      await begun;
      const result = await run(tx as unknown as AsyncExecutor, (await reading) as R);
      // A COMMIT after a failed statement rolls back, and says so without an error: the failure is the statement's.
      const commit = client.query('COMMIT').then(() => null, (error: unknown) => ({ error }));
      const failed = await firstFailure();
      const refused = await commit;
      if (failed) throw failed.reason;
      if (refused) throw refused.error;
      return result;
    } catch (error) {
      const failed = await firstFailure();
      await client.query('ROLLBACK').catch((rollback: unknown) => (broken = rollback instanceof Error ? rollback : new Error(String(rollback))));
      throw failed?.reason ?? error;
    } finally {
      client.release(broken);
    }
  };
  const engine: Engine = {
    name: 'postgres',
    db: drizzled as unknown as AsyncExecutor,
    async transaction<T, R>(run: (tx: AsyncExecutor, read: R) => Promise<T>, options: TransactionOptions<R> = {}): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await locked(run, options);
        } catch (error) {
          if (!retryable(error) || attempt >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, attempt * 5 + Math.random() * 10)); // not all again at once
        }
      }
    },
    gather<I, O, R>(key: string, item: I, run: (tx: AsyncExecutor, items: I[], read: R) => Promise<O[]>, options?: TransactionOptions<R>): Promise<O> {
      return new Promise<O>((resolve, reject) => {
        const waiting = { item, run, resolve, reject } as Gathered;
        const gathering = gatherings.get(key);
        if (gathering) return void gathering.push(waiting);
        const queue = [waiting];
        gatherings.set(key, queue);
        void (async () => {
          // No await between the last check of the queue and its removal: nobody joins a queue that is done.
          while (queue.length > 0) {
            const group = queue.splice(0, gatherLimit);
            try {
              const results = await engine.transaction((tx, read) => group[0]!.run(tx, group.map((g) => g.item), read), options);
              group.forEach((g, i) => g.resolve(results[i]));
            } catch (error) {
              for (const g of group) g.reject(error);
            }
          }
          gatherings.delete(key);
        })();
      });
    },
    time: (date) => date,
    close: async () => void (await Promise.all([statements.end(), writes.end()])),
  };
  type Gathered = { item: unknown; run: (tx: AsyncExecutor, items: unknown[], read: unknown) => Promise<unknown[]>; resolve: (value: unknown) => void; reject: (error: unknown) => void };
  const gatherings = new Map<string, Gathered[]>();
  const gatherLimit = 64;
  mark(drizzled, engineMark, engine);
  return engine;
}

/** A text as a PostgreSQL string literal (standard_conforming_strings, on by default: only quotes are doubled). */
function pgLiteral(text: string): string {
  if (text.includes('\0')) throw new Error('pgLiteral(): a NUL character cannot be sent');
  return `'${text.replace(/'/g, "''")}'`;
}

/**
 * Domain code is written against drizzle's asynchronous SQLite API, whose builders end in .all(), .get(), .run() or
 * .values(); PostgreSQL's builders are awaited as they are. These four, added once to PostgreSQL's builders, do what
 * SQLite's do (get: the first row or undefined), so that one text of the domain code runs on both.
 */
function addSqliteTerminals(): void {
  for (const builder of [PgSelectBase, PgInsertBase, PgUpdateBase, PgDeleteBase] as unknown as { prototype: Record<string, unknown> }[]) {
    const proto = builder.prototype as Record<string, unknown> & { execute(): Promise<unknown> };
    if (proto.get) continue;
    Object.assign(proto, {
      all(this: { execute(): Promise<unknown> }) {
        return this.execute();
      },
      values(this: { execute(): Promise<unknown> }) {
        return this.execute().then((rows) => (rows as Record<string, unknown>[]).map((row) => Object.values(row)));
      },
      run(this: { execute(): Promise<unknown> }) {
        return this.execute();
      },
      get(this: { execute(): Promise<unknown>; limit?: (n: number) => { execute(): Promise<unknown> } }) {
        const query = builder === (PgSelectBase as unknown) && this.limit ? this.limit(1) : this;
        return query.execute().then((rows) => (rows as unknown[])[0]);
      },
    });
  }
  // Prepared queries (db/prepared.ts): `get` and `run` as SQLite's, with the placeholders' values. Not `all`: drizzle's
  // own (raw rows, used by its migrator) stays; for several rows, `.execute(values)` maps them on both engines.
  const prepared = NodePgPreparedQuery.prototype as unknown as Record<string, unknown>;
  type Prepared = { execute(values?: Record<string, unknown>): Promise<unknown> };
  if (!prepared.get) {
    Object.assign(prepared, {
      run(this: Prepared, values?: Record<string, unknown>) {
        return this.execute(values);
      },
      get(this: Prepared, values?: Record<string, unknown>) {
        return this.execute(values).then((rows) => (rows as unknown[])[0]);
      },
    });
  }
}

/**
 * Every query drizzle sends to PostgreSQL is a named statement, named after its SQL: node-postgres parses it once per
 * connection and the server plans it once, instead of both on every call (a read by index alone: +50 % queries per
 * second, docs/performance-history.md, session 25). Reads and writes only, with few parameters: a list of ids gives one text
 * per length, and each named statement stays on its connection for the connection's life.
 */
function nameStatements(): void {
  type PrepareQuery = (query: { sql: string; params: unknown[] }, fields: unknown, name: string | undefined, ...rest: unknown[]) => unknown;
  const proto = NodePgSession.prototype as unknown as { prepareQuery: PrepareQuery & { named?: true } };
  if (proto.prepareQuery.named) return;
  const original = proto.prepareQuery;
  const named: PrepareQuery & { named?: true } = function (this: unknown, query, fields, name, ...rest) {
    const nameable = name === undefined && query.params.length <= maxNamedParams && /^\s*(select|insert|update|delete|with)\b/i.test(query.sql);
    return original.call(this, query, fields, nameable ? statementName(query.sql) : name, ...rest);
  };
  named.named = true;
  proto.prepareQuery = named;
}
// A séance's journal append with its trace (lib/platform/journal.ts, one statement of 25) is named; groups are not.
const maxNamedParams = 32;

// The process's engine, on globalThis like the connection (a handle, not application state). On SQLite it wraps the
// process's one connection and follows setDb().
const holder = globalThis as typeof globalThis & { __eguichetEngine?: { url: string; engine: Engine }; __eguichetSqliteEngines?: WeakMap<Db, Engine> };

/** The one engine of a SQLite connection: its transactions share one queue, whoever asks. */
export function engineFor(connection: Db): Engine {
  holder.__eguichetSqliteEngines ??= new WeakMap();
  let engine = holder.__eguichetSqliteEngines.get(connection);
  if (!engine) holder.__eguichetSqliteEngines.set(connection, (engine = sqliteEngine(connection)));
  return engine;
}

export function getEngine(): Engine {
  const url = databaseUrl();
  if (url) {
    if (holder.__eguichetEngine?.url === url) return holder.__eguichetEngine.engine;
    // Another server named (tests give each test its own database): the previous pool is closed.
    const previous = holder.__eguichetEngine?.engine;
    holder.__eguichetEngine = { url, engine: postgresEngine(url) };
    if (previous) void previous.close().catch(() => undefined);
    return holder.__eguichetEngine.engine;
  }
  return engineFor(getDb());
}

/** The process's connection-level executor (domain code's `db`), on the engine the environment names. */
export const database = (): AsyncExecutor => getEngine().db;
