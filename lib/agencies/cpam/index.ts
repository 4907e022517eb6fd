import { cpamInsured } from '../../../db/tables';
import { ofPerson, personRow, personRows } from '../scope';
import { addressText, type AgencyModule } from '../types';

/** CPAM (Assurance maladie), simulated: insured people. */
export const cpam: AgencyModule = {
  id: 'cpam',
  items: {
    'cpam.droits': async (db, scope) => {
      const row = await personRow(db, cpamInsured, scope);
      return row ? { assure: true, caisse: 'Caisse primaire d’assurance maladie (simulée)' } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, cpamInsured, scope))
      .map((row) => ({
        titre: 'Dossier d’assuré',
        champs: [
          { libelle: 'Numéro de sécurité sociale (fictif)', valeur: row.socialSecurityNumber },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Médecin traitant', valeur: row.doctorName ?? 'Non déclaré' },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(cpamInsured).set(address).where(ofPerson(cpamInsured, scope)).returning({ id: cpamInsured.id })).length > 0,
};
