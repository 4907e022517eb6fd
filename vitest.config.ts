import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // `server-only` throws outside React Server Components; unit tests run the same modules in Node.
      'server-only': path.resolve(__dirname, 'test/empty-module.ts'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    reporters: ['default', ['json', { outputFile: 'reports/vitest.json' }]],
    env: {
      EGUICHET_DB: ':memory:',
      EGUICHET_URL: 'http://localhost:3999',
    },
  },
});
