import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { engineNameOf, getEngine, transaction } from '../db/engine';
import { participants, teachers } from '../db/tables';
import { freshDb } from '../test/db';
import { createSession } from './classroom/sessions';
import { liveGeneration, onLiveChange } from './live-wake';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Waits until `done` holds (a notification's way may be slow on a busy machine), five seconds at most. */
async function until(done: () => boolean) {
  for (let i = 0; i < 100 && !done(); i++) await sleep(50);
  expect(done()).toBe(true);
}
let joined = 0;
const student = (classSessionId: string) => {
  const n = ++joined;
  return { id: randomUUID(), classSessionId, pseudonym: `Élève ${n}`, pseudonymKey: `eleve ${n}`, role: 'observateur' as const, subjectId: null, deviceHash: `appareil-${n}`, lastSeenAt: new Date() };
};

describe('a séance’s live views woken by the database', () => {
  it('on PostgreSQL a change of a séance wakes its watchers, once per transaction, and not another séance’s; on SQLite nothing does', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const [a, b] = [await createSession(getEngine(), teacher.id, { name: 'A', preset: 'tout' }), await createSession(getEngine(), teacher.id, { name: 'B', preset: 'tout' })];
    const woken = { a: 0, b: 0 };
    const stopA = onLiveChange(a.id, () => woken.a++);
    const stopB = onLiveChange(b.id, () => woken.b++);
    try {
      if (engineNameOf(db) === 'sqlite') {
        await db.insert(participants).values(student(a.id)).run();
        await sleep(200);
        expect(woken).toEqual({ a: 0, b: 0 });
        expect(liveGeneration(a.id)).toBe(0);
        return;
      }
      // The listening connection opens on the first watcher: write until a wake comes (at most 5 s).
      for (let i = 0; i < 50 && woken.a === 0; i++) {
        await db.insert(participants).values(student(a.id)).run();
        await sleep(100);
      }
      expect(woken.a).toBeGreaterThan(0);
      expect(woken.b).toBe(0);
      // Notifications arrive in the order of the commits: once a change of B is heard, every earlier one of A has been.
      await db.insert(participants).values(student(b.id)).run();
      await until(() => woken.b === 1);
      const [before, generation] = [woken.a, liveGeneration(a.id)];
      // Three arrivals and a role change in one transaction: one wake, at commit.
      const first = student(a.id);
      await transaction(db, async (tx) => {
        await tx.insert(participants).values([first, student(a.id), student(a.id)]).run();
        await tx.update(participants).set({ role: 'agent' }).where(eq(participants.pseudonymKey, first.pseudonymKey)).run();
        await sleep(150);
        expect(woken.a).toBe(before); // not before the commit
      });
      await until(() => woken.a > before);
      expect(liveGeneration(a.id)).toBe(generation + 1);
      // What the live view does not show wakes nobody: a student's "last seen". Then another séance's change wakes its
      // own watchers only — and since notifications arrive in the order of the commits, once B's has come, any for the
      // "last seen" would have come before it.
      await db.update(participants).set({ lastSeenAt: new Date() }).where(eq(participants.classSessionId, a.id)).run();
      await db.insert(participants).values(student(b.id)).run();
      await until(() => woken.b === 2);
      expect(woken).toEqual({ a: before + 1, b: 2 });
    } finally {
      stopA();
      stopB();
    }
  });
});
