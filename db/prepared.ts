import crypto from 'node:crypto';
import { Param, sql } from 'drizzle-orm';
import { engineNameOf, type AsyncExecutor } from './engine';

// Statements built once. Drizzle builds a query's SQL from its parts each time it runs (on the exchange path that was
// about half of the platform's own time per call, docs/performance.md); a prepared query keeps the SQL and only binds
// the values of its placeholders. Kept per executor, since a prepared query belongs to the one it was built on: on
// SQLite the connection and its transaction executor live as long as the process; on PostgreSQL a transaction is a
// new executor each time, so there it is built once per transaction (as before) and once per process outside.
// On PostgreSQL the statement is also named after its SQL: node-postgres then parses it once per connection and the
// server plans it once, instead of both on every call (a simple read by index: +50 % queries per second, session 25).

type Preparable<P> = { prepare(name?: string): P; toSQL(): { sql: string } };

/** `build(db).prepare()`, once per executor; call the result with the executor in hand, then `.get`/`.all`/`.run(values)`. */
export function prepared<P>(build: (db: AsyncExecutor) => Preparable<P>): (db: AsyncExecutor) => P {
  const built = new WeakMap<AsyncExecutor, P>();
  let name: string | undefined; // PostgreSQL's: the same SQL for every executor of the process
  return (db) => {
    let query = built.get(db);
    if (!query) {
      const builder = build(db);
      if (engineNameOf(db) === 'postgres') name ??= statementName(builder.toSQL().sql);
      built.set(db, (query = engineNameOf(db) === 'postgres' ? builder.prepare(name) : builder.prepare()));
    }
    return query;
  };
}

/** A server-side statement's name: from its text, so that one name never stands for two statements on a connection. */
export const statementName = (text: string) => `eg_${crypto.createHash('sha256').update(text).digest('base64url').slice(0, 24)}`;

/**
 * A placeholder whose value is encoded as the column encodes its own (a time: milliseconds on SQLite, a timestamptz on
 * PostgreSQL) — a bare placeholder in a condition is passed to the driver as given.
 */
export function placeholderAs(column: ConstructorParameters<typeof Param>[1], name: string): Param {
  return new Param(sql.placeholder(name), column);
}
