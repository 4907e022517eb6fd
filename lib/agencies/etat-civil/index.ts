import { and, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { birthRecords } from '../../../db/tables';
import { registryNames } from '../../../db/seed/reference-data';
import { formatHour, formatIsoDate } from '../../format';
import { personRow, personRows } from '../scope';
import type { AgencyModule } from '../types';

/** État civil, simulated: the birth acts of each commune's register and of the foreign-births service. */
export const etatCivil: AgencyModule = {
  id: 'etat-civil',
  items: {
    'etat-civil.acte_naissance': async (db, scope) => {
      const row = await personRow(db, birthRecords, scope);
      return row
        ? {
            nom: row.familyName,
            prenoms: row.givenNames,
            sexe: row.sex,
            date_naissance: row.birthDate,
            lieu_naissance: row.birthPlace,
            pere: row.fatherName,
            mere: row.motherName,
            mentions: row.marginalNotes,
          }
        : null;
    },
  },
  holdings: async (db, scope) =>
    (await personRows(db, birthRecords, scope))
      .map((row) => ({
        titre: `Acte de naissance n° ${row.actNumber} de ${row.year}`,
        champs: [
          { libelle: 'Registre', valeur: registryNames[row.registry] ?? row.registry },
          { libelle: 'Nom', valeur: row.familyName },
          { libelle: 'Prénoms', valeur: row.givenNames },
          { libelle: 'Date et heure de naissance', valeur: `${formatIsoDate(row.birthDate)} à ${formatHour(row.birthTime)}` },
          { libelle: 'Lieu de naissance', valeur: row.birthPlace },
          { libelle: 'Père', valeur: row.fatherName ?? 'Non indiqué' },
          { libelle: 'Mère', valeur: row.motherName ?? 'Non indiquée' },
          { libelle: 'Mentions', valeur: row.marginalNotes.length > 0 ? row.marginalNotes.join(' ; ') : 'Aucune' },
        ],
      })),
};

const fold = (text: string) => text.normalize('NFD').replace(/\p{Diacritic}/gu, '').replace(/[-’']/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();

export type BirthAct = typeof birthRecords.$inferSelect;

/**
 * The register's search, as an officer would do it: in one register, by family name, first given name and birth date
 * (case, accents and hyphens aside).
 */
export async function findBirthAct(db: AsyncExecutor, q: { classSessionId: string; registry: string; familyName: string; givenNames: string; birthDate: string }): Promise<BirthAct | null> {
  const wantedFirst = fold(q.givenNames).split(' ')[0] ?? '';
  return (
    (await db
      .select()
      .from(birthRecords)
      .where(and(eq(birthRecords.classSessionId, q.classSessionId), eq(birthRecords.registry, q.registry), eq(birthRecords.birthDate, q.birthDate)))
      .all())
      .find((act) => fold(act.familyName) === fold(q.familyName) && fold(act.givenNames).split(' ')[0] === wantedFirst) ?? null
  );
}
