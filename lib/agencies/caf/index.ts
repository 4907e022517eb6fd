import { cafBeneficiaries } from '../../../db/schema';
import { ofPerson } from '../scope';
import { addressText, euros, type AgencyModule } from '../types';

/** CAF, simulated: the allocataire's file. */
export const caf: AgencyModule = {
  id: 'caf',
  items: {
    'caf.prestations': (db, scope) => {
      const row = db.select().from(cafBeneficiaries).where(ofPerson(cafBeneficiaries, scope)).get();
      return row ? { prestations: row.benefits, montant_mensuel: row.monthlyAmount } : null;
    },
  },
  holdings: (db, scope) =>
    db
      .select()
      .from(cafBeneficiaries)
      .where(ofPerson(cafBeneficiaries, scope))
      .all()
      .map((row) => ({
        titre: 'Dossier d’allocataire',
        champs: [
          { libelle: 'Numéro d’allocataire', valeur: row.beneficiaryNumber },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Situation familiale', valeur: row.familySituation },
          { libelle: 'Prestations', valeur: row.benefits.length > 0 ? row.benefits.join(', ') : 'Aucune' },
          { libelle: 'Montant mensuel', valeur: euros(row.monthlyAmount) },
        ],
      })),
  applyAddressChange: (tx, scope, address) => tx.update(cafBeneficiaries).set(address).where(ofPerson(cafBeneficiaries, scope)).run().changes > 0,
};
