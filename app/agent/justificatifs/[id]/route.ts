import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { agentProof } from '@/lib/procedures/agent';

export const dynamic = 'force-dynamic';

/** A proof uploaded with a case, for the agents of the instructing body only; never rendered inline. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (viewer?.role !== 'agent') return Response.json({ erreur: 'non_authentifie', message: 'Réservé aux agents de l’organisme.' }, { status: 401 });
  const file = await agentProof(database(), viewer.agent, (await params).id);
  if (!file) return Response.json({ erreur: 'introuvable', message: 'Ce justificatif n’existe pas, ou il relève d’un autre organisme.' }, { status: 404 });
  const ext = { 'application/pdf': 'pdf', 'image/jpeg': 'jpg', 'image/png': 'png' }[file.mime];
  return new Response(new Uint8Array(file.content), {
    headers: {
      'Content-Type': file.mime,
      'Content-Disposition': `attachment; filename="justificatif-${file.kind}.${ext}"`,
      'Cache-Control': 'private, no-store',
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}
