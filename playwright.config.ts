import { defineConfig } from '@playwright/test';

// Two runs of the browser suite (npm run test:e2e): on the embedded SQLite database (the default; two lanes, each with
// its own server, below), then with E2E_ENGINE=postgres on one PostgreSQL database shared by two app servers behind a
// round-robin balancer (e2e/postgres-servers.ts), for the specs that carry state from one request to the next.
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

/**
 * On SQLite the suite runs in two lanes side by side, each on a server and a database of its own (the tests of one lane
 * run one after the other, as before; about half of the suite's time is spent waiting — a month of the CADA, an
 * automatic instruction — while the two cores idle). Lane 2 is a fixed list (about half the suite's time); every other
 * spec, and any new one, runs in lane 1. What must have the machine to itself runs alone once both lanes are done: the
 * class of 30 (its 2-s bound) and the restart (a third server, killed and started again). Playwright runs a project's
 * dependencies whatever the filter: to run the class of 30 or the restart by itself, `npx playwright test <spec> --no-deps`
 * (and, if a test of a lane fails, the tests that run alone are reported as not run).
 */
const lane2 = ['acces-document', 'seances', 'parcours-adaptes', 'amendes', 'prime-activite', 'zone-blanche', 'carte-stationnement', 'agent-back-office', 'guichet-papier', 'base-occupee', 'classe-prete'];
const alone = ['classe-de-30', 'redemarrage'];
const lanePorts = [port, port + 2]; // port + 1 left free: 3101 is the restart's own server (e2e/redemarrage.spec.ts)
const laneDataDirs = ['.e2e-data', '.e2e-data/voie-2'];

const env = { EGUICHET_TEACHER_EMAIL: e2eTeacher.email, EGUICHET_TEACHER_PASSWORD: e2eTeacher.password };

/** The README's start command, on a database of its own that starts empty each run. */
const sqliteServer = (lane: number) => ({
  command: 'npx tsx scripts/start.ts --reset-database',
  url: `http://localhost:${lanePorts[lane]}/api/sante`,
  reuseExistingServer: false,
  timeout: 300_000,
  stdout: 'pipe' as const,
  env: { ...env, PORT: String(lanePorts[lane]), EGUICHET_DATA_DIR: laneDataDirs[lane]! },
});

/** A project on lane `lane`'s server (`metadata.dataDir`: its data folder, for the tests that open its database). */
const onLane = (lane: number) => ({ use: { baseURL: `http://localhost:${lanePorts[lane]}` }, metadata: { dataDir: laneDataDirs[lane] } });

export default defineConfig({
  testDir: './e2e',
  // On PostgreSQL: the shared specs, and those written for two servers (*.postgres.spec.ts), one after the other.
  projects: e2eOnPostgres
    ? [{ name: 'postgres', testMatch: [...specs(onBothEngines), '**/*.postgres.spec.ts'], metadata: { dataDir: '.e2e-data/postgres' } }]
    : [
        { name: 'voie-1', testIgnore: ['**/*.postgres.spec.ts', ...specs(lane2), ...specs(alone)], workers: 1, ...onLane(0) },
        { name: 'voie-2', testMatch: specs(lane2), workers: 1, ...onLane(1) },
        { name: 'seul', testMatch: specs(alone), workers: 1, dependencies: ['voie-1', 'voie-2'], ...onLane(0) },
      ],
  outputDir: e2eOnPostgres ? 'test-results/postgres' : 'test-results/sqlite',
  fullyParallel: false,
  workers: e2eOnPostgres ? 1 : 2,
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
    : // Started one after the other: the first builds when needed, the second finds the build done.
      [sqliteServer(0), sqliteServer(1)],
});
