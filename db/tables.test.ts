import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import * as schema from './schema';
import * as tables from './tables';

describe('db/tables', () => {
  it('has every table of the schema, and only tables (on SQLite: the schema’s own objects)', () => {
    const names = (Object.entries(schema) as [string, unknown][]).filter(([, v]) => is(v, SQLiteTable)).map(([k]) => k);
    expect(Object.keys(tables).sort()).toEqual(names.sort());
    for (const name of names) expect((tables as Record<string, unknown>)[name]).toBe((schema as Record<string, unknown>)[name]);
  });
});
