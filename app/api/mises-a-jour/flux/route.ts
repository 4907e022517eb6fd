import { database } from '@/db/engine';
import { getViewer } from '@/lib/auth/guards';
import { liveVersion, type LiveViewer } from '@/lib/live-version';
import { runDueInstruction } from '@/lib/procedures/engine/run';
import { eventStream, sharedRead } from '@/lib/sse';

export const dynamic = 'force-dynamic';

/**
 * Server-sent events: a fingerprint of what the signed-in person's pages show, sent when it changes (read every 2 s).
 * Every fifth read also runs the séance's automatic instruction that is due, as the teacher's live view does: a case page
 * left open moves on by itself even when nobody has the teacher's view open (the bodies no student plays answer).
 */
export async function GET(request: Request) {
  const viewer = await getViewer();
  const live: LiveViewer | null =
    viewer?.role === 'citoyen' ? { kind: 'usager', persona: viewer.persona } : viewer?.role === 'agent' ? { kind: 'agent', agent: viewer.agent } : viewer?.role === 'aidant' ? { kind: 'aidant', aidant: viewer.aidant } : null;
  if (!live) return Response.json({ erreur: 'non_authentifie', message: 'Connectez-vous pour suivre vos demandes en direct.' }, { status: 401 });
  const classSessionId = live.kind === 'usager' ? live.persona.classSessionId : live.kind === 'agent' ? live.agent.classSessionId : live.aidant.classSessionId;
  // Every fifth read (10 s): enough for a page left open alone; the teacher's view (twice a second) drives a busy class,
  // and thirty pages asking every 2 s would only fight over the same cases.
  let reads = 0;
  return eventStream(request, 'mise-a-jour', async () => JSON.stringify(await liveVersion(database(), live)), { everyMs: 2000, tick: async () => (++reads % 5 === 0 ? await sharedRead(`instruction:${classSessionId}`, 2000, () => runDueInstruction(database(), classSessionId)) : undefined) });
}
