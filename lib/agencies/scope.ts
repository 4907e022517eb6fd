import { and, asc, eq, sql, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { AsyncExecutor } from '../../db/engine';
import { prepared } from '../../db/prepared';
import type { PersonScope } from './types';

type PersonTable = SQLiteTable & { classSessionId: SQLiteColumn; personaId: SQLiteColumn };

/** The WHERE clause that keeps a body's query to one person of one séance. */
export function ofPerson(table: { classSessionId: SQLiteColumn; personaId: SQLiteColumn }, scope: PersonScope): SQL {
  return and(eq(table.classSessionId, scope.classSessionId), eq(table.personaId, scope.personaId)) as SQL;
}

/** The person's row in one of a body's tables (the first, if it holds several), or undefined. */
export async function personRow<T extends PersonTable>(db: AsyncExecutor, table: T, scope: PersonScope): Promise<InferSelectModel<T> | undefined> {
  return (await personRows(db, table, scope))[0];
}

// A provider answers an item on every exchange that asks it, and "Mes données" shows what every body holds on the
// person (ten reads a view): each read built once per table (and order).
const rowsStatements = new WeakMap<PersonTable, Map<SQLiteColumn | undefined, ReturnType<typeof personRowsStatement>>>();
const personRowsStatement = (table: PersonTable, orderBy?: SQLiteColumn) =>
  prepared((db) => {
    const query = db
      .select()
      .from(table)
      .where(and(eq(table.classSessionId, sql.placeholder('seance')), eq(table.personaId, sql.placeholder('persona'))));
    return orderBy ? query.orderBy(asc(orderBy)) : query;
  });

/** Every row of one of a body's tables about the person, in `orderBy`'s order when given. */
export async function personRows<T extends PersonTable>(db: AsyncExecutor, table: T, scope: PersonScope, orderBy?: SQLiteColumn): Promise<InferSelectModel<T>[]> {
  let byOrder = rowsStatements.get(table);
  if (!byOrder) rowsStatements.set(table, (byOrder = new Map()));
  let statement = byOrder.get(orderBy);
  if (!statement) byOrder.set(orderBy, (statement = personRowsStatement(table, orderBy)));
  return (await statement(db).execute({ seance: scope.classSessionId, persona: scope.personaId })) as InferSelectModel<T>[];
}
