import { asc } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { agencies } from '../../db/schema';
import { dataItems, habilitations, purposes } from './catalogue';

/** The public catalogue, as served by GET /api/plateforme/v1/catalogue and shown on /plateforme. */
export function publicCatalogue(db: Executor) {
  return {
    organismes: db
      .select({ id: agencies.id, nom: agencies.name, sigle: agencies.shortName, mission: agencies.mission })
      .from(agencies)
      .orderBy(asc(agencies.shortName))
      .all(),
    donnees: dataItems,
    finalites: Object.entries(purposes).map(([id, libelle]) => ({ id, libelle })),
    habilitations,
  };
}
export type PublicCatalogue = ReturnType<typeof publicCatalogue>;
