import { franceTravailJobseekers } from '../../../db/schema';
import { formatIsoDate } from '../../format';
import { ofPerson } from '../scope';
import { addressText, type AgencyModule } from '../types';

/** France Travail, simulated: registered job seekers. */
export const franceTravail: AgencyModule = {
  id: 'france-travail',
  items: {
    'france-travail.inscription': (db, scope) => {
      const row = db.select().from(franceTravailJobseekers).where(ofPerson(franceTravailJobseekers, scope)).get();
      return row ? { inscrit: true, depuis: row.registeredOn, categorie: row.category } : null;
    },
  },
  holdings: (db, scope) =>
    db
      .select()
      .from(franceTravailJobseekers)
      .where(ofPerson(franceTravailJobseekers, scope))
      .all()
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
  applyAddressChange: (tx, scope, address) => tx.update(franceTravailJobseekers).set(address).where(ofPerson(franceTravailJobseekers, scope)).run().changes > 0,
};
