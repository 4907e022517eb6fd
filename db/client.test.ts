import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { describe, expect, it } from 'vitest';
import { reusePreparedStatements } from './client';

describe('reusePreparedStatements', () => {
  const open = (size?: number) => {
    const sqlite = new Database(':memory:');
    reusePreparedStatements(sqlite, size);
    sqlite.exec('CREATE TABLE t (a INTEGER, b TEXT); INSERT INTO t VALUES (1, \'un\'), (2, \'deux\');');
    return sqlite;
  };

  it('gives the same compiled statement for the same SQL, a new one for other SQL', () => {
    const sqlite = open();
    expect(sqlite.prepare('SELECT a FROM t')).toBe(sqlite.prepare('SELECT a FROM t'));
    expect(sqlite.prepare('SELECT b FROM t')).not.toBe(sqlite.prepare('SELECT a FROM t'));
  });

  it('hands a statement back with raw mode off, whatever its last user left', () => {
    const sqlite = open();
    const db = drizzle(sqlite);
    const query = sql`SELECT a, b FROM t ORDER BY a`;
    expect(db.values(query)).toEqual([[1, 'un'], [2, 'deux']]); // drizzle sets raw mode
    expect(db.all(query)).toEqual([{ a: 1, b: 'un' }, { a: 2, b: 'deux' }]);
    expect(db.get(query)).toEqual({ a: 1, b: 'un' });
  });

  it('keeps at most `size` statements, dropping the least recently used', () => {
    const sqlite = open(2);
    const first = sqlite.prepare('SELECT 1');
    sqlite.prepare('SELECT 2');
    expect(sqlite.prepare('SELECT 1')).toBe(first); // used again: now the most recent
    sqlite.prepare('SELECT 3'); // drops SELECT 2
    expect(sqlite.prepare('SELECT 1')).toBe(first);
    const second = sqlite.prepare('SELECT 2');
    expect(sqlite.prepare('SELECT 2')).toBe(second);
  });

  it('runs writes through cached statements too', () => {
    const sqlite = open();
    const db = drizzle(sqlite);
    db.run(sql`INSERT INTO t VALUES (${3}, ${'trois'})`);
    db.run(sql`INSERT INTO t VALUES (${4}, ${'quatre'})`);
    expect(db.all(sql`SELECT count(*) AS n FROM t`)).toEqual([{ n: 4 }]);
  });
});
