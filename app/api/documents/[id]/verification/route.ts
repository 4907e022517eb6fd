import { database } from '@/db/engine';
import { verifyDocument } from '@/lib/documents/documents';

export const dynamic = 'force-dynamic';

/** Public: is the document with this id authentic, altered or revoked (docs/API.md, "Documents")? */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const result = await verifyDocument(database(), (await params).id);
  if (!result) return Response.json({ erreur: 'introuvable', message: 'Aucun document e-Guichet ne porte ce numéro.' }, { status: 404, headers: { 'Cache-Control': 'no-store' } });
  return Response.json(result, { headers: { 'Cache-Control': 'no-store' } });
}
