import { defineConfig } from 'drizzle-kit';

// The PostgreSQL migrations, written by drizzle-kit from the schema derived from SQLite's (db/pg/schema.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/pg/tables.ts',
  out: './db/migrations-pg',
});
