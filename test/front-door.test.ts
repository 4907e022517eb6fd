import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontDoorHeader, throughFrontDoor } from '../lib/http/front-door';
import { apiContentSecurityPolicy } from '../lib/http/security-headers';
import { actionBodyLimitBytes } from '../lib/uploads/limits';
import { config } from '../proxy';

// The front door as scripts/worker.ts applies it, in a real Node server: what it answers itself, and what it hands on
// (here, in place of Next, a handler that echoes the request's headers it would have seen).
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (!throughFrontDoor(req, res, { 'X-Frame-Options': 'DENY' })) return;
    res.setHeader('Content-Type', 'application/json');
    res.end(JSON.stringify({ seen: req.headers }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const seen = async (response: Response) => ((await response.json()) as { seen: Record<string, string> }).seen;

describe('the front door in the worker', () => {
  it('gives each page a fresh nonce, on the request Next renders and on the answer, and marks it let through', async () => {
    const one = await fetch(`${base}/citoyen`);
    const two = await fetch(`${base}/citoyen`);
    const policy = one.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(two.headers.get('content-security-policy')).not.toBe(policy);
    const request = await seen(one);
    expect(request['content-security-policy']).toBe(policy); // Next reads the nonce from there
    expect(request[frontDoorHeader]).toBe('1');
    expect(one.headers.get('strict-transport-security')).toBeNull();
  });

  it('sets its mark whatever the client sent, and a client cannot choose the nonce', async () => {
    const response = await fetch(`${base}/citoyen`, { headers: { [frontDoorHeader]: 'autre', 'content-security-policy': "script-src 'nonce-choisi'" } });
    const request = await seen(response);
    expect(request[frontDoorHeader]).toBe('1');
    expect(request['content-security-policy']).not.toContain('choisi');
    expect(response.headers.get('content-security-policy')).toBe(request['content-security-policy']);
  });

  it('passes the platform API on with its fixed policy and the request untouched', async () => {
    const response = await fetch(`${base}/api/plateforme/v1/catalogue`);
    expect(response.headers.get('content-security-policy')).toBe(apiContentSecurityPolicy);
    expect((await seen(response))['content-security-policy']).toBeUndefined();
  });

  it('answers a method the API does not take, and an address no route serves, in the API’s shape', async () => {
    const wrong = await fetch(`${base}/api/plateforme/v1/echanges`, { method: 'DELETE' });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, OPTIONS');
    expect(wrong.headers.get('x-frame-options')).toBe('DENY');
    expect(wrong.headers.get('content-security-policy')).toBe(apiContentSecurityPolicy);
    expect(await wrong.json()).toMatchObject({ erreur: 'methode_non_autorisee', message: 'Cette adresse accepte seulement : POST.' });
    const nowhere = await fetch(`${base}/api/nulle-part`);
    expect(nowhere.status).toBe(404);
    expect(await nowhere.json()).toMatchObject({ erreur: 'introuvable' });
  });

  it('sends a form larger than any action may be back to its page, keeping its query, before reading it', async () => {
    const response = await fetch(`${base}/citoyen/demarches/carte-stationnement/justificatifs?choix=1`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=x', 'content-length': String(actionBodyLimitBytes + 1) },
      body: Buffer.alloc(actionBodyLimitBytes + 1, 1),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/citoyen/demarches/carte-stationnement/justificatifs?choix=1&envoi-trop-gros=1');
  });

  it('leaves the build’s files alone, and asks for HTTPS where a TLS proxy says the request came over it', async () => {
    const file = await fetch(`${base}/_next/static/chunks/x.js`);
    expect(file.headers.get('content-security-policy')).toBeNull();
    expect((await seen(file))[frontDoorHeader]).toBe('1');
    const tls = await fetch(`${base}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
  });

  it('is the mark proxy.ts’s matcher looks for (Next reads that config as a literal)', () => {
    expect(config.matcher).toEqual([expect.objectContaining({ missing: [{ type: 'header', key: frontDoorHeader }] })]);
  });
});
