import type { AsyncExecutor } from '../../db/engine';
import type { AgencyId } from '../../db/schema';

// The contract every simulated body fulfils. A body reads only its own tables: the gateway
// (lib/platform/gateway.ts) is the one place that asks a body for a data item on another's behalf.

/** Who a body is asked about: one person in one séance. */
export type PersonScope = { classSessionId: string; personaId: string; /** When asked by a vehicle: only that one. */ immatriculation?: string };

/** One labelled value, as the person reads it on the "right of access" page. */
export type HeldField = { libelle: string; valeur: string };
/** One record a body holds about the person. */
export type Holding = { titre: string; champs: HeldField[] };

export type AgencyModule = {
  id: AgencyId;
  /**
   * The data items this body serves through the platform, keyed by catalogue id. Each returns only
   * what the catalogue describes for that item (minimisation), or null when the body knows nothing.
   */
  items: Record<string, (db: AsyncExecutor, scope: PersonScope) => Promise<unknown>>;
  /** Everything the body holds about the person: the right of access (GDPR art. 15). */
  holdings: (db: AsyncExecutor, scope: PersonScope) => Promise<Holding[]>;
  /**
   * Applies a change-of-address notice to the body's own records; false when it holds no record of the person.
   * Absent for bodies that keep no address.
   */
  applyAddressChange?: (tx: AsyncExecutor, scope: PersonScope, address: PostalAddress) => Promise<boolean>;
  /** The person a key other than their identifier names in this body's register (a vehicle's holder), or null. */
  holderOf?: (db: AsyncExecutor, classSessionId: string, key: { immatriculation: string }) => Promise<string | null>;
};

export type PostalAddress = { addressLine: string; postalCode: string; city: string };

export const yesNo = (value: boolean) => (value ? 'Oui' : 'Non');
export const addressText = (row: { addressLine: string; postalCode: string; city: string }) => `${row.addressLine}, ${row.postalCode} ${row.city}`;
export const addressJson = (row: { addressLine: string; postalCode: string; city: string }) => ({
  ligne: row.addressLine,
  code_postal: row.postalCode,
  commune: row.city,
});
