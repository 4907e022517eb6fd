import type { Browser, BrowserContext } from '@playwright/test';
import { bodyToken, expect, signInAsTeacher, signInThroughProvider, test, testBaseUrl } from './support';

// Who may open what: one table, every route × every role, checked over HTTP against the real server.
// Then every API route is fed malformed, mistyped, huge, unicode and injection input: never a 5xx, never a trace.

type Role = 'anonyme' | 'citoyen' | 'citoyen_autre_seance' | 'agent' | 'aidant' | 'enseignant';
const roles: Role[] = ['anonyme', 'citoyen', 'citoyen_autre_seance', 'agent', 'aidant', 'enseignant'];
type Ids = { caseId: string; documentId: string; sessionId: string; entryId: string };

/** `true`: this role gets the resource (2xx); `false`: 401, 403 or 404, nothing of it. */
const matrix: { path: (ids: Ids) => string; stream?: boolean; allowed: Role[] }[] = [
  { path: () => '/', allowed: roles },
  { path: () => '/plateforme', allowed: roles },
  { path: () => '/accessibilite', allowed: roles },
  { path: () => '/api/sante', allowed: roles },
  { path: () => '/api/plateforme/v1/catalogue', allowed: roles },
  { path: () => '/api/plateforme/v1/openapi.json', allowed: roles },
  { path: () => '/api/documents/cles', allowed: roles },
  { path: () => '/api/plateforme/v1/journal/cles', allowed: roles },
  { path: (i) => `/api/plateforme/v1/journal/arbre/${i.sessionId}`, allowed: roles },
  { path: (i) => `/api/documents/${i.documentId}/verification`, allowed: roles },
  { path: () => '/citoyen', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: () => '/citoyen/mes-donnees', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: () => '/citoyen/mes-donnees/export', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: (i) => `/citoyen/mes-donnees/recus/${i.entryId}`, allowed: ['citoyen'] },
  { path: () => '/citoyen/coffre-fort', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: () => '/citoyen/amendes', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: () => '/citoyen/timbres', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: (i) => `/citoyen/dossiers/${i.caseId}`, allowed: ['citoyen'] },
  { path: (i) => `/citoyen/coffre-fort/${i.documentId}/pdf`, allowed: ['citoyen'] },
  { path: () => '/api/plateforme/v1/consentements', allowed: ['citoyen', 'citoyen_autre_seance'] },
  { path: () => '/api/plateforme/v1/journal', allowed: ['citoyen', 'citoyen_autre_seance', 'agent', 'enseignant'] },
  // The exchange is about the citizen, asked by the CAF (the agent's body), in the teacher's séance.
  { path: (i) => `/api/plateforme/v1/echanges/${i.entryId}?seance=${i.sessionId}`, allowed: ['citoyen', 'agent', 'enseignant'] },
  { path: () => '/api/notifications/flux', stream: true, allowed: ['citoyen', 'citoyen_autre_seance', 'agent'] },
  { path: () => '/agent', allowed: ['agent'] },
  { path: (i) => `/agent/dossiers/${i.caseId}`, allowed: [] }, // the CAF agent: not a case of the CAF
  { path: () => '/aidant', allowed: ['aidant'] },
  { path: () => '/assistant', allowed: ['citoyen', 'citoyen_autre_seance', 'aidant'] },
  { path: () => '/agent/conseil', allowed: ['agent'] },
  // Readable by the whole class; with no séance, it says how to join one.
  { path: () => '/seance/observatoire', allowed: ['anonyme', 'citoyen', 'citoyen_autre_seance', 'agent', 'aidant', 'enseignant'] },
  { path: () => '/seance/idees', allowed: ['anonyme', 'citoyen', 'citoyen_autre_seance', 'agent', 'aidant', 'enseignant'] },
  { path: () => '/seance/donnees-ouvertes', allowed: ['anonyme', 'citoyen', 'citoyen_autre_seance', 'agent', 'aidant', 'enseignant'] },
  { path: () => '/seance/donnees-ouvertes/indicateurs.csv', allowed: ['citoyen', 'citoyen_autre_seance', 'agent', 'aidant'] },
  { path: (i) => `/seance/donnees-ouvertes/indicateurs.csv?seance=${i.sessionId}`, allowed: ['citoyen', 'citoyen_autre_seance', 'agent', 'aidant', 'enseignant'] },
  { path: () => '/enseignant', allowed: ['enseignant'] },
  { path: (i) => `/enseignant/seances/${i.sessionId}`, allowed: ['enseignant'] },
  { path: (i) => `/enseignant/seances/${i.sessionId}/bilan`, allowed: ['enseignant'] },
  { path: (i) => `/enseignant/seances/${i.sessionId}/bilan/export`, allowed: ['enseignant'] },
  { path: (i) => `/enseignant/seances/${i.sessionId}/projeter`, allowed: ['enseignant'] },
  { path: (i) => `/api/enseignant/seances/${i.sessionId}/flux`, stream: true, allowed: ['enseignant'] },
  { path: () => '/api/seance/flux', stream: true, allowed: ['citoyen_autre_seance'] }, // only a student who joined with a code
];

