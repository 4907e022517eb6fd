import { describe, expect, it } from 'vitest';
import { freshDb, onPostgres } from '../test/db';
import { getDb } from './client';
import { latestParticipation } from '../lib/classroom/participants';

// The reads every page makes must not walk a whole table: each grows with every séance the database has ever held.
describe.skipIf(onPostgres)('plans of the reads made on every page (SQLite)', () => {
  it('the device’s latest participation is found through an index, not by reading every participant', async () => {
    const db = await freshDb();
    const client = getDb().$client;
    const seen: string[] = [];
    const prepare = client.prepare.bind(client);
    client.prepare = ((source: string) => {
      seen.push(source);
      return prepare(source);
    }) as typeof client.prepare;
    try {
      await latestParticipation(db, 'empreinte-inconnue');
    } finally {
      client.prepare = prepare as typeof client.prepare;
    }
    const query = seen.find((s) => /from "participants"/i.test(s));
    expect(query).toBeDefined();
    const plan = (prepare(`EXPLAIN QUERY PLAN ${query}`)
      .all(...Array.from({ length: (query!.match(/\?/g) ?? []).length }, () => 'empreinte-inconnue')) as { detail: string }[]).map((r) => r.detail);
    expect(plan.join('\n')).toMatch(/participants USING INDEX participants_device_seen/);
    expect(plan.join('\n')).not.toMatch(/SCAN participants/);
  });
});
