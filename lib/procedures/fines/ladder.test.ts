import { describe, expect, it } from 'vitest';
import { amountDue, classAmounts, contestableUntil, fineDeadlines } from './ladder';

// A month lasts 30 minutes here: a day is one minute of the séance.
const scale = { minutesPerMonth: 30 };
const sentAt = new Date('2026-12-01T10:00:00Z');
const day = (n: number) => new Date(sentAt.getTime() + n * 60_000);
const speed = { fineClass: 3 as const, reducible: true, sentAt };
const parking = { fineClass: 2 as const, reducible: false, sentAt };

describe('the amount of a fine on the séance’s clock', () => {
  it('is minorée for 15 days (30 paid online), the forfait until 45 days (60 online), then majorée — at each boundary', () => {
    // Paid otherwise than online: 15 and 45 days.
    expect(amountDue(speed, scale, day(0), false)).toMatchObject({ stage: 'minoree', cents: 4_500 });
    expect(amountDue(speed, scale, new Date(day(15).getTime() - 1), false)).toMatchObject({ stage: 'minoree', cents: 4_500 });
    expect(amountDue(speed, scale, day(15), false)).toMatchObject({ stage: 'forfaitaire', cents: 6_800 });
    expect(amountDue(speed, scale, new Date(day(45).getTime() - 1), false)).toMatchObject({ stage: 'forfaitaire', cents: 6_800 });
    expect(amountDue(speed, scale, day(45), false)).toMatchObject({ stage: 'majoree', cents: 18_000, until: null });
    // Online: fifteen days more for each.
    expect(amountDue(speed, scale, day(29))).toMatchObject({ stage: 'minoree', until: day(30) });
    expect(amountDue(speed, scale, day(30))).toMatchObject({ stage: 'forfaitaire', until: day(60) });
    expect(amountDue(speed, scale, new Date(day(60).getTime() - 1))).toMatchObject({ stage: 'forfaitaire' });
    expect(amountDue(speed, scale, day(60))).toMatchObject({ stage: 'majoree' });
  });

  it('has no minorée for parking: the forfait from the first day', () => {
    expect(fineDeadlines(parking, scale, true).minoreeUntil).toBeNull();
    expect(amountDue(parking, scale, day(0))).toMatchObject({ stage: 'forfaitaire', cents: 3_500 });
    expect(amountDue(parking, scale, day(60))).toMatchObject({ stage: 'majoree', cents: 7_500 });
  });

  it('follows the séance’s speed: at 5 minutes a month, the 45 days pass in 7 and a half minutes', () => {
    const fast = { minutesPerMonth: 5 };
    const at = (minutes: number) => new Date(sentAt.getTime() + minutes * 60_000);
    expect(amountDue(speed, fast, at(2.4), false).stage).toBe('minoree');
    expect(amountDue(speed, fast, at(2.5), false).stage).toBe('forfaitaire');
    expect(amountDue(speed, fast, at(7.5), false).stage).toBe('majoree');
    expect(contestableUntil(speed, fast)).toEqual(at(7.5));
  });

  it('keeps the real amounts of each class', () => {
    expect(classAmounts[4]).toEqual({ minoree: 9_000, forfaitaire: 13_500, majoree: 37_500 });
    expect(Object.values(classAmounts).every((a) => a.minoree < a.forfaitaire && a.forfaitaire < a.majoree)).toBe(true);
  });
});
