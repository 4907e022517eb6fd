import type { Db } from '../../../db/client';
import { issueParkingCard } from '../../agencies/ville';
import { formatIsoDate } from '../../format';
import type { CaseRow, Decision, Persona, ProcedureDef } from '../engine/types';
import { parkingDecisionFor, runParkingLookUps } from './check';

// Carte de stationnement résidentiel, path A: the citizen's consent, then the city's look-ups and rules, in seconds.

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

async function instructParkingCard(db: Db, c: CaseRow, persona: Persona): Promise<Decision> {
  const person = { id: persona.id, classSessionId: c.classSessionId };
  const ids = await runParkingLookUps(db, person, c.receiptNumber ?? c.id);
  const result = parkingDecisionFor(db, person, ids);
  if (!result) return { decision: 'attendre' };
  const d = result.decision;
  if (d.decision === 'impossible') return { decision: 'attendre' };
  if (d.decision === 'refuse') return { decision: 'refuser', motif: d.motif, solution: d.solution };
  const validFrom = new Date().toISOString().slice(0, 10);
  const validUntil = addYears(validFrom, 1);
  const holder = `${persona.givenNames} ${persona.preferredName ?? persona.familyName}`;
  return {
    decision: 'accepter',
    // The city records the card in its own register.
    apply: (tx) => {
      issueParkingCard(tx, { classSessionId: c.classSessionId, personaId: c.personaId }, { registration: d.immatriculation, zone: d.zone, validFrom, validUntil });
    },
    documents: [
      {
        classSessionId: c.classSessionId,
        personaId: c.personaId,
        caseId: c.id,
        kind: 'carte_stationnement',
        title: 'Carte de stationnement résidentiel',
        issuer: 'ville',
        issuerLabel: 'Ville de Villeneuve-sur-Brenne (fictive)',
        content: {
          champs: [
            { libelle: 'Titulaire', valeur: holder },
            { libelle: 'Adresse', valeur: `${d.adresse.ligne}, ${d.adresse.code_postal} ${d.adresse.commune}` },
            { libelle: 'Véhicule', valeur: d.immatriculation },
            { libelle: 'Zone', valeur: d.zone },
            { libelle: 'Valable', valeur: `du ${formatIsoDate(validFrom)} au ${formatIsoDate(validUntil)}` },
          ],
          donnees: { immatriculation: d.immatriculation, zone: d.zone, valable_du: validFrom, valable_au: validUntil, dossier: c.receiptNumber },
        },
      },
    ],
    note: `Carte délivrée pour le véhicule ${d.immatriculation}, zone ${d.zone}. Elle est dans votre coffre-fort.`,
  };
}

export const parkingCard: ProcedureDef = {
  id: 'carte-stationnement',
  title: 'Carte de stationnement résidentiel',
  description: 'La ville délivre une carte aux habitants des zones A, B et C pour se garer près de chez eux à tarif réduit.',
  enVrai: [
    'Chaque ville fixe ses propres règles et ses tarifs. Beaucoup demandent encore des justificatifs ; celles qui utilisent l’échange de données (API Particulier, par exemple) doivent obtenir une habilitation et, quand la loi le prévoit, votre accord.',
    'Le principe « Dites-le-nous une fois » vise à ne plus redemander une information que l’administration a déjà.',
  ],
  steps: [],
  summary: () => [],
  route: () => ({ agency: 'ville', unit: null }),
  instruct: instructParkingCard,
};
