import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { CompactSign, compactVerify, importJWK } from 'jose';
import { documentKeys, documentSigningKey } from './keys';

// The seal of an issued document: a compact JWS (ES256) over the SHA-256 of its canonical content (RFC 8785).

export type SealClaims = { jti: string; typ: string; iss: string; iat: number; sha256: string };

export const contentHash = (content: unknown) => crypto.createHash('sha256').update(canonicalize(content) ?? '').digest('hex');

export async function sealDocument(doc: { id: string; kind: string; issuer: string; issuedAt: Date; content: unknown }): Promise<{ jws: string; contentHash: string }> {
  const keys = await documentKeys();
  const hash = contentHash(doc.content);
  const claims: SealClaims = { jti: doc.id, typ: doc.kind, iss: `e-guichet:${doc.issuer}`, iat: Math.floor(doc.issuedAt.getTime() / 1000), sha256: hash };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'e-guichet-document+jws' })
    .sign(await documentSigningKey(keys));
  return { jws, contentHash: hash };
}

export type SealCheck = { ok: true; claims: SealClaims } | { ok: false; raison: string };

/** Checks the signature with the public key, then that the seal names this document and this exact content. */
export async function checkSeal(doc: { id: string; jws: string; content: unknown }): Promise<SealCheck> {
  const keys = await documentKeys();
  let claims: SealClaims;
  try {
    const { payload } = await compactVerify(doc.jws, await importJWK(keys.publicJwk, 'ES256'));
    claims = JSON.parse(new TextDecoder().decode(payload)) as SealClaims;
  } catch {
    return { ok: false, raison: 'La signature électronique ne correspond pas : le sceau a été modifié ou ne vient pas d’e-Guichet.' };
  }
  if (claims.jti !== doc.id) return { ok: false, raison: 'Le sceau appartient à un autre document.' };
  if (claims.sha256 !== contentHash(doc.content)) return { ok: false, raison: 'Le contenu du document a été modifié après sa délivrance.' };
  return { ok: true, claims };
}
