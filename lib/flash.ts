import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, gte, isNull, or, sql } from 'drizzle-orm';
import { cookies, headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { database } from '../db/engine';
import { placeholderAs, prepared } from '../db/prepared';
import { flashMessages } from '../db/tables';
import { getViewer } from './auth/guards';
import { env } from './env';
import { routerFetchHeader } from './http/router-fetch';
import { accountIdOf } from './auth/viewer';

// One way for an action to tell the next page what happened (issue 17): the message is a row that belongs to the
// signed-in person, and the first page of theirs that shows it deletes it. Nothing lives in the URL, so a reload, a
// bookmark or a shared link never repeats "C’est enregistré.". No cookie either for a signed-in person: a server action
// that sets one makes Next drop its client cache, so "back" would render the previous form anew (with a new action
// key) instead of the page the person left. A visitor (display preferences) gets a short-lived cookie instead.
// A replayed action (same key, lib/action-keys.ts) sets its message again: a double-click lands on its confirmation.

const cookieName = 'eguichet_message';
export type FlashTone = (typeof flashMessages.$inferSelect)['tone'];
export type Flash = { id: string; text: string; tone: FlashTone; emphasis: string | null };

/** Whose messages these are: the signed-in person, or null for a visitor. */
async function ownerKey(): Promise<string | null> {
  const viewer = await getViewer();
  if (!viewer) return null;
  return `${viewer.role}:${accountIdOf(viewer)}`;
}

/**
 * In a server action, before its redirect. With `path`, only that page takes it: a case page the same person left open
 * in another tab re-renders itself every few seconds (LiveRefresh) and would otherwise take the message first.
 */
export async function setFlash(text: string, tone: FlashTone = 'succes', emphasis: string | null = null, path: string | null = null): Promise<void> {
  const id = crypto.randomBytes(18).toString('base64url');
  const owner = await ownerKey();
  await database().insert(flashMessages).values({ id, owner, text, tone, emphasis, path, createdAt: new Date() }).run();
  if (!owner) (await cookies()).set(cookieName, id, { httpOnly: true, sameSite: 'lax', secure: env().baseUrl.startsWith('https:'), path: '/', maxAge: 120 });
}

// Asked on every page a signed-in person opens: built once (db/prepared.ts). A page that says where it is takes only
// what is for it (or for any page); one that does not, anything.
const fresher = () => gte(flashMessages.createdAt, placeholderAs(flashMessages.createdAt, 'fresh'));
const latestFirst = desc(flashMessages.createdAt);
const owners = prepared((db) => db.select({ id: flashMessages.id }).from(flashMessages).where(and(eq(flashMessages.owner, sql.placeholder('owner')), fresher())).orderBy(latestFirst).limit(1));
const ownersFor = prepared((db) =>
  db
    .select({ id: flashMessages.id })
    .from(flashMessages)
    .where(and(eq(flashMessages.owner, sql.placeholder('owner')), fresher(), or(isNull(flashMessages.path), eq(flashMessages.path, sql.placeholder('path')))))
    .orderBy(latestFirst)
    .limit(1),
);
const byId = prepared((db) => db.select({ id: flashMessages.id }).from(flashMessages).where(and(eq(flashMessages.id, sql.placeholder('id')), fresher())).limit(1));

/**
 * Whether this request is the page an action brings the person to: the action's own answer (the page it refreshes in
 * place; the page it redirects to, which Next fetches without its router's state), or a page the browser loads itself
 * (no JavaScript, a reload). Not a prefetch, and not the router's own fetches (a page that refreshes itself, a click on
 * a link): the same person's other tab on that page, refreshed by the very change the action made, took the aidant's
 * confirmation now and then (session 31). Next hides its router's headers from `headers()`: scripts/worker.ts, which
 * sees the raw request, marks those fetches (`routerFetchHeader`).
 */
export function broughtThere(asked: Headers): boolean {
  if (asked.get('purpose') === 'prefetch' || asked.get('sec-purpose')?.includes('prefetch')) return false;
  return !asked.has(routerFetchHeader);
}

/**
 * The message waiting for this person (or browser), taken once per request (the page and its components share it).
 * One message per page, the latest first: a double-click that rendered two pages shows one on each; what is older than
 * two minutes is stale (the person has moved on) and never shown.
 */
export const takeFlash = cache(async (path?: string): Promise<Flash | null> => {
  const asked = await headers();
  if (!broughtThere(asked)) return null;
  const owner = await ownerKey();
  const id = owner ? null : (await cookies()).get(cookieName)?.value;
  if (!owner && !id) return null;
  const db = database();
  const fresh = new Date(Date.now() - 120_000);
  for (let attempt = 0; attempt < 3; attempt++) {
    const latest = owner ? await (path ? ownersFor : owners)(db).get({ owner, fresh, path }) : await byId(db).get({ id, fresh });
    if (!latest) return null;
    // Deleted here or by a request at the same instant: whoever deletes it shows it.
    const row = await db.delete(flashMessages).where(eq(flashMessages.id, latest.id)).returning().get();
    if (row) return { id: row.id, text: row.text, tone: row.tone, emphasis: row.emphasis };
  }
  return null;
});


/**
 * Where an action sends the person and what the next page tells them. `once` records it whole, so a replayed request
 * (double-click, back then resubmit) lands on the same page with the same message.
 */
export type Outcome = { path: string; flash?: { text: string; tone: FlashTone; emphasis?: string | null } | null };

export async function finish(outcome: Outcome): Promise<never> {
  if (outcome.flash) await setFlash(outcome.flash.text, outcome.flash.tone, outcome.flash.emphasis ?? null, new URL(outcome.path, 'http://e-guichet.invalid').pathname);
  redirect(outcome.path);
}

/**
 * The end of an action that leaves the person on the page they are on. Sent by the page's script: the page is refreshed
 * in place — a redirect would remount it, and whatever the person is choosing elsewhere on it (another student's menu)
 * would be lost. Sent by the browser itself (no script): redirected, so a reload does not send the form again.
 */
export async function stayOn(path: string): Promise<void> {
  if (!(await headers()).has('next-action')) redirect(path);
  revalidatePath(path);
}
