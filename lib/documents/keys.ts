import crypto from 'node:crypto';
import { importJWK, type JWK } from 'jose';
import { secrets } from '../secrets';

// The documents' signing key (ES256). It is derived from the server secret created on first start
// (data/secrets.json): nothing more to store, every process agrees, and it survives restarts.

const curveOrder = BigInt('0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551');

function derivePrivateScalar(secret: string, label: string): Buffer {
  const okm = Buffer.from(crypto.hkdfSync('sha256', secret, Buffer.alloc(0), label, 48));
  // Reduce 384 bits modulo n − 1, plus 1: a uniform scalar in [1, n − 1] (FIPS 186-5, A.2.1).
  const d = (BigInt(`0x${okm.toString('hex')}`) % (curveOrder - 1n)) + 1n;
  return Buffer.from(d.toString(16).padStart(64, '0'), 'hex');
}

export type DocumentKeys = { privateJwk: JWK; publicJwk: JWK; kid: string };

/** An ES256 key pair derived from the server secret for one use (`label`), with its RFC 7638 thumbprint as kid. */
export function derivedEs256Keys(secret: string, label: string): DocumentKeys {
  const d = derivePrivateScalar(secret, label);
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.setPrivateKey(d);
  const point = ecdh.getPublicKey(); // 0x04 || x || y
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33, 65).toString('base64url') };
  // RFC 7638: the required members in lexicographic order, no spaces (what jose's calculateJwkThumbprint computes).
  const kid = crypto.createHash('sha256').update(JSON.stringify({ crv: 'P-256', kty: 'EC', x: publicJwk.x, y: publicJwk.y })).digest('base64url');
  return { privateJwk: { ...publicJwk, d: d.toString('base64url') }, publicJwk: { ...publicJwk, kid, alg: 'ES256', use: 'sig' }, kid };
}

export async function documentKeys(secret = secrets().authSecret): Promise<DocumentKeys> {
  return derivedEs256Keys(secret, 'e-guichet document signing key');
}

export async function documentSigningKey(keys: DocumentKeys) {
  return importJWK({ ...keys.privateJwk, alg: 'ES256' }, 'ES256');
}

/** The public key set served at /api/documents/cles. */
export async function documentJwks() {
  return { keys: [(await documentKeys()).publicJwk] };
}
