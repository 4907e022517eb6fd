import pg from 'pg';
import { databaseUrl } from '../db/engine';

// On PostgreSQL, a séance's live views read again as soon as something they show has changed, on whichever server it
// changed: the database notifies "eguichet_live" with the séance's id when such a transaction commits (migration
// 0015_live_notify), and each server process listens on one connection of its own. The streams still read on their
// beat: a notification only brings the next read forward, and a lost connection costs nothing but that.
// On SQLite there is no such channel: `onLiveChange` does nothing and the streams read on their beat alone.

const channel = 'eguichet_live';
const retryMs = 5_000;

type Listener = { url: string; client: pg.Client | null; retry: ReturnType<typeof setTimeout> | null; wakes: Map<string, Set<() => void>>; generations: Map<string, number> };
// The process's listening connection and the streams open on it (a handle on open connections, not application state;
// on globalThis: Next.js may load this module once per bundle layer).
const holder = globalThis as typeof globalThis & { __eguichetLiveListener?: Listener };

function listener(): Listener | null {
  const url = databaseUrl();
  if (!url) return null;
  const current = holder.__eguichetLiveListener;
  if (current?.url === url) return current;
  if (current) void current.client?.end().catch(() => undefined);
  return (holder.__eguichetLiveListener = { url, client: null, retry: null, wakes: new Map(), generations: new Map() });
}

function connect(state: Listener): void {
  if (state.client || state.retry) return;
  const client = new pg.Client({ connectionString: state.url });
  state.client = client; // connecting, then listening
  const lost = () => {
    if (state.client !== client) return;
    state.client = null;
    void client.end().catch(() => undefined);
    // Tried again later while streams still watch (they read on their beat meanwhile).
    if (state.wakes.size && !state.retry) {
      state.retry = setTimeout(() => {
        state.retry = null;
        if (state.wakes.size) connect(state);
      }, retryMs);
      state.retry.unref?.();
    }
  };
  client.on('error', lost);
  client.on('end', lost);
  client.on('notification', (message) => {
    const id = message.payload;
    if (!id) return;
    const wakes = state.wakes.get(id);
    if (!wakes) return;
    state.generations.set(id, (state.generations.get(id) ?? 0) + 1);
    for (const wake of wakes) wake();
  });
  client
    .connect()
    .then(() => client.query(`LISTEN ${channel}`))
    .catch(lost);
}

/** Calls `wake` each time the database says séance `id` changed; returns how to stop. Nothing happens on SQLite. */
export function onLiveChange(id: string, wake: () => void): () => void {
  const state = listener();
  if (!state) return () => undefined;
  let wakes = state.wakes.get(id);
  if (!wakes) state.wakes.set(id, (wakes = new Set()));
  wakes.add(wake);
  connect(state);
  return () => {
    wakes.delete(wake);
    if (wakes.size) return;
    state.wakes.delete(id);
    state.generations.delete(id);
    if (state.wakes.size) return;
    // Nobody watches any more: the connection goes (the next watcher opens another).
    const client = state.client;
    state.client = null;
    if (state.retry) clearTimeout(state.retry);
    state.retry = null;
    void client?.end().catch(() => undefined);
  };
}

/**
 * How many changes of séance `id` this process has heard of: a shared read keyed with it is read again after each
 * (sharedRead would otherwise hand a stream woken by a change the answer read just before it).
 */
export function liveGeneration(id: string): number {
  return holder.__eguichetLiveListener?.generations.get(id) ?? 0;
}
