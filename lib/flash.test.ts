import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { flashMessages } from '../db/tables';
import { freshDb } from '../test/db';
import type { AsyncExecutor } from '../db/engine';
import type http from 'node:http';
import { markRouterFetch } from './http/router-fetch';

// The request as Next would give it: only its headers matter here, and who is signed in.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock('next/headers', () => ({ headers: async () => request.headers, cookies: async () => ({ get: () => undefined, set: () => undefined }) }));
vi.mock('./auth/guards', () => ({ getViewer: async () => ({ role: 'aidant', aidant: { id: 'sarah' } }) }));
const { broughtThere, takeFlash } = await import('./flash');

let db: AsyncExecutor;
const leave = () => db.insert(flashMessages).values({ id: 'm1', owner: 'aidant:sarah', text: 'La demande est envoyée.', tone: 'succes', emphasis: null, path: '/aidant', createdAt: new Date() }).run();
const waiting = async () => (await db.select().from(flashMessages).where(eq(flashMessages.id, 'm1')).all()).length;
const tree = encodeURIComponent(JSON.stringify(['', { children: ['aidant', {}] }, null, 'refetch']));
/** The request's headers as the page reads them, once scripts/worker.ts has seen them (Next hides its own). */
const asPageSees = (raw: Record<string, string>) => {
  const headers = { ...raw } as http.IncomingHttpHeaders;
  markRouterFetch(headers);
  for (const hidden of ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch']) delete headers[hidden];
  return new Headers(headers as Record<string, string>);
};

beforeEach(async () => {
  db = await freshDb();
});

describe('the message an action leaves for the next page', () => {
  it('cannot be marked by the browser: a header of ours it sends is dropped before Next', async () => {
    const headers: http.IncomingHttpHeaders = { 'x-eguichet-routeur': '1', accept: 'text/html' };
    markRouterFetch(headers);
    expect(headers['x-eguichet-routeur']).toBeUndefined();
  });

  it('is not taken by the router’s own fetches: the same person’s other tab refreshing itself, a prefetch, a click', async () => {
    await leave();
    const fetches: Record<string, string>[] = [{ rsc: '1', 'next-router-state-tree': tree }, { rsc: '1', 'next-router-prefetch': '1', 'next-router-state-tree': tree }, { rsc: '1', 'next-router-segment-prefetch': '/_tree' }, { 'sec-purpose': 'prefetch' }];
    for (const asked of fetches) {
      request.headers = asPageSees(asked);
      expect(broughtThere(request.headers)).toBe(false);
      expect(await takeFlash('/aidant')).toBeNull();
    }
    expect(await waiting()).toBe(1);
  });

  it('is taken by the page the action redirects to (Next fetches it without the router’s state), once', async () => {
    await leave();
    request.headers = asPageSees({ rsc: '1' });
    expect(await takeFlash('/aidant')).toMatchObject({ text: 'La demande est envoyée.', tone: 'succes' });
    expect(await waiting()).toBe(0);
    expect(await takeFlash('/aidant')).toBeNull();
  });

  it('is taken by the page an action refreshes in place, and by a page the browser loads itself (no JavaScript)', async () => {
    await leave();
    request.headers = asPageSees({ rsc: '1', 'next-action': 'abc', 'next-router-state-tree': tree });
    expect(await takeFlash('/aidant')).not.toBeNull();
    await leave();
    request.headers = asPageSees({ accept: 'text/html' });
    expect(await takeFlash('/aidant')).not.toBeNull();
    expect(await waiting()).toBe(0);
  });
});