async function cookieOf(context: BrowserContext): Promise<string> {
  return (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Status of a GET with these cookies; a stream is closed as soon as its headers arrive. */
async function statusOf(path: string, cookie: string): Promise<{ status: number; location: string | null; body: string }> {
  const controller = new AbortController();
  const response = await fetch(new URL(path, testBaseUrl()), { headers: cookie ? { cookie } : {}, redirect: 'manual', signal: controller.signal });
  const stream = response.headers.get('content-type')?.includes('text/event-stream');
  const body = stream ? '' : await response.text();
  controller.abort();
  return { status: response.status, location: response.headers.get('location'), body };
}

async function contexts(browser: Browser) {
  const made: Partial<Record<Role, BrowserContext>> = {};
  for (const role of roles) made[role] = await browser.newContext();
  const page = async (role: Role) => made[role]!.newPage();

  // A citizen of the demonstration séance files a birth certificate request: a case and a receipt of theirs.
  const citizen = await page('citoyen');
  await signInThroughProvider(citizen, /FranceConnect/, 'Chloé Fabre');
  await citizen.goto('/citoyen/demarches/acte-naissance');
  await citizen.getByRole('button', { name: /Commencer la démarche|Reprendre/ }).first().click();
  await citizen.getByRole('radio', { name: 'Mon propre acte de naissance' }).check();
  await citizen.getByRole('button', { name: 'Continuer' }).click();
  await citizen.getByRole('radio', { name: /Copie intégrale/ }).check();
  await citizen.getByRole('button', { name: 'Voir le récapitulatif' }).click();
  await citizen.getByRole('button', { name: 'Envoyer ma demande' }).click();
  await expect(citizen).toHaveURL(/\/citoyen\/dossiers\/[^/?]+$/);
  await expect(citizen.getByText(/Votre demande est envoyée/)).toBeVisible();
  const caseId = /dossiers\/([^/?]+)/.exec(citizen.url())![1]!;
  await citizen.goto('/citoyen/coffre-fort');
  const pdfHref = await citizen.getByRole('link', { name: /Accusé de réception/ }).first().getAttribute('href');
  const documentId = /coffre-fort\/([^/]+)\/pdf/.exec(pdfHref ?? '')?.[1] ?? '';
  expect(documentId).not.toBe('');

  const agent = await page('agent');
  await signInThroughProvider(agent, /ProConnect/, 'Nathalie Brun');
  await expect(agent).toHaveURL(/\/agent/);
  const aidant = await page('aidant');
  await signInThroughProvider(aidant, /ProConnect/, 'Sarah Benoît');
  await expect(aidant).toHaveURL(/\/aidant/);

  const teacher = await page('enseignant');
  await signInAsTeacher(teacher);
  await teacher.getByRole('link', { name: 'Séance de démonstration' }).click();
  await expect(teacher).toHaveURL(/\/enseignant\/seances\/[^/]+$/);
  const sessionId = /seances\/([^/?]+)/.exec(teacher.url())![1]!;
  // A second séance, and its first student (a citizen) who signs in there.
  await teacher.goto('/enseignant');
  await teacher.getByLabel('Nom de la séance').fill('Autre classe (sécurité)');
  await teacher.getByRole('button', { name: 'Créer la séance' }).click();
  await expect(teacher.getByRole('heading', { level: 1, name: 'Autre classe (sécurité)' })).toBeVisible();
  const code = ((await teacher.locator('.join-code').textContent()) ?? '').trim();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);
  const other = await page('citoyen_autre_seance');
  await other.goto(`/rejoindre?code=${code}`);
  await other.getByLabel('Votre pseudonyme').fill('Curieux');
  await other.getByRole('button', { name: 'Rejoindre la séance' }).click();
  await other.getByRole('button', { name: /Me connecter avec FranceConnect/ }).click();
  await other.getByRole('button', { name: 'Me connecter' }).click();
  await expect(other).toHaveURL(/\/citoyen/);

  // An exchange of the demonstration séance, for the trace route.
  const token = await bodyToken(browser, 'caf');
  const persona = await (await fetch(new URL('/citoyen/mes-donnees/export', testBaseUrl()), { headers: { cookie: await cookieOf(made.citoyen!) } })).json();
  const asked = await fetch(new URL('/api/plateforme/v1/echanges', testBaseUrl()), {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: persona.usager, finalite: 'calcul_prestations' }),
  });
  expect(asked.status).toBe(200);
  const entryId = (await asked.json()).echange as string;
  const cookies = Object.fromEntries(await Promise.all(roles.map(async (r) => [r, await cookieOf(made[r]!)] as const))) as Record<Role, string>;
  return { made, cookies, ids: { caseId, documentId, sessionId, entryId }, token };
}

