import { and, asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { caseEvents, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { clockFrom } from '../engine/run';
import { fileParkingCardWithConsent } from './start';

// Signing a receipt takes real time (seconds when a class is busy). Here it "takes" five seconds: the clock jumps
// while the receipt is prepared, as it would after a slow signature.
const slowSigning = { on: false, skewMs: 0 };
vi.mock('../../documents/documents', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../documents/documents')>();
  return {
    ...original,
    prepareDocument: async (...args: Parameters<typeof original.prepareDocument>) => {
      const doc = await original.prepareDocument(...args);
      if (slowSigning.on && doc.kind === 'accuse_reception') slowSigning.skewMs += 5000;
      return doc;
    },
  };
});

let db: AsyncExecutor;
beforeEach(async () => {
  db = await freshDb();
  const realNow = Date.now.bind(Date);
  vi.spyOn(Date, 'now').mockImplementation(() => realNow() + slowSigning.skewMs);
});
afterEach(() => {
  vi.restoreAllMocks();
  slowSigning.on = false;
  slowSigning.skewMs = 0;
});

describe('a request’s history dates each step when it happens', () => {
  it('clockFrom starts at the given instant and runs with real time', () => {
    const start = new Date('2026-03-01T09:00:00Z');
    const clock = clockFrom(start);
    expect(clock().getTime() - start.getTime()).toBeLessThan(1000);
    slowSigning.skewMs += 3000;
    expect(clock().getTime() - start.getTime()).toBeGreaterThanOrEqual(3000);
  });

  it('a parking card with consent: taken and decided after the receipt is signed, not backdated to the filing', async () => {
    const session = (await demoSession(db))!.id;
    const sophie = (await db.select().from(personas).where(and(eq(personas.key, 'sophie-lefebvre'), eq(personas.classSessionId, session))).get())!;
    slowSigning.on = true;
    const c = await fileParkingCardWithConsent(db, sophie, { kind: 'usager', id: sophie.id, label: sophie.givenNames });
    const history = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'transition'))).orderBy(asc(caseEvents.at)).all();
    expect(history.map((e) => e.toState)).toEqual(['depose', 'en_instruction', 'refuse']);
    const [filed, taken, decided] = history.map((e) => e.at.getTime()) as [number, number, number];
    expect(taken - filed).toBeGreaterThanOrEqual(5000); // the receipt's five seconds lie between them
    expect(decided).toBeGreaterThanOrEqual(taken);
  });
});
