'use server';

import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents } from '@/db/schema';
import { samePdf } from '@/lib/documents/documents';

export type FileCheck = { result?: 'identique' | 'different'; error?: string };

const maxBytes = 1024 * 1024; // the server actions' body limit

/** Compares a PDF someone holds with the one issued under this id, byte for byte. */
export async function checkFileAction(id: string, _previous: FileCheck, form: FormData): Promise<FileCheck> {
  const file = form.get('fichier');
  if (!(file instanceof File) || file.size === 0) return { error: 'Choisissez le fichier PDF à vérifier.' };
  if (file.size > maxBytes) return { error: 'Le fichier dépasse 1 Mo : ce n’est pas un document e-Guichet.' };
  const doc = getDb().select().from(documents).where(eq(documents.id, id)).get();
  if (!doc) return { error: 'Aucun document e-Guichet ne porte ce numéro.' };
  return { result: samePdf(doc, new Uint8Array(await file.arrayBuffer())) ? 'identique' : 'different' };
}