test('matrice d’autorisation : chaque route × chaque rôle, dont l’anonyme et l’élève d’une autre séance', async ({ browser }) => {
  test.setTimeout(120_000);
  const { made, cookies, ids } = await contexts(browser);
  const wrong: string[] = [];
  for (const row of matrix) {
    const path = row.path(ids);
    for (const role of roles) {
      const { status, location, body } = await statusOf(path, cookies[role]);
      const allowed = row.allowed.includes(role);
      const got = status >= 200 && status < 300;
      // Refused: an error status, or sent elsewhere (to sign in, or to the person's own space).
      const refused = [401, 403, 404].includes(status) || (status >= 300 && status < 400 && !(location ?? '').includes(path.split('?')[0]!));
      if (status >= 500 || (allowed ? !got : !refused)) wrong.push(`${role} ${path} → ${status}${location ? ` ${location}` : ''}`);
      // Nobody else's answer mentions the case (the address itself is echoed in the page, hence the exception).
      if (role !== 'citoyen' && !path.includes(ids.caseId) && body.includes(ids.caseId)) wrong.push(`${role} ${path} shows the citizen's case`);
    }
  }
  expect(wrong).toEqual([]);
  for (const context of Object.values(made)) await context?.close();
});

const injections = ["' OR 1=1 --", '"; DROP TABLE cases; --', '<script>alert(1)</script>', '../../../etc/passwd', '\u0000\u202e\ud83d\ude00 é', '${7*7}{{7*7}}', 'x'.repeat(5000)];
const bodies: { name: string; body: string }[] = [
  { name: 'JSON cassé', body: '{"fournisseur": ' },
  { name: 'pas un objet', body: '[1, 2, 3]' },
  { name: 'null', body: 'null' },
  { name: 'types faux', body: JSON.stringify({ fournisseur: 42, donnees: 'tout', usager: { $ne: null }, finalite: ['x'], duree_jours: '365' }) },
  { name: 'champs inconnus', body: JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: 'x', finalite: 'calcul_prestations', admin: true, __proto__: { admin: true } }) },
  ...injections.map((value, i) => ({ name: `injection ${i + 1}`, body: JSON.stringify({ fournisseur: value, donnees: [value], usager: value, finalite: value, consommateur: value, duree_jours: value }) })),
  { name: 'corps énorme (3 Mo)', body: JSON.stringify({ fournisseur: 'dgfip', donnees: Array.from({ length: 150_000 }, () => 'dgfip.revenu_fiscal_reference') }) },
];

