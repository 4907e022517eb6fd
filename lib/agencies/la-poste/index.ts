import { laPosteCustomers } from '../../../db/tables';
import { ofPerson, personRow, personRows } from '../scope';
import { addressJson, addressText, yesNo, type AgencyModule } from '../types';

/** La Poste, simulated: delivery address and mail forwarding. */
export const laPoste: AgencyModule = {
  id: 'la-poste',
  items: {
    'la-poste.adresse': async (db, scope) => {
      const row = await personRow(db, laPosteCustomers, scope);
      return row ? { adresse: addressJson(row) } : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, laPosteCustomers, scope))
      .map((row) => ({
        titre: 'Fiche client',
        champs: [
          { libelle: 'Numéro client', valeur: row.customerNumber },
          { libelle: 'Adresse de distribution', valeur: addressText(row) },
          { libelle: 'Réexpédition du courrier (service payant)', valeur: yesNo(row.hasMailForwarding) },
        ],
      })),
  applyAddressChange: async (tx, scope, address) => (await tx.update(laPosteCustomers).set(address).where(ofPerson(laPosteCustomers, scope)).returning({ id: laPosteCustomers.id })).length > 0,
};
