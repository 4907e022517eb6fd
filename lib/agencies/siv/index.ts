import { and, eq } from 'drizzle-orm';
import { sivVehicles } from '../../../db/tables';
import { formatIsoDate } from '../../format';
import { ofPerson, personRows } from '../scope';
import { addressJson, addressText, type AgencyModule } from '../types';

/** SIV (cartes grises), simulated: registration certificates. */
export const siv: AgencyModule = {
  id: 'siv',
  // A vehicle's registration names its holder: the one key other than the person the platform accepts (the ANTAI).
  holderOf: async (db, classSessionId, key) =>
    (await db.select({ personaId: sivVehicles.personaId }).from(sivVehicles).where(and(eq(sivVehicles.classSessionId, classSessionId), eq(sivVehicles.registration, key.immatriculation))).get())?.personaId ?? null,
  items: {
    // Asked by registration only: that certificate's holder and address, nothing of the person's other vehicles.
    'siv.titulaire': async (db, scope) => {
      if (!scope.immatriculation) return null;
      const row = await db.select().from(sivVehicles).where(and(ofPerson(sivVehicles, scope), eq(sivVehicles.registration, scope.immatriculation))).get();
      return row ? { immatriculation: row.registration, titulaire: row.holderName, titulaire_type: row.holderKind, adresse: addressJson(row) } : null;
    },
    'siv.vehicules': async (db, scope) => {
      const rows = await personRows(db, sivVehicles, scope, sivVehicles.registration);
      if (rows.length === 0) return null;
      // Only what the catalogue lists: number, holder and the address on the certificate (not make or model).
      return rows.map((row) => ({
        immatriculation: row.registration,
        titulaire: row.holderName,
        titulaire_type: row.holderKind,
        adresse: addressJson(row),
      }));
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, sivVehicles, scope, sivVehicles.registration))
      .map((row) => ({
        titre: `Certificat d’immatriculation ${row.registration}`,
        champs: [
          { libelle: 'Immatriculation', valeur: row.registration },
          { libelle: 'Titulaire', valeur: `${row.holderName}${row.holderKind === 'societe' ? ' (société)' : ''}` },
          { libelle: 'Véhicule', valeur: `${row.make} ${row.model}` },
          { libelle: 'Première immatriculation', valeur: formatIsoDate(row.firstRegisteredOn) },
          { libelle: 'Adresse sur le certificat', valeur: addressText(row) },
        ],
      })),
  // Only the certificates held by the person themself (a company vehicle changes with the company).
  applyAddressChange: async (tx, scope, address) =>
    (await tx.update(sivVehicles).set(address).where(and(ofPerson(sivVehicles, scope), eq(sivVehicles.holderKind, 'personne'))).returning({ id: sivVehicles.id })).length > 0,
};
