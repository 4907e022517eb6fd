// A séance's clock (docs/PROCEDURES.md, "Time in a séance"): the law counts in days and months, a class in minutes.
// The teacher sets how many minutes of the séance a month of real time lasts; every deadline of every procedure
// (an implicit refusal after a month's silence, the CADA's two months, a fine's 45 days) is counted with it.

/** How long a month of real time lasts in the séance. */
export type TimeScale = { minutesPerMonth: number };

/** Five minutes a month: a month's silence, then the CADA's answer, fit in one lesson. */
export const defaultTimeScale: TimeScale = { minutesPerMonth: 5 };
/** What a teacher may choose: from a month a minute to a month an hour. */
export const timeScaleBounds = { min: 1, max: 60 } as const;

/** A duration as the law writes it. A month is counted as 30 days when days are scaled. */
export type LegalDuration = { months?: number; days?: number };
const daysPerMonth = 30;

export function isValidTimeScale(scale: TimeScale): boolean {
  return Number.isFinite(scale.minutesPerMonth) && scale.minutesPerMonth >= timeScaleBounds.min && scale.minutesPerMonth <= timeScaleBounds.max;
}

/** The duration's length in the séance, in milliseconds. */
export function scaledMs(duration: LegalDuration, scale: TimeScale): number {
  const months = (duration.months ?? 0) + (duration.days ?? 0) / daysPerMonth;
  return Math.round(months * scale.minutesPerMonth * 60_000);
}

/** The instant, in the séance, when `duration` has passed since `from`. */
export function addScaled(from: Date, duration: LegalDuration, scale: TimeScale): Date {
  return new Date(from.getTime() + scaledMs(duration, scale));
}

/** Whether `duration` has passed since `from` at `now` (the instant itself counts as passed). */
export function hasElapsed(from: Date, duration: LegalDuration, scale: TimeScale, now: Date): boolean {
  return now.getTime() >= addScaled(from, duration, scale).getTime();
}

/** How many days of real time a stretch of the séance stands for (whole days, rounded down): for the debrief. */
export function legalDaysBetween(from: Date, to: Date, scale: TimeScale): number {
  const minutes = Math.max(0, to.getTime() - from.getTime()) / 60_000;
  return Math.floor((minutes / scale.minutesPerMonth) * daysPerMonth + 1e-9);
}
