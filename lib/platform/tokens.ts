import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type AsyncExecutor, type Engine } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { agencyIds, type AgencyId } from '../../db/schema';
import { platformTokens } from '../../db/tables';
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

function activeRow(db: AsyncExecutor, classSessionId: string, agency: AgencyId) {
  return db
    .select()
    .from(platformTokens)
    .where(and(eq(platformTokens.classSessionId, classSessionId), eq(platformTokens.agency, agency), isNull(platformTokens.revokedAt)))
    .orderBy(desc(platformTokens.generation))
    .get();
}

async function issue(db: AsyncExecutor, classSessionId: string, agency: AgencyId, generation: number) {
  await db.insert(platformTokens).values({ id: crypto.randomUUID(), classSessionId, agency, generation, tokenHash: hashToken(deriveToken(classSessionId, agency, generation)) });
}

/** Gives every body of the séance a token if it has none. Idempotent. */
export async function ensurePlatformTokens(engine: Engine, classSessionId: string): Promise<void> {
  await engine.transaction(async (tx) => {
    for (const agency of agencyIds) {
      if (await activeRow(tx, classSessionId, agency)) continue;
      const last = await tx
        .select({ generation: platformTokens.generation })
        .from(platformTokens)
        .where(and(eq(platformTokens.classSessionId, classSessionId), eq(platformTokens.agency, agency)))
        .orderBy(desc(platformTokens.generation))
        .get();
      await issue(tx, classSessionId, agency, (last?.generation ?? 0) + 1);
    }
  });
}

export type BodyToken = { agency: AgencyId; token: string; createdAt: Date };

/** The body's current token, to show to the teacher or to the body's agents only. */
export async function currentToken(engine: Engine, classSessionId: string, agency: AgencyId): Promise<BodyToken> {
  let row = await activeRow(engine.db, classSessionId, agency);
  if (!row) {
    await ensurePlatformTokens(engine, classSessionId);
    row = await activeRow(engine.db, classSessionId, agency);
  }
  if (!row) throw new Error('token not issued');
  return { agency, token: deriveToken(classSessionId, agency, row.generation), createdAt: row.createdAt };
}

/** Revokes the body's token and issues the next one; the old one is refused from now on. */
export async function rotateToken(engine: Engine, classSessionId: string, agency: AgencyId, now = new Date()): Promise<BodyToken> {
  await engine.transaction(async (tx) => {
    const row = await activeRow(tx, classSessionId, agency);
    if (row) await tx.update(platformTokens).set({ revokedAt: now }).where(eq(platformTokens.id, row.id));
    await issue(tx, classSessionId, agency, (row?.generation ?? 0) + 1);
  }, { lock: `jetons:${classSessionId}` });
  return currentToken(engine, classSessionId, agency);
}

/** "egt_<body>_<43 base64url characters>": anything else is refused without reading the database. */
export const isTokenShaped = (token: string) => /^egt_[a-z-]+_[A-Za-z0-9_-]{43}$/.test(token);

/** The caller a bearer token stands for, or null if it is unknown or revoked. */
export async function authenticateToken(db: AsyncExecutor, token: string): Promise<{ classSessionId: string; agency: AgencyId; token: string } | null> {
  if (!isTokenShaped(token)) return null;
  const row = await tokenByHash(db).get({ hash: hashToken(token) });
  return row ? { classSessionId: row.classSessionId, agency: row.agency, token } : null;
}

// Every exchange presents its token: built once (db/prepared.ts).
const tokenByHash = prepared((db) =>
  db
    .select({ classSessionId: platformTokens.classSessionId, agency: platformTokens.agency })
    .from(platformTokens)
    .where(and(eq(platformTokens.tokenHash, sql.placeholder('hash')), isNull(platformTokens.revokedAt)))
    .limit(1),
);
