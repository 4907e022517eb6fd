// Security headers, whoever answers: next.config.ts (every response of Next), proxy.ts (the policies), and
// scripts/worker.ts (the exchange endpoint it answers beside Next).

/** For every response (the Content-Security-Policy and HSTS come on top, per request). */
export const securityHeaders: { key: string; value: string }[] = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];

/** The platform's JSON API: nothing may load from an answer, nothing may frame it. */
export const apiContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** HSTS, sent only where the browser reached us over TLS (a reverse proxy says so): plain http on a school LAN stays usable. */
export const strictTransportSecurity = 'max-age=63072000; includeSubDomains';
