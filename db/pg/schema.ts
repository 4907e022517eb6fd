import { getTableConfig, SQLiteTable, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import * as pg from 'drizzle-orm/pg-core';
import { is, SQL, sql, type Column } from 'drizzle-orm';
import * as sqliteSchema from '../schema';

// The PostgreSQL schema, derived from the SQLite one (db/schema) so that the two cannot drift: the same tables,
// columns, keys, indexes and foreign keys, each column given its PostgreSQL type (docs/ARCHITECTURE.md, "Two
// engines"). drizzle-kit reads these tables to write db/migrations-pg; db/pg/schema.test.ts compares the databases
// both migration chains build. Column defaults computed in JavaScript ($defaultFn) are the SQLite columns' own.

const bytea = pg.customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

type AnyBuilder = { unique(name?: string): AnyBuilder; notNull(): AnyBuilder; primaryKey(): AnyBuilder; default(value: unknown): AnyBuilder; $defaultFn(fn: () => unknown): AnyBuilder; $onUpdateFn(fn: () => unknown): AnyBuilder };

function pgColumnFor(column: SQLiteColumn): AnyBuilder {
  const name = column.name;
  let builder: AnyBuilder;
  switch (column.columnType) {
    case 'SQLiteText':
      builder = pg.text(name, column.enumValues ? { enum: column.enumValues as [string, ...string[]] } : {}) as unknown as AnyBuilder;
      break;
    case 'SQLiteInteger':
      // An integer primary key is SQLite's rowid: it numbers new rows by itself. PostgreSQL: an identity column.
      builder = (column.primary ? pg.bigint(name, { mode: 'number' }).generatedByDefaultAsIdentity() : pg.bigint(name, { mode: 'number' })) as unknown as AnyBuilder;
      break;
    case 'SQLiteTimestamp':
      builder = pg.timestamp(name, { mode: 'date', withTimezone: true, precision: 3 }) as unknown as AnyBuilder;
      break;
    case 'SQLiteBoolean':
      builder = pg.boolean(name) as unknown as AnyBuilder;
      break;
    case 'SQLiteTextJson':
      builder = pg.jsonb(name) as unknown as AnyBuilder;
      break;
    case 'SQLiteReal':
      builder = pg.doublePrecision(name) as unknown as AnyBuilder;
      break;
    case 'SQLiteBlobBuffer':
      builder = bytea(name) as unknown as AnyBuilder;
      break;
    default:
      throw new Error(`No PostgreSQL type for ${column.columnType} (${name})`);
  }
  if (column.primary) builder = builder.primaryKey();
  else if (column.notNull) builder = builder.notNull();
  if (column.isUnique) builder = builder.unique(column.uniqueName);
  if (column.default !== undefined) builder = builder.default(column.default);
  if (column.defaultFn) builder = builder.$defaultFn(column.defaultFn);
  if (column.onUpdateFn) builder = builder.$onUpdateFn(column.onUpdateFn);
  return builder;
}

/** An index's WHERE clause, its column references re-pointed at the PostgreSQL table. */
function retarget(where: SQL, columns: Record<string, pg.PgColumn>): SQL {
  return sql.join(
    where.queryChunks.map((chunk) => {
      if (is(chunk, SQL)) return retarget(chunk, columns);
      if (chunk && typeof chunk === 'object' && 'columnType' in chunk) return sql`${columns[(chunk as Column).name]!}`;
      return chunk as SQL;
    }),
  );
}

const sqliteTables = (Object.values(sqliteSchema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
const mirrors = new Map<SQLiteTable, pg.PgTableWithColumns<pg.TableConfig>>();

function mirror(table: SQLiteTable) {
  const config = getTableConfig(table);
  const keys = Object.fromEntries(Object.entries(table).filter(([, v]) => config.columns.includes(v as SQLiteColumn))) as Record<string, SQLiteColumn>;
  const columns = Object.fromEntries(Object.entries(keys).map(([key, column]) => [key, pgColumnFor(column)]));
  return pg.pgTable(config.name, columns as never, (t: Record<string, pg.PgColumn>) => {
    const byName = Object.fromEntries(Object.values(t).map((c) => [c.name, c]));
    const pgOf = (c: Column) => byName[c.name]!;
    return [
      ...config.indexes.map((index) => {
        const made = (index.config.unique ? pg.uniqueIndex : pg.index)(index.config.name).on(...(index.config.columns as Column[]).map(pgOf) as [pg.PgColumn, ...pg.PgColumn[]]);
        return index.config.where ? made.where(retarget(index.config.where, byName)) : made;
      }),
      ...config.primaryKeys.map((key) => pg.primaryKey({ name: key.getName(), columns: key.columns.map(pgOf) as [pg.PgColumn, ...pg.PgColumn[]] })),
      ...config.uniqueConstraints.map((u) => pg.unique(u.name).on(...(u.columns.map(pgOf) as [pg.PgColumn, ...pg.PgColumn[]]))),
      ...config.foreignKeys.map((fk) => {
        const ref = fk.reference();
        const foreign = mirrors.get(ref.foreignTable as SQLiteTable)!;
        const foreignByName = Object.fromEntries(pg.getTableConfig(foreign).columns.map((c) => [c.name, c]));
        let made = pg.foreignKey({ columns: ref.columns.map(pgOf) as [pg.PgColumn, ...pg.PgColumn[]], foreignColumns: ref.foreignColumns.map((c) => foreignByName[c.name]!) as [pg.PgColumn, ...pg.PgColumn[]] });
        if (fk.onDelete) made = made.onDelete(fk.onDelete);
        if (fk.onUpdate) made = made.onUpdate(fk.onUpdate);
        return made;
      }),
    ];
  }) as unknown as pg.PgTableWithColumns<pg.TableConfig>;
}

for (const table of sqliteTables) mirrors.set(table, mirror(table));

/** The PostgreSQL table for each SQLite table, by the SQLite schema's export name. */
export const pgTables: Record<string, pg.PgTableWithColumns<pg.TableConfig>> = Object.fromEntries(
  (Object.entries(sqliteSchema) as [string, unknown][])
    .filter(([, value]) => is(value, SQLiteTable))
    .map(([key, value]) => [key, mirrors.get(value as SQLiteTable)!]),
);

/** The PostgreSQL twin of a SQLite table. */
export function pgTableOf(table: SQLiteTable): pg.PgTableWithColumns<pg.TableConfig> {
  const found = mirrors.get(table);
  if (!found) throw new Error(`Unknown table ${getTableConfig(table).name}`);
  return found;
}
