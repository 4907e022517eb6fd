import { and, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { agents, aidants, personas } from '../../../db/tables';
import type { IdpName } from './config';

export type SubjectClaims = Record<string, string>;

// Fictitious SIRET per body, for ProConnect's `siret` claim.
const siretByAgency: Record<string, string> = {
  dgfip: '00000000100011', siv: '00000000200012', caf: '00000000300013', cpam: '00000000400014',
  'france-travail': '00000000500015', retraite: '00000000600016', 'la-poste': '00000000700017',
  'etat-civil': '00000000800018', ville: '00000000900019', cada: '00000001000010', antai: '00000001100011',
};

/** Every claim the provider knows about a subject; the scope then filters them. */
export async function claimsOf(db: AsyncExecutor, provider: IdpName, subject: string): Promise<SubjectClaims | null> {
  if (provider === 'franceconnect') {
    const p = await db.select().from(personas).where(eq(personas.id, subject)).get();
    if (!p) return null;
    return {
      sub: p.id,
      given_name: p.givenNames,
      family_name: p.familyName,
      preferred_name: p.preferredName ?? '',
      birthdate: p.birthdate,
      gender: p.gender,
      birthplace: p.birthplaceCode ?? '',
      birthcountry: p.birthcountryCode,
      email: p.email,
    };
  }
  const a = await db.select().from(agents).where(eq(agents.id, subject)).get();
  if (!a) {
    const aidant = await db.select().from(aidants).where(eq(aidants.id, subject)).get();
    if (!aidant) return null;
    return { sub: aidant.id, email: aidant.email, given_name: aidant.givenName, usual_name: aidant.familyName, uid: aidant.id, organizational_unit: 'france-services', belonging_population: 'aidant', siret: '00000001000010' };
  }
  return {
    sub: a.id,
    email: a.email,
    given_name: a.givenName,
    usual_name: a.familyName,
    uid: a.id,
    organizational_unit: a.unit ? `${a.agencyId}/${a.unit}` : a.agencyId,
    belonging_population: 'agent',
    siret: siretByAgency[a.agencyId] ?? '',
  };
}

/** Whether a subject may be chosen on the provider's page for this séance. */
export async function isSelectableSubject(db: AsyncExecutor, provider: IdpName, subject: string, classSessionId: string): Promise<boolean> {
  const found = async (table: typeof personas | typeof agents | typeof aidants) =>
    Boolean(await db.select({ id: table.id }).from(table).where(and(eq(table.id, subject), eq(table.classSessionId, classSessionId))).get());
  return provider === 'franceconnect' ? found(personas) : await found(agents) || await found(aidants);
}
