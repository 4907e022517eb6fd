import crypto from 'node:crypto';
import { and, eq, isNull, lt } from 'drizzle-orm';
import { hasDriverCode } from '../db/client';
import { type AsyncExecutor, transaction } from '../db/engine';
import { actionKeys } from '../db/tables';

// Every action happens once (issue 16). A form carries a key made when it was rendered; the first request with that
// key claims it, runs, and records its answer; any later request with the same key (double-click, the same page in a
// second tab, back then resubmit, a retry after a cut network) gets that answer instead of running again.
// The natural unique keys (one draft, one open request, one active consent…) cover two different renders of a form.

/** The form field that carries the key. */
export const actionKeyField = 'cle';

export const newActionKey = () => crypto.randomBytes(18).toString('base64url');

const keyPattern = /^[A-Za-z0-9_-]{16,64}$/;

/** The key a form carried, if it is one we could have made. */
export function actionKeyOf(form: FormData | null | undefined): string | null {
  const value = form?.get(actionKeyField);
  return typeof value === 'string' && keyPattern.test(value) ? value : null;
}

export type Claim = { key: string | null; actor: string; action: string; classSessionId?: string | null };

type Options<T> = {
  /** Whether the answer is final (recorded for replays). A refusal the person can correct is not: the key stays free. */
  settled?: (result: T) => boolean;
  /** How long a second request waits for the first to finish before running anyway (the first died with its process). */
  waitMs?: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type Taken = { mine: true } | { mine: false; result: string | null; sameActor: boolean };

async function take(db: AsyncExecutor, claim: Claim & { key: string }, now: Date): Promise<Taken> {
  return transaction(db, async (tx): Promise<Taken> => {
    const row = await tx.select().from(actionKeys).where(eq(actionKeys.key, claim.key)).get();
    if (row) return { mine: false, result: row.result, sameActor: row.actor === claim.actor && row.action === claim.action };
    await tx.insert(actionKeys).values({ key: claim.key, actor: claim.actor, action: claim.action, classSessionId: claim.classSessionId ?? null, result: null, createdAt: now }).run();
    return { mine: true };
  });
}

/**
 * Runs `run` once for this key and actor. The answer must be plain JSON (a path to redirect to, a form state):
 * a replay gets it back parsed. Without a key (an old page, an API client) it simply runs.
 */
export async function once<T>(db: AsyncExecutor, claim: Claim, run: () => T | Promise<T>, options: Options<T> = {}): Promise<T> {
  const { key } = claim;
  if (!key) return run();
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? pause;
  const deadline = now().getTime() + (options.waitMs ?? 20_000);
  for (;;) {
    const taken = await take(db, { ...claim, key }, now());
    if (taken.mine) break;
    // Someone else's key (or another form's): never hand their answer over; run as if there were no key.
    if (!taken.sameActor) return run();
    if (taken.result !== null) return JSON.parse(taken.result) as T;
    if (now().getTime() >= deadline) {
      // The first request never finished (its process died): take the key over; the natural keys still hold.
      await db.delete(actionKeys).where(and(eq(actionKeys.key, key), isNull(actionKeys.result))).run();
      continue;
    }
    await sleep(50);
  }
  let result: T;
  try {
    result = await run();
  } catch (error) {
    // Nothing answered: free the key so that the same form can be sent again (a redirect is an answer, see below).
    await db.delete(actionKeys).where(eq(actionKeys.key, key)).run();
    throw error;
  }
  if (options.settled && !options.settled(result)) await db.delete(actionKeys).where(eq(actionKeys.key, key)).run();
  else await db.update(actionKeys).set({ result: JSON.stringify(result ?? null) }).where(eq(actionKeys.key, key)).run();
  return result;
}

/** Keys of the teacher's actions have no séance to go with: they are dropped after a day. */
export async function purgeOldActionKeys(db: AsyncExecutor, now = new Date()): Promise<void> {
  await db.delete(actionKeys).where(and(isNull(actionKeys.classSessionId), lt(actionKeys.createdAt, new Date(now.getTime() - 24 * 3600_000))));
}

/**
 * Runs `run` while holding `key`, unless another runner holds it — in this process or on another server — and then
 * runs nothing (`held: false`). For work that anyone may start and only one should do at a time (a case's automatic
 * instruction, run by every open live view). A holder that died with its process loses the key after `leaseMs`.
 */
export async function whileHolding<T>(db: AsyncExecutor, claim: Claim & { key: string }, leaseMs: number, run: () => Promise<T>): Promise<{ held: true; result: T } | { held: false }> {
  // The wall clock, whatever time the work itself is told it is (a séance's instruction is run "one hour later" in tests).
  const now = new Date();
  let mine: boolean;
  try {
    mine = await transaction(db, async (tx) => {
      const row = await tx.select({ createdAt: actionKeys.createdAt }).from(actionKeys).where(eq(actionKeys.key, claim.key)).get();
      if (row && row.createdAt.getTime() > now.getTime() - leaseMs) return false;
      if (row) await tx.delete(actionKeys).where(eq(actionKeys.key, claim.key)).run(); // its holder died: taken over
      await tx.insert(actionKeys).values({ key: claim.key, actor: claim.actor, action: claim.action, classSessionId: claim.classSessionId ?? null, result: null, createdAt: now }).run();
      return true;
    });
  } catch (error) {
    // PostgreSQL: another runner's row went in each time this one tried (the engine runs a refused insert again, five
    // times; thirty-six views of one page at once used them up): that runner holds the lease, this one does not.
    if (!hasDriverCode(error, (code) => code === '23505')) throw error;
    mine = false;
  }
  if (!mine) return { held: false };
  try {
    return { held: true, result: await run() };
  } finally {
    // Only this holder's row: one that took over after the lease ran out keeps its own.
    await db.delete(actionKeys).where(and(eq(actionKeys.key, claim.key), eq(actionKeys.createdAt, now))).run();
  }
}