test('chaque route de l’API, bousculée : jamais de 5xx ni de trace d’erreur, toujours un code stable', async ({ browser }) => {
  test.setTimeout(180_000);
  const token = await bodyToken(browser, 'caf');
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInThroughProvider(page, /FranceConnect/, 'Julie Fontaine');
  const citizenCookie = await cookieOf(context);
  const doc = await (await fetch(new URL('/api/plateforme/v1/openapi.json', testBaseUrl()))).json();
  const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) => Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })));
  // Routes outside the platform's OpenAPI document: the providers and the file routes.
  operations.push(
    { path: '/api/idp/franceconnect/token', method: 'POST' },
    { path: '/api/idp/franceconnect/userinfo', method: 'GET' },
    { path: '/api/idp/franceconnect/authorize', method: 'GET' },
    { path: '/api/idp/proconnect/interaction', method: 'POST' },
    { path: '/api/idp/inconnu/jwks', method: 'GET' },
    { path: '/api/deconnexion', method: 'POST' },
    { path: '/formulaires/{procedure}', method: 'GET' },
    { path: '/citoyen/coffre-fort/{id}/pdf', method: 'GET' },
    { path: '/agent/justificatifs/{id}', method: 'GET' },
  );
  expect(operations.length).toBeGreaterThan(15);
  const problems: string[] = [];
  const check = async (label: string, response: Response) => {
    const text = await response.text();
    if (response.status >= 500 && !(response.status === 503 && /organisme_indisponible|base_occupee/.test(text))) problems.push(`${label} → ${response.status}`);
    if (/\bat [\w.<>]+ \(|node_modules|\/work\/|SqliteError|TypeError|ZodError/.test(text)) problems.push(`${label} → trace or internal error in the body`);
    if (response.status >= 400 && response.headers.get('content-type')?.includes('json')) {
      const json = JSON.parse(text) as { erreur?: unknown; error?: unknown };
      if (typeof (json.erreur ?? json.error) !== 'string') problems.push(`${label} → ${response.status} without a stable error code: ${text.slice(0, 120)}`);
    }
  };
  for (const { path, method } of operations) {
    for (const value of ['x', ...injections.slice(0, 5)]) {
      const concrete = path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
      for (const auth of [{}, { authorization: `Bearer ${token}` }, { cookie: citizenCookie }] as Record<string, string>[]) {
        const label = `${method} ${concrete.slice(0, 80)} ${Object.keys(auth)[0] ?? 'anonyme'}`;
        const controller = new AbortController();
        const timer = setTimeout(() => controller.abort(), 5000);
        try {
          if (method === 'GET' || method === 'DELETE') {
            const response = await fetch(new URL(concrete, testBaseUrl()), { method, headers: { ...auth, origin: testBaseUrl() }, redirect: 'manual', signal: controller.signal });
            if (response.headers.get('content-type')?.includes('event-stream')) controller.abort();
            else await check(label, response);
          } else {
            for (const { name, body } of value === 'x' ? bodies : bodies.slice(0, 1)) {
              for (const type of ['application/json', 'text/plain', 'application/x-www-form-urlencoded']) {
                const response = await fetch(new URL(concrete, testBaseUrl()), { method, headers: { ...auth, origin: testBaseUrl(), 'content-type': type }, body, redirect: 'manual', signal: controller.signal });
                await check(`${label} ${name} (${type})`, response);
              }
            }
          }
        } catch (error) {
          if ((error as Error).name !== 'AbortError') problems.push(`${label} → ${String(error)}`);
        } finally {
          clearTimeout(timer);
        }
      }
    }
  }
  expect(problems).toEqual([]);
  await context.close();
});

