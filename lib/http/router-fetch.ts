import type http from 'node:http';

/**
 * Set by scripts/worker.ts on a request that is Next's router fetching a page (its own headers, which Next hides from
 * the pages and from proxy.ts, say so); read by lib/flash.ts.
 */
export const routerFetchHeader = 'x-eguichet-routeur';

/**
 * Says, in a header of ours, that a request is the router's fetch of a page — a page refreshing itself, a link
 * followed, a prefetch — and not a page an action brings the person to (the action's own request carries
 * `next-action`; the page it redirects to is fetched without the router's headers). One sent by the browser is dropped.
 */
export function markRouterFetch(headers: http.IncomingHttpHeaders): void {
  const router = ['next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch'].some((name) => name in headers);
  if (router && !('next-action' in headers)) headers[routerFetchHeader] = '1';
  else delete headers[routerFetchHeader];
}
