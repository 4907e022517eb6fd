// Which HTTP methods each route handler (app/**/route.ts) answers, so that any other method gets the API's own
// error shape — 405 with { erreur, message } and an Allow header — instead of Next.js's empty 405 (proxy.ts).
// route-methods.test.ts reads every route file and fails when this table and the files disagree.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export const routeMethods: Record<string, readonly HttpMethod[]> = {
  '/agent/justificatifs/[id]': ['GET'],
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/deconnexion': ['POST'],
  '/api/documents/[id]/verification': ['GET'],
  '/api/documents/cles': ['GET'],
  '/api/enseignant/seances/[id]/flux': ['GET'],
  '/api/idp/[provider]/.well-known/openid-configuration': ['GET'],
  '/api/idp/[provider]/authorize': ['GET'],
  '/api/idp/[provider]/interaction': ['POST'],
  '/api/idp/[provider]/jwks': ['GET'],
  '/api/idp/[provider]/session/end': ['GET'],
  '/api/idp/[provider]/token': ['POST'],
  '/api/idp/[provider]/userinfo': ['GET', 'POST'],
  '/api/mises-a-jour/flux': ['GET'],
  '/api/notifications/flux': ['GET'],
  '/api/plateforme/v1/catalogue': ['GET'],
  '/api/plateforme/v1/consentements': ['GET', 'POST'],
  '/api/plateforme/v1/consentements/[id]': ['DELETE'],
  '/api/plateforme/v1/echanges': ['POST'],
  '/api/plateforme/v1/echanges/[id]': ['GET'],
  '/api/plateforme/v1/journal': ['GET'],
  '/api/plateforme/v1/journal/arbre/[seance]': ['GET'],
  '/api/plateforme/v1/journal/arbre/[seance]/consistance': ['GET'],
  '/api/plateforme/v1/journal/arbre/[seance]/inclusion': ['GET'],
  '/api/plateforme/v1/journal/cles': ['GET'],
  '/api/plateforme/v1/journal/verification': ['GET', 'POST'],
  '/api/plateforme/v1/openapi.json': ['GET'],
  '/api/sante': ['GET'],
  '/api/seance/flux': ['GET'],
  '/citoyen/amendes/piece-fictive': ['GET'],
  '/citoyen/coffre-fort/[id]/pdf': ['GET'],
  '/citoyen/mes-donnees/export': ['GET'],
  '/citoyen/mes-donnees/recus/[id]': ['GET'],
  '/enseignant/seances/[id]/bilan/export': ['GET'],
  '/formulaires/[procedure]': ['GET'],
  '/seance/donnees-ouvertes/indicateurs.csv': ['GET'],
  '/seance/donnees-ouvertes/schema.json': ['GET'],
};

const compiled = Object.entries(routeMethods).map(([pattern, methods]) => ({
  segments: pattern.split('/').filter(Boolean),
  methods,
}));

function matches(pattern: string[], path: string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    const segment = pattern[i]!;
    if (segment.startsWith('[...')) return path.length > i;
    if (path[i] === undefined) return false;
    if (!segment.startsWith('[') && segment !== path[i]) return false;
  }
  return path.length === pattern.length;
}

/** The methods a route handler answers at this path, or null when no route handler serves it (a page, or nothing). */
export function methodsAt(pathname: string): readonly HttpMethod[] | null {
  const path = pathname.split('/').filter(Boolean);
  // A literal segment wins over a dynamic one, as in Next.js (e.g. /journal/cles before /journal/[…]).
  const found = compiled
    .filter((route) => matches(route.segments, path))
    .sort((a, b) => b.segments.filter((s) => !s.startsWith('[')).length - a.segments.filter((s) => !s.startsWith('[')).length)[0];
  return found?.methods ?? null;
}

/** Whether a request's method is one the route answers (HEAD with GET, OPTIONS always: Next.js answers them). */
export function methodAllowed(method: string, methods: readonly HttpMethod[]): boolean {
  return method === 'OPTIONS' || (method === 'HEAD' ? methods.includes('GET') : (methods as readonly string[]).includes(method));
}
