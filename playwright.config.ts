import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
export const e2eBaseUrl = `http://localhost:${port}`;
export const e2eTeacher = { email: 'enseignant@e-guichet.test', password: 'mot-de-passe-des-tests-e2e' };

// Debian's Chromium (npx playwright install cannot download here); flags keep it off the network.
export const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: e2eBaseUrl,
    locale: 'fr-FR',
    reducedMotion: 'reduce',
    trace: 'retain-on-failure',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs },
  },
  webServer: {
    // The README's start command, on a database of its own that starts empty each run.
    command: 'npx tsx scripts/start.ts --reset-database',
    url: `${e2eBaseUrl}/api/sante`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      EGUICHET_DATA_DIR: '.e2e-data',
      EGUICHET_TEACHER_EMAIL: e2eTeacher.email,
      EGUICHET_TEACHER_PASSWORD: e2eTeacher.password,
    },
  },
});
