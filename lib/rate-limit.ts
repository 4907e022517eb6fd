import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getEngine, type AsyncExecutor, type Engine } from '../db/engine';
import { rateLimits } from '../db/tables';

export type RateLimit = { limit: number; windowMs: number };
export type RateDecision = { allowed: boolean; retryAfterSeconds: number };

/** A stable key for a client address that does not store the address itself. */
export const clientKey = (purpose: string, address: string) => `${purpose}:${crypto.createHash('sha256').update(address).digest('base64url').slice(0, 22)}`;

/** The client's address as the server sees it (first hop of X-Forwarded-For behind a proxy). */
export function clientAddress(headers: Headers): string {
  return headers.get('x-forwarded-for')?.split(',')[0]?.trim() || headers.get('x-real-ip') || 'local';
}

/** Whether the key is already over its limit, without counting a hit. */
export async function isLimited(db: AsyncExecutor, key: string, rule: RateLimit, now = new Date()): Promise<RateDecision> {
  const row = await db.select().from(rateLimits).where(sql`${rateLimits.key} = ${key}`).get();
  if (!row || now.getTime() - row.windowStart.getTime() >= rule.windowMs || row.hits < rule.limit) return { allowed: true, retryAfterSeconds: 0 };
  return { allowed: false, retryAfterSeconds: Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000) };
}

/** Counts one hit in a fixed window (one upsert, atomic in SQLite) and says whether it is within the limit. */
export async function hit(db: AsyncExecutor, key: string, rule: RateLimit, now = new Date()): Promise<RateDecision> {
  const row = await countHit(db, key, rule.windowMs, now);
  const allowed = row.hits <= rule.limit;
  return { allowed, retryAfterSeconds: allowed ? 0 : Math.ceil((row.windowStart.getTime() + rule.windowMs - now.getTime()) / 1000) };
}

/** One more hit on the key in its current window; returns the window's count so far. */
export function countHit(db: AsyncExecutor, key: string, windowMs: number, now = new Date()) {
  const { time } = getEngine();
  const windowFloor = time(new Date(now.getTime() - windowMs));
  return db
    .insert(rateLimits)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        hits: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowFloor} THEN 1 ELSE ${rateLimits.hits} + 1 END`,
        windowStart: sql`CASE WHEN ${rateLimits.windowStart} <= ${windowFloor} THEN ${time(now)} ELSE ${rateLimits.windowStart} END`,
      },
    })
    .returning()
    .get();
}

/** Old windows are of no use: removed now and then (at start). */
export async function purgeRateLimits(engine: Engine, olderThanMs = 86_400_000, now = new Date()): Promise<void> {
  await engine.db.delete(rateLimits).where(sql`${rateLimits.windowStart} < ${engine.time(new Date(now.getTime() - olderThanMs))}`);
}
