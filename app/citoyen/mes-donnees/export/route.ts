import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { exportMyData } from '@/lib/platform/my-data';

export const dynamic = 'force-dynamic';

/** The right of access, as a file: everything about the signed-in citizen, in JSON. */
export async function GET() {
  const viewer = await getViewer();
  if (viewer?.role !== 'citoyen') {
    return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous avec FranceConnect (simulé) pour télécharger vos données.' }, { status: 401 });
  }
  const { persona } = viewer;
  const body = JSON.stringify(await exportMyData(database(), persona.classSessionId, persona.id), null, 2);
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="mes-donnees-${persona.key}.json"`,
      'Cache-Control': 'no-store',
    },
  });
}
