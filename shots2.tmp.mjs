import { chromium } from '@playwright/test';
import fs from 'node:fs';
const pages = JSON.parse(fs.readFileSync('/work/main/.bench-data/pages.json', 'utf8'));
const citizen = pages.find((p) => p.display === '/citoyen');
const paths = (process.env.PATHS ?? '').split(' ').filter(Boolean);
const width = Number(process.env.WIDTH ?? 1280);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width, height: 900 } });
await ctx.addCookies(citizen.cookie.split('; ').map((kv) => { const i = kv.indexOf('='); return { name: kv.slice(0, i), value: kv.slice(i + 1), url: 'http://127.0.0.1:3500' }; }));
const page = await ctx.newPage();
for (const p of paths) {
  const r = await page.goto('http://127.0.0.1:3500' + p);
  const h = await page.evaluate(() => document.documentElement.scrollHeight);
  const sw = await page.evaluate(() => document.documentElement.scrollWidth);
  const name = `/tmp/s2-${width}-${p.replace(/\W+/g, '_')}.png`;
  await page.screenshot({ path: name, fullPage: h < 2600, clip: h < 2600 ? undefined : { x: 0, y: 0, width, height: 2600 } });
  console.log(r.status(), p, 'height', h, 'scrollWidth', sw, name);
}
await browser.close();
