import crypto from 'node:crypto';
import canonicalize from 'canonicalize';
import { CompactSign, compactVerify, createLocalJWKSet, type JWK } from 'jose';
import { documentKeys, documentSigningKey } from './keys';

// The seal of an issued document: a compact JWS (ES256). Like a 2D-Doc, it carries the data printed on the paper
// (`imprime`: title, issuer, date, every field shown), so that anyone holding the key set can compare the paper with
// what was signed, offline; and the SHA-256 of the whole content kept on the server (RFC 8785 canonical JSON).

/** `occulte`: a blacked-out passage (its value is the ground); printed as a black band, sealed as such. */
export type SealedField = { libelle: string; valeur: string; occulte?: boolean };
/** What the paper shows, as signed. */
export type PrintedData = { titre: string; emetteur: string; delivre_le: string; champs: SealedField[] };
export type SealClaims = { jti: string; typ: string; iss: string; iat: number; sha256: string; imprime?: PrintedData };

export const contentHash = (content: unknown) => crypto.createHash('sha256').update(canonicalize(content) ?? '').digest('hex');

export type SealInput = { id: string; kind: string; issuer: string; issuedAt: Date; content: { champs: SealedField[] }; title: string; issuerLabel: string };

const printedOf = (doc: { title: string; issuerLabel: string; issuedAt: Date; content: { champs: SealedField[] } }): PrintedData => ({
  titre: doc.title,
  emetteur: doc.issuerLabel,
  delivre_le: doc.issuedAt.toISOString(),
  // `occulte` only where it is set: seals made before it existed compare the same.
  champs: doc.content.champs.map(({ libelle, valeur, occulte }) => (occulte ? { libelle, valeur, occulte: true } : { libelle, valeur })),
});

export async function sealDocument(doc: SealInput): Promise<{ jws: string; contentHash: string }> {
  const keys = await documentKeys();
  const hash = contentHash(doc.content);
  const claims: SealClaims = { jti: doc.id, typ: doc.kind, iss: `e-guichet:${doc.issuer}`, iat: Math.floor(doc.issuedAt.getTime() / 1000), sha256: hash, imprime: printedOf(doc) };
  const jws = await new CompactSign(new TextEncoder().encode(JSON.stringify(claims)))
    .setProtectedHeader({ alg: 'ES256', kid: keys.kid, typ: 'e-guichet-document+jws' })
    .sign(await documentSigningKey(keys));
  return { jws, contentHash: hash };
}

export type SealSignature = { ok: true; claims: SealClaims; kid: string | undefined } | { ok: false; raison: string };

/** The seal's signature against a key set (the published one, or one kept): no database, no server. */
export async function verifySealSignature(jws: string, keys: JWK[]): Promise<SealSignature> {
  try {
    const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet({ keys }));
    return { ok: true, claims: JSON.parse(new TextDecoder().decode(payload)) as SealClaims, kid: protectedHeader.kid };
  } catch {
    return { ok: false, raison: 'La signature électronique ne correspond pas : le sceau a été modifié ou ne vient pas d’e-Guichet.' };
  }
}

/** `claims`: what the seal says whenever its signature holds, even if the stored document no longer matches it. */
export type SealCheck = { ok: true; claims: SealClaims } | { ok: false; raison: string; claims?: SealClaims };

/** Checks the signature with the public key, then that the seal names this document and this exact content. */
export async function checkSeal(doc: { id: string; jws: string; content: { champs: SealedField[] }; title: string; issuerLabel: string; issuedAt: Date }): Promise<SealCheck> {
  const keys = await documentKeys();
  const signature = await verifySealSignature(doc.jws, [keys.publicJwk]);
  if (!signature.ok) return signature;
  const { claims } = signature;
  if (claims.jti !== doc.id) return { ok: false, raison: 'Le sceau appartient à un autre document.', claims };
  if (claims.sha256 !== contentHash(doc.content)) return { ok: false, raison: 'Le contenu du document a été modifié après sa délivrance.', claims };
  // Seals from before they carried the printed data have no `imprime`: the content hash above covers their fields.
  if (claims.imprime && canonicalize(claims.imprime) !== canonicalize(printedOf(doc))) {
    return { ok: false, raison: 'Le titre, l’émetteur ou la date du document ont été modifiés après sa délivrance.', claims };
  }
  return { ok: true, claims };
}
