import { getViewer } from '@/lib/auth/guards';
import { renderFictitiousProof } from '@/lib/procedures/fines/fictitious-proofs';

export const dynamic = 'force-dynamic';

/** The fictitious proof the person's fines card gives them, to join to a contestation; downloaded, never inline. */
export async function GET() {
  const viewer = await getViewer();
  if (viewer?.role !== 'citoyen') return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous avec FranceConnect (simulé) pour télécharger cette pièce.' }, { status: 401 });
  const proof = await renderFictitiousProof(viewer.persona);
  if (!proof) return Response.json({ erreur: 'introuvable', message: 'Votre carte de scénario ne prévoit pas de pièce à joindre.' }, { status: 404 });
  return new Response(new Uint8Array(proof.bytes), {
    headers: { 'Content-Type': 'application/pdf', 'Content-Disposition': `attachment; filename="${proof.fileName}"`, 'Cache-Control': 'private, no-store' },
  });
}
