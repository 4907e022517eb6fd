import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate as migrateSqlite } from 'drizzle-orm/better-sqlite3/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestPostgres, type TestPostgres } from '../test/postgres';
import { openDatabase } from './client';
import { pgMigrationsFolder } from './pg/migrate';

// A migration that changes a table holding a class's data keeps that data: the database is brought to the migration
// before, filled as the older code would have, then migrated to the latest schema.

const sqliteMigrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** A copy of a migrations folder whose journal stops before the migration tagged `tag`. */
function folderBefore(folder: string, tag: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-migrations-'));
  fs.cpSync(folder, copy, { recursive: true });
  const journalFile = path.join(copy, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((e) => e.tag === tag);
  if (at < 0) throw new Error(`no migration ${tag} in ${folder}`);
  journal.entries = journal.entries.slice(0, at);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return copy;
}

// Two conversations; in the first, the adviser's answer and the person's next question share a millisecond, and the
// older code inserted them with ids that sort the other way.
const t = 1_764_000_000_000;
const messages: [id: string, conversation: string, author: string, at: number][] = [
  ['m-d', 'c1', 'usager', t],
  ['m-c', 'c1', 'automatique', t + 1],
  ['m-b', 'c1', 'conseiller', t + 5],
  ['m-a', 'c1', 'usager', t + 5],
  ['m-e', 'c2', 'usager', t + 2],
];
const expected = [
  { id: 'm-d', position: 1 },
  { id: 'm-c', position: 2 },
  { id: 'm-a', position: 3 },
  { id: 'm-b', position: 4 },
  { id: 'm-e', position: 1 },
];

describe('0028: messages get their place in the conversation', () => {
  it('on SQLite, numbers the messages already there by time, then id', () => {
    const before = folderBefore(sqliteMigrationsFolder, '0028_message_position');
    const db = openDatabase(':memory:');
    migrateSqlite(db, { migrationsFolder: before });
    const raw = db.$client;
    raw.prepare(`INSERT INTO class_sessions (id, name, join_code, created_at) VALUES ('s', 'Séance', 'ABCDEF', ?)`).run(t);
    for (const c of ['c1', 'c2']) raw.prepare(`INSERT INTO assistant_conversations (id, class_session_id, created_at, updated_at) VALUES (?, 's', ?, ?)`).run(c, t, t);
    for (const [id, conversation, author, at] of messages) {
      raw.prepare(`INSERT INTO assistant_messages (id, conversation_id, class_session_id, author, text, created_at) VALUES (?, ?, 's', ?, 'texte', ?)`).run(id, conversation, author, at);
    }
    migrateSqlite(db, { migrationsFolder: sqliteMigrationsFolder });
    expect(raw.prepare('SELECT id, position FROM assistant_messages ORDER BY conversation_id, position').all()).toEqual(expected);
    expect(() => raw.prepare(`INSERT INTO assistant_messages (id, conversation_id, class_session_id, author, text, position, created_at) VALUES ('m-f', 'c1', 's', 'usager', 'texte', 4, ?)`).run(t)).toThrow(/UNIQUE/);
    // The conversation's messages still go with it.
    raw.prepare(`DELETE FROM assistant_conversations WHERE id = 'c1'`).run();
    expect(raw.prepare('SELECT id FROM assistant_messages').all()).toEqual([{ id: 'm-e' }]);
    fs.rmSync(before, { recursive: true, force: true });
  });

  describe('on PostgreSQL', () => {
    let server: TestPostgres;
    beforeAll(async () => {
      server = await startTestPostgres();
    }, 60_000);
    afterAll(() => server?.stop());

    it('numbers the messages already there by time, then id', async () => {
      const url = await createTestDatabase(server, `migrations_${process.pid}`);
      const before = folderBefore(pgMigrationsFolder, '0014_message_position');
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await migratePg(drizzle(client), { migrationsFolder: before });
        await client.query(`INSERT INTO class_sessions (id, name, join_code, created_at) VALUES ('s', 'Séance', 'ABCDEF', $1)`, [new Date(t)]);
        for (const c of ['c1', 'c2']) await client.query(`INSERT INTO assistant_conversations (id, class_session_id, created_at, updated_at) VALUES ($1, 's', $2, $2)`, [c, new Date(t)]);
        for (const [id, conversation, author, at] of messages) {
          await client.query(`INSERT INTO assistant_messages (id, conversation_id, class_session_id, author, text, created_at) VALUES ($1, $2, 's', $3, 'texte', $4)`, [id, conversation, author, new Date(at)]);
        }
        await migratePg(drizzle(client), { migrationsFolder: pgMigrationsFolder });
        const rows = await client.query<{ id: string; position: string }>('SELECT id, position FROM assistant_messages ORDER BY conversation_id, position');
        expect(rows.rows.map((r) => ({ id: r.id, position: Number(r.position) }))).toEqual(expected);
        await expect(client.query(`INSERT INTO assistant_messages (id, conversation_id, class_session_id, author, text, position, created_at) VALUES ('m-f', 'c1', 's', 'usager', 'texte', 4, now())`)).rejects.toMatchObject({ code: '23505' });
      } finally {
        await client.end();
        fs.rmSync(before, { recursive: true, force: true });
      }
    });
  });
});
