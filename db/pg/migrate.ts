import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';

export const pgMigrationsFolder = path.join(process.cwd(), 'db', 'migrations-pg');

// Any fixed number: the key of the advisory lock that lets one server migrate while the others starting with it wait.
const migrationLock = 0x6567_7569;

/**
 * Brings a PostgreSQL database to the latest schema. Several app servers may start at once: each takes the same
 * session-level advisory lock first, so one migrates and the others find nothing left to do.
 */
export async function migratePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
    try {
      await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]);
    }
  } finally {
    await client.end();
  }
}
