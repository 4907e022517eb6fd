import { formatEuroAmount } from '../../format';
import { retraitePensioners } from '../../../db/tables';
import { formatIsoDate } from '../../format';
import { ofPerson, personRow, personRows } from '../scope';
import { addressText, type AgencyModule } from '../types';

const kindLabel = { droit_propre: 'Retraite personnelle', reversion: 'Pension de réversion' } as const;

/** Caisse de retraite, simulated: pensions being paid. */
export const retraite: AgencyModule = {
  id: 'retraite',
  items: {
    'retraite.pension': async (db, scope) => {
      const row = await personRow(db, retraitePensioners, scope);
      return row ? { type: row.pensionKind, montant_mensuel: row.monthlyAmount } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, retraitePensioners, scope))
      .map((row) => ({
        titre: 'Dossier de pension',
        champs: [
          { libelle: 'Numéro de pension', valeur: row.pensionNumber },
          { libelle: 'Type', valeur: kindLabel[row.pensionKind] },
          { libelle: 'Montant mensuel', valeur: formatEuroAmount(row.monthlyAmount) },
          { libelle: 'Versée depuis le', valeur: formatIsoDate(row.startedOn) },
          { libelle: 'Adresse', valeur: addressText(row) },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(retraitePensioners).set(address).where(ofPerson(retraitePensioners, scope)).returning({ id: retraitePensioners.id })).length > 0,
};
