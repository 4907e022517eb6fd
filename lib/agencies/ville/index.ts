import crypto from 'node:crypto';
import { asc } from 'drizzle-orm';
import type { Executor } from '../../../db/client';
import { villeParkingCards } from '../../../db/schema';
import { formatIsoDate } from '../../format';
import { ofPerson } from '../scope';
import type { AgencyModule, PersonScope } from '../types';

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

/** The city records a card it issues; returns the card number. */
export function issueParkingCard(tx: Executor, scope: PersonScope, card: { registration: string; zone: string; validFrom: string; validUntil: string }): string {
  const cardNumber = `VSB-${card.validFrom.slice(0, 4)}-${crypto.randomInt(1000, 10000)}${crypto.randomInt(10, 100)}`;
  tx.insert(villeParkingCards).values({ id: crypto.randomUUID(), ...scope, cardNumber, ...card }).run();
  return cardNumber;
}
