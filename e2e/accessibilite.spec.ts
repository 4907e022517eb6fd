import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openDemoSession, signInThroughProvider, test } from './support';

/** Visits each path and runs axe on it. */
async function visitAll(page: Page, paths: string[]) {
  for (const path of paths) {
    await test.step(path, async () => {
      const response = await page.goto(path);
      expect(response?.status(), path).toBeLessThan(400);
      await expectNoAxeViolations(page);
    });
  }
}

test('chaque page, sans être connecté·e puis avec chaque rôle : axe ne trouve rien', async ({ page, browser }) => {
  test.setTimeout(240_000);
  await visitAll(page, ['/', '/connexion', '/rejoindre', '/rejoindre?code=ZZZZZZ', '/plateforme', '/accessibilite', '/preferences', '/seance']);

  const citizen = await (await browser.newContext()).newPage();
  await signInThroughProvider(citizen, /FranceConnect/, 'Karim Benali');
  await visitAll(citizen, [
    '/citoyen',
    '/citoyen/demarches/acte-naissance',
    '/citoyen/demarches/changement-adresse',
    '/citoyen/demarches/carte-stationnement',
    '/citoyen/demarches/carte-stationnement/accord',
    '/citoyen/demarches/carte-stationnement/justificatifs',
    '/citoyen/mes-donnees',
    '/citoyen/coffre-fort',
    '/preferences',
  ]);

  const marcel = await (await browser.newContext()).newPage();
  await signInThroughProvider(marcel, /FranceConnect/, 'Marcel André Dupuis');
  await visitAll(marcel, ['/citoyen', '/citoyen/demarches/acte-naissance', '/citoyen/sans-internet?demarche=acte-naissance']);

  const agent = await (await browser.newContext()).newPage();
  await signInThroughProvider(agent, /ProConnect/, 'Camille Vasseur');
  await visitAll(agent, ['/agent', '/agent/saisie']);

  const aidant = await (await browser.newContext()).newPage();
  await signInThroughProvider(aidant, /ProConnect/, 'Sarah Benoît');
  await visitAll(aidant, ['/aidant']);

  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  const session = teacher.url().replace(/^.*\/enseignant\/seances\//, '');
  await visitAll(teacher, ['/enseignant', ...['', '/eleves', '/messages', '/pannes', '/reglages', '/organismes', '/bilan', '/projeter', '/confirmer?action=reinitialiser'].map((tab) => `/enseignant/seances/${session}${tab}`)]);
});

test('les pages d’erreur (introuvable, non connecté·e, interdit) sont accessibles aussi', async ({ page }) => {
  for (const [path, status] of [['/cette-page-n-existe-pas', 404], ['/citoyen', 401], ['/enseignant', 401]] as const) {
    expect((await page.goto(path))?.status()).toBe(status);
    await expectNoAxeViolations(page);
  }
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  expect((await page.goto('/agent'))?.status()).toBe(403);
  await expectNoAxeViolations(page);
});

test('le focus n’est jamais perdu ni piégé : la touche Tab parcourt chaque page et revient au début', async ({ page }) => {
  test.setTimeout(120_000);
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  for (const path of ['/', '/citoyen', '/citoyen/mes-donnees', '/preferences', '/citoyen/demarches/carte-stationnement/accord']) {
    await page.goto(path);
    const seen: string[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const a = document.activeElement;
        return !a || a === document.body ? 'body' : `${a.tagName}${a.id ? `#${a.id}` : ''}:${(a.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}`;
      });
      seen.push(where);
      if (i > 0 && where.startsWith('A:Aller au contenu')) break;
    }
    // The last stop before coming back is the footer's last link; only the browser's own stop (body) is in between.
    expect(seen.at(-1), path).toMatch(/^A:Aller au contenu/);
    expect(seen.filter((w) => w === 'body').length, path).toBeLessThanOrEqual(1);
    expect(seen.some((w) => w.includes('Accessibilité : partiellement conforme')), path).toBe(true);
  }
});

