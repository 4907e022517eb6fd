import { laPosteCustomers } from '../../../db/schema';
import { ofPerson } from '../scope';
import { addressJson, addressText, yesNo, type AgencyModule } from '../types';

/** La Poste, simulated: delivery address and mail forwarding. */
export const laPoste: AgencyModule = {
  id: 'la-poste',
  items: {
    'la-poste.adresse': (db, scope) => {
      const row = db.select().from(laPosteCustomers).where(ofPerson(laPosteCustomers, scope)).get();
      return row ? { adresse: addressJson(row) } : null;
    },
  },
  holdings: (db, scope) =>
    db
      .select()
      .from(laPosteCustomers)
      .where(ofPerson(laPosteCustomers, scope))
      .all()
      .map((row) => ({
        titre: 'Fiche client',
        champs: [
          { libelle: 'Numéro client', valeur: row.customerNumber },
          { libelle: 'Adresse de distribution', valeur: addressText(row) },
          { libelle: 'Réexpédition du courrier (service payant)', valeur: yesNo(row.hasMailForwarding) },
        ],
      })),
  applyAddressChange: (tx, scope, address) => tx.update(laPosteCustomers).set(address).where(ofPerson(laPosteCustomers, scope)).run().changes > 0,
};
