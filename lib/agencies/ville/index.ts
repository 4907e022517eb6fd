import crypto from 'node:crypto';
import type { AsyncExecutor } from '../../../db/engine';
import { villeParkingCards } from '../../../db/tables';
import { formatIsoDate } from '../../format';
import { personRows } from '../scope';
import type { AgencyModule, PersonScope } from '../types';

/** The city, simulated: resident parking cards. It provides no data item through the platform. */
export const ville: AgencyModule = {
  id: 'ville',
  items: {},
  holdings: async (db, scope) =>
    (await personRows(db, villeParkingCards, scope, villeParkingCards.validFrom))
      .map((row) => ({
        titre: `Carte de stationnement résidentiel ${row.cardNumber}`,
        champs: [
          { libelle: 'Immatriculation', valeur: row.registration },
          { libelle: 'Zone', valeur: row.zone },
          { libelle: 'Valable du', valeur: `${formatIsoDate(row.validFrom)} au ${formatIsoDate(row.validUntil)}` },
        ],
      })),
};

/** The city records a card it issues; returns the card number. */
export async function issueParkingCard(tx: AsyncExecutor, scope: PersonScope, card: { registration: string; zone: string; validFrom: string; validUntil: string }): Promise<string> {
  const cardNumber = `VSB-${card.validFrom.slice(0, 4)}-${crypto.randomInt(1000, 10000)}${crypto.randomInt(10, 100)}`;
  await tx.insert(villeParkingCards).values({ id: crypto.randomUUID(), ...scope, cardNumber, ...card }).run();
  return cardNumber;
}
