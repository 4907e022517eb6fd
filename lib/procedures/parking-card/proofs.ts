import crypto from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { proofKinds, type ProofKind } from '../../../db/schema';
import { caseFiles } from '../../../db/tables';
import { startCase, type Actor } from '../engine/cases';
import { submitOnce } from '../engine/run';
import type { Persona } from '../engine/types';

// Path B of the parking card: no consent, the person uploads proofs that the city checks by hand.

export const proofLabels: Record<ProofKind, { label: string; hint: string }> = {
  avis_imposition: { label: 'Dernier avis d’imposition', hint: 'Il montre votre adresse et qu’il s’agit de votre résidence principale.' },
  certificat_immatriculation: { label: 'Certificat d’immatriculation (carte grise)', hint: 'À votre nom, à votre adresse.' },
  justificatif_domicile: { label: 'Justificatif de domicile de moins de trois mois', hint: 'Facture d’électricité, de gaz, d’eau, d’internet, ou quittance de loyer.' },
};

export { maxProofBytes } from '../../uploads/limits';
import { maxProofBytes, proofTooLarge } from '../../uploads/limits';
const signatures: { mime: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The real type of a file, from its first bytes (the name and the browser's claim are not trusted). */
export function sniffMime(bytes: Uint8Array) {
  return signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.mime ?? null;
}

export type UploadedProof = { kind: ProofKind; name: string; bytes: Uint8Array };

export function checkProof(file: { name: string; bytes: Uint8Array } | null): string | null {
  if (!file || file.bytes.length === 0) return 'Ajoutez ce justificatif.';
  if (file.bytes.length > maxProofBytes) return proofTooLarge(file.name);
  if (!sniffMime(file.bytes)) return `Le fichier « ${file.name} » n’est ni un PDF, ni une image JPEG ou PNG.`;
  return null;
}

export const registrationPattern = /^[A-Z]{2}-\d{3}-[A-Z]{2}$/;
export const normaliseRegistration = (raw: string) => raw.trim().toUpperCase().replace(/\s+/g, '-').replace(/^([A-Z]{2})-?(\d{3})-?([A-Z]{2})$/, '$1-$2-$3');

export type ProofErrors = Partial<Record<ProofKind | 'immatriculation', string>>;

export function checkProofForm(registration: string, files: Partial<Record<ProofKind, { name: string; bytes: Uint8Array } | null>>): ProofErrors {
  const errors: ProofErrors = {};
  const plate = normaliseRegistration(registration);
  if (!plate) errors.immatriculation = 'Saisissez l’immatriculation du véhicule.';
  else if (!registrationPattern.test(plate)) errors.immatriculation = 'L’immatriculation s’écrit comme AB-123-CD.';
  for (const kind of proofKinds) {
    const error = checkProof(files[kind] ?? null);
    if (error) errors[kind] = error;
  }
  return errors;
}

/** Files the case with its proofs (already checked) and submits it; an agent of the city (or its automatic service) decides. */
export async function fileParkingCardWithProofs(db: AsyncExecutor, persona: Persona, actor: Actor, registration: string, proofs: UploadedProof[], now = new Date()) {
  const draft = await transaction(db, async (tx) => {
    const { c, resumed } = await startCase(tx, { classSessionId: persona.classSessionId, personaId: persona.id, procedure: 'carte-stationnement', answers: { mode: { choix: 'sans_accord' }, vehicule: { immatriculation: normaliseRegistration(registration) } } }, now);
    for (const proof of proofs) {
      // The request already open (sent twice) keeps its own proofs.
      if (resumed) break;
      const mime = sniffMime(proof.bytes);
      if (!mime) throw new Error('unchecked proof');
      await tx.insert(caseFiles)
        .values({
          id: crypto.randomUUID(),
          caseId: c.id,
          classSessionId: c.classSessionId,
          kind: proof.kind,
          originalName: proof.name.slice(0, 200),
          mime,
          size: proof.bytes.length,
          sha256: crypto.createHash('sha256').update(proof.bytes).digest('hex'),
          content: Buffer.from(proof.bytes),
          uploadedAt: now,
        })
        .run();
    }
    return c;
  });
  return draft.state === 'brouillon' ? submitOnce(db, draft, persona, actor, now) : draft;
}

export function proofsOf(db: AsyncExecutor, caseId: string) {
  return db
    .select({ id: caseFiles.id, kind: caseFiles.kind, originalName: caseFiles.originalName, mime: caseFiles.mime, size: caseFiles.size, uploadedAt: caseFiles.uploadedAt })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, caseId))
    .all();
}
