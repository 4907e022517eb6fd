// Lint for faults the type checker lets through, not for style: a promise nobody awaits (an assertion that never
// runs, a write that may not happen), a promise where a value is expected, a test that asserts nothing.
import tseslint from 'typescript-eslint';
import vitest from '@vitest/eslint-plugin';
import playwright from 'eslint-plugin-playwright';
import promiseAsValue from './scripts/lint/promise-as-value.mjs';
import jsxLostSpace from './scripts/lint/jsx-lost-space.mjs';

export default tseslint.config(
  {
    ignores: ['**/node_modules/**', '**/.next/**', 'data/**', '.e2e-data/**', 'reports/**', 'test-results/**', 'bench/tmp/**', 'next-env.d.ts'],
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'e-guichet': { rules: { 'promise-as-value': promiseAsValue, 'jsx-lost-space': jsxLostSpace } } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      'e-guichet/promise-as-value': 'error',
      'e-guichet/jsx-lost-space': 'error',
    },
  },
  {
    files: ['lib/**/*.test.ts', 'db/**/*.test.ts', 'test/**/*.test.ts'],
    plugins: { vitest },
    rules: {
      'vitest/expect-expect': 'error',
      'vitest/valid-expect': ['error', { maxArgs: 2 }], // expect(value, message)
      'vitest/no-focused-tests': 'error',
      'vitest/no-identical-title': 'error',
    },
  },
  {
    files: ['e2e/**/*.ts'],
    ...playwright.configs['flat/recommended'],
    rules: {
      // Helpers that assert, called by tests that have no expect of their own.
      'playwright/expect-expect': ['error', { assertFunctionNames: ['expectNoAxeViolations', 'visitAll', 'playClass'] }],
      'playwright/missing-playwright-await': 'error',
      'playwright/no-focused-test': 'error',
      'playwright/valid-expect': 'error',
      'playwright/no-conditional-in-test': 'off',
    },
  },
  {
    // Every browser test closes the contexts it opens: the `test` of e2e/support.ts does it (the class of 30 launches
    // and closes browsers of its own).
    files: ['e2e/**/*.spec.ts'],
    ignores: ['e2e/classe-de-30.spec.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: '@playwright/test', importNames: ['test'], message: 'Import `test` from ./support: it closes the browser contexts the test opened.' }] }],
    },
  },
);
