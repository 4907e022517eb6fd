'use server';

import { eq } from 'drizzle-orm';
import { database } from '@/db/engine';
import { documents } from '@/db/tables';
import { samePdf } from '@/lib/documents/documents';
import { maxVerifiedPdfBytes, verifiedPdfTooLarge } from '@/lib/uploads/limits';

export type FileCheck = { result?: 'identique' | 'different'; error?: string };


/** A PDF starts with "%PDF-" (the name and the browser's claim are not trusted). */
const isPdf = (bytes: Uint8Array) => [0x25, 0x50, 0x44, 0x46, 0x2d].every((b, i) => bytes[i] === b);

/** Compares a PDF someone holds with the one issued under this id, byte for byte. */
export async function checkFileAction(id: string, _previous: FileCheck, form: FormData): Promise<FileCheck> {
  const file = form.get('fichier');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choisissez le fichier PDF à vérifier.' };
  if (file.size > maxVerifiedPdfBytes) return { error: verifiedPdfTooLarge };
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!isPdf(bytes)) return { error: `Le fichier « ${file.name.slice(0, 80)} » n’est pas un PDF. Choisissez le PDF que vous avez reçu.` };
  const doc = await database().select().from(documents).where(eq(documents.id, id)).get();
  if (!doc) return { error: 'Aucun document e-Guichet ne porte ce numéro.' };
  return { result: samePdf(doc, bytes) ? 'identique' : 'different' };
}
