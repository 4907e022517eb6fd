import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { type AgencyId } from '../../db/schema';
import { classSessions } from '../../db/tables';
import { requestSession } from '../auth/guards';
import { viewerOfSession } from '../auth/viewer';
import { env } from '../env';
import { PlatformError } from './errors';
import type { JournalReader } from './journal-view';
import { authenticateToken } from './tokens';

// Who calls the platform's HTTP API: a body with its bearer token, or a signed-in person (session cookie).

export type ApiCaller =
  | { kind: 'organisme'; classSessionId: string; agency: AgencyId; token: string }
  | { kind: 'usager'; classSessionId: string; personaId: string }
  | { kind: 'agent'; classSessionId: string; agency: AgencyId }
  | { kind: 'enseignant'; teacherId: string };

function bearer(request: Request): string | null {
  const header = request.headers.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match?.[1]) throw new PlatformError('jeton_invalide', 'L’en-tête Authorization doit être « Bearer <jeton> ».');
  return match[1];
}

/** A browser's state-changing call must come from e-Guichet itself (the session cookie is ambient). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(env().baseUrl).origin && origin !== new URL(request.url).origin) throw new PlatformError('origine_refusee');
}

export async function resolveApiCaller(db: AsyncExecutor, request: Request): Promise<ApiCaller> {
  const token = bearer(request);
  if (token) {
    const body = await authenticateToken(db, token);
    if (!body) throw new PlatformError('jeton_invalide');
    return { kind: 'organisme', ...body };
  }
  // The same reading of the session cookie as every page (lib/auth/viewer.ts); an aidant has no caller here.
  const viewer = await viewerOfSession(db, await requestSession());
  if (viewer?.role === 'citoyen') return { kind: 'usager', classSessionId: viewer.persona.classSessionId, personaId: viewer.persona.id };
  if (viewer?.role === 'agent') return { kind: 'agent', classSessionId: viewer.agent.classSessionId, agency: viewer.agent.agencyId };
  if (viewer?.role === 'enseignant') return { kind: 'enseignant', teacherId: viewer.teacher.id };
  throw new PlatformError('non_authentifie');
}

/** The journal reader a caller stands for; a teacher names one of their séances (`?seance=`), or gets their latest. */
export async function journalReaderOf(db: AsyncExecutor, caller: ApiCaller, seance: string | null): Promise<JournalReader> {
  switch (caller.kind) {
    case 'organisme':
    case 'agent':
      return { kind: 'organisme', classSessionId: caller.classSessionId, agency: caller.agency };
    case 'usager':
      return { kind: 'usager', classSessionId: caller.classSessionId, personaId: caller.personaId };
    case 'enseignant': {
      const owned = await db
        .select({ id: classSessions.id })
        .from(classSessions)
        .where(seance ? and(eq(classSessions.teacherId, caller.teacherId), eq(classSessions.id, seance)) : eq(classSessions.teacherId, caller.teacherId))
        .orderBy(desc(classSessions.createdAt))
        .get();
      if (!owned) throw new PlatformError(seance ? 'acces_refuse' : 'introuvable', seance ? 'Cette séance n’est pas l’une des vôtres.' : 'Vous n’avez encore aucune séance.');
      return { kind: 'enseignant', classSessionId: owned.id };
    }
  }
}
