import { database } from '../../../db/engine';
import { env } from '../../env';
import { idpNameSchema, lifetimes, type IdpName } from './config';
import { OAuthError, oauthErrorResponse } from './errors';

type Context = { params: Promise<{ provider: string }> };

export const idpSessionCookie = (provider: IdpName) => `eguichet_idp_${provider}`;

/** The Set-Cookie header of the provider's session: `value` null clears it. Same attributes both ways. */
export function idpSessionCookieHeader(provider: IdpName, value: string | null, issuerBase: string): string {
  const secure = issuerBase.startsWith('https:') ? '; Secure' : '';
  const maxAge = value === null ? 0 : lifetimes.sessionMs / 1000;
  return `${idpSessionCookie(provider)}=${value ?? ''}; Path=/; Max-Age=${maxAge}; HttpOnly; SameSite=Lax${secure}`;
}

/** Wraps an IdP route handler: resolves the provider from the URL and turns OAuth errors into responses. */
export function idpRoute(handler: (request: Request, provider: IdpName) => Promise<Response> | Response) {
  return async (request: Request, context: Context): Promise<Response> => {
    const parsed = idpNameSchema.safeParse((await context.params).provider);
    if (!parsed.success) return Response.json({ erreur: 'fournisseur_inconnu', message: 'Fournisseur d’identité inconnu.' }, { status: 404 });
    try {
      return await handler(request, parsed.data);
    } catch (error) {
      if (error instanceof OAuthError) return oauthErrorResponse(error);
      throw error;
    }
  };
}

export function readCookie(request: Request, name: string): string | undefined {
  for (const part of (request.headers.get('cookie') ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

export const idpContext = () => ({ db: database(), issuerBase: env().baseUrl });
