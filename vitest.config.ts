import os from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// The unit suite runs on both engines: "sqlite" (the embedded default) and "postgres" (a throwaway server started by
// test/postgres-setup.ts; each test's database is a copy of a migrated template). db/ tests run once: they open both
// engines themselves; test/concurrency.test.ts is about several processes on one SQLite file; test/lint.test.ts reads
// the code, whatever the engine.
const sqliteOnly = ['db/**/*.test.ts', 'test/concurrency.test.ts', 'test/lint.test.ts', 'test/lint-rules.test.ts'];

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // `server-only` throws outside React Server Components; unit tests run the same modules in Node.
      'server-only': path.resolve(__dirname, 'test/empty-module.ts'),
    },
  },
  test: {
    environment: 'node',
    // Vitest runs one worker less than there are cores: one on the two-core machines of CI, where much of a test's time
    // is spent waiting for PostgreSQL or a child process. At least two: 427 → 303–308 s for the whole suite there.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts'],
          env: { EGUICHET_DB: ':memory:', EGUICHET_URL: 'http://localhost:3999' },
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['lib/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: sqliteOnly,
          globalSetup: ['test/postgres-setup.ts'],
          // The tables of db/tables.ts are chosen when it loads: a PostgreSQL URL from the start (each test's own
          // database replaces it, test/db.ts).
          env: { EGUICHET_DB: ':memory:', EGUICHET_URL: 'http://localhost:3999', EGUICHET_TEST_ENGINE: 'postgres', EGUICHET_DATABASE_URL: 'postgres://eguichet@127.0.0.1:1/aucune' },
        },
      },
    ],
  },
});
