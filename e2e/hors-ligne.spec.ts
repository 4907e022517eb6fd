import { expect, signInThroughProvider, test, testBaseUrl } from './support';

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
  expect([...origins]).toEqual([new URL(testBaseUrl()).origin]);
  const fonts = await page.evaluate(() => [...document.fonts].filter((f) => f.status === 'loaded').map((f) => f.family));
  expect(fonts.length).toBeGreaterThan(0);
});

test('la santé du service et les en-têtes de sécurité', async ({ request }) => {
  const health = await request.get('/api/sante');
  expect(health.status()).toBe(200);
  expect(await health.json()).toEqual({ statut: 'ok', base: 'ok', version: expect.stringMatching(/^\d+\.\d+\.\d+$/) });
  const home = await request.get('/');
  const headers = home.headers();
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("default-src 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-powered-by']).toBeUndefined();
});
