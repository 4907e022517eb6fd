import { and, eq, isNull } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AsyncExecutor } from '../../db/engine';
import { appointments, classSessions, personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { createCase } from '../procedures/engine/cases';
import { appointmentOf, book, counters, freeSlots } from './appointments';

let db: AsyncExecutor;
let session: string;
let start: Date;

beforeEach(async () => {
  db = await freshDb();
  const s = (await demoSession(db))!;
  session = s.id;
  start = s.createdAt;
  // A month lasts 30 minutes: a day, one minute.
  await db.update(classSessions).set({ minutesPerMonth: 30 }).where(eq(classSessions.id, session)).run();
});

const newCases = async (n: number) => {
  const people = (await db.select().from(personas).where(eq(personas.classSessionId, session)).all()).slice(0, n);
  return Promise.all(people.map((p) => createCase(db, { classSessionId: session, personaId: p.id, procedure: 'acte-naissance' })));
};
const settled = async <T,>(runs: Promise<T>[]) => (await Promise.allSettled(runs)).map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code?: string }).code ?? String(r.reason)));

describe('appointments at a counter', () => {
  it('offers each counter’s slots after its full days, on the séance’s calendar, and leaves out the booked ones', async () => {
    const now = new Date(start.getTime() + 3 * 60_000 + 1); // the séance's day 3
    const near = await freeSlots(db, session, '00101', now);
    // Villeneuve: full for twelve days, two slots a day, ten days open.
    expect(near).toHaveLength(20);
    expect(near[0]).toMatchObject({ day: 15, slot: 0, hour: '09:00', inDays: 12 });
    // Day 15 at 9:00 is 15 minutes and 9/24 of a minute after the séance began.
    expect(near[0]!.startsAt.getTime()).toBe(start.getTime() + Math.round((15 + 9 / 24) * 60_000));
    const far = await freeSlots(db, session, '00104', now);
    expect(far[0]).toMatchObject({ inDays: 2, hour: '10:00' });
    const [c] = await newCases(1);
    await book(db, c!.id, near[0]!, { now });
    expect((await freeSlots(db, session, '00101', now)).map((s) => `${s.day}:${s.slot}`)).not.toContain('15:0');
    expect(counters.map((k) => k.place)).toEqual(['00101', '00103', '00104']);
  });

  it('never books one slot twice, however many ask for it at the same instant', async () => {
    const mine = await newCases(10);
    const [slot] = await freeSlots(db, session, '00103');
    const outcomes = await settled(mine.map((c) => book(db, c.id, slot!)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'creneau_pris')).toHaveLength(9);
    const live = await db.select().from(appointments).where(and(eq(appointments.classSessionId, session), isNull(appointments.cancelledAt))).all();
    expect(live).toHaveLength(1);
  });

  it('a pre-request holds one appointment: booked at five slots at once, it gets one; moved, the old slot is free again; used at the counter, it cannot be booked again', async () => {
    const [c] = await newCases(1);
    const slots = (await freeSlots(db, session, '00103')).slice(0, 5);
    const outcomes = await settled(slots.map((s) => book(db, c!.id, s)));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'deja_reserve')).toHaveLength(4);
    const first = (await appointmentOf(db, c!.id))!;
    // Another slot without saying it replaces the first: refused; saying it: moved, the first slot free again.
    const other = (await freeSlots(db, session, '00104'))[0]!;
    await expect(book(db, c!.id, other)).rejects.toMatchObject({ code: 'deja_reserve' });
    const moved = await book(db, c!.id, other, { replacing: first.id });
    expect(moved).toMatchObject({ place: '00104' });
    expect((await freeSlots(db, session, '00103')).some((s) => s.day === first.day && s.slot === first.slot)).toBe(true);
    // Checked at the counter: the pre-request has served.
    await db.update(appointments).set({ checkedAt: new Date() }).where(eq(appointments.id, moved.id)).run();
    const later = (await freeSlots(db, session, '00101'))[0]!;
    await expect(book(db, c!.id, later, { replacing: moved.id })).rejects.toMatchObject({ code: 'deja_utilisee' });
  });

  it('a slot offered stays bookable while the person reads (the séance’s days pass in seconds), not a day inside the counter’s full days, nor one begun', async () => {
    const [c, d] = await newCases(2);
    const offered = (await freeSlots(db, session, '00101', start))[0]!; // day 12
    // Half a minute later (half a month at this pace), still bookable.
    expect(await book(db, c!.id, offered, { now: new Date(start.getTime() + 30_000) })).toMatchObject({ day: 12 });
    // A day the counter is full for (forged): refused; a slot already begun: refused.
    await expect(book(db, d!.id, { place: '00101', day: 5, slot: 0 }, { now: start })).rejects.toMatchObject({ code: 'creneau_pris' });
    await expect(book(db, d!.id, { ...offered, slot: 1 }, { now: new Date(offered.startsAt.getTime() + 60_000) })).rejects.toMatchObject({ code: 'creneau_passe', message: expect.stringMatching(/passé pendant que vous choisissiez/) });
    await expect(book(db, d!.id, { place: '00101', day: 12, slot: 7 }, { now: start })).rejects.toMatchObject({ code: 'creneau_pris' });
  });

  it('on a fast séance clock, offers no slot that would begin while the person reads, so the first one offered is still free a minute later', async () => {
    // The default pace: a month in five minutes, a day in ten seconds; the farther town hall is full for two days only.
    await db.update(classSessions).set({ minutesPerMonth: 5 }).where(eq(classSessions.id, session)).run();
    const [c, d] = await newCases(2);
    const now = new Date(start.getTime() + 45_000);
    const far = await freeSlots(db, session, '00104', now);
    expect(far.length).toBeGreaterThan(0);
    // Every slot offered begins more than a reading minute later: not two days (twenty seconds) ahead, but seven.
    for (const s of far) expect(s.startsAt.getTime()).toBeGreaterThan(now.getTime() + 60_000);
    expect(far[0]).toMatchObject({ inDays: 7, hour: '10:00' });
    // Booked a minute after the list was drawn: taken.
    expect(await book(db, c!.id, far[0]!, { now: new Date(now.getTime() + 60_000) })).toMatchObject({ day: far[0]!.day });
    // The next one, chosen after reading for two minutes (twelve days): it has begun, and the person is told so.
    await expect(book(db, d!.id, far[1]!, { now: new Date(now.getTime() + 120_000) })).rejects.toMatchObject({ code: 'creneau_passe' });
  });

  it('at the fastest pace (a day in two seconds) the calendar still opens: from the first day a person who reads for a minute can come, ten days of it', async () => {
    await db.update(classSessions).set({ minutesPerMonth: 1 }).where(eq(classSessions.id, session)).run();
    const people = await newCases(3);
    const now = new Date(start.getTime() + 10_000); // day 5
    for (const [i, counter] of counters.entries()) {
      const slots = await freeSlots(db, session, counter.place, now);
      // A reading minute is thirty days: every counter's first slot is the morning after them, ten days open from there.
      expect(slots, counter.place).toHaveLength(10 * counter.hours.length);
      expect(slots[0]!.inDays, counter.place).toBe(30);
      for (const s of slots) expect(s.startsAt.getTime()).toBeGreaterThan(now.getTime() + 60_000);
      expect(await book(db, people[i]!.id, slots.at(-1)!, { now: new Date(now.getTime() + 59_000) })).toMatchObject({ place: counter.place });
    }
  });
});
