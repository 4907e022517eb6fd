import type { AsyncExecutor } from '../../db/engine';
import { agencyIds } from '../../db/schema';
import { agencyModules } from '../agencies';
import type { Holding } from '../agencies/types';
import { agencyName } from './consent-text';
import { consentsOf, consentView } from './consents';
import { entryView, exchangesWithTraces, readJournal, receiptOf } from './journal-view';

// "Mes données": what the platform and each body hold about one person (GDPR art. 15).

export type BodyHoldings = { organisme: (typeof agencyIds)[number]; nom: string; fiches: Holding[] };

export async function holdingsOf(db: AsyncExecutor, classSessionId: string, personaId: string): Promise<BodyHoldings[]> {
  return Promise.all(agencyIds.map(async (id) => ({ organisme: id, nom: agencyName(id), fiches: await agencyModules[id].holdings(db, { classSessionId, personaId }) })));
}

/** The export the person downloads: every body's records, their consents and the journal entries about them. */
export async function exportMyData(db: AsyncExecutor, classSessionId: string, personaId: string, now = new Date()) {
  return {
    avertissement: 'Simulation pédagogique e-Guichet : toutes ces données sont fictives.',
    exporte_le: now.toISOString(),
    usager: personaId,
    organismes: (await holdingsOf(db, classSessionId, personaId)).map((b) => ({
      organisme: b.organisme,
      nom: b.nom,
      fiches: b.fiches.map((f) => ({ titre: f.titre, donnees: Object.fromEntries(f.champs.map((c) => [c.libelle, c.valeur])) })),
    })),
    consentements: (await consentsOf(db, personaId, now)).map(consentView),
    journal: (await readJournal(db, { kind: 'usager', classSessionId, personaId })).map(entryView),
    // Each exchange's signed receipt, to check later with `npm run journal:verifier` (docs/API.md, "Receipts").
    recus: (await exchangesWithTraces(db, { kind: 'usager', classSessionId, personaId }, { limit: 500 }))
      .map(({ trace }) => receiptOf(trace))
      .filter((r) => r !== null)
      .reverse(),
  };
}
