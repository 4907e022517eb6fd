import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { hasDriverCode } from '../../db/client';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { appointments, cases, communes } from '../../db/tables';
import { coverageOf, waitsForStudent } from '../classroom/coverage';
import { CaseError, caseWithId } from '../procedures/engine/cases';
import { timeScaleOf } from '../procedures/engine/session-clock';
import { addScaled, legalDaysBetween, scaledMs, type TimeScale } from '../procedures/engine/time-scale';
import { sessionById } from '../classroom/session-by-id';
import { elidedDe } from '../format';

// Appointments at a counter (docs/PROCEDURES.md, "Appointments"), for any procedure that ends at a counter (an
// identity document: its fingerprints are taken there). Counters are few and their days full: the nearest town hall
// with the equipment has its first free slot in twelve days, a farther one sooner. Days are the séance's: a day of real
// time lasts a thirtieth of the séance's month, so the class sees the wait in days and lives it in minutes.

export type Appointment = typeof appointments.$inferSelect;

/** A town hall with the equipment (dispositif de recueil): how far from Villeneuve, how many slots a day, how full. */
export type Counter = { place: string; distanceKm: number; hours: string[]; fullForDays: number };

export const counters: Counter[] = [
  { place: '00101', distanceKm: 0, hours: ['09:00', '11:30'], fullForDays: 12 },
  { place: '00103', distanceKm: 24, hours: ['09:30', '14:00', '16:30'], fullForDays: 4 },
  { place: '00104', distanceKm: 31, hours: ['10:00'], fullForDays: 2 },
];

/** How long a person may take to choose among the slots offered (real time). */
const readingMs = 60_000;

/** How many days ahead a counter's calendar is open for booking. */
export const bookingWindowDays = 10;

export type Slot = { place: string; day: number; slot: number; hour: string; startsAt: Date; inDays: number };

/** The séance's calendar day of `now` (day 0 is the day it began). */
export const dayOf = (sessionStart: Date, scale: TimeScale, now: Date) => legalDaysBetween(sessionStart, now, scale);

/** When a slot happens in the séance: its day, then its hour as a fraction of that day. */
export function slotStart(sessionStart: Date, scale: TimeScale, day: number, hour: string): Date {
  const [h, m] = hour.split(':').map(Number) as [number, number];
  return addScaled(sessionStart, { days: day + (h * 60 + m) / 1440 }, scale);
}

/**
 * The days a counter's calendar offers from `now`: after the days it is full for, and not before the day a person who
 * reads the list for a minute could still come (on a fast séance clock, days pass in seconds), for `bookingWindowDays`.
 */
function openDays(counter: Counter, sessionStart: Date, scale: TimeScale, now: Date): { from: number; to: number } {
  const from = Math.max(dayOf(sessionStart, scale, now) + counter.fullForDays, dayOf(sessionStart, scale, new Date(now.getTime() + readingMs)));
  return { from, to: from + bookingWindowDays };
}

/** A counter's free slots from now: none before its calendar opens, none that would begin while the person reads the list, booked ones left out. */
export async function freeSlots(db: AsyncExecutor, classSessionId: string, place: string, now = new Date()): Promise<Slot[]> {
  const counter = counters.find((c) => c.place === place);
  const session = await sessionById(db, classSessionId);
  if (!counter || !session) return [];
  const scale = timeScaleOf(session);
  const today = dayOf(session.createdAt, scale, now);
  const taken = new Set(
    (await db.select({ day: appointments.day, slot: appointments.slot }).from(appointments).where(and(eq(appointments.classSessionId, classSessionId), eq(appointments.place, place), isNull(appointments.cancelledAt))).all()).map((a) => `${a.day}:${a.slot}`),
  );
  const readable = now.getTime() + readingMs;
  const { from, to } = openDays(counter, session.createdAt, scale, now);
  const slots: Slot[] = [];
  for (let day = from; day < to; day++) {
    counter.hours.forEach((hour, slot) => {
      const startsAt = slotStart(session.createdAt, scale, day, hour);
      if (startsAt.getTime() > readable && !taken.has(`${day}:${slot}`)) slots.push({ place, day, slot, hour, startsAt, inDays: day - today });
    });
  }
  return slots;
}

/**
 * Whether a slot may still be booked: one the counter has (its day within the open calendar, its hour one of the
 * counter's), not yet begun. A slot offered a moment ago stays bookable while the person reads the list, even though
 * the séance's days pass in seconds; whether someone else took it, the unique index says. `passe`: the slot was real
 * but has begun (the person read longer than the list allowed for); `null`: not a slot this counter offers.
 */
