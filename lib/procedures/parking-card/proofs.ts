import { type AsyncExecutor, transaction } from '../../../db/engine';
import { parkingProofKinds, type ProofKind } from '../../../db/schema';
import { checkProof, storeProof } from '../../uploads/proof-files';
import { startCase, type Actor } from '../engine/cases';
import { submitOnce } from '../engine/run';
import type { Persona } from '../engine/types';

// Path B of the parking card: no consent, the person uploads proofs that the city checks by hand.

type ParkingProofKind = (typeof parkingProofKinds)[number];


export { maxProofBytes } from '../../uploads/limits';
export { checkProof, sniffMime } from '../../uploads/proof-files';

export type UploadedProof = { kind: ProofKind; name: string; bytes: Uint8Array };

export const registrationPattern = /^[A-Z]{2}-\d{3}-[A-Z]{2}$/;
export const normaliseRegistration = (raw: string) => raw.trim().toUpperCase().replace(/\s+/g, '-').replace(/^([A-Z]{2})-?(\d{3})-?([A-Z]{2})$/, '$1-$2-$3');

export type ProofErrors = Partial<Record<ParkingProofKind | 'immatriculation', string>>;

export function checkProofForm(registration: string, files: Partial<Record<ParkingProofKind, { name: string; bytes: Uint8Array } | null>>): ProofErrors {
  const errors: ProofErrors = {};
  const plate = normaliseRegistration(registration);
  if (!plate) errors.immatriculation = 'Saisissez l’immatriculation du véhicule.';
  else if (!registrationPattern.test(plate)) errors.immatriculation = 'L’immatriculation s’écrit comme AB-123-CD.';
  for (const kind of parkingProofKinds) {
    const error = checkProof(files[kind] ?? null);
    if (error) errors[kind] = error;
  }
  return errors;
}

/** Files the case with its proofs (already checked) and submits it; an agent of the city (or its automatic service) decides. */
export async function fileParkingCardWithProofs(db: AsyncExecutor, persona: Persona, actor: Actor, registration: string, proofs: UploadedProof[], now = new Date()) {
  const draft = await transaction(db, async (tx) => {
    const { c, resumed } = await startCase(tx, { classSessionId: persona.classSessionId, personaId: persona.id, procedure: 'carte-stationnement', answers: { mode: { choix: 'sans_accord' }, vehicule: { immatriculation: normaliseRegistration(registration) } } }, now);
    // The request already open (sent twice) keeps its own proofs.
    if (!resumed) for (const proof of proofs) await storeProof(tx, c, proof.kind, proof, now);
    return c;
  });
  return draft.state === 'brouillon' ? submitOnce(db, draft, persona, actor, now) : draft;
}

export { proofLabels, proofsOf } from '../../uploads/proof-files';
