import { z } from 'zod';
import { database } from '@/db/engine';
import { agencyIds } from '@/db/schema';
import { assertSameOrigin, resolveApiCaller, type ApiCaller } from '@/lib/platform/api-caller';
import { consentText, consentTextVersion } from '@/lib/platform/consent-text';
import { consentsOf, consentView, grantConsent, maxConsentDays } from '@/lib/platform/consents';
import { PlatformError } from '@/lib/platform/errors';
import { apiHandler, json, readJson } from '@/lib/platform/http';

export const dynamic = 'force-dynamic';

function requireCitizen(caller: ApiCaller) {
  if (caller.kind !== 'usager') throw new PlatformError('acces_refuse', 'Seule la personne concernée gère ses accords.');
  return caller;
}

/** The citizen's consents, active and past. */
export function GET(request: Request) {
  return apiHandler(async () => {
    const db = database();
    const citizen = requireCitizen(await resolveApiCaller(db, request));
    return json({ consentements: (await consentsOf(db, citizen.personaId)).map(consentView) });
  });
}

const grantSchema = z.strictObject({
  consommateur: z.enum(agencyIds),
  fournisseur: z.enum(agencyIds),
  donnees: z.array(z.string().min(1)).min(1),
  finalite: z.string().min(1),
  duree_jours: z.number().int().min(1).max(maxConsentDays),
});

/** The citizen gives a consent: specific, time-limited, revocable. */
export function POST(request: Request) {
  return apiHandler(async () => {
    assertSameOrigin(request);
    const db = database();
    const citizen = requireCitizen(await resolveApiCaller(db, request));
    const parsed = grantSchema.safeParse(await readJson(request));
    if (!parsed.success) {
      throw new PlatformError('requete_invalide', undefined, parsed.error.issues.map((issue) => ({ champ: issue.path.join('.') || '(corps)', message: issue.message })));
    }
    const g = parsed.data;
    const consent = await grantConsent(db, {
      classSessionId: citizen.classSessionId,
      personaId: citizen.personaId,
      consumer: g.consommateur,
      provider: g.fournisseur,
      items: g.donnees,
      purpose: g.finalite,
      days: g.duree_jours,
      shownText: consentText(g.consommateur, g.fournisseur, g.donnees, g.finalite, g.duree_jours),
      textVersion: consentTextVersion,
    });
    return json(consentView({ ...consent, status: 'actif', withdrawnAt: null }), 201);
  });
}
