import crypto from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import type { ProofKind } from '../../db/schema';
import { caseFiles } from '../../db/tables';
import { maxProofBytes, proofTooLarge } from './limits';

// The files a person joins to a request (proofs): their real type from their first bytes, their size, and their
// storage with the case — one file per kind and case, a new one replacing the old.

const signatures: { mime: 'application/pdf' | 'image/jpeg' | 'image/png'; bytes: number[] }[] = [
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
];

/** The real type of a file, from its first bytes (the name and the browser's claim are not trusted). */
export function sniffMime(bytes: Uint8Array) {
  return signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.mime ?? null;
}

export type ChosenFile = { name: string; bytes: Uint8Array };

/** What is wrong with a chosen file, in French, or null. */
export function checkProof(file: ChosenFile | null): string | null {
  if (!file || file.bytes.length === 0) return 'Ajoutez ce justificatif.';
  if (file.bytes.length > maxProofBytes) return proofTooLarge(file.name);
  if (!sniffMime(file.bytes)) return `Le fichier « ${file.name} » n’est ni un PDF, ni une image JPEG ou PNG.`;
  return null;
}

/** A form's file, if one was chosen (an empty file input sends an empty File). */
export async function chosenFile(value: FormDataEntryValue | null): Promise<ChosenFile | null> {
  return value instanceof File && value.size > 0 ? { name: value.name, bytes: new Uint8Array(await value.arrayBuffer()) } : null;
}

/** Stores a checked file with the case (call it in a write transaction); it replaces the case's file of that kind. */
export async function storeProof(tx: AsyncExecutor, c: { id: string; classSessionId: string }, kind: ProofKind, file: ChosenFile, now = new Date()) {
  const mime = sniffMime(file.bytes);
  if (!mime) throw new Error('unchecked proof');
  await tx.delete(caseFiles).where(and(eq(caseFiles.caseId, c.id), eq(caseFiles.kind, kind))).run();
  return tx
    .insert(caseFiles)
    .values({
      id: crypto.randomUUID(),
      caseId: c.id,
      classSessionId: c.classSessionId,
      kind,
      originalName: file.name.slice(0, 200),
      mime,
      size: file.bytes.length,
      sha256: crypto.createHash('sha256').update(file.bytes).digest('hex'),
      content: Buffer.from(file.bytes),
      uploadedAt: now,
    })
    .returning({ id: caseFiles.id, originalName: caseFiles.originalName, size: caseFiles.size })
    .get();
}

/** What each kind of proof is, for the person who joins it and the agent who reads it. */
export const proofLabels: Record<ProofKind, { label: string; hint: string }> = {
  avis_imposition: { label: 'Dernier avis d’imposition', hint: 'Il montre votre adresse et qu’il s’agit de votre résidence principale.' },
  certificat_immatriculation: { label: 'Certificat d’immatriculation (carte grise)', hint: 'À votre nom, à votre adresse.' },
  justificatif_domicile: { label: 'Justificatif de domicile de moins de trois mois', hint: 'Facture d’électricité, de gaz, d’eau, d’internet, ou quittance de loyer.' },
  piece_contestation: { label: 'Pièce jointe à la contestation', hint: 'Le récépissé de plainte, le certificat de cession, ou ce qui prouve ce que vous dites.' },
};

/** The files joined to a case (without their content). */
export function proofsOf(db: AsyncExecutor, caseId: string) {
  return db
    .select({ id: caseFiles.id, kind: caseFiles.kind, originalName: caseFiles.originalName, mime: caseFiles.mime, size: caseFiles.size, uploadedAt: caseFiles.uploadedAt })
    .from(caseFiles)
    .where(eq(caseFiles.caseId, caseId))
    .all();
}