test('en-têtes de sécurité : CSP à nonce sans unsafe-inline pour les scripts, cadres interdits, HSTS derrière TLS', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto('/connexion');
  const headers = response!.headers();
  const csp = headers['content-security-policy'] ?? '';
  const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['strict-transport-security']).toBeUndefined(); // plain http: no HSTS
  // Every script of the page carries this response's nonce; another request gets another one.
  const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => (n as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  const again = await fetch(new URL('/connexion', testBaseUrl()));
  expect(again.headers.get('content-security-policy')).not.toContain(`'nonce-${nonce}'`);
  // The page still works under that policy: JavaScript runs (the provider button starts a real sign-in).
  await page.getByRole('button', { name: /FranceConnect/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: /Choisissez/ })).toBeVisible();
  expect(violations).toEqual([]);
  // Behind a TLS reverse proxy, HSTS.
  const tls = await fetch(new URL('/', testBaseUrl()), { headers: { 'x-forwarded-proto': 'https' } });
  expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
});

test('OAuth selon la RFC 9700 : PKCE S256 exigé, adresses de retour exactes, state et nonce, aucun jeton dans une URL', async ({ page }) => {
  // The real client's authorization request, as next-auth builds it.
  await page.goto('/connexion');
  const [request] = await Promise.all([page.waitForRequest(/\/api\/idp\/franceconnect\/authorize/), page.getByRole('button', { name: /FranceConnect/ }).click()]);
  const authorize = new URL(request.url());
  expect(authorize.searchParams.get('response_type')).toBe('code');
  expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
  expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
  expect(authorize.searchParams.get('state')).toBeTruthy();
  expect(authorize.searchParams.get('nonce')).toBeTruthy();
  const redirectUri = authorize.searchParams.get('redirect_uri')!;

  const refused = async (change: Record<string, string | null>) => {
    const url = new URL(authorize);
    for (const [k, v] of Object.entries(change)) (v === null ? url.searchParams.delete(k) : url.searchParams.set(k, v));
    const response = await fetch(url, { redirect: 'manual' });
    const location = response.headers.get('location') ?? '';
    return { status: response.status, location };
  };
  // Without PKCE, with "plain", without state or nonce, or asking for tokens in the URL: an error, never a code.
  const changes: Record<string, string | null>[] = [{ code_challenge: null, code_challenge_method: null }, { code_challenge_method: 'plain' }, { state: null }, { nonce: null }, { response_type: 'token' }, { response_type: 'id_token token' }, { response_mode: 'fragment' }];
  for (const change of changes) {
    const { status, location } = await refused(change);
    expect(status, JSON.stringify(change)).toBeLessThan(500);
    expect(location, JSON.stringify(change)).not.toMatch(/[?&#]code=/);
    expect(location).not.toMatch(/access_token|id_token=/);
  }
  // A redirect URI that is not exactly the registered one: refused without redirecting anywhere.
  for (const bad of [`${redirectUri}/`, `${redirectUri}?x=1`, redirectUri.replace('localhost', 'evil.test'), redirectUri.toUpperCase(), `${redirectUri}%2F..%2F..`]) {
    const { status, location } = await refused({ redirect_uri: bad });
    expect(status, bad).toBe(400);
    expect(location, bad).toBe('');
  }
  // The whole flow: the browser's URLs only ever carry a code, the state and the issuer.
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.getByRole('radio', { name: /^Julie Fontaine/ }).check();
  await page.getByRole('button', { name: 'Me connecter' }).click();
  await expect(page).toHaveURL(/\/citoyen|\/$/);
  const callback = urls.find((u) => u.includes('/api/auth/callback/franceconnect'));
  expect(callback).toBeTruthy();
  expect([...new URL(callback!).searchParams.keys()].sort()).toEqual(['code', 'iss', 'state']);
  expect(urls.filter((u) => /access_token|id_token|refresh_token/.test(u))).toEqual([]);
});

test('erreurs en une seule forme : 405 pour une méthode non prise, 415 pour un corps qui n’est pas du JSON, 404 sous /api', async ({ browser }) => {
  const token = await bodyToken(browser, 'caf');
  const call = async (path: string, init: RequestInit) => {
    const response = await fetch(new URL(path, testBaseUrl()), { redirect: 'manual', ...init, headers: { origin: testBaseUrl(), ...(init.headers as Record<string, string>) } });
    return { status: response.status, allow: response.headers.get('allow'), type: response.headers.get('content-type') ?? '', headers: response.headers, body: await response.text() };
  };
  // A method the route does not answer: the API's shape, and what it does answer.
  for (const [path, method, allow] of [
    ['/api/plateforme/v1/echanges', 'GET', 'POST, OPTIONS'],
    ['/api/plateforme/v1/echanges', 'PUT', 'POST, OPTIONS'],
    ['/api/plateforme/v1/catalogue', 'DELETE', 'GET, HEAD, OPTIONS'],
    ['/api/plateforme/v1/journal/cles', 'POST', 'GET, HEAD, OPTIONS'],
    ['/api/sante', 'PATCH', 'GET, HEAD, OPTIONS'],
    ['/citoyen/mes-donnees/export', 'POST', 'GET, HEAD, OPTIONS'],
  ] as const) {
    const got = await call(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
    expect({ path, method, status: got.status, allow: got.allow, type: got.type }).toEqual({ path, method, status: 405, allow, type: expect.stringContaining('application/json') });
    expect(JSON.parse(got.body)).toEqual({ erreur: 'methode_non_autorisee', message: expect.stringMatching(/^Cette adresse accepte seulement\s: /) });
  }
  // A JSON API given something else: 415, nothing journaled; the same body as JSON goes through.
  const exchange = JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: 'inconnu', finalite: 'calcul_prestations' });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
    const got = await call('/api/plateforme/v1/echanges', { method: 'POST', headers: { authorization: `Bearer ${token}`, ...(type ? { 'content-type': type } : {}) }, body: exchange });
    expect({ type, status: got.status }).toEqual({ type, status: 415 });
    expect(JSON.parse(got.body)).toMatchObject({ erreur: 'type_non_supporte' });
  }
  const asJson = await call('/api/plateforme/v1/echanges', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' }, body: exchange });
  expect(JSON.parse(asJson.body)).toMatchObject({ erreur: 'usager_inconnu' });
  // Answered beside Next by each server process (scripts/worker.ts): the same headers as every other answer.
  expect({
    cache: asJson.headers.get('cache-control'),
    csp: asJson.headers.get('content-security-policy'),
    sniff: asJson.headers.get('x-content-type-options'),
    frame: asJson.headers.get('x-frame-options'),
    referrer: asJson.headers.get('referrer-policy'),
  }).toEqual({ cache: 'no-store', csp: expect.stringContaining("default-src 'none'"), sniff: 'nosniff', frame: 'DENY', referrer: 'strict-origin-when-cross-origin' });
  // Too large (the API takes 64 Ko at most): a 413 in the API's shape, announced or not (sent in chunks, no length).
  const large = JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: 'x'.repeat(100_000), finalite: 'calcul_prestations' });
  const announced = await call('/api/plateforme/v1/echanges', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: large });
  const chunked = await call('/api/plateforme/v1/echanges', {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: new Blob([large]).stream(),
    duplex: 'half',
  } as RequestInit);
  for (const got of [announced, chunked]) expect([got.status, JSON.parse(got.body).erreur]).toEqual([413, 'requete_trop_grande']);
  const verification = await call('/api/plateforme/v1/journal/verification', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"point_de_controle":"x"}' });
  expect([verification.status, JSON.parse(verification.body).erreur]).toEqual([415, 'type_non_supporte']);
  // An address under /api that nothing serves: a JSON 404, not the HTML page.
  const missing = await call('/api/plateforme/v1/nexistepas', { method: 'GET' });
  expect([missing.status, missing.type.includes('application/json'), JSON.parse(missing.body).erreur]).toEqual([404, true, 'introuvable']);
});
