// One server process of `npm start` (scripts/serve.ts forks one per core): Next's request handler for every page and
// route, and beside it, on the same port, what is asked most answered straight from Node's http server: the platform's
// exchange endpoint (the bodies' systems call it all day; through Next, its routing, proxy and Web streams cost about
// twice what the exchange itself costs) and the live streams (one opens on every page view; about 8 ms of a core
// each through Next). Same handlers as their routes (docs/performance-history.md, "Against the framework's floor").
// With EGUICHET_ROLE=plateforme (serve.ts, when EGUICHET_PLATFORM_PORT is set) the process is the platform's door
// instead: the exchange endpoint on that port, without Next, so that an exchange never waits behind a page's render.
import http from 'node:http';
import path from 'node:path';
import { markRouterFetch } from '../lib/http/router-fetch';

const platformDoor = process.env.EGUICHET_ROLE === 'plateforme';
// What `ps` shows (e2e/redemarrage.spec.ts looks for the servers, the bench for both).
process.title = platformDoor ? 'e-guichet-plateforme' : 'e-guichet-serveur';
(process.env as Record<string, string>).NODE_ENV = 'production'; // before Next and React load: their production builds
const root = path.resolve(__dirname, '..');
const port = Number(process.env.PORT ?? 3000);
const hostname = process.env.HOST || undefined;

/** The request's body as text, refused past the API's limit (stops keeping it: a size limit is bad input). */
function bodyText(req: http.IncomingMessage, limit: number, tooLarge: () => Error): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) return reject(tooLarge());
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * POST /api/plateforme/v1/echanges answered from Node's http server, as its route handler answers it; with the headers
 * every answer carries and those of the API's answers (its own policy, HSTS behind an https proxy).
 */
async function exchangeServer() {
  const { answerExchangeCall } = await import('../lib/platform/exchange-endpoint');
  const { exchangesPath } = await import('../lib/platform/gateway');
  const { maxJsonBytes } = await import('../lib/platform/http');
  const { PlatformError } = await import('../lib/platform/errors');
  const { apiContentSecurityPolicy, securityHeaders, strictTransportSecurity } = await import('../lib/http/security-headers');
  const { headerOf } = await import('../lib/http/front-door');
  // The headers every answer carries, as next.config.ts adds them to Next's.
  const everyAnswer = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));
  // What the API's answers (and the live streams) carry above those: their own policy, and HSTS behind an https proxy.
  const apiPolicy = (req: http.IncomingMessage) => ({
    'Content-Security-Policy': apiContentSecurityPolicy,
    ...(req.headers['x-forwarded-proto'] === 'https' ? { 'Strict-Transport-Security': strictTransportSecurity } : {}),
  });
  const apiHeaders = (req: http.IncomingMessage) => ({ ...everyAnswer, 'Content-Type': 'application/json', 'Cache-Control': 'no-store', ...apiPolicy(req) });
  const serveExchange = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const answer = await answerExchangeCall({
      header: headerOf(req),
      text: () => bodyText(req, maxJsonBytes, () => new PlatformError('requete_trop_grande')),
    });
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, { ...apiHeaders(req), 'Content-Length': Buffer.byteLength(body), ...answer.headers });
    res.end(body);
  };
  /** True when the request is an exchange (then answered). */
  const answerExchange = (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    if (req.method !== 'POST' || (req.url ?? '').split('?')[0] !== exchangesPath) return false;
    serveExchange(req, res).catch((error: unknown) => {
      // The answer could not be written (the caller left): nothing else to do.
      if (!res.headersSent) res.writeHead(500).end();
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') console.error(error);
    });
    return true;
  };
  return { answerExchange, everyAnswer, apiPolicy, apiHeaders };
}

function stopOnSignals(server: http.Server) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

/**
 * The platform's door (EGUICHET_PLATFORM_PORT): the exchange endpoint, the health check, and the rest of the platform's
 * API handed on to the site's port (rarely called; Next answers it there). No Next in this process.
 */