async function bookable(db: AsyncExecutor, classSessionId: string, choice: { place: string; day: number; slot: number }, now: Date): Promise<Slot | 'passe' | null> {
  const counter = counters.find((c) => c.place === choice.place);
  const session = await sessionById(db, classSessionId);
  const hour = counter?.hours[choice.slot];
  if (!counter || !session || !hour || !Number.isInteger(choice.day)) return null;
  const scale = timeScaleOf(session);
  const today = dayOf(session.createdAt, scale, now);
  const startsAt = slotStart(session.createdAt, scale, choice.day, hour);
  // Offered at most a minute ago: the days that passed meanwhile (on a fast clock, several) are forgiven, no more.
  const graceDays = Math.ceil(readingMs / scaledMs({ days: 1 }, scale));
  if (choice.day < 0 || choice.day >= openDays(counter, session.createdAt, scale, now).to) return null;
  if (startsAt.getTime() <= now.getTime()) return 'passe';
  if (choice.day < today + counter.fullForDays - graceDays) return null;
  return { place: counter.place, day: choice.day, slot: choice.slot, hour, startsAt, inDays: choice.day - today };
}

/** The case's live appointment, if any. */
export async function appointmentOf(db: AsyncExecutor, caseId: string): Promise<Appointment | null> {
  return (await db.select().from(appointments).where(and(eq(appointments.caseId, caseId), isNull(appointments.cancelledAt))).get()) ?? null;
}

/**
 * Books a slot for a case (its pre-request), or moves its booking there when `replacing` names it: in one transaction,
 * the booking replaced is cancelled and the new one written. A pre-request holds one appointment: booking another
 * without replacing it, or once it was used at the counter, is refused. The unique indexes decide between two bookings
 * at the same instant — of one slot by two people, or of two slots with one pre-request: one is written whole, the
 * other is told why.
 */
export async function book(db: AsyncExecutor, caseId: string, choice: { place: string; day: number; slot: number }, options: { replacing?: string; now?: Date } = {}): Promise<Appointment> {
  const now = options.now ?? new Date();
  const found = await caseWithId(db, caseId);
  if (!found) throw new CaseError('introuvable', 'Cette demande n’existe pas.');
  const offered = await bookable(db, found.classSessionId, choice, now);
  if (offered === 'passe') throw new CaseError('creneau_passe', 'Ce créneau est passé pendant que vous choisissiez. Choisissez-en un autre : la liste est à jour.');
  if (!offered) throw new CaseError('creneau_pris', 'Ce créneau n’est plus libre : choisissez-en un autre.');
  try {
    return await transaction(db, async (tx) => {
      const current = await appointmentOf(tx, caseId);
      if (current?.checkedAt) throw alreadyUsed();
      if (current && current.id !== options.replacing) throw alreadyBooked();
      if (current) await tx.update(appointments).set({ cancelledAt: now }).where(and(eq(appointments.id, current.id), isNull(appointments.cancelledAt))).run();
      // The case goes to that counter's register (its agents' queue).
      await tx.update(cases).set({ unit: offered.place }).where(eq(cases.id, caseId)).run();
      return tx
        .insert(appointments)
        .values({ id: crypto.randomUUID(), classSessionId: found.classSessionId, caseId, place: offered.place, day: offered.day, slot: offered.slot, startsAt: offered.startsAt, bookedAt: now })
        .returning()
        .get();
    });
  } catch (error) {
    const index = uniqueIndexOf(error);
    if (index === 'case') throw alreadyBooked();
    if (index === 'slot') throw new CaseError('creneau_pris', 'Ce créneau vient d’être pris par quelqu’un d’autre : choisissez-en un autre.');
    throw error;
  }
}

const alreadyBooked = () => new CaseError('deja_reserve', 'Cette pré-demande a déjà un rendez-vous : une pré-demande ne sert qu’à un rendez-vous. Pour changer de créneau, déplacez celui-ci.');
const alreadyUsed = () => new CaseError('deja_utilisee', 'Cette pré-demande a déjà servi au guichet : elle ne peut pas servir à un autre rendez-vous.');

/** Which of the appointments' unique indexes refused a row (SQLite names its columns, PostgreSQL the index), if one did. */
function uniqueIndexOf(error: unknown): 'slot' | 'case' | null {
  if (!hasDriverCode(error, (code) => code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505')) return null;
  const said: string[] = [];
  for (let e = error as { message?: unknown; constraint?: unknown; cause?: unknown } | null, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) said.push(String(e.message ?? ''), String(e.constraint ?? ''));
  const text = said.join(' ');
  return /appointments_case|appointments\.case_id/.test(text) ? 'case' : /appointments_slot|appointments\.class_session_id/.test(text) ? 'slot' : null;
}

/** Whether a student plays this counter (the état civil of its town hall): then the counter's acts are theirs. */
export async function counterPlayed(db: AsyncExecutor, classSessionId: string, place: string): Promise<boolean> {
  const session = await sessionById(db, classSessionId);
  return !!session && waitsForStudent(await coverageOf(db, session), { agency: 'etat-civil', unit: place });
}

/** A counter's name, as the person reads it. */
export async function counterName(db: AsyncExecutor, place: string): Promise<string> {
  return `Mairie ${elidedDe((await db.select({ name: communes.name }).from(communes).where(eq(communes.code, place)).get())?.name ?? place)}`;
}
