import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { transaction, type AsyncExecutor } from '../db/engine';
import { prepared } from '../db/prepared';
import { personas } from '../db/tables';
import { demoSession } from '../lib/classroom/sessions';
import { activeFault, endFaults, injectFault } from '../lib/platform/faults';
import { freshDb } from './db';

// Statements built once per executor (db/prepared.ts), on both engines.
let db: AsyncExecutor;
let session: string;
beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
});

describe('prepared', () => {
  it('builds a query once per executor and binds new values each time', async () => {
    let built = 0;
    const byKey = prepared((executor) => {
      built++;
      return executor.select({ key: personas.key }).from(personas).where(eq(personas.key, sql.placeholder('key'))).limit(1);
    });
    expect(await byKey(db).get({ key: 'karim-benali' })).toEqual({ key: 'karim-benali' });
    expect(await byKey(db).get({ key: 'nobody' })).toBeUndefined();
    expect(built).toBe(1);
    // Inside a transaction: built on the transaction's executor, which sees its own writes.
    await transaction(db, async (tx) => {
      await tx.update(personas).set({ key: 'karim-b' }).where(eq(personas.key, 'karim-benali')).run();
      expect(await byKey(tx).get({ key: 'karim-b' })).toEqual({ key: 'karim-b' });
    });
    expect(built).toBe(2);
    expect(await byKey(db).get({ key: 'karim-b' })).toEqual({ key: 'karim-b' });
    expect(built).toBe(2);
  });

  it('encodes a time placeholder as its column does: a fault is in force from its start to its end', async () => {
    const start = new Date('2026-12-02T10:00:00Z');
    await injectFault(db, session, { agency: 'dgfip', kind: 'panne', minutes: 10 }, start);
    expect(await activeFault(db, session, 'dgfip', new Date('2026-12-02T09:59:59Z'))).toBeNull();
    expect(await activeFault(db, session, 'dgfip', start)).toMatchObject({ agency: 'dgfip', kind: 'panne' });
    expect(await activeFault(db, session, 'dgfip', new Date('2026-12-02T10:09:59Z'))).toMatchObject({ kind: 'panne' });
    expect(await activeFault(db, session, 'dgfip', new Date('2026-12-02T10:10:00Z'))).toBeNull();
    expect(await activeFault(db, session, 'siv', start)).toBeNull();
    await endFaults(db, session, 'dgfip', new Date('2026-12-02T10:05:00Z'));
    expect(await activeFault(db, session, 'dgfip', new Date('2026-12-02T10:06:00Z'))).toBeNull();
  });
});
