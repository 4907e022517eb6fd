import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';
import { secrets } from '../../secrets';
import type { IdpName } from './config';

// The providers' ES256 signing keys live in data/secrets.json (created on first start).

export async function publicJwk(provider: IdpName): Promise<JWK & { kid: string }> {
  const { kty, crv, x, y } = secrets().idpSigningKeys[provider];
  const jwk: JWK = { kty, crv, x, y };
  return { ...jwk, kid: await calculateJwkThumbprint(jwk), alg: 'ES256', use: 'sig' };
}

export async function signingKey(provider: IdpName) {
  const key = await importJWK({ ...secrets().idpSigningKeys[provider] }, 'ES256');
  return { key, kid: (await publicJwk(provider)).kid };
}
