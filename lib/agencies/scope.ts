import { and, eq, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { PersonScope } from './types';

/** The WHERE clause that keeps a body's query to one person of one séance. */
export function ofPerson(table: { classSessionId: SQLiteColumn; personaId: SQLiteColumn }, scope: PersonScope): SQL {
  return and(eq(table.classSessionId, scope.classSessionId), eq(table.personaId, scope.personaId)) as SQL;
}
