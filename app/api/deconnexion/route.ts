import { getToken } from 'next-auth/jwt';
import type { NextRequest } from 'next/server';
import { endpointsFor, idpNameSchema } from '@/lib/auth/idp/config';
import { env } from '@/lib/env';
import { secrets } from '@/lib/secrets';

export const dynamic = 'force-dynamic';

const sessionCookiePrefixes = ['next-auth.session-token', '__Secure-next-auth.session-token'];

/**
 * Signs out of e-Guichet and of the identity provider: clears the session cookie,
 * then sends the browser to the provider's end-session endpoint (which comes back to the home page).
 */
export async function POST(request: NextRequest) {
  const { baseUrl } = env();
  // A cross-site form must not sign people out (the browser sends Origin on POST).
  const origin = request.headers.get('origin');
  if (origin && origin !== new URL(baseUrl).origin && origin !== request.nextUrl.origin) {
    return Response.json({ erreur: 'origine_refusee', message: 'Requête refusée : elle ne vient pas d’e-Guichet.' }, { status: 403 });
  }
  const token = await getToken({ req: request, secret: secrets().authSecret });
  let location = `${baseUrl}/`;
  const provider = idpNameSchema.safeParse(token?.provider);
  if (provider.success && token?.idToken) {
    const end = new URL(endpointsFor(baseUrl, provider.data).end_session_endpoint);
    end.searchParams.set('id_token_hint', token.idToken);
    end.searchParams.set('post_logout_redirect_uri', `${baseUrl}/`);
    location = end.toString();
  }
  const response = new Response(null, { status: 303, headers: { Location: location } });
  for (const cookie of request.cookies.getAll()) {
    if (sessionCookiePrefixes.some((prefix) => cookie.name.startsWith(prefix))) {
      const secure = cookie.name.startsWith('__Secure-') ? '; Secure' : '';
      response.headers.append('Set-Cookie', `${cookie.name}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    }
  }
  return response;
}
