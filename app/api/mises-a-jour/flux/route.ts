import { getDb } from '@/db/client';
import { getViewer } from '@/lib/auth/guards';
import { liveVersion, type LiveViewer } from '@/lib/live-version';
import { eventStream } from '@/lib/sse';

export const dynamic = 'force-dynamic';

/** Server-sent events: a fingerprint of what the signed-in person's pages show, sent when it changes (read every 2 s). */
export async function GET(request: Request) {
  const viewer = await getViewer();
  const live: LiveViewer | null =
    viewer?.role === 'citoyen' ? { kind: 'usager', persona: viewer.persona } : viewer?.role === 'agent' ? { kind: 'agent', agent: viewer.agent } : viewer?.role === 'aidant' ? { kind: 'aidant', aidant: viewer.aidant } : null;
  if (!live) return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous pour suivre vos demandes en direct.' }, { status: 401 });
  return eventStream(request, 'mise-a-jour', () => JSON.stringify(liveVersion(getDb(), live)), { everyMs: 2000 });
}
