import { database } from '@/db/engine';
import { PlatformError } from '@/lib/platform/errors';
import { requestExchange } from '@/lib/platform/gateway';
import { apiHandler, json, readJson } from '@/lib/platform/http';
import { authenticateToken } from '@/lib/platform/tokens';

export const dynamic = 'force-dynamic';

/** A body asks another body's data through the platform (docs/API.md, "Exchanges"). */
export function POST(request: Request) {
  return apiHandler(async () => {
    const header = request.headers.get('authorization') ?? '';
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) throw new PlatformError('jeton_invalide', 'Présentez le jeton de votre organisme : Authorization: Bearer <jeton>.');
    const db = database();
    const caller = await authenticateToken(db, token);
    if (!caller) throw new PlatformError('jeton_invalide');
    const outcome = await requestExchange(db, caller, await readJson(request));
    return json(outcome.body, outcome.status);
  });
}
