import crypto from 'node:crypto';
import type { JWK } from 'jose';
import { derivedEs256Keys, type DocumentKeys } from '../documents/keys';
import { secrets } from '../secrets';

// Signed checkpoints of a séance's journal, in the format of C2SP's tlog-checkpoint (a signed note):
//
//   e-guichet/seances/<séance>          origin: which log
//   <size>                              how many entries the tree holds
//   <root hash, base64>                 RFC 9162 tree head (lib/platform/merkle.ts)
//   horodatage <ISO 8601 time>          extension line: when it was signed
//
//   — e-guichet/journal <base64(key id (4 bytes) ‖ ES256 signature (r ‖ s, 64 bytes))>
//
// The signature covers the text above the blank line, byte for byte. ES256 is not one of signed-note's registered
// algorithms: its key id here is the first 4 bytes of SHA-256(key name ‖ "\n" ‖ 0x02 ‖ the public point, uncompressed).
// The public key is served with the others (GET /api/plateforme/v1/journal/cles, a JWK set).

export const checkpointKeyName = 'e-guichet/journal';
const algorithmByte = 0x02;

const originPrefix = 'e-guichet/seances/';
export const checkpointOrigin = (classSessionId: string) => `${originPrefix}${classSessionId}`;
export const seanceOfOrigin = (origin: string) => (origin.startsWith(originPrefix) ? origin.slice(originPrefix.length) : origin);

// Derived once per secret (the same in every process, nothing stored): each append signs a checkpoint.
const derived = new Map<string, { keys: DocumentKeys; privateKey: crypto.KeyObject }>();
function derivedFor(secret: string) {
  let found = derived.get(secret);
  if (!found) {
    const keys = derivedEs256Keys(secret, 'e-guichet journal checkpoint key');
    found = { keys, privateKey: crypto.createPrivateKey({ key: keys.privateJwk as crypto.JsonWebKey, format: 'jwk' }) };
    derived.set(secret, found);
  }
  return found;
}

export function journalKeys(secret = secrets().authSecret): DocumentKeys {
  return derivedFor(secret).keys;
}

/** The key set that verifies checkpoints: what a verifier fetches once and keeps. */
export function journalJwks(secret?: string): { keys: JWK[] } {
  return { keys: [journalKeys(secret).publicJwk] };
}

function keyId(publicJwk: JWK): Buffer {
  const point = Buffer.concat([Buffer.from([0x04]), Buffer.from(publicJwk.x!, 'base64url'), Buffer.from(publicJwk.y!, 'base64url')]);
  return crypto.createHash('sha256').update(`${checkpointKeyName}\n`).update(Buffer.from([algorithmByte])).update(point).digest().subarray(0, 4);
}

export type Checkpoint = { origin: string; size: number; rootHash: Buffer; signedAt: string };

export function checkpointBody(c: Checkpoint): string {
  return `${c.origin}\n${c.size}\n${c.rootHash.toString('base64')}\nhorodatage ${c.signedAt}\n`;
}

/** The checkpoint as a signed note. */
export function signCheckpoint(c: Checkpoint, secret = secrets().authSecret): string {
  const { keys, privateKey } = derivedFor(secret);
  const body = checkpointBody(c);
  const signature = crypto.sign('sha256', Buffer.from(body), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return `${body}\n— ${checkpointKeyName} ${Buffer.concat([keyId(keys.publicJwk), signature]).toString('base64')}\n`;
}

export type CheckpointCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; reason: string };

type ParsedNote = { ok: true; checkpoint: Checkpoint; body: string; signatureLines: string[] } | { ok: false; reason: string };

function parseNote(note: string): ParsedNote {
  const split = note.indexOf('\n\n');
  if (split < 0) return { ok: false, reason: 'pas un point de contrôle signé (aucune signature)' };
  const body = note.slice(0, split + 1);
  const lines = body.split('\n');
  const [origin, sizeText, rootText, timeLine] = lines;
  const size = Number(sizeText);
  const rootHash = Buffer.from(rootText ?? '', 'base64');
  const signedAt = /^horodatage (\S+)$/.exec(timeLine ?? '')?.[1];
  if (!origin || !/^\d+$/.test(sizeText ?? '') || rootHash.length !== 32 || rootHash.toString('base64') !== rootText || !signedAt || lines.length !== 5 || lines[4] !== '') {
    return { ok: false, reason: 'point de contrôle mal formé' };
  }
  const signatureLines = note
    .slice(split + 2)
    .split('\n')
    .filter(Boolean);
  return { ok: true, checkpoint: { origin, size, rootHash, signedAt }, body, signatureLines };
}

/** What a checkpoint says, signature NOT checked: for display only (size and time), never for trust. */
export function readCheckpointUnverified(note: string): Checkpoint | null {
  const parsed = parseNote(note);
  return parsed.ok ? parsed.checkpoint : null;
}

/** Reads a signed note and checks its signature against the given public keys (a JWK set): never trusts the text alone. */
export function verifyCheckpoint(note: string, keys: JWK[]): CheckpointCheck {
  // A note that verified with these keys verifies again: the pages that show the journal check the same latest
  // checkpoint on every view (an ECDSA verification, 0.2 ms). Kept like a prepared statement: a pure function's answer.
  const memo = `${keys.map((k) => `${k.x}.${k.y}`).join(',')}\n${note}`;
  const known = verified.get(memo);
  if (known) return { ok: true, checkpoint: { ...known, rootHash: Buffer.from(known.rootHash) } };
  const result = verifyUncached(note, keys);
  if (result.ok) {
    verified.set(memo, result.checkpoint);
    if (verified.size > 256) verified.delete(verified.keys().next().value!);
  }
  return result;
}
const verified = new Map<string, Checkpoint>();

function verifyUncached(note: string, keys: JWK[]): CheckpointCheck {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const { body, checkpoint } = parsed;
  for (const line of parsed.signatureLines) {
    const m = /^— (\S+) (\S+)$/.exec(line);
    if (!m || m[1] !== checkpointKeyName) continue;
    const raw = Buffer.from(m[2]!, 'base64');
    if (raw.length !== 4 + 64) continue;
    for (const jwk of keys) {
      if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !keyId(jwk).equals(raw.subarray(0, 4))) continue;
      const key = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }, format: 'jwk' });
      if (crypto.verify('sha256', Buffer.from(body), { key, dsaEncoding: 'ieee-p1363' }, raw.subarray(4))) {
        return { ok: true, checkpoint };
      }
    }
  }
  return { ok: false, reason: 'signature absente ou invalide pour les clés publiées' };
}
