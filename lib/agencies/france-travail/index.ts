import { franceTravailJobseekers } from '../../../db/tables';
import { formatIsoDate } from '../../format';
import { ofPerson, personRow, personRows } from '../scope';
import { addressText, type AgencyModule } from '../types';

/** France Travail, simulated: registered job seekers. */
export const franceTravail: AgencyModule = {
  id: 'france-travail',
  items: {
    'france-travail.inscription': async (db, scope) => {
      const row = await personRow(db, franceTravailJobseekers, scope);
      return row ? { inscrit: true, depuis: row.registeredOn, categorie: row.category } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, franceTravailJobseekers, scope))
      .map((row) => ({
        titre: 'Inscription comme demandeur d’emploi',
        champs: [
          { libelle: 'Identifiant', valeur: row.jobseekerId },
          { libelle: 'Inscrit depuis le', valeur: formatIsoDate(row.registeredOn) },
          { libelle: 'Catégorie', valeur: row.category },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Conseiller', valeur: row.adviserName },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(franceTravailJobseekers).set(address).where(ofPerson(franceTravailJobseekers, scope)).returning({ id: franceTravailJobseekers.id })).length > 0,
};
