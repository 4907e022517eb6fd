import { database } from '../../db/engine';
import { PlatformError } from './errors';
import { requestExchangeWithToken } from './gateway';
import { answerApi, readJson, type ApiAnswer, type ApiRequest } from './http';
import { authenticateToken } from './tokens';

// POST /api/plateforme/v1/echanges (docs/API.md, "Exchanges"): a body asks another body's data through the platform.
// One handler, two doors: each server process answers it beside Next (scripts/worker.ts: the bodies' systems call it
// all day, and Next's routing, proxy and Web streams cost more than the exchange itself, docs/performance.md); the
// route handler in app/ answers it under `next dev`.

export async function answerExchangeCall(request: ApiRequest): Promise<ApiAnswer> {
  return answerApi(async () => {
    const token = /^Bearer\s+(\S+)$/i.exec(request.header('authorization') ?? '')?.[1];
    if (!token) throw new PlatformError('jeton_invalide', 'Présentez le jeton de votre organisme : Authorization: Bearer <jeton>.');
    const db = database();
    // The body is read before the token is looked up, so that the token, the person and the provider's state are read
    // together (gateway.ts); a caller without a valid token still learns nothing but that.
    const body = await readJson(request).then((value) => ({ value }), (error: unknown) => ({ error }));
    if ('error' in body) {
      if (!(await authenticateToken(db, token))) throw new PlatformError('jeton_invalide');
      throw body.error;
    }
    const outcome = await requestExchangeWithToken(db, token, body.value);
    if (!outcome) throw new PlatformError('jeton_invalide');
    return { status: outcome.status, body: outcome.body };
  });
}
