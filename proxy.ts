import { NextResponse, type NextRequest } from 'next/server';
import { apiContentSecurityPolicy, strictTransportSecurity } from './lib/http/security-headers';
import { methodAllowed, methodsAt } from './lib/http/route-methods';
import { platformErrors } from './lib/platform/errors';
import { actionBodyLimitBytes, tooLargeParam } from './lib/uploads/limits';

// Runs before every page and route: a fresh nonce per request for a Content-Security-Policy without
// 'unsafe-inline' scripts. Next.js reads the nonce from the request's CSP header and puts it on its own
// inline bootstrap scripts; 'strict-dynamic' lets the scripts they load run, nothing else can.

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
function routeError(request: NextRequest): Response | null {
  const { pathname } = request.nextUrl;
  const methods = methodsAt(pathname);
  const headers = { 'Cache-Control': 'no-store' };
  if (methods === null) {
    if (!pathname.startsWith('/api/')) return null;
    return Response.json({ erreur: 'introuvable', message: platformErrors.introuvable.message }, { status: 404, headers });
  }
  if (methodAllowed(request.method, methods)) return null;
  return Response.json(
    { erreur: 'methode_non_autorisee', message: `Cette adresse accepte seulement : ${methods.join(', ')}.` },
    { status: 405, headers: { ...headers, Allow: [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ') } },
  );
}

export function proxy(request: NextRequest) {
  const refused = routeError(request);
  if (refused) return refused;
  // A form too large for the server actions (a 30 Mo photo) is bad input, never a 500: back to the same page, which
  // says so beside the file field. Forms with JavaScript never get here: the browser checks sizes before sending.
  const length = Number(request.headers.get('content-length') ?? 0);
  if (request.method === 'POST' && length > actionBodyLimitBytes && !request.nextUrl.pathname.startsWith('/api/')) {
    const back = request.nextUrl.clone();
    back.searchParams.set(tooLargeParam, '1');
    return NextResponse.redirect(back, 303);
  }
  // The platform's API answers JSON only: a fixed policy, no nonce, the request passed on untouched (this runs on
  // every exchange; cloning the request's headers to add a nonce no JSON needs cost about a tenth of its time).
  if (request.nextUrl.pathname.startsWith(platformApiPrefix)) return withTransportSecurity(request, NextResponse.next(), apiContentSecurityPolicy);
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  headers.set('content-security-policy', policy);
  return withTransportSecurity(request, NextResponse.next({ request: { headers } }), policy);
}

function withTransportSecurity(request: NextRequest, response: NextResponse, policy: string): NextResponse {
  response.headers.set('Content-Security-Policy', policy);
  if (request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https') response.headers.set('Strict-Transport-Security', strictTransportSecurity);
  return response;
}

export const config = {
  // Not the build's static files (scripts and styles under hashed names) nor the icon.
  matcher: ['/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)'],
};
