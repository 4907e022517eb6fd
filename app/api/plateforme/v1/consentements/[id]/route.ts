import { database } from '@/db/engine';
import { assertSameOrigin, resolveApiCaller } from '@/lib/platform/api-caller';
import { consentView, withdrawConsent } from '@/lib/platform/consents';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

/** The citizen withdraws a consent: exchanges that relied on it are refused from now on. */
export function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return apiHandler(async () => {
    assertSameOrigin(request);
    const db = database();
    const caller = await resolveApiCaller(db, request);
    if (caller.kind !== 'usager') throw new PlatformError('acces_refuse', 'Seule la personne concernée gère ses accords.');
    const { id } = await params;
    return json(consentView(await withdrawConsent(db, caller.personaId, id)));
  });
}
