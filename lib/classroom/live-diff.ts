// What the teacher's live stream sends after its first snapshot: only what changed (docs/ARCHITECTURE.md, "Live
// pages"). A field whose value is the same is left out; a list of items that each have an `id` (or a `sequence`) is
// sent as the order of its ids plus the items that are new or changed — a new exchange adds one line to the map and
// the feed, not the 120 lines already on the screen. Pure functions: the server diffs, the browser applies.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Keyed = { id?: string | number; sequence?: number };

/** A stretch of the list as the other side has it: its items from index `de` up to `a` (excluded), in that order. */
type Run = { de: number; a: number };
/**
 * A list sent as the order of its items — each a key, or a run of the list the other side already has (a new item on
 * top of 80: the new key and one run) — with the items the other side does not have as they are now.
 */
export type ListChange = { ordre: (string | number | Run)[]; elements: Record<string, Json> };

/** The new order of keys, with every stretch that follows the previous order written as a run. */
function runsOf(keys: (string | number)[], previous: (string | number)[]): ListChange['ordre'] {
  const at = new Map(previous.map((key, index) => [String(key), index]));
  const order: ListChange['ordre'] = [];
  for (const key of keys) {
    const index = at.get(String(key));
    const last = order.at(-1);
    if (index === undefined) order.push(key);
    else if (typeof last === 'object' && last.a === index) last.a++;
    else order.push({ de: index, a: index + 1 });
  }
  return order;
}
/** The fields that changed: each one's new value, or its ListChange. */
export type SnapshotChange = Record<string, Json | { liste: ListChange }>;

const keyOf = (item: unknown): string | number | undefined => {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { id, sequence } = item as Keyed;
  return id ?? sequence;
};

/** A list whose items all have a key, distinct: it can be sent by keys. */
const keyedList = (value: unknown): value is Json[] => {
  if (!Array.isArray(value) || value.length === 0) return false;
  const keys = new Set<string | number>();
  for (const item of value) {
    const key = keyOf(item);
    if (key === undefined || keys.has(key)) return false;
    keys.add(key);
  }
  return true;
};

/** What turns `before` into `after` (both plain JSON objects); null when nothing changed. */
export function snapshotChange(before: Record<string, unknown>, after: Record<string, unknown>): SnapshotChange | null {
  const change: SnapshotChange = {};
  for (const [field, value] of Object.entries(after)) {
    const previous = before[field];
    if (JSON.stringify(previous) === JSON.stringify(value)) continue;
    if (keyedList(value) && keyedList(previous)) {
      const had = new Map(previous.map((item) => [String(keyOf(item)), JSON.stringify(item)]));
      const elements: Record<string, Json> = {};
      for (const item of value) {
        const key = String(keyOf(item));
        if (had.get(key) !== JSON.stringify(item)) elements[key] = item;
      }
      change[field] = { liste: { ordre: runsOf(value.map((item) => keyOf(item)!), previous.map((item) => keyOf(item)!)), elements } };
    } else change[field] = value as Json;
  }
  for (const field of Object.keys(before)) if (!(field in after)) change[field] = null;
  return Object.keys(change).length ? change : null;
}

const isListChange = (value: unknown): value is { liste: ListChange } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && 'liste' in value;

/** `before` with the change applied: what the server had when it sent it. */
export function applySnapshotChange<T extends object>(before: T, change: SnapshotChange): T {
  const after = { ...before } as Record<string, unknown>;
  for (const [field, value] of Object.entries(change)) {
    if (isListChange(value)) {
      const previous = (after[field] as unknown[]) ?? [];
      after[field] = value.liste.ordre.flatMap((entry) => {
        // A changed item is sent again even inside a run of unchanged positions.
        const items = typeof entry === 'object' ? previous.slice(entry.de, entry.a) : [value.liste.elements[String(entry)]];
        return items.map((item) => value.liste.elements[String(keyOf(item))] ?? item);
      });
    } else after[field] = value;
  }
  return after as T;
}
