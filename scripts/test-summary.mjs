// Totals the unit (vitest) and browser (Playwright, both runs) reports into one line: "N passed, N failed".
import fs from 'node:fs';

const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

let passed = 0;
let failed = 0;
const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  // A test file that fails to load counts once, as a failure.
  failed += (vitest.numFailedTests ?? 0) || (vitest.numFailedTestSuites ?? 0);
}
// The browser suite runs twice: on SQLite, then on PostgreSQL with two app servers.
for (const file of ['reports/playwright.json', 'reports/playwright-postgres.json']) {
  const playwright = read(file);
  if (playwright?.stats) {
    passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
    failed += playwright.stats.unexpected ?? 0;
  }
}
console.log(`${passed} passed, ${failed} failed`);
