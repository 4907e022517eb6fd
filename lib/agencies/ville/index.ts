import { asc } from 'drizzle-orm';
import { villeParkingCards } from '../../../db/schema';
import { formatIsoDate } from '../../format';
import { ofPerson } from '../scope';
import type { AgencyModule } from '../types';

/** The city, simulated: resident parking cards. It provides no data item through the platform. */
export const ville: AgencyModule = {
  id: 'ville',
  items: {},
  holdings: (db, scope) =>
    db
      .select()
      .from(villeParkingCards)
      .where(ofPerson(villeParkingCards, scope))
      .orderBy(asc(villeParkingCards.validFrom))
      .all()
      .map((row) => ({
        titre: `Carte de stationnement résidentiel ${row.cardNumber}`,
        champs: [
          { libelle: 'Immatriculation', valeur: row.registration },
          { libelle: 'Zone', valeur: row.zone },
          { libelle: 'Valable du', valeur: `${formatIsoDate(row.validFrom)} au ${formatIsoDate(row.validUntil)}` },
        ],
      })),
};
