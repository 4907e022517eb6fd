import { asc } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { agencies } from '../../db/tables';
import { dataItems, habilitations, purposes } from './catalogue';

/** The public catalogue, as served by GET /api/plateforme/v1/catalogue and shown on /plateforme. */
export async function publicCatalogue(db: AsyncExecutor) {
  return {
    organismes: await db
      .select({ id: agencies.id, nom: agencies.name, sigle: agencies.shortName, mission: agencies.mission })
      .from(agencies)
      .orderBy(asc(agencies.shortName))
      .all(),
    donnees: dataItems,
    finalites: Object.entries(purposes).map(([id, libelle]) => ({ id, libelle })),
    habilitations,
  };
}
export type PublicCatalogue = Awaited<ReturnType<typeof publicCatalogue>>;
