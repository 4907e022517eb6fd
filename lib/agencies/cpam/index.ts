import { cpamInsured } from '../../../db/schema';
import { ofPerson } from '../scope';
import { addressText, type AgencyModule } from '../types';

/** CPAM (Assurance maladie), simulated: insured people. */
export const cpam: AgencyModule = {
  id: 'cpam',
  items: {
    'cpam.droits': (db, scope) => {
      const row = db.select().from(cpamInsured).where(ofPerson(cpamInsured, scope)).get();
      return row ? { assure: true, caisse: 'Caisse primaire d’assurance maladie (simulée)' } : null;
    },
  },
  holdings: (db, scope) =>
    db
      .select()
      .from(cpamInsured)
      .where(ofPerson(cpamInsured, scope))
      .all()
      .map((row) => ({
        titre: 'Dossier d’assuré',
        champs: [
          { libelle: 'Numéro de sécurité sociale (fictif)', valeur: row.socialSecurityNumber },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Médecin traitant', valeur: row.doctorName ?? 'Non déclaré' },
        ],
      })),
  applyAddressChange: (tx, scope, address) => tx.update(cpamInsured).set(address).where(ofPerson(cpamInsured, scope)).run().changes > 0,
};