async function servePlatform() {
  const { answerExchange, apiHeaders } = await exchangeServer();
  const { health } = await import('../lib/health');
  const { PlatformError, platformErrors } = await import('../lib/platform/errors');
  const { env } = await import('../lib/env');
  const platformPort = env().platformPort;
  if (!platformPort) throw new Error('EGUICHET_PLATFORM_PORT manque au processus de la plateforme.');
  const site = { host: !hostname || hostname === '0.0.0.0' || hostname === '::' ? '127.0.0.1' : hostname, port };
  const json = (req: http.IncomingMessage, res: http.ServerResponse, status: number, value: unknown) => {
    const body = JSON.stringify(value);
    res.writeHead(status, { ...apiHeaders(req), 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  };
  const handOn = (req: http.IncomingMessage, res: http.ServerResponse) => {
    const forwarded = { 'x-forwarded-host': req.headers.host ?? '', 'x-forwarded-for': req.socket.remoteAddress ?? '' };
    const upstream = http.request({ ...site, method: req.method, path: req.url, headers: { ...req.headers, ...forwarded } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => {
      if (res.headersSent) res.destroy();
      else json(req, res, 503, new PlatformError('site_indisponible').body());
    });
    req.pipe(upstream);
  };
  const server = http.createServer((req, res) => {
    if (answerExchange(req, res)) return;
    const pathname = (req.url ?? '').split('?')[0]!;
    if (req.method === 'GET' && pathname === '/api/sante') {
      void health().then(({ status, body }) => json(req, res, status, body));
      return;
    }
    if (pathname.startsWith('/api/plateforme/')) return handOn(req, res);
    json(req, res, 404, { erreur: 'introuvable', message: `${platformErrors.introuvable.message} Cette adresse sert l’API de la plateforme (/api/plateforme/v1/…) ; le site est à ${env().baseUrl}.` });
  });
  // Its own socket (not the cluster's, which the site's processes share).
  server.listen({ port: platformPort, host: hostname, exclusive: true });
  stopOnSignals(server);
}

async function main() {
  // The configuration the build wrote, given to Next as its standalone server gives it (the same variable): without it,
  // Next compiles next.config.ts with SWC in every process, and SWC's native module stays loaded (25 MB resident
  // each, docs/performance-history.md, "Session 45"). The headers next.config.ts declares are in the build's routes manifest.
  // Without a build, Next says so itself.
  const fs = await import('node:fs');
  const built = path.join(root, '.next', 'required-server-files.json');
  if (fs.existsSync(built)) process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify((JSON.parse(fs.readFileSync(built, 'utf8')) as { config: unknown }).config);
  const { default: next } = await import('next');
  const { answerExchange, everyAnswer, apiPolicy } = await exchangeServer();
  const { liveStreamAt } = await import('../lib/live-streams');
  const { throughFrontDoor } = await import('../lib/http/front-door');
  const { cookiePairs, sessionCookieValue, sessionOfCookie } = await import('../lib/auth/session-cookie');
  const { deviceCookieName, deviceHashOfCookie } = await import('../lib/classroom/device-cookie');
  // tsx turned Node's source maps on for the whole process: every server chunk Next loads would then keep its map in
  // memory (about 35 MB of one worker's 127 MB live heap in a heap snapshot after the bench's soak). Our modules are
  // loaded; stack traces of Next's chunks point into its build, as with `next start`.
  process.setSourceMapsEnabled(false);

  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  /** A live stream, as its route handler answers it: who asks from the same cookies, the events as they come. */
  const serveStream = async (stream: NonNullable<ReturnType<typeof liveStreamAt>>, req: http.IncomingMessage, res: http.ServerResponse) => {
    const left = new AbortController();
    res.on('close', () => left.abort());
    const cookies = cookiePairs(req.headers.cookie);
    const response = await stream(new Request(`http://localhost${req.url ?? '/'}`, { signal: left.signal }), {
      session: () => sessionOfCookie(sessionCookieValue(cookies)),
      deviceHash: async () => deviceHashOfCookie(cookies.find(([name]) => name === deviceCookieName)?.[1]),
    });
    res.writeHead(response.status, {
      ...everyAnswer,
      ...Object.fromEntries(response.headers),
      ...apiPolicy(req),
    });
    if (!response.body) return void res.end();
    const reader = response.body.getReader();
    res.on('close', () => void reader.cancel().catch(() => undefined));
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      res.write(value);
    }
    res.end();
  };

  const server = http.createServer((req, res) => {
    const stream = req.method === 'GET' ? liveStreamAt((req.url ?? '').split('?')[0]!) : null;
    if (stream) {
      serveStream(stream, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.end();
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') console.error(error);
      });
      return;
    }
    if (answerExchange(req, res)) return;
    // The proxy's rule (CSP nonce, the API's errors, a form too large) applied here: through Next's proxy it would cost
    // a page about 1 ms (docs/performance-history.md, "Session 34"); proxy.ts does not run for a request marked so.
    if (!throughFrontDoor(req, res, everyAnswer)) return;
    markRouterFetch(req.headers);
    void handle(req, res);
  });
  server.listen(port, hostname);
  stopOnSignals(server);
}

(platformDoor ? servePlatform() : main()).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
