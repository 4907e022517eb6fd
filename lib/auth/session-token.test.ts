import { decode, encode } from 'next-auth/jwt';
import { describe, expect, it } from 'vitest';
import { secrets } from '../secrets';
import { cookiePairs, sessionCookieName, sessionCookieValue, sessionOfCookie } from './session-cookie';
import { decodeSessionToken, encodeSessionToken, sessionKey } from './session-token';

const secret = 'un-secret-de-test-assez-long-pour-hkdf';
const token = { role: 'citoyen' as const, subject: 'karim-benali', name: 'Karim Benali' };

describe('the session cookie with its key derived once', () => {
  it('reads what next-auth wrote and writes what next-auth reads (same key, same format)', async () => {
    const theirs = await encode({ token, secret, maxAge: 60 });
    expect(await decodeSessionToken({ token: theirs, secret })).toMatchObject(token);
    const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject({ ...token, jti: expect.any(String) });
    // With a salt (next-auth's option), the key is another one: a cookie of one does not open with the other.
    const salted = await encodeSessionToken({ token, secret, salt: 'sel', maxAge: 60 });
    expect(await decode({ token: salted, secret, salt: 'sel' })).toMatchObject(token);
    await expect(decodeSessionToken({ token: salted, secret })).rejects.toThrow();
  });

  it('derives each key once, refuses another secret, an expired or a tampered cookie', async () => {
    expect(sessionKey(secret)).toBe(sessionKey(secret));
    expect(sessionKey(secret)).not.toEqual(sessionKey(`${secret}-autre`));
    const ours = await encodeSessionToken({ token, secret, maxAge: 60 });
    await expect(decodeSessionToken({ token: ours, secret: `${secret}-autre` })).rejects.toThrow();
    const expired = await encodeSessionToken({ token, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token: expired, secret })).rejects.toThrow();
    const parts = ours.split('.');
    parts[3] = parts[3]!.slice(0, -2) + (parts[3]!.endsWith('AA') ? 'BB' : 'AA');
    await expect(decodeSessionToken({ token: parts.join('.'), secret })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret })).toBeNull();
  });
});

describe('the session cookie as next-auth names and splits it', () => {
  it('is __Secure- only behind https, and is joined from its chunks in order', () => {
    expect(sessionCookieName('https://classe.example')).toBe('__Secure-next-auth.session-token');
    expect(sessionCookieName('http://127.0.0.1:3000')).toBe('next-auth.session-token');
    expect(sessionCookieName(undefined)).toBe('next-auth.session-token');
    const name = 'next-auth.session-token';
    expect(sessionCookieValue([['autre', 'x'], [name, 'entier']], name)).toBe('entier');
    expect(sessionCookieValue([[`${name}.1`, 'B'], [`${name}.10`, 'D'], [`${name}.0`, 'A'], [`${name}.2`, 'C']], name)).toBe('ABCD');
    expect(sessionCookieValue([['__Secure-next-auth.session-token', 'ailleurs']], name)).toBeUndefined();
    expect(cookiePairs('a=1; next-auth.session-token=eyJ%2Bx; vide=; =rien; mal=%E0%A4%A')).toEqual([
      ['a', '1'],
      ['next-auth.session-token', 'eyJ+x'],
      ['vide', ''],
      ['mal', '%E0%A4%A'],
    ]);
  });

  it('names the role and subject of a cookie next-auth wrote, and nobody for a bad one', async () => {
    const cookie = await encode({ token: { role: 'agent', subject: 'agent-caf-1', provider: 'proconnect' }, secret: secrets().authSecret, maxAge: 60 });
    expect(await sessionOfCookie(cookie)).toEqual({ role: 'agent', subject: 'agent-caf-1' });
    expect(await sessionOfCookie(`${cookie.slice(0, -4)}AAAA`)).toBeNull();
    expect(await sessionOfCookie(await encode({ token: { role: 'agent', subject: 'x' }, secret: 'un autre secret', maxAge: 60 }))).toBeNull();
    expect(await sessionOfCookie(await encode({ token: { name: 'sans rôle' }, secret: secrets().authSecret, maxAge: 60 }))).toBeNull();
    expect(await sessionOfCookie(undefined)).toBeNull();
  });
});
