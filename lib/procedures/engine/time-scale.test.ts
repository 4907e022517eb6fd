import { describe, expect, it } from 'vitest';
import { addScaled, defaultTimeScale, hasElapsed, isValidTimeScale, legalDaysBetween, scaledMs } from './time-scale';

describe('the séance’s clock', () => {
  const at = new Date('2026-12-02T09:00:00Z');

  it('shortens a month to the minutes the teacher set, and a day to a thirtieth of it', () => {
    expect(scaledMs({ months: 1 }, { minutesPerMonth: 5 })).toBe(300_000);
    expect(scaledMs({ months: 2 }, { minutesPerMonth: 3 })).toBe(360_000);
    expect(scaledMs({ days: 15 }, { minutesPerMonth: 6 })).toBe(180_000);
    expect(scaledMs({ months: 1, days: 15 }, { minutesPerMonth: 2 })).toBe(180_000);
    expect(addScaled(at, { months: 1 }, defaultTimeScale).toISOString()).toBe('2026-12-02T09:05:00.000Z');
  });

  it('counts a deadline as passed from its very instant, not a millisecond before', () => {
    const scale = { minutesPerMonth: 5 };
    expect(hasElapsed(at, { months: 1 }, scale, new Date(at.getTime() + 299_999))).toBe(false);
    expect(hasElapsed(at, { months: 1 }, scale, new Date(at.getTime() + 300_000))).toBe(true);
  });

  it('tells the debrief how many real days a stretch of the séance stands for', () => {
    const scale = { minutesPerMonth: 5 };
    expect(legalDaysBetween(at, new Date(at.getTime() + 300_000), scale)).toBe(30);
    expect(legalDaysBetween(at, new Date(at.getTime() + 9_999), scale)).toBe(0);
    expect(legalDaysBetween(at, new Date(at.getTime() + 10_000), scale)).toBe(1);
    expect(legalDaysBetween(at, new Date(at.getTime() - 60_000), scale)).toBe(0);
  });

  it('accepts a month from one minute to an hour, nothing else', () => {
    expect([0, 0.5, 61, Number.NaN].map((minutesPerMonth) => isValidTimeScale({ minutesPerMonth }))).toEqual([false, false, false, false]);
    expect([1, 5, 60].map((minutesPerMonth) => isValidTimeScale({ minutesPerMonth }))).toEqual([true, true, true]);
  });
});
