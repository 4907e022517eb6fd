import { Param, sql } from 'drizzle-orm';
import type { AsyncExecutor } from './engine';

// Statements built once. Drizzle builds a query's SQL from its parts each time it runs (on the exchange path that was
// about half of the platform's own time per call, docs/performance.md); a prepared query keeps the SQL and only binds
// the values of its placeholders. Kept per executor, since a prepared query belongs to the one it was built on: on
// SQLite the connection and its transaction executor live as long as the process; on PostgreSQL a transaction is a
// new executor each time, so there it is built once per transaction (as before) and once per process outside. (On
// PostgreSQL every statement is also named after its SQL, prepared or not: db/engine.ts, `nameStatements`.)

type Preparable<P> = { prepare(): P };

/** `build(db).prepare()`, once per executor; call the result with the executor in hand, then `.get`/`.all`/`.run(values)`. */
export function prepared<P>(build: (db: AsyncExecutor) => Preparable<P>): (db: AsyncExecutor) => P {
  const built = new WeakMap<AsyncExecutor, P>();
  return (db) => {
    let query = built.get(db);
    if (!query) built.set(db, (query = build(db).prepare()));
    return query;
  };
}

/**
 * A placeholder whose value is encoded as the column encodes its own (a time: milliseconds on SQLite, a timestamptz on
 * PostgreSQL) — a bare placeholder in a condition is passed to the driver as given.
 */
export function placeholderAs(column: ConstructorParameters<typeof Param>[1], name: string): Param {
  return new Param(sql.placeholder(name), column);
}
