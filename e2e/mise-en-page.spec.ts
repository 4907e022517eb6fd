import type { Browser, Page } from '@playwright/test';
import { frenchProblems } from './french-text';
import { bodyToken, expect, openDemoSession, ownSubject, signInThroughProvider, test } from './support';

// Issue 17: phones without horizontal scroll, French that reads as finished, a cockpit on one screen, a header that
// holds. Every page, as each role, at 320 and 390 px; the text rules on every page visited.

/** Whether the page scrolls sideways at this width, and what sticks out. */
async function overflow(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return null;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest('.table-scroll, .cockpit__scroll, pre, .visually-hidden'))
      .slice(-3)
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (${Math.round(el.getBoundingClientRect().right)} px)`);
    return `${document.documentElement.scrollWidth} px pour ${width} px : ${culprits.join(', ')}`;
  });
}

/** Whether two things of the header's row are drawn over each other (text that overflows its box, as a brand that shrank). */
async function headerClash(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const items = [...document.querySelectorAll('.site-header__inner > *')].filter((el) => el.getBoundingClientRect().width > 0);
    const edges = items.map((el) => {
      const box = el.getBoundingClientRect();
      return { name: `${el.tagName.toLowerCase()}.${String(el.className).split(' ').join('.')}`, left: box.left, right: box.left + Math.max(box.width, el.scrollWidth) };
    });
    for (let i = 1; i < edges.length; i++) {
      if (edges[i]!.left < edges[i - 1]!.right - 1) return `${edges[i - 1]!.name} (jusqu’à ${Math.round(edges[i - 1]!.right)} px) recouvre ${edges[i]!.name} (dès ${Math.round(edges[i]!.left)} px)`;
    }
    return null;
  });
}

/** Visits each page at each width; collects every overflow and every French problem (reported together). */
async function tour(page: Page, paths: string[], found: string[]) {
  for (const path of paths) {
    for (const width of [320, 390]) {
      await page.setViewportSize({ width, height: 800 });
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(path === '/cette-page-n-existe-pas' ? 404 : 200);
      const wide = await overflow(page);
      if (wide) found.push(`${path} à ${width} px : ${wide}`);
      const clash = await headerClash(page);
      if (clash) found.push(`${path} à ${width} px, en-tête : ${clash}`);
    }
    for (const p of await frenchProblems(page)) found.push(`${path} : ${p}`);
  }
}

async function signedIn(browser: Browser, provider: RegExp, identity: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInThroughProvider(page, provider, identity);
  return page;
}

/** The links of a page that match, as paths (cases, documents): pages that only exist once there is data. */
async function linksLike(page: Page, path: string, pattern: RegExp): Promise<string[]> {
  await page.goto(path);
  const hrefs = await page.locator('a[href]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  return [...new Set(hrefs.filter((h) => pattern.test(h)))].slice(0, 2);
}

test('chaque page, à 320 et 390 px, sans défilement horizontal et dans un français fini, pour chaque rôle', async ({ page, browser }) => {
  test.setTimeout(300_000);
  const found: string[] = [];
  await tour(page, ['/', '/connexion', '/rejoindre', '/rejoindre?code=ZZZZZZ', '/plateforme', '/accessibilite', '/preferences', '/seance', '/cette-page-n-existe-pas'], found);

  // The providers' own pages, as a phone shows them.
  for (const [button, heading] of [[/FranceConnect/, 'Choisissez votre identité'], [/ProConnect/, 'Choisissez votre compte professionnel']] as const) {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto('/connexion');
    await page.getByRole('button', { name: button }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    const wide = await overflow(page);
    if (wide) found.push(`fournisseur ${heading} à 320 px : ${wide}`);
    for (const p of await frenchProblems(page)) found.push(`fournisseur ${heading} : ${p}`);
  }

  const citizen = await signedIn(browser, /FranceConnect/, 'Karim Benali');
  const citizenPages = ['/citoyen', '/citoyen/demarches/acte-naissance', '/citoyen/demarches/changement-adresse', '/citoyen/demarches/carte-stationnement', '/citoyen/demarches/carte-stationnement/accord', '/citoyen/demarches/carte-stationnement/justificatifs', '/citoyen/mes-donnees', '/citoyen/coffre-fort', '/assistant', '/seance/observatoire', '/seance/donnees-ouvertes', '/seance/idees'];
  // A case and a document of his (his parking card is filed first, with consent).
  await citizen.goto('/citoyen/demarches/carte-stationnement/accord');
  await citizen.getByRole('radio', { name: /J’accepte/ }).check();
  await citizen.getByRole('button', { name: 'Valider ma réponse' }).click();
  await expect(citizen).toHaveURL(/\/citoyen\/dossiers\//);
  citizenPages.push(new URL(citizen.url()).pathname, ...(await linksLike(citizen, '/citoyen/coffre-fort', /^\/citoyen\/coffre-fort\/[^/]+$/)), ...(await linksLike(citizen, '/citoyen/coffre-fort', /^\/verifier\//)));
  // An exchange's "mode expert" page (his filing had the city ask SIV and DGFiP).
  const citizenExchanges = await linksLike(citizen, '/citoyen/mes-donnees', /^\/citoyen\/mes-donnees\/echanges\//);
  expect(citizenExchanges.length).toBeGreaterThan(0);
  citizenPages.push(...citizenExchanges);
  // A draft's step and its summary (the stepper), as a phone shows them.
  await citizen.goto('/citoyen/demarches/acte-naissance');
  await citizen.getByRole('button', { name: /Commencer la démarche|Reprendre ma demande/ }).first().click();
  await expect(citizen).toHaveURL(/\/etapes\//);
  const step = new URL(citizen.url()).pathname;
  citizenPages.push(step, step.replace(/\/etapes\/.*$/, '/recapitulatif'));
  // A document's request: the way to receive it, with its price, and the page to take a refusal to the CADA.
  await citizen.goto('/citoyen/demarches/acces-document');
  await citizen.getByRole('button', { name: /Commencer la démarche|Reprendre ma demande/ }).first().click();
  await citizen.getByRole('radio', { name: /La mairie de Villeneuve-sur-Brenne/ }).check();
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  await citizen.getByRole('radio', { name: /Permis de construire d’une véranda/ }).check();
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Comment voulez-vous le recevoir ?');
  citizenPages.push('/citoyen/demarches/acces-document', new URL(citizen.url()).pathname, '/citoyen/demarches/saisine-cada');
  // The prime d'activité's pre-filled months, with their sources in the hints.
  await citizen.goto('/citoyen/demarches/prime-activite');
  await citizen.getByRole('button', { name: /Commencer la démarche|Reprendre ma demande/ }).first().click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Votre foyer');
  await citizen.getByLabel('Nombre de personnes au foyer').fill('1');
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  await expect(citizen.getByRole('heading', { level: 1 })).toHaveText('Vos revenus des trois derniers mois');
  citizenPages.push('/citoyen/demarches/prime-activite', new URL(citizen.url()).pathname);
  // A passport's pre-request: its start page, and its step with a radio list and a text field side by side.
  citizenPages.push('/citoyen/demarches/titre-identite', '/citoyen/timbres');
  await tour(citizen, citizenPages, found);

  // Notices of fines, their payment and designation pages, and the contestation's start (whoever still has one to pay:
  // Élodie's may be contested by now, Rose's is the one designated to her).
  const fines = /^\/citoyen\/amendes\/[^/]+\/(payer|designer)$/;
  const elodie = await signedIn(browser, /FranceConnect/, 'Élodie Marchand');
  await tour(elodie, ['/citoyen/amendes', '/citoyen/demarches/contestation-amende', ...(await linksLike(elodie, '/citoyen/amendes', fines))], found);
  const rose = await signedIn(browser, /FranceConnect/, 'Rose Lemaire');
  await tour(rose, ['/citoyen/amendes', ...(await linksLike(rose, '/citoyen/amendes', fines))], found);

  const marcel = await signedIn(browser, /FranceConnect/, 'Marcel André Dupuis');
  await tour(marcel, ['/citoyen', '/citoyen/sans-internet?demarche=acte-naissance'], found);

  const agent = await signedIn(browser, /ProConnect/, 'Camille Vasseur');
  const agentExchanges = await linksLike(agent, '/agent', /^\/agent\/echanges\//);
  expect(agentExchanges.length).toBeGreaterThan(0);
  await tour(agent, ['/agent', '/agent/saisie', '/agent/conseil', '/seance/idees', ...(await linksLike(agent, '/agent', /^\/agent\/dossiers\//)), ...agentExchanges], found);

  const rapporteur = await signedIn(browser, /ProConnect/, 'Claire Fontaine');
  await tour(rapporteur, ['/agent'], found);

  const aidant = await signedIn(browser, /ProConnect/, 'Sarah Benoît');
  await tour(aidant, ['/aidant', '/assistant'], found);

  const teacher = await (await browser.newContext()).newPage();
  await openDemoSession(teacher);
  const base = new URL(teacher.url()).pathname;
  // A student of the séance: their page with role and card, on a phone.
  const code = ((await teacher.locator('.join-code').textContent()) ?? '').trim();
  const student = await (await browser.newContext()).newPage();
  await student.goto(`/rejoindre?code=${code}`);
  await student.getByLabel('Votre pseudonyme').fill('Mésange');
  await student.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await expect(student).toHaveURL(/\/seance$/);
  await tour(student, ['/seance'], found);
  await tour(teacher, ['/enseignant', base, `${base}/eleves`, `${base}/messages`, `${base}/pannes`, `${base}/reglages`, `${base}/organismes`, `${base}/bilan`, `${base}/projeter`, `${base}/confirmer?action=reinitialiser`], found);

  expect(found).toEqual([]);
});

/** The text size of the signed-in person's display preferences (kept with them, so put back at 100 % afterwards). */
async function textSize(page: Page, size: '100' | '150' | '200') {
  await page.goto('/preferences');
  await page.getByRole('radio', { name: `${size} %`, exact: true }).check();
  await page.getByRole('button', { name: 'Enregistrer mes préférences' }).click();
  await expect(page.locator('html')).toHaveAttribute('data-taille', size);
}

/**
 * The words of the page's headings (h1 to h3) split across two lines, among those of 13 characters at most (« stationnement »):
 * such a word fits a line of a 320 px screen at 200 %, if the margins and the heading's size leave it room. A longer one
 * (« d’immatriculation ») is broken where the line ends, as any word longer than its line.
 */
async function cutHeadingWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    // The stepper's step names too (« mainten-ant » once, beside three marks at 150 %).
    for (const heading of document.querySelectorAll('main :is(h1, h2, h3, .stepper__label)')) {
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        // A word with a hyphen may go to the line after it (« rendez-/vous »): each part is a word here.
        for (const word of (node.textContent ?? '').matchAll(/[^\s-]+-?/g)) {
          if (word[0].length > 13) continue;
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) cut.push(`${heading.tagName.toLowerCase()} « ${word[0]} »`);
        }
      }
    }
    return cut;
  });
}

test('à 320 px, le texte agrandi à 150 et 200 % passe à la ligne : aucune page ne défile de côté, aucun titre n’est coupé au milieu d’un mot court', async ({ browser }) => {
  test.setTimeout(180_000);
  const found: string[] = [];
  /** Each page at 320 px with the person's text at each size: a word longer than the line is broken, never cut. */
  const enlarged = async (page: Page, paths: string[]) => {
    await page.setViewportSize({ width: 320, height: 800 });
    try {
      for (const size of ['150', '200'] as const) {
        await textSize(page, size);
        for (const path of paths) {
          expect((await page.goto(path))?.status(), path).toBe(200);
          const wide = await overflow(page);
          if (wide) found.push(`${path}, texte à ${size} % : ${wide}`);
          const cut = await cutHeadingWords(page);
          if (cut.length) found.push(`${path}, texte à ${size} % : titres coupés au milieu d’un mot (${cut.join(', ')})`);
          // The skip link, on three lines at this size, stays above the screen until it has the focus.
          const skipShows = await page.getByRole('link', { name: 'Aller au contenu' }).evaluate((el) => el.getBoundingClientRect().bottom > 0);
          if (skipShows) found.push(`${path}, texte à ${size} % : le lien « Aller au contenu » dépasse en haut de l’écran`);
        }
      }
    } finally {
      await textSize(page, '100');
    }
  };
  // People no other test signs in as: their preferences change here.
  const citizen = await signedIn(browser, /FranceConnect/, 'Kévin Morin');
  // A step of a draft: its stepper and its question.
  await citizen.goto('/citoyen/demarches/changement-adresse');
  await citizen.getByRole('button', { name: /Commencer la démarche|Reprendre ma demande/ }).first().click();
  await expect(citizen).toHaveURL(/\/etapes\//);
  const step = new URL(citizen.url()).pathname;
  await enlarged(citizen, [step, '/', '/plateforme', '/accessibilite', '/preferences', '/citoyen', '/citoyen/demarches/acte-naissance', '/citoyen/demarches/carte-stationnement', '/citoyen/demarches/carte-stationnement/accord', '/citoyen/demarches/carte-stationnement/justificatifs', '/citoyen/demarches/prime-activite', '/citoyen/demarches/titre-identite', '/citoyen/demarches/acces-document', '/citoyen/mes-donnees', '/citoyen/coffre-fort', '/citoyen/amendes', '/assistant']);
  const agent = await signedIn(browser, /ProConnect/, 'Yannick Colas');
  await enlarged(agent, ['/agent', ...(await linksLike(agent, '/agent', /^\/agent\/dossiers\//))]);
  expect(found).toEqual([]);
});

test('le suivi de séance tient sur un écran de 1366 × 768 ; l’en-tête ne passe jamais à la ligne, et sur téléphone il reste court', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const teacher = await context.newPage();
  await openDemoSession(teacher);
  // The live parts: the map, the counts by state, the students, the feed (and the status line above them).
  for (const part of [teacher.getByRole('img', { name: /Carte des échanges/ }), teacher.getByRole('table', { name: 'Dossiers par état' }).or(teacher.getByText(/^Aucun dossier pour l’instant/)), teacher.getByRole('region', { name: 'Élèves' }).or(teacher.getByText('Personne n’a encore rejoint la séance.')), teacher.getByRole('region', { name: 'Fil de la séance' })]) {
    const box = await part.first().boundingBox();
    expect(box, String(part)).not.toBeNull();
    expect(box!.y + box!.height, String(part)).toBeLessThanOrEqual(768);
    expect(box!.x + box!.width, String(part)).toBeLessThanOrEqual(1366);
  }
  // On the map, as drawn by the browser: every body's box apart from the others, its name and counts inside it.
  const bodies = await teacher.locator('.live-map__body').evaluateAll((groups) =>
    groups.map((g) => {
      const rect = (g.querySelector('rect') as SVGGraphicsElement).getBBox();
      const texts = [...g.querySelectorAll('text')].map((t) => (t as SVGGraphicsElement).getBBox());
      return { name: g.getAttribute('data-organisme'), rect: { x: rect.x, y: rect.y, w: rect.width, h: rect.height }, texts: texts.map((t) => ({ x: t.x, y: t.y, w: t.width, h: t.height })) };
    }),
  );
  expect(bodies.length).toBeGreaterThanOrEqual(10);
  for (const [i, b] of bodies.entries()) {
    for (const t of b.texts) {
      expect(t.x, `${b.name}: text inside its box`).toBeGreaterThanOrEqual(b.rect.x);
      expect(t.x + t.w, `${b.name}: text inside its box`).toBeLessThanOrEqual(b.rect.x + b.rect.w);
    }
    for (const o of bodies.slice(i + 1)) {
      const apart = b.rect.x + b.rect.w <= o.rect.x || o.rect.x + o.rect.w <= b.rect.x || b.rect.y + b.rect.h <= o.rect.y || o.rect.y + o.rect.h <= b.rect.y;
      expect(apart, `${b.name} and ${o.name} apart`).toBe(true);
    }
  }
  // The other jobs are one tab away, reachable by keyboard.
  const tabs = teacher.getByRole('navigation', { name: /Séance/ }).getByRole('link');
  await expect(tabs).toHaveText(['En direct', 'Élèves', 'Messages', 'Pannes', 'Réglages', 'Organismes', 'Bilan']);
  await expect(tabs.first()).toHaveAttribute('aria-current', 'page');
  await tabs.nth(3).focus();
  await teacher.keyboard.press('Enter');
  await expect(teacher.getByRole('heading', { level: 1 })).toHaveText('Pannes simulées');
  await expect(tabs.nth(3)).toHaveAttribute('aria-current', 'page');

  // The header stays on one row at 1024 px with the longest name and the notifications badge.
  const citizen = await (await browser.newContext({ viewport: { width: 1024, height: 768 } })).newPage();
  await signInThroughProvider(citizen, /FranceConnect/, 'Marcel André Dupuis');
  const row = citizen.locator('.site-header__inner');
  // One row: every visible part of it (the phone's menu is not shown at this width) overlaps every other vertically.
  const parts = await row.evaluate((el) => [...el.children].map((c) => c.getBoundingClientRect()).filter((r) => r.width > 0).map((r) => ({ top: Math.round(r.top), bottom: Math.round(r.bottom) })));
  expect(parts.length).toBeGreaterThanOrEqual(3);
  expect(Math.max(...parts.map((p) => p.top)), JSON.stringify(parts)).toBeLessThan(Math.min(...parts.map((p) => p.bottom)));
  expect((await row.boundingBox())!.height).toBeLessThan(90);
  // The account links are in the page once (no hidden copy for phones), shown without opening anything.
  await expect(citizen.locator('nav[aria-label="Compte et affichage"]')).toHaveCount(1);
  await expect(citizen.locator('button', { hasText: 'Se déconnecter' })).toHaveCount(1);
  await expect(citizen.getByText('Menu', { exact: true })).toBeHidden();
  await expect(citizen.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  // On a 390 × 844 phone, the header is at most 15 % of the first screen, and its menu opens to the account links.
  await citizen.setViewportSize({ width: 390, height: 844 });
  const header = await citizen.locator('header.site-header').boundingBox();
  expect(header!.height).toBeLessThanOrEqual(844 * 0.15);
  await citizen.getByText('Menu', { exact: true }).click();
  await expect(citizen.getByRole('link', { name: 'Affichage et accessibilité' })).toBeVisible();
  await expect(citizen.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();

  // At 320 px the word gives way to a bell (drawn, and still named « Notifications » for screen readers); at 390 px the word.
  const bell = citizen.locator('.notifications summary');
  await expect(bell.locator('.notifications__word')).toBeVisible();
  await expect(bell.locator('svg')).toBeHidden();
  await citizen.setViewportSize({ width: 320, height: 700 });
  await expect(bell.locator('svg')).toBeVisible();
  expect((await bell.locator('svg').boundingBox())!.width).toBeGreaterThanOrEqual(20);
  await expect(bell).toHaveAccessibleName(/^Notifications/);
});

test('sur la carte, chaque nouvel échange part de l’organisme qui demande et arrive à celui qui répond ; immobile pour qui réduit les animations', async ({ browser, request }) => {
  const moving = await (await browser.newContext({ reducedMotion: 'no-preference', viewport: { width: 1366, height: 768 } })).newPage();
  await openDemoSession(moving);
  const still = await (await browser.newContext({ reducedMotion: 'reduce', viewport: { width: 1366, height: 768 } })).newPage();
  await openDemoSession(still);
  await expect(moving.locator('[data-impulsion]')).toHaveCount(0);
  // The CAF asks the DGFiP for Karim's tax reference (the law allows it): one exchange, through the platform's API.
  const citizen = await signedIn(browser, /FranceConnect/, 'Karim Benali');
  const usager = await ownSubject(citizen);
  const caf = await bodyToken(browser, 'caf');
  const answer = await request.post('/api/plateforme/v1/echanges', { headers: { Authorization: `Bearer ${caf}` }, data: { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' } });
  expect(answer.status()).toBe(200);

  // It travels: its place along the path moves, then it fades out at the provider.
  const pulse = moving.locator('[data-impulsion]').last();
  await expect(pulse).toBeAttached({ timeout: 5_000 });
  await expect(pulse).toHaveClass(/live-map__pulse--accorde/);
  const along = () => pulse.evaluate((el) => getComputedStyle(el).offsetDistance);
  const first = await along();
  await expect.poll(along, { timeout: 2_000 }).not.toBe(first);
  await expect.poll(() => pulse.evaluate((el) => getComputedStyle(el).opacity), { timeout: 5_000 }).toBe('0');
  // For reduced motion, nothing moves: the pulse is not drawn, the newest exchange's line is drawn thicker instead.
  const quiet = still.locator('[data-impulsion]').last();
  await expect(quiet).toBeAttached({ timeout: 5_000 });
  await expect(quiet).toBeHidden();
  await expect(still.locator('.live-map__flow--new')).toHaveCount(1);
});
