import type http from 'node:http';
import { apiContentSecurityPolicy, strictTransportSecurity } from './security-headers';
import { methodAllowed, methodsAt } from './route-methods';
import { platformErrors } from '../platform/errors';
import { actionBodyLimitBytes, tooLargeParam } from '../uploads/limits';

// What every request meets before Next renders it: the API's errors for a method or an address no route answers, a form
// too large sent back to its page, and the security policies (a fresh nonce per page). One rule, two doors: proxy.ts
// under `next dev` and `next start`, and scripts/worker.ts in `npm start`, where Next's proxy would cost a page about
// 1 ms (a third of a trivial page: docs/performance-history.md, "Session 34").

/** Set by scripts/worker.ts on a request it let through; proxy.ts does not run for such a request (its matcher). */
export const frontDoorHeader = 'x-eguichet-porte';

export type Arrival = { method: string; pathname: string; search: string; header: (name: string) => string | null; https: boolean };

export type Decision =
  /** An answer in the API's JSON shape (404, 405). */
  | { kind: 'answer'; status: number; headers: Record<string, string>; body: string }
  /** Back to the same page, saying the form was too large (a path and query, on this site). */
  | { kind: 'redirect'; location: string }
  /** On to Next: these headers added to the request (the nonce Next reads) and to the answer (the policies). */
  | { kind: 'pass'; request: Record<string, string>; response: Record<string, string> };

export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    // React sets style attributes (and the read-aloud highlights); no script can come in through a style.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "object-src 'none'",
  ].join('; ');
}

const platformApiPrefix = '/api/plateforme/';

/** The API's error shape for a method a route does not answer (405) or an address no route serves (404). */
function routeError({ method, pathname }: Arrival): Decision | null {
  const methods = methodsAt(pathname);
  const headers = { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' };
  if (methods === null) {
    if (!pathname.startsWith('/api/')) return null;
    return { kind: 'answer', status: 404, headers, body: JSON.stringify({ erreur: 'introuvable', message: platformErrors.introuvable.message }) };
  }
  if (methodAllowed(method, methods)) return null;
  const allow = [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const body = JSON.stringify({ erreur: 'methode_non_autorisee', message: `Cette adresse accepte seulement : ${methods.join(', ')}.` });
  return { kind: 'answer', status: 405, headers: { ...headers, Allow: allow }, body };
}

export function frontDoor(arrival: Arrival): Decision {
  const refused = routeError(arrival);
  if (refused) return refused;
  const { method, pathname, search } = arrival;
  // A form too large for the server actions (a 30 Mo photo) is bad input, never a 500: back to the same page, which
  // says so beside the file field. Forms with JavaScript never get here: the browser checks sizes before sending.
  const length = Number(arrival.header('content-length') ?? 0);
  if (method === 'POST' && length > actionBodyLimitBytes && !pathname.startsWith('/api/')) {
    const query = new URLSearchParams(search);
    query.set(tooLargeParam, '1');
    return { kind: 'redirect', location: `${pathname}?${query}` };
  }
  const hsts: Record<string, string> = arrival.https || arrival.header('x-forwarded-proto') === 'https' ? { 'Strict-Transport-Security': strictTransportSecurity } : {};
  // The platform's API answers JSON only: a fixed policy, no nonce, the request passed on untouched.
  if (pathname.startsWith(platformApiPrefix)) return { kind: 'pass', request: {}, response: { 'Content-Security-Policy': apiContentSecurityPolicy, ...hsts } };
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  return { kind: 'pass', request: { 'content-security-policy': policy }, response: { 'Content-Security-Policy': policy, ...hsts } };
}

/** A Node request's header as the Web's `Headers.get` reads it: whatever the name's case, repeated values joined. */
export const headerOf = (req: http.IncomingMessage) => (name: string): string | null => {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : (value ?? null);
};

/** Files of the build and the icon: no policy to compute (proxy.ts's matcher leaves them out too). */
const untouched = /^\/(?:_next\/static|_next\/image|favicon\.ico|icon\.svg)/;

/**
 * The front door in a Node server (scripts/worker.ts): answers what it refuses (with `everyAnswer`, the headers
 * next.config.ts adds to Next's answers) and returns false; or sets what Next needs on the request and the answer,
 * marks the request as let through, and returns true.
 */
export function throughFrontDoor(req: http.IncomingMessage, res: http.ServerResponse, everyAnswer: Record<string, string>): boolean {
  req.headers[frontDoorHeader] = '1'; // whatever the client sent: set here, on every request the worker hands to Next
  const url = req.url ?? '/';
  const query = url.indexOf('?');
  const pathname = query < 0 ? url : url.slice(0, query);
  if (untouched.test(pathname)) return true;
  const decision = frontDoor({
    method: req.method ?? 'GET',
    pathname,
    search: query < 0 ? '' : url.slice(query),
    header: headerOf(req),
    https: false, // a worker speaks plain HTTP: TLS, where there is some, ends at a reverse proxy (x-forwarded-proto)
  });
  if (decision.kind === 'answer') {
    res.writeHead(decision.status, { ...everyAnswer, ...decision.headers, 'Content-Length': Buffer.byteLength(decision.body), 'Content-Security-Policy': apiContentSecurityPolicy });
    res.end(decision.body);
    return false;
  }
  if (decision.kind === 'redirect') {
    res.writeHead(303, { ...everyAnswer, Location: decision.location, 'Content-Length': 0 });
    res.end();
    return false;
  }
  for (const [name, value] of Object.entries(decision.request)) req.headers[name] = value;
  for (const [name, value] of Object.entries(decision.response)) res.setHeader(name, value);
  return true;
}
