import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { readReceipt } from '@/lib/platform/journal-view';

export const dynamic = 'force-dynamic';

/**
 * The signed receipt of one exchange about the signed-in citizen, as the platform handed it out: kept, it lets
 * `npm run journal:verifier -- recu.json` show later that the journal still holds this exchange, unchanged.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const viewer = await getViewer();
  if (viewer?.role !== 'citoyen') {
    return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous avec FranceConnect (simulé) pour télécharger vos reçus.' }, { status: 401 });
  }
  const { persona } = viewer;
  const found = await readReceipt(database(), { kind: 'usager', classSessionId: persona.classSessionId, personaId: persona.id }, (await params).id);
  if (!found) {
    return Response.json({ erreur: 'introuvable', message: 'Aucun reçu pour cet échange : il ne vous concerne pas, ou il n’existe pas.' }, { status: 404 });
  }
  return new Response(JSON.stringify(found.receipt, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="recu-echange-${found.sequence}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
