import { defineConfig } from '@playwright/test';

// Two runs of the browser suite (npm run test:e2e): on the embedded SQLite database, one server (the default), then
// with E2E_ENGINE=postgres on one PostgreSQL database shared by two app servers behind a round-robin balancer
// (e2e/postgres-servers.ts), for the specs that carry state from one request to the next.
export const e2eOnPostgres = process.env.E2E_ENGINE === 'postgres';
const port = Number(process.env.E2E_PORT ?? (e2eOnPostgres ? 3200 : 3100));
export const e2eBaseUrl = `http://localhost:${port}`;
export const e2eTeacher = { email: 'enseignant@e-guichet.test', password: 'mot-de-passe-des-tests-e2e' };

// Debian's Chromium (npx playwright install cannot download here); flags keep it off the network.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Sign-ins, procedures, consents and the journal, the séance's live views and a whole class: what two servers share. */
const onBothEngines = [
  'connexion-citoyen',
  'connexion-agent',
  'connexion-enseignant',
  'acte-naissance',
  'mes-donnees',
  'aidant',
  'api-plateforme',
  'journal-verifiable',
  'seances',
  'classe-de-30',
];
const specs = (names: string[]) => names.map((name) => `**/${name}.spec.ts`);

const env = { EGUICHET_TEACHER_EMAIL: e2eTeacher.email, EGUICHET_TEACHER_PASSWORD: e2eTeacher.password };

export default defineConfig({
  testDir: './e2e',
  // On PostgreSQL: the shared specs, and those written for two servers (*.postgres.spec.ts); on SQLite: all but these.
  ...(e2eOnPostgres ? { testMatch: [...specs(onBothEngines), '**/*.postgres.spec.ts'] } : { testIgnore: '**/*.postgres.spec.ts' }),
  outputDir: e2eOnPostgres ? 'test-results/postgres' : 'test-results/sqlite',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: e2eOnPostgres ? 'reports/playwright-postgres.json' : 'reports/playwright.json' }]],
  use: {
    baseURL: e2eBaseUrl,
    locale: 'fr-FR',
    reducedMotion: 'reduce',
    // Recording a trace of every test costs about a quarter of the suite's time on two cores: a test that fails is
    // run again with its trace (and its screenshot at the failure is always kept).
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: e2eOnPostgres
    ? {
        // A throwaway PostgreSQL server, two `npm start` on it and a balancer in front (stopped with SIGTERM).
        command: 'npx tsx e2e/postgres-servers.ts',
        url: `${e2eBaseUrl}/api/sante`,
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: 'pipe',
        gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
        env: { ...env, PORT: String(port), EGUICHET_DATA_DIR: '.e2e-data/postgres' },
      }
    : {
        // The README's start command, on a database of its own that starts empty each run.
        command: 'npx tsx scripts/start.ts --reset-database',
        url: `${e2eBaseUrl}/api/sante`,
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: 'pipe',
        env: { ...env, PORT: String(port), EGUICHET_DATA_DIR: '.e2e-data' },
      },
});
