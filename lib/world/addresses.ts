import { eq, inArray } from 'drizzle-orm';
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
  return (await lookupAddresses(db, [{ line, postalCode }]))[0]!;
}

/** Several addresses at once (an agent's notices): one read of the streets of their postal codes, not one each. */
export async function lookupAddresses(db: AsyncExecutor, addresses: { line: string; postalCode: string }[]): Promise<(StreetMatch | null)[]> {
  const wanted = addresses.map(({ line, postalCode }) => {
    const match = /^\s*(\d{1,4})\s*(?:bis|ter)?\s*,?\s+(.+)$/i.exec(line);
    return match ? { number: Number(match[1]), street: normalise(match[2]!), postalCode: postalCode.trim() } : null;
  });
  const codes = [...new Set(wanted.flatMap((w) => (w ? [w.postalCode] : [])))];
  if (codes.length === 0) return addresses.map(() => null);
  const candidates = await db
    .select({ street: streets, commune: communes })
    .from(streets)
    .innerJoin(communes, eq(communes.code, streets.communeCode))
    .where(codes.length === 1 ? eq(communes.postalCode, codes[0]!) : inArray(communes.postalCode, codes))
    .all();
  const named = candidates.map((c) => ({ ...c, name: normalise(c.street.name) }));
  return wanted.map((w) => {
    const found = w && named.find(({ street, commune, name }) => commune.postalCode === w.postalCode && name === w.street && w.number >= street.firstNumber && w.number <= street.lastNumber);
    return found && w
      ? { communeCode: found.commune.code, communeName: found.commune.name, postalCode: found.commune.postalCode, street: found.street.name, number: w.number, parkingZone: found.street.parkingZone }
      : null;
  });
}

/** Two addresses as bodies store them are the same place (case, accents and spacing aside). */
export function sameAddress(a: { ligne: string; code_postal: string }, b: { ligne: string; code_postal: string }): boolean {
  return normalise(a.ligne) === normalise(b.ligne) && a.code_postal.trim() === b.code_postal.trim();
}
