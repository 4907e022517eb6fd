import { and, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { communes, streets } from '../../db/tables';

// The world's address base (fictitious communes and streets), shared by every séance.

export type StreetMatch = { communeCode: string; communeName: string; postalCode: string; street: string; number: number; parkingZone: string | null };

const normalise = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[’']/g, ' ')
    .replace(/[-\s]+/g, ' ')
    .trim()
    .toLowerCase();

/** "24 rue des Tanneurs" in 00100 → the street and its parking zone, or null if the base does not know it. */
export async function lookupAddress(db: AsyncExecutor, line: string, postalCode: string): Promise<StreetMatch | null> {
  const match = /^\s*(\d{1,4})\s*(?:bis|ter)?\s*,?\s+(.+)$/i.exec(line);
  if (!match) return null;
  const number = Number(match[1]);
  const wanted = normalise(match[2]!);
  const candidates = await db
    .select({ street: streets, commune: communes })
    .from(streets)
    .innerJoin(communes, eq(communes.code, streets.communeCode))
    .where(and(eq(communes.postalCode, postalCode.trim())))
    .all();
  const found = candidates.find(({ street }) => normalise(street.name) === wanted && number >= street.firstNumber && number <= street.lastNumber);
  return found
    ? { communeCode: found.commune.code, communeName: found.commune.name, postalCode: found.commune.postalCode, street: found.street.name, number, parkingZone: found.street.parkingZone }
    : null;
}

/** Two addresses as bodies store them are the same place (case, accents and spacing aside). */
export function sameAddress(a: { ligne: string; code_postal: string }, b: { ligne: string; code_postal: string }): boolean {
  return normalise(a.ligne) === normalise(b.ligne) && a.code_postal.trim() === b.code_postal.trim();
}
