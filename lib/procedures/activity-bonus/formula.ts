// The prime d'activité's monthly amount, simplified (docs/PROCEDURES.md, "Prime d'activité"). The real one is in the
// code de la sécurité sociale (L842-3, D843-1 and following) and revalued each April; the figures here are the
// simulation's, in the order of those of 2025. Where it differs from the real one:
// - no "forfait logement" (the real one counts a housing benefit or free housing as a resource);
// - the household is counted by persons only (the real one adds 30 %, then 40 % from the third child, and more for a
//   single parent);
// - the bonus per worker rises in a straight line from half a SMIC to a whole one, as the real one does, but with
//   round simulated thresholds;
// - the three months declared are averaged (the real one fixes the right for three months from them, the same way).
// All amounts in cents, rounded to the cent at the end.

/** The lump sum for one person alone (montant forfaitaire), per month. */
export const baseAmountCents = 63_828;
/** Share of the household's earnings added to the lump sum (the real rate: 61 %). */
export const earningsShare = 0.61;
/** The individual bonus (bonification individuelle): from nothing at `from` to `max` at `full` earnings a month. */
export const workerBonus = { fromCents: 70_000, fullCents: 140_000, maxCents: 18_427 };
/** Under this, the prime is not paid (the real threshold: 15 €). */
export const minimumPaidCents = 1_500;

/** How the lump sum grows with the household: 1 person 100 %, 2 persons 150 %, 3 persons 180 %, then 40 % more each. */
export function householdFactor(persons: number): number {
  if (!Number.isInteger(persons) || persons < 1) throw new RangeError('Un foyer compte au moins une personne.');
  if (persons === 1) return 1;
  if (persons === 2) return 1.5;
  return 1.8 + 0.4 * (persons - 3);
}

/** One worker's bonus for their average monthly earnings. */
export function bonusFor(earningsCents: number): number {
  if (earningsCents < workerBonus.fromCents) return 0;
  if (earningsCents >= workerBonus.fullCents) return workerBonus.maxCents;
  return (workerBonus.maxCents * (earningsCents - workerBonus.fromCents)) / (workerBonus.fullCents - workerBonus.fromCents);
}

/** One month as the person declares it: each adult's earnings from work, and the household's other resources. */
export type DeclaredMonth = { earningsCents: number[]; otherResourcesCents: number };

export type BonusComputation = {
  /** The three months' averages. */
  earningsCents: number;
  otherResourcesCents: number;
  lumpSumCents: number;
  bonusCents: number;
  /** Lump sum + 61 % of earnings + bonuses − the household's resources (never less than the lump sum). */
  amountCents: number;
  /** Below the minimum: nothing is paid. */
  paid: boolean;
};

const average = (values: number[]) => values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);

/**
 * The monthly prime for a household of `persons` from the last three months declared:
 * lump sum × household factor + 61 % of the earnings + each worker's bonus − max(resources, lump sum × factor).
 */
export function activityBonus(persons: number, months: DeclaredMonth[]): BonusComputation {
  if (months.length !== 3) throw new RangeError('La prime se calcule sur les trois derniers mois.');
  const workers = Math.max(...months.map((m) => m.earningsCents.length));
  const perWorker = Array.from({ length: workers }, (_, i) => average(months.map((m) => m.earningsCents[i] ?? 0)));
  const earnings = perWorker.reduce((a, b) => a + b, 0);
  const other = average(months.map((m) => m.otherResourcesCents));
  const lumpSum = baseAmountCents * householdFactor(persons);
  const bonus = perWorker.reduce((sum, e) => sum + bonusFor(e), 0);
  const resources = Math.max(earnings + other, lumpSum);
  const amount = Math.max(0, Math.round(lumpSum + earningsShare * earnings + bonus - resources));
  return {
    earningsCents: Math.round(earnings),
    otherResourcesCents: Math.round(other),
    lumpSumCents: Math.round(lumpSum),
    bonusCents: Math.round(bonus),
    amountCents: amount >= minimumPaidCents ? amount : 0,
    paid: amount >= minimumPaidCents,
  };
}
