import { expect, test } from '@playwright/test';
import { e2eBaseUrl } from '../playwright.config';
import { signInThroughProvider } from './support';

test('rien n’est chargé depuis Internet : polices, scripts et images viennent du serveur local', async ({ page }) => {
  const origins = new Set<string>();
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith('http')) origins.add(url.origin);
  });
  await page.goto('/');
  await page.goto('/connexion');
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bonjour Karim Benali');
  expect([...origins]).toEqual([new URL(e2eBaseUrl).origin]);
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
  expect(fonts.length).toBeGreaterThan(0);
});