test('une personne qui n’a jamais utilisé Internet est orientée vers un·e aidant·e, le guichet ou le papier', async ({ page }) => {
  await signInThroughProvider(page, /FranceConnect/, 'Marcel André Dupuis');
  await page.goto('/citoyen/demarches/acte-naissance');
  await expect(page.getByRole('heading', { name: 'Marcel Dupuis n’utilise pas Internet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Commencer la démarche' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /télécharger le formulaire à imprimer/ })).toHaveAttribute('href', '/formulaires/acte-naissance');
  await page.goto('/citoyen/demarches/carte-stationnement');
  await expect(page.getByRole('heading', { name: 'Marcel Dupuis n’utilise pas Internet' })).toBeVisible();
  // Even a request forged from the consent screen is refused: the server sends him to the offline ways.
  await page.goto('/citoyen/demarches/carte-stationnement/accord');
  await page.getByRole('radio', { name: /J’accepte/ }).check();
  await page.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(page).toHaveURL(/\/citoyen\/sans-internet\?demarche=carte-stationnement$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Faire sa démarche sans Internet');
});

test('les préférences d’affichage : texte à 200 %, contraste, espacement, sans animation, gardées sur l’appareil et pour la personne', async ({ page, browser }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Affichage et accessibilité' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Affichage et accessibilité');
  await page.getByRole('radio', { name: '200 %' }).check();
  await page.getByRole('checkbox', { name: /Contraste renforcé/ }).check();
  await page.getByRole('checkbox', { name: /Espacement/ }).check();
  await page.getByRole('checkbox', { name: /Réduire les animations/ }).check();
  await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Vos préférences sont enregistrées.' })).toBeVisible();
  const html = page.locator('html');
  await expect(html).toHaveAttribute('data-taille', '200');
  await expect(html).toHaveClass(/pref-contraste/);
  await expect(html).toHaveClass(/pref-espacement/);
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('32px');
  await expect(page.getByRole('radio', { name: '200 %' })).toBeChecked();
  await page.getByRole('link', { name: 'Revenir à la page précédente' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expectNoAxeViolations(page);
  // At 200 %, nothing overflows sideways (WCAG 1.4.10 reflow at this width).
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  // Signed in, the preferences follow the person to another device.
  await signInThroughProvider(page, /FranceConnect/, 'Karim Benali');
  await page.goto('/preferences');
  await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  const other = await (await browser.newContext()).newPage();
  await signInThroughProvider(other, /FranceConnect/, 'Karim Benali');
  await expect(other.locator('html')).toHaveAttribute('data-taille', '200');
  await other.goto('/preferences');
  await other.getByRole('button', { name: 'Revenir aux réglages par défaut' }).click();
  await expect(other.locator('html')).toHaveAttribute('data-taille', '100');
});

test('la lecture à voix haute lit la page en français, avec pause et reprise, sans réseau', async ({ browser }) => {
  const context = await browser.newContext();
  // The device's speech engine, observed: what is spoken, in which language, paused and resumed.
  await context.addInitScript(() => {
    const log: string[] = [];
    (window as unknown as { __speech: string[] }).__speech = log;
    window.speechSynthesis.speak = (u: SpeechSynthesisUtterance) => void log.push(`speak:${u.lang}:${u.text}`);
    window.speechSynthesis.pause = () => void log.push('pause');
    window.speechSynthesis.resume = () => void log.push('resume');
    window.speechSynthesis.cancel = () => void log.push('cancel');
  });
  const page = await context.newPage();
  // A persona who reads with difficulty starts with read-aloud on.
  await signInThroughProvider(page, /FranceConnect/, 'Claire Rousseau');
  await expect(page.locator('html')).toHaveClass(/pref-simplifie/);
  await page.getByRole('button', { name: 'Écouter la page' }).click();
  await page.getByRole('button', { name: 'Mettre en pause' }).click();
  await page.getByRole('button', { name: 'Reprendre la lecture' }).click();
  await page.getByRole('button', { name: 'Arrêter' }).click();
  const log = await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech);
  const spoken = log.find((l) => l.startsWith('speak:'));
  expect(spoken).toMatch(/^speak:fr-FR:.*Bonjour/);
  expect(spoken).not.toContain('Écouter la page');
  expect(log.filter((l) => !l.startsWith('speak:'))).toEqual(['cancel', 'pause', 'resume', 'cancel']);
  await expectNoAxeViolations(page);

  // In simplified mode, each question can be read on its own.
  await page.goto('/citoyen/demarches/changement-adresse');
  await page.getByRole('button', { name: 'Commencer la démarche' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Où habitez-vous maintenant ?');
  await page.getByRole('button', { name: 'Écouter la question' }).click();
  const question = (await page.evaluate(() => (window as unknown as { __speech: string[] }).__speech)).filter((l) => l.startsWith('speak:')).at(-1);
  expect(question).toMatch(/^speak:fr-FR:Le numéro et le nom de votre rue Par exemple\s: 24 rue des Tanneurs$/);
  await expectNoAxeViolations(page);
});
