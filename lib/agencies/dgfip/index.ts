import { formatEuroAmount } from '../../format';
import { dgfipTaxpayers } from '../../../db/tables';
import { ofPerson, personRow, personRows } from '../scope';
import { addressJson, addressText, type AgencyModule } from '../types';

/** DGFiP (impôts), simulated: the tax file. */
export const dgfip: AgencyModule = {
  id: 'dgfip',
  items: {
    'dgfip.adresse_fiscale': async (db, scope) => {
      const row = await personRow(db, dgfipTaxpayers, scope);
      return row ? { adresse: addressJson(row), type_residence: row.residenceType } : null;
    },
    'dgfip.revenu_fiscal_reference': async (db, scope) => {
      const row = await personRow(db, dgfipTaxpayers, scope);
      return row ? { annee_revenus: row.lastReturnYear - 1, revenu_fiscal_reference: row.referenceIncome, nombre_parts: row.householdParts } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, dgfipTaxpayers, scope))
      .map((row) => ({
        titre: 'Dossier fiscal',
        champs: [
          { libelle: 'Numéro fiscal', valeur: row.taxNumber },
          { libelle: 'Adresse', valeur: addressText(row) },
          { libelle: 'Type de résidence', valeur: row.residenceType === 'principale' ? 'Résidence principale' : 'Résidence secondaire' },
          { libelle: 'Nombre de parts', valeur: String(row.householdParts).replace('.', ',') },
          { libelle: `Revenu fiscal de référence (revenus ${row.lastReturnYear - 1})`, valeur: formatEuroAmount(row.referenceIncome) },
          { libelle: 'Dernière déclaration', valeur: String(row.lastReturnYear) },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(dgfipTaxpayers).set(address).where(ofPerson(dgfipTaxpayers, scope)).returning({ id: dgfipTaxpayers.id })).length > 0,
};
