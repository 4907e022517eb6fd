import { addScaled, type LegalDuration, type TimeScale } from '../engine/time-scale';

// What a fine costs, and until when (code de procédure pénale, articles 529 and following, R49 and following): the
// amount falls if paid quickly (minorée), stays the forfait for 45 days, then rises (majorée). Counted on the séance's
// clock from the day the notice was sent.

/** The class of the offence, which sets the amounts (only the classes a notice can carry here). */
export type FineClass = 2 | 3 | 4;

/** The amounts of each class, in cents (CPP R49 and R49-9, unchanged since 2006 for these classes). */
export const classAmounts: Record<FineClass, { minoree: number; forfaitaire: number; majoree: number }> = {
  2: { minoree: 2_200, forfaitaire: 3_500, majoree: 7_500 },
  3: { minoree: 4_500, forfaitaire: 6_800, majoree: 18_000 },
  4: { minoree: 9_000, forfaitaire: 13_500, majoree: 37_500 },
};

export type FineStage = 'minoree' | 'forfaitaire' | 'majoree';

export type FineTerms = {
  fineClass: FineClass;
  /** Whether a reduced amount exists: not for parking (CPP 529-8), nor once a contestation was rejected. */
  reducible: boolean;
  /** When the notice was sent: every period starts there. */
  sentAt: Date;
};

/** The periods, from the notice's sending; paying online adds 15 days to each (CPP R49-10). */
const reducedPeriod: LegalDuration = { days: 15 };
const forfaitPeriod: LegalDuration = { days: 45 };
const onlineExtra = 15;

const extended = (period: LegalDuration, online: boolean): LegalDuration => ({ days: (period.days ?? 0) + (online ? onlineExtra : 0) });

/** Until when each amount applies (exclusive: at that instant the next one does). */
export function fineDeadlines(terms: FineTerms, scale: TimeScale, online: boolean): { minoreeUntil: Date | null; forfaitaireUntil: Date } {
  return {
    minoreeUntil: !terms.reducible ? null : addScaled(terms.sentAt, extended(reducedPeriod, online), scale),
    forfaitaireUntil: addScaled(terms.sentAt, extended(forfaitPeriod, online), scale),
  };
}

/** The amount due at `now`, and its stage, for a payment made online or otherwise. */
export function amountDue(terms: FineTerms, scale: TimeScale, now: Date, online = true): { stage: FineStage; cents: number; until: Date | null } {
  const amounts = classAmounts[terms.fineClass];
  const { minoreeUntil, forfaitaireUntil } = fineDeadlines(terms, scale, online);
  if (minoreeUntil && now.getTime() < minoreeUntil.getTime()) return { stage: 'minoree', cents: amounts.minoree, until: minoreeUntil };
  if (now.getTime() < forfaitaireUntil.getTime()) return { stage: 'forfaitaire', cents: amounts.forfaitaire, until: forfaitaireUntil };
  return { stage: 'majoree', cents: amounts.majoree, until: null };
}

/**
 * Whether the fine may still be contested or its driver designated: within the 45 days of the forfait (CPP 529-2; not
 * extended by paying online). After that, only a claim against the majorée, which this simulation leaves out.
 */
export function contestableUntil(terms: FineTerms, scale: TimeScale): Date {
  return addScaled(terms.sentAt, forfaitPeriod, scale);
}

export const stageLabels: Record<FineStage, string> = {
  minoree: 'Amende minorée',
  forfaitaire: 'Amende forfaitaire',
  majoree: 'Amende forfaitaire majorée',
};
