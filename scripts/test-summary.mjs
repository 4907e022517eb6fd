// Totals the unit (vitest) and browser (Playwright, both runs) reports into one line: "N passed, N failed". Before
// it, the first lines of each failure's error (and of each first try that failed, when the retry passed): CI keeps only
// the end of what a run prints, and a failure's cause must be in it.
import fs from 'node:fs';

const read = (file) => {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
};

const maxLines = 14;
const excerpt = (text) =>
  String(text ?? '')
    .replace(/\u001b\[[0-9;]*m/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, maxLines)
    .map((line) => `      ${line.slice(0, 240)}`)
    .join('\n');

const failures = [];
let passed = 0;
let failed = 0;
const vitest = read('reports/vitest.json');
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  // A test file that fails to load counts once, as a failure.
  failed += (vitest.numFailedTests ?? 0) || (vitest.numFailedTestSuites ?? 0);
  for (const file of vitest.testResults ?? []) {
    const where = file.name ? file.name.replace(`${process.cwd()}/`, '') : '?';
    const broken = (file.assertionResults ?? []).filter((a) => a.status === 'failed');
    for (const a of broken) failures.push(`[unit] ${where} › ${a.fullName}\n${excerpt((a.failureMessages ?? []).join('\n'))}`);
    if (broken.length === 0 && file.status === 'failed') failures.push(`[unit] ${where}\n${excerpt(file.message)}`);
  }
}

/** Every test of a Playwright report, through its nested suites. */
function* playwrightTests(suite) {
  for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) yield { spec, test };
  for (const child of suite.suites ?? []) yield* playwrightTests(child);
}

// The browser suite runs twice: on SQLite, then on PostgreSQL with two app servers.
for (const [file, engine] of [['reports/playwright.json', 'sqlite'], ['reports/playwright-postgres.json', 'postgres']]) {
  const playwright = read(file);
  if (!playwright?.stats) continue;
  passed += (playwright.stats.expected ?? 0) + (playwright.stats.flaky ?? 0);
  failed += playwright.stats.unexpected ?? 0;
  for (const suite of playwright.suites ?? []) {
    for (const { spec, test } of playwrightTests(suite)) {
      // The suite skips nothing on purpose: a test skipped did not run because a test it waits for failed.
      if (test.status === 'skipped') failures.push(`[${engine}] ${spec.file}:${spec.line} › ${spec.title} — non lancé (un test dont il dépend a échoué)`);
      if (test.status !== 'unexpected' && test.status !== 'flaky') continue;
      const tries = (test.results ?? []).map((r, i) => {
        const errors = r.errors?.length ? r.errors : r.error ? [r.error] : [];
        return `    essai ${i + 1} (${r.status}, ${Math.round((r.duration ?? 0) / 1000)} s)${errors.length ? `\n${excerpt(errors.map((e) => `${e.message ?? ''}\n${e.location ? `at ${e.location.file?.replace(`${process.cwd()}/`, '')}:${e.location.line}` : ''}`).join('\n'))}` : ''}`;
      });
      const label = test.status === 'flaky' ? 'réussi au nouvel essai' : 'échoué';
      failures.push(`[${engine}] ${spec.file}:${spec.line} › ${spec.title} — ${label}\n${tries.join('\n')}`);
    }
  }
}
if (failures.length > 0) console.log(`== Échecs et essais repris\n${failures.join('\n')}`);
console.log(`${passed} passed, ${failed} failed`);
