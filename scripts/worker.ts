// One server process of `npm start` (scripts/serve.ts forks one per core): Next's request handler for every page and
// route, and beside it, on the same port, what is asked most answered straight from Node's http server: the platform's
// exchange endpoint (the bodies' systems call it all day; through Next, its routing, proxy and Web streams cost about
// twice what the exchange itself costs) and the live streams (one opens on every page view; about 8 ms of a core
// each through Next). Same handlers as their routes (docs/performance.md, "Beside Next").
import http from 'node:http';
import path from 'node:path';
import { markRouterFetch } from '../lib/http/router-fetch';

process.title = 'e-guichet-serveur'; // what `ps` shows (and what e2e/redemarrage.spec.ts looks for)
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

async function main() {
  const { default: next } = await import('next');
  const { answerExchangeCall } = await import('../lib/platform/exchange-endpoint');
  const { exchangesPath } = await import('../lib/platform/gateway');
  const { maxJsonBytes } = await import('../lib/platform/http');
  const { PlatformError } = await import('../lib/platform/errors');
  const { apiContentSecurityPolicy, securityHeaders, strictTransportSecurity } = await import('../lib/http/security-headers');
  const { liveStreamAt } = await import('../lib/live-streams');
  const { headerOf, throughFrontDoor } = await import('../lib/http/front-door');
  const { cookiePairs, sessionCookieValue, sessionOfCookie } = await import('../lib/auth/session-cookie');
  const { deviceCookieName, deviceHashOfCookie } = await import('../lib/classroom/device-cookie');
  const everyAnswer = Object.fromEntries(securityHeaders.map((h) => [h.key, h.value]));
  // tsx turned Node's source maps on for the whole process: every server chunk Next loads would then keep its map in
  // memory (about 35 MB of one worker's 127 MB live heap in a heap snapshot after the bench's soak). Our modules are
  // loaded; stack traces of Next's chunks point into its build, as with `next start`.
  process.setSourceMapsEnabled(false);

  const app = next({ dev: false, dir: root, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  const serveExchange = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const answer = await answerExchangeCall({
      header: headerOf(req),
      text: () => bodyText(req, maxJsonBytes, () => new PlatformError('requete_trop_grande')),
    });
    const body = JSON.stringify(answer.body);
    res.writeHead(answer.status, {
      ...everyAnswer,
      'Content-Type': 'application/json',
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
      'Content-Security-Policy': apiContentSecurityPolicy,
      ...(req.headers['x-forwarded-proto'] === 'https' ? { 'Strict-Transport-Security': strictTransportSecurity } : {}),
      ...answer.headers,
    });
    res.end(body);
  };

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
      'Content-Security-Policy': apiContentSecurityPolicy,
      ...(req.headers['x-forwarded-proto'] === 'https' ? { 'Strict-Transport-Security': strictTransportSecurity } : {}),
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
    if (req.method === 'POST' && (req.url ?? '').split('?')[0] === exchangesPath) {
      serveExchange(req, res).catch((error: unknown) => {
        // The answer could not be written (the caller left): nothing else to do.
        if (!res.headersSent) res.writeHead(500).end();
        if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') console.error(error);
      });
      return;
    }
    // The proxy's rule (CSP nonce, the API's errors, a form too large) applied here: through Next's proxy it would cost
    // a page about 1 ms (docs/performance.md, "Session 34"); proxy.ts does not run for a request marked so.
    if (!throughFrontDoor(req, res, everyAnswer)) return;
    markRouterFetch(req.headers);
    void handle(req, res);
  });
  server.listen(port, hostname);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      server.close();
      process.exit(0);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
