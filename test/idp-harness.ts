import * as discovery from '../app/api/idp/[provider]/.well-known/openid-configuration/route';
import * as authorizeRoute from '../app/api/idp/[provider]/authorize/route';
import * as jwks from '../app/api/idp/[provider]/jwks/route';
import * as endSessionRoute from '../app/api/idp/[provider]/session/end/route';
import * as interactionRoute from '../app/api/idp/[provider]/interaction/route';
import * as token from '../app/api/idp/[provider]/token/route';
import * as userinfoRoute from '../app/api/idp/[provider]/userinfo/route';

type Handler = (request: Request, context: { params: Promise<{ provider: string }> }) => Promise<Response>;

const routes: Record<string, Handler> = {
  'GET /.well-known/openid-configuration': discovery.GET,
  'GET /authorize': authorizeRoute.GET,
  'POST /token': token.POST,
  'GET /userinfo': userinfoRoute.GET,
  'POST /userinfo': userinfoRoute.POST,
  'GET /jwks': jwks.GET,
  'GET /session/end': endSessionRoute.GET,
  'POST /interaction': interactionRoute.POST,
};

/**
 * A fetch that sends requests for /api/idp/<provider>/… to the real route handlers, in process:
 * a generic OIDC client library talks HTTP semantics to the provider without a server.
 */
export async function idpFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const request = new Request(input, init);
  const url = new URL(request.url);
  const match = /^\/api\/idp\/([^/]+)(\/.*)$/.exec(url.pathname);
  const handler = match ? routes[`${request.method} ${match[2]}`] : undefined;
  if (!match || !handler) return new Response('not found', { status: 404 });
  return handler(request, { params: Promise.resolve({ provider: match[1] ?? '' }) });
}
