import crypto from 'node:crypto';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWTDecodeParams, JWTEncodeParams, JWT } from 'next-auth/jwt';

// next-auth's own session cookie (JWE, "dir" + A256GCM, key derived from the secret by HKDF), with the key derived
// once per process instead of on every read and write: each signed-in request reads the cookie and writes it again,
// and each derivation was a trip to Node's thread pool (about a twentieth of a live stream's opening, docs/performance.md).
// Same derivation, same format: cookies issued before or by next-auth itself read the same.

const info = (salt: string) => `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`;
// Derived keys, by secret and salt: a function of the configuration, like a prepared statement, not application state.
const holder = globalThis as typeof globalThis & { __eguichetSessionKeys?: Map<string, Uint8Array> };

export function sessionKey(secret: string, salt = ''): Uint8Array {
  const keys = (holder.__eguichetSessionKeys ??= new Map());
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) keys.set(id, (key = new Uint8Array(crypto.hkdfSync('sha256', secret, salt, info(salt), 32))));
  return key;
}

const defaultMaxAge = 30 * 24 * 60 * 60;

export async function encodeSessionToken({ token = {}, secret, maxAge = defaultMaxAge, salt = '' }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt(now)
    .setExpirationTime(now + maxAge)
    .setJti(crypto.randomUUID())
    .encrypt(sessionKey(String(secret), salt));
}

export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, sessionKey(String(secret), salt), { clockTolerance: 15 });
  return payload as JWT;
}
