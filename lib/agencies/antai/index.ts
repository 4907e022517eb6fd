import { antaiNotices } from '../../../db/tables';
import { formatDateTime } from '../../format';
import { personRows } from '../scope';
import { addressText, type AgencyModule } from '../types';

/**
 * The ANTAI, simulated: the notices of fines it sent, their holder found through the platform (lib/procedures/fines).
 * It serves nothing through the platform; the person reads what it holds on them in "Mes données".
 */
export const antai: AgencyModule = {
  id: 'antai',
  items: {},
  holdings: async (db, scope) =>
    (await personRows(db, antaiNotices, scope, antaiNotices.offenceAt)).map((row) => ({
      titre: `Avis de contravention n° ${row.number}`,
      champs: [
        { libelle: 'Infraction', valeur: row.offence },
        { libelle: 'Date et lieu', valeur: `${formatDateTime(row.offenceAt)}, ${row.place}` },
        { libelle: 'Véhicule', valeur: row.registration },
        { libelle: 'Envoyé à', valeur: `${row.holderName}, ${addressText(row)}` },
      ],
    })),
};
