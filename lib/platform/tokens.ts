import crypto from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { writeTransaction, type Db, type Executor } from '../../db/client';
import { agencyIds, platformTokens, type AgencyId } from '../../db/schema';
import { secrets } from '../secrets';

// Bearer tokens of the bodies (docs/API.md, "Who calls"): one per body per séance, stored as SHA-256.
// The token is HMAC(key, séance:body:generation), the key derived from the server's secret: it can be
// shown again to those allowed to see it, and a copy of the database alone does not reveal it.

const tokenKey = () => Buffer.from(crypto.hkdfSync('sha256', secrets().authSecret, Buffer.alloc(0), 'e-guichet platform tokens', 32));

export function deriveToken(classSessionId: string, agency: AgencyId, generation: number, key: Buffer = tokenKey()): string {
  const mac = crypto.createHmac('sha256', key).update(`${classSessionId}:${agency}:${generation}`).digest('base64url');
  return `egt_${agency}_${mac}`;
}

export const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

/** "egt_ville_Xa9…" → "egt_ville_…k3Q": enough to tell tokens apart, not to use one. */
export function maskToken(token: string): string {
  const cut = token.indexOf('_', 4) + 1; // after "egt_<body>_" (body ids have no underscore)
  return `${token.slice(0, cut)}…${token.slice(-4)}`;
}

function activeRow(db: Executor, classSessionId: string, agency: AgencyId) {
  return db
    .select()
    .from(platformTokens)
    .where(and(eq(platformTokens.classSessionId, classSessionId), eq(platformTokens.agency, agency), isNull(platformTokens.revokedAt)))
    .orderBy(desc(platformTokens.generation))
    .get();
}

function issue(db: Executor, classSessionId: string, agency: AgencyId, generation: number) {
  return db
    .insert(platformTokens)
    .values({ id: crypto.randomUUID(), classSessionId, agency, generation, tokenHash: hashToken(deriveToken(classSessionId, agency, generation)) })
    .returning()
    .get();
}

/** Gives every body of the séance a token if it has none. Idempotent. */
export function ensurePlatformTokens(db: Db, classSessionId: string): void {
  writeTransaction(db, (tx) => {
    for (const agency of agencyIds) {
      if (activeRow(tx, classSessionId, agency)) continue;
      const last = tx
        .select({ generation: platformTokens.generation })
        .from(platformTokens)
        .where(and(eq(platformTokens.classSessionId, classSessionId), eq(platformTokens.agency, agency)))
        .orderBy(desc(platformTokens.generation))
        .get();
      issue(tx, classSessionId, agency, (last?.generation ?? 0) + 1);
    }
  });
}

export type BodyToken = { agency: AgencyId; token: string; createdAt: Date };

/** The body's current token, to show to the teacher or to the body's agents only. */
export function currentToken(db: Db, classSessionId: string, agency: AgencyId): BodyToken {
  let row = activeRow(db, classSessionId, agency);
  if (!row) {
    ensurePlatformTokens(db, classSessionId);
    row = activeRow(db, classSessionId, agency);
  }
  if (!row) throw new Error('token not issued');
  return { agency, token: deriveToken(classSessionId, agency, row.generation), createdAt: row.createdAt };
}

/** Revokes the body's token and issues the next one; the old one is refused from now on. */
export function rotateToken(db: Db, classSessionId: string, agency: AgencyId, now = new Date()): BodyToken {
  writeTransaction(db, (tx) => {
    const row = activeRow(tx, classSessionId, agency);
    if (row) tx.update(platformTokens).set({ revokedAt: now }).where(eq(platformTokens.id, row.id)).run();
    issue(tx, classSessionId, agency, (row?.generation ?? 0) + 1);
  });
  return currentToken(db, classSessionId, agency);
}

/** The caller a bearer token stands for, or null if it is unknown or revoked. */
export function authenticateToken(db: Executor, token: string): { classSessionId: string; agency: AgencyId; token: string } | null {
  if (!/^egt_[a-z-]+_[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = db
    .select()
    .from(platformTokens)
    .where(and(eq(platformTokens.tokenHash, hashToken(token)), isNull(platformTokens.revokedAt)))
    .get();
  return row ? { classSessionId: row.classSessionId, agency: row.agency, token } : null;
}
