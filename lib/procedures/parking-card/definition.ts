import type { AsyncExecutor } from '../../../db/engine';
import { issueParkingCard } from '../../agencies/ville';
import { formatIsoDate, lowerFirst } from '../../format';
import type { CaseRow, Decision, Persona, ProcedureDef } from '../engine/types';
import { parkingProofKinds } from '../../../db/schema';
import { lookupAddress } from '../../world/addresses';
import { text } from '../fields';
import { parkingDecisionFor, runParkingLookUps } from './check';
import { proofLabels, proofsOf } from './proofs';
import { decideParkingCard, type ParkingDecision } from './rules';

// Carte de stationnement résidentiel, path A: the citizen's consent, then the city's look-ups and rules, in seconds.

const addYears = (iso: string, years: number) => `${Number(iso.slice(0, 4)) + years}${iso.slice(4)}`;

/** Path B, when no student plays the city: the proofs are read as a clerk would (they show the person's real home). */
async function checkProofsByHand(db: AsyncExecutor, c: CaseRow, persona: Persona): Promise<ParkingDecision> {
  const kinds = new Set((await proofsOf(db, c.id)).map((p) => p.kind));
  const missing = parkingProofKinds.filter((k) => !kinds.has(k));
  if (missing.length > 0) return { decision: 'refuse', motif: `Il manque : ${missing.map((k) => lowerFirst(proofLabels[k].label)).join(', ')}.`, solution: 'Refaites la demande avec tous les justificatifs.' };
  const street = await lookupAddress(db, persona.addressLine, persona.postalCode);
  const address = { ligne: persona.addressLine, code_postal: persona.postalCode, commune: persona.city };
  return decideParkingCard({
    fiscal: { ok: true, data: { adresse: address, type_residence: 'principale' } },
    vehicles: { ok: true, data: [{ immatriculation: text(c.answers.vehicule, 'immatriculation'), titulaire: persona.familyName, titulaire_type: 'personne', adresse: address }] },
    street,
  });
}

async function instructParkingCard(db: AsyncExecutor, c: CaseRow, persona: Persona): Promise<Decision> {
  let d: ParkingDecision;
  if (text(c.answers.mode, 'choix') === 'sans_accord') d = await checkProofsByHand(db, c, persona);
  else {
    const person = { id: persona.id, classSessionId: c.classSessionId };
    const ids = await runParkingLookUps(db, person, c.receiptNumber ?? c.id);
    const result = await parkingDecisionFor(db, person, ids);
    if (!result) return { decision: 'attendre' };
    d = result.decision;
  }
  if (d.decision === 'impossible') return { decision: 'attendre' };
  if (d.decision === 'refuse') return { decision: 'refuser', motif: d.motif, solution: d.solution };
  const validFrom = new Date().toISOString().slice(0, 10);
  const validUntil = addYears(validFrom, 1);
  const holder = `${persona.givenNames} ${persona.preferredName ?? persona.familyName}`;
  return {
    decision: 'accepter',
    // The city records the card in its own register.
    apply: async (tx) => {
      await issueParkingCard(tx, { classSessionId: c.classSessionId, personaId: c.personaId }, { registration: d.immatriculation, zone: d.zone, validFrom, validUntil });
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
  shortTitle: 'Station\u00adnement', // the soft hyphen: the cockpit's narrow table may break it there
  description: 'La ville délivre une carte aux habitants des zones A, B et C pour se garer près de chez eux à tarif réduit.',
  enVrai: [
    'Chaque ville fixe ses propres règles et ses tarifs. Beaucoup demandent encore des justificatifs ; celles qui utilisent l’échange de données (API Particulier, par exemple) doivent obtenir une habilitation et, quand la loi le prévoit, votre accord.',
    'Le principe « Dites-le-nous une fois » vise à ne plus redemander une information que l’administration a déjà.',
  ],
  steps: [],
  summary: () => [],
  route: () => ({ agency: 'ville', unit: null }),
  instruct: instructParkingCard,
};
