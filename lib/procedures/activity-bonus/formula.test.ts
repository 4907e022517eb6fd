import { describe, expect, it } from 'vitest';
import { activityBonus, bonusFor, householdFactor, type DeclaredMonth } from './formula';

const same = (earningsCents: number[], otherResourcesCents = 0): DeclaredMonth[] => Array.from({ length: 3 }, () => ({ earningsCents, otherResourcesCents }));

describe('the prime d’activité, simplified', () => {
  // Worked by hand from the formula in formula.ts (cents): lump sum × factor + 61 % of earnings + bonuses − max(resources, lump sum × factor).
  it.each([
    ['alone, 1 000 € a month', 1, same([100_000]), { lumpSumCents: 63_828, bonusCents: 7_897, amountCents: 32_725, paid: true }],
    ['alone, the three months differ (900, 1 000, 1 100 €): their average', 1, [{ earningsCents: [90_000], otherResourcesCents: 0 }, { earningsCents: [100_000], otherResourcesCents: 0 }, { earningsCents: [110_000], otherResourcesCents: 0 }], { earningsCents: 100_000, amountCents: 32_725 }],
    ['a couple, one earning 1 500 € (full bonus)', 2, same([150_000]), { lumpSumCents: 95_742, bonusCents: 18_427, amountCents: 55_669, paid: true }],
    ['a couple, 1 000 € and 800 €', 2, same([100_000, 80_000]), { earningsCents: 180_000, bonusCents: 10_530, amountCents: 36_072, paid: true }],
    ['alone, 1 800 €', 1, same([180_000]), { amountCents: 12_055, paid: true }],
    ['alone, 2 080 €: 11,35 €, under the 15 € paid', 1, same([208_000]), { amountCents: 0, paid: false }],
    ['alone, 2 500 €: nothing', 1, same([250_000]), { amountCents: 0, paid: false }],
    ['alone, no work, 500 € of unemployment benefit: no prime without earnings', 1, same([], 50_000), { earningsCents: 0, bonusCents: 0, amountCents: 0, paid: false }],
  ])('%s', (_label, persons, months, expected) => {
    expect(activityBonus(persons, months)).toMatchObject(expected);
  });

  it('grows the lump sum with the household, and the bonus from half a SMIC to a whole one', () => {
    expect([1, 2, 3, 4, 5].map(householdFactor)).toEqual([1, 1.5, 1.8, 2.2, expect.closeTo(2.6, 10)]);
    expect(() => householdFactor(0)).toThrow(RangeError);
    expect(bonusFor(69_999)).toBe(0);
    expect(bonusFor(105_000)).toBeCloseTo(9_213.5, 5);
    expect(bonusFor(140_000)).toBe(18_427);
    expect(bonusFor(300_000)).toBe(18_427);
  });

  it('is computed on exactly three months', () => {
    expect(() => activityBonus(1, same([100_000]).slice(0, 2))).toThrow(RangeError);
  });
});
