// Screenshots of the pages people look at first, to look at them as a person would (issue 17's before/after).
// `npx tsx scripts/screenshots.ts --url http://localhost:3000 --out docs/design/apres --email … --password …`
// (the teacher's first login is read from EGUICHET_DATA_DIR when no password is given). Debian's Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { readFirstLogin } from '../lib/auth/teacher';
import { chromiumArgs } from '../playwright.config';

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1]! : fallback;
};
const base = arg('url', 'http://localhost:3000');
const out = path.resolve(arg('out', 'screenshots'));
const login = readFirstLogin(process.env.EGUICHET_DATA_DIR ?? 'data');
const email = arg('email', login?.email ?? 'enseignant@e-guichet.test');
const password = arg('password', login?.password ?? '');

async function page(browser: Browser, width: number, height: number): Promise<Page> {
  const context = await browser.newContext({ baseURL: base, viewport: { width, height }, locale: 'fr-FR', reducedMotion: 'reduce' });
  return context.newPage();
}

async function citizen(browser: Browser, width: number, height: number, identity: string): Promise<Page> {
  const p = await page(browser, width, height);
  await p.goto('/connexion');
  await p.getByRole('button', { name: /FranceConnect/ }).click();
  const radio = p.getByRole('radio', { name: new RegExp(`^${identity}`) });
  const others = p.getByText(/^Choisir une autre identité/);
  if (!(await radio.isVisible()) && (await others.isVisible())) await others.click();
  await radio.check();
  await p.getByRole('button', { name: 'Me connecter' }).click();
  await p.waitForURL(/\/citoyen$/);
  return p;
}

async function shot(p: Page, name: string, fullPage = true) {
  await p.screenshot({ path: path.join(out, `${name}.png`), fullPage });
  const size = await p.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));
  console.log(`${name}.png — ${size.width} × ${size.height} px`);
}

async function main() {
  mkdirSync(out, { recursive: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: chromiumArgs });
  try {
    const teacher = await page(browser, 1366, 768);
    await teacher.goto('/connexion');
    await teacher.getByLabel('Adresse e-mail').fill(email);
    await teacher.getByLabel('Mot de passe').fill(password);
    await teacher.getByRole('button', { name: 'Me connecter' }).click();
    await teacher.waitForURL(/\/enseignant$/);
    await teacher.getByRole('link', { name: 'Séance de démonstration' }).click();
    await teacher.waitForLoadState('networkidle').catch(() => undefined);
    await shot(teacher, 'enseignant-seance-1366', false);
    await shot(teacher, 'enseignant-seance-1366-page-entiere');
    const session = new URL(teacher.url()).pathname;
    await teacher.goto(`${session}/bilan`);
    await shot(teacher, 'enseignant-bilan-1366');

    const phone = await citizen(browser, 390, 844, 'Karim Benali');
    await shot(phone, 'citoyen-tableau-de-bord-390');
    await shot(phone, 'citoyen-tableau-de-bord-390-premier-ecran', false);
    await phone.goto('/citoyen/mes-donnees');
    await shot(phone, 'citoyen-mes-donnees-390');
    await shot(phone, 'citoyen-mes-donnees-390-premier-ecran', false);
    await phone.locator('#organismes').scrollIntoViewIfNeeded();
    await phone.evaluate(() => document.getElementById('organismes')?.scrollIntoView());
    await shot(phone, 'citoyen-mes-donnees-390-organismes', false);

    const provider = await page(browser, 390, 844);
    await provider.goto('/connexion');
    await provider.getByRole('button', { name: /FranceConnect/ }).click();
    await provider.waitForURL(/\/identite\//);
    await shot(provider, 'franceconnect-390');
    await shot(provider, 'franceconnect-390-premier-ecran', false);
  } finally {
    await browser.close();
  }
}

void main();
