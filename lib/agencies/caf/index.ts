import { formatEuroAmount } from '../../format';
import { cafBeneficiaries } from '../../../db/tables';
import { ofPerson, personRow, personRows } from '../scope';
import type { AsyncExecutor } from '../../../db/engine';
import { addressText, type AgencyModule, type PersonScope } from '../types';

/** CAF, simulated: the allocataire's file. */
export const caf: AgencyModule = {
  id: 'caf',
  items: {
    'caf.prestations': async (db, scope) => {
      const row = await personRow(db, cafBeneficiaries, scope);
      return row ? { prestations: row.benefits, montant_mensuel: row.monthlyAmount } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, cafBeneficiaries, scope))
      .map((row) => ({
        titre: 'Dossier d’allocataire',
        champs: [
          { libelle: 'Numéro d’allocataire', valeur: row.beneficiaryNumber },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Situation familiale', valeur: row.familySituation },
          { libelle: 'Prestations', valeur: row.benefits.length > 0 ? row.benefits.join(', ') : 'Aucune' },
          { libelle: 'Montant mensuel', valeur: formatEuroAmount(row.monthlyAmount) },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(cafBeneficiaries).set(address).where(ofPerson(cafBeneficiaries, scope)).returning({ id: cafBeneficiaries.id })).length > 0,
};

/** The CAF's own file on a household, as its agents read it when they instruct a request (not through the platform). */
export async function cafFile(db: AsyncExecutor, scope: PersonScope) {
  const row = await personRow(db, cafBeneficiaries, scope);
  return row ? { beneficiaryNumber: row.beneficiaryNumber, familySituation: row.familySituation, benefits: row.benefits, monthlyAmount: row.monthlyAmount } : null;
}
