import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { documentOf } from '@/lib/documents/documents';

export const dynamic = 'force-dynamic';

/** The PDF of one of the signed-in citizen's documents, exactly as issued. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (viewer?.role !== 'citoyen') return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous pour télécharger vos documents.' }, { status: 401 });
  const doc = await documentOf(database(), viewer.persona.id, (await params).id);
  if (!doc) return Response.json({ erreur: 'introuvable', message: 'Ce document n’existe pas dans votre coffre-fort.' }, { status: 404 });
  const slug = doc.title.normalize('NFD').replace(/[^\w]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
  return new Response(Buffer.from(doc.pdf, 'base64'), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${slug}-${doc.id.slice(0, 8)}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
