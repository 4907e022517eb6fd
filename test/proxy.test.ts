import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { apiContentSecurityPolicy } from '../lib/http/security-headers';
import { proxy } from '../proxy';

// The proxy before every request: a nonce for pages, a fixed policy for the platform's JSON API.
const at = (path: string, init?: ConstructorParameters<typeof NextRequest>[1]) => new NextRequest(new URL(path, 'http://localhost:3999'), init);

describe('proxy', () => {
  it('gives each page a fresh nonce in its policy and passes it on to the page', () => {
    const one = proxy(at('/citoyen')).headers.get('content-security-policy');
    const two = proxy(at('/citoyen')).headers.get('content-security-policy');
    expect(one).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(two).not.toBe(one);
    // Next reads the nonce from the request's headers (x-middleware-override-headers lists what the proxy set).
    expect(proxy(at('/citoyen')).headers.get('x-middleware-override-headers')).toContain('content-security-policy');
  });

  it('answers the platform API with a fixed policy, no nonce, the request untouched', () => {
    const response = proxy(at('/api/plateforme/v1/echanges', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }));
    expect(response.headers.get('content-security-policy')).toBe(apiContentSecurityPolicy);
    expect(response.headers.get('x-middleware-override-headers')).toBeNull();
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });

  it('still answers a method the API does not take with its JSON error', async () => {
    const response = proxy(at('/api/plateforme/v1/echanges', { method: 'DELETE' }));
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ erreur: 'methode_non_autorisee' });
  });

  it('sends a form larger than any action may be back to its page (same rule as the worker: lib/http/front-door.ts)', () => {
    const response = proxy(at('/verifier/abc?x=1', { method: 'POST', headers: { 'content-length': String(26 * 1024 * 1024) } }));
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('http://localhost:3999/verifier/abc?x=1&envoi-trop-gros=1');
  });

  it('asks for HTTPS only where the request came over TLS', () => {
    expect(proxy(at('/api/plateforme/v1/catalogue')).headers.get('strict-transport-security')).toBeNull();
    expect(proxy(at('/api/plateforme/v1/catalogue', { headers: { 'x-forwarded-proto': 'https' } })).headers.get('strict-transport-security')).toMatch(/max-age=/);
  });
});
