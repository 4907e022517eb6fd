import { and, eq } from 'drizzle-orm';
import { database } from '@/db/engine';
import { personas } from '@/db/tables';
import { getViewer } from '@/lib/auth/guards';
import { renderPaperForm } from '@/lib/documents/paper-form';
import { procedureById } from '@/lib/procedures/registry';

export const dynamic = 'force-dynamic';

/**
 * The printable form of a procedure. Blank for anyone; pre-filled with the identity for the signed-in citizen,
 * or for a person of the séance named by an agent (`?pour=<id>`), as at a counter.
 */
export async function GET(request: Request, { params }: { params: Promise<{ procedure: string }> }) {
  const def = procedureById((await params).procedure);
  if (!def) return Response.json({ erreur: 'introuvable', message: 'Cette démarche n’existe pas.' }, { status: 404 });
  const viewer = await getViewer();
  const db = database();
  const wanted = new URL(request.url).searchParams.get('pour');
  const persona =
    viewer?.role === 'citoyen'
      ? viewer.persona
      : viewer?.role === 'agent' && wanted
        ? (await db.select().from(personas).where(and(eq(personas.id, wanted), eq(personas.classSessionId, viewer.agent.classSessionId))).get() ?? null)
        : null;
  const bytes = await renderPaperForm(def, db, persona);
  return new Response(Buffer.from(bytes), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="formulaire-${def.id}.pdf"`, 'Cache-Control': 'private, no-store' },
  });
}
