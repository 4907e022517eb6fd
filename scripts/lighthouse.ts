// npm run lighthouse: Lighthouse's accessibility score on the home page, a procedure step and "Mes données",
// with Debian's Chromium, against the app started on a database of its own. Prints the scores and writes
// reports/lighthouse.md; exits 1 if a score is below 100.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 3400);
const base = `http://localhost:${port}`;
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const teacherPassword = 'mot-de-passe-lighthouse';

async function waitForServer(timeoutMs = 300_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/sante`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('the app did not start');
}

/** Signs a citizen in through the simulated FranceConnect and opens a draft: the cookies and the step's URL. */
async function citizenSession(): Promise<{ cookie: string; stepUrl: string }> {
  const browser = await chromium.launch({ executablePath: chromePath, args: chromiumArgs });
  const page = await browser.newPage();
  await page.goto(`${base}/connexion`);
  await page.getByRole('button', { name: /FranceConnect/ }).click();
  await page.getByRole('radio', { name: /^Karim Benali/ }).check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await page.waitForURL(/\/citoyen$/);
  await page.goto(`${base}/citoyen/demarches/changement-adresse`);
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await page.waitForURL(/\/etapes\//);
  const stepUrl = page.url();
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  await browser.close();
  return { cookie, stepUrl };
}

async function main() {
  const dataDir = path.join(process.cwd(), '.lighthouse-data');
  const server = spawn(process.execPath, [require.resolve('tsx/cli'), 'scripts/start.ts', '--reset-database'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), EGUICHET_DATA_DIR: dataDir, EGUICHET_TEACHER_PASSWORD: teacherPassword },
  });
  try {
    await waitForServer();
    const { cookie, stepUrl } = await citizenSession();
    const { default: lighthouse } = await import('lighthouse');
    const chromeLauncher = await import('chrome-launcher');
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: ['--headless=new', ...chromiumArgs] });
    const pages: { name: string; url: string; headers: Record<string, string> }[] = [
      { name: 'Accueil', url: `${base}/`, headers: {} },
      { name: 'Étape d’une démarche (changement d’adresse)', url: stepUrl, headers: { Cookie: cookie } },
      { name: 'Mes données', url: `${base}/citoyen/mes-donnees`, headers: { Cookie: cookie } },
    ];
    const rows: { name: string; score: number; failed: string[] }[] = [];
    try {
      for (const p of pages) {
        const result = await lighthouse(p.url, { port: chrome.port, onlyCategories: ['accessibility'], extraHeaders: p.headers, output: 'json', logLevel: 'error' });
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`no report for ${p.url}`);
        const score = Math.round((lhr.categories.accessibility?.score ?? 0) * 100);
        const failed = Object.values(lhr.audits)
          .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
          .map((a) => `${a.id}: ${a.title}`);
        rows.push({ name: p.name, score, failed });
        console.log(`${p.name} — ${score}/100${failed.length ? ` (${failed.join(' ; ')})` : ''}`);
      }
    } finally {
      await chrome.kill();
    }
    const lines = ['# Lighthouse — accessibilité', '', `Lighthouse ${JSON.parse(fs.readFileSync(require.resolve('lighthouse/package.json'), 'utf8')).version}, Chromium de Debian, ${new Date().toISOString()}.`, '', '| Page | Score | Audits en échec |', '|---|---|---|', ...rows.map((r) => `| ${r.name} | ${r.score} | ${r.failed.join(' ; ') || '—'} |`), ''];
    fs.mkdirSync('reports', { recursive: true });
    fs.writeFileSync('reports/lighthouse.md', lines.join('\n'));
    if (rows.some((r) => r.score < 100)) process.exitCode = 1;
  } finally {
    server.kill('SIGTERM');
  }
}

void main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
