import type { Viewer } from '../auth/guards';
import type { Asker } from './conversations';
import type { Passage } from './corpus';

/** Who may ask the assistant: a citizen or an aidant (agents answer, the teacher watches). */
export function askerOf(viewer: Viewer | null): Asker | null {
  if (viewer?.role === 'citoyen') return { kind: 'usager', classSessionId: viewer.persona.classSessionId, personaId: viewer.persona.id };
  if (viewer?.role === 'aidant') return { kind: 'aidant', classSessionId: viewer.aidant.classSessionId, aidantId: viewer.aidant.id };
  return null;
}

/** The page a passage links to, for this reader: an aidant starts procedures from their own space. */
export function passageHref(passage: Passage, asker: Asker): string {
  return asker.kind === 'aidant' && passage.href.startsWith('/citoyen/') ? '/aidant' : passage.href;
}
