import crypto from 'node:crypto';

export const randomToken = () => crypto.randomBytes(32).toString('base64url');
export const sha256 = (value: string) => crypto.createHash('sha256').update(value).digest('base64url');

/** Constant-time comparison of two strings. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/** RFC 7636 §4.1: 43 to 128 characters from the unreserved set. */
export const pkceVerifierPattern = /^[A-Za-z0-9\-._~]{43,128}$/;
/** S256 challenge: BASE64URL(SHA-256(verifier)), 43 characters. */
export const pkceChallengePattern = /^[A-Za-z0-9\-_]{43}$/;

export function pkceChallengeOf(verifier: string): string {
  return sha256(verifier);
}

/** OIDC Core §3.1.3.6: the left half of the SHA-256 of the access token, base64url. */
export function atHash(accessToken: string): string {
  return crypto.createHash('sha256').update(accessToken).digest().subarray(0, 16).toString('base64url');
}
