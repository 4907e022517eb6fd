import { NextResponse, type NextRequest } from 'next/server';
import { frontDoor } from './lib/http/front-door';

// Runs before every page and route that scripts/worker.ts did not already let through (under `next dev` and
// `next start`; in `npm start` the worker applies the same rule, lib/http/front-door.ts, without Next's proxy): the
// API's errors, a form too large sent back to its page, a fresh nonce per request for a Content-Security-Policy
// without 'unsafe-inline' scripts. Next.js reads the nonce from the request's CSP header and puts it on its own inline
// bootstrap scripts; 'strict-dynamic' lets the scripts they load run, nothing else can.

export function proxy(request: NextRequest) {
  const { pathname, search, protocol } = request.nextUrl;
  const decision = frontDoor({ method: request.method, pathname, search, header: (name) => request.headers.get(name), https: protocol === 'https:' });
  if (decision.kind === 'answer') return new Response(decision.body, { status: decision.status, headers: decision.headers });
  if (decision.kind === 'redirect') return NextResponse.redirect(new URL(decision.location, request.nextUrl), 303);
  // The platform's API: the request passed on untouched (cloning its headers cost about a tenth of an exchange).
  let response = NextResponse.next();
  if (Object.keys(decision.request).length > 0) {
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(decision.request)) headers.set(name, value);
    response = NextResponse.next({ request: { headers } });
  }
  for (const [name, value] of Object.entries(decision.response)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Not the build's static files (scripts and styles under hashed names) nor the icon; not a request the worker let
  // through (its header is lib/http/front-door.ts's frontDoorHeader; a literal here: Next reads this config statically).
  matcher: [{ source: '/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg).*)', missing: [{ type: 'header', key: 'x-eguichet-porte' }] }],
};
