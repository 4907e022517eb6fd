import { endSession } from '@/lib/auth/idp/provider';
import { idpContext, idpRoute, idpSessionCookie, idpSessionCookieHeader, readCookie } from '@/lib/auth/idp/http';
import { loggedOutPage } from '@/lib/auth/idp/error-page';

export const dynamic = 'force-dynamic';

export const GET = idpRoute(async (request, provider) => {
  const { db, issuerBase } = idpContext();
  const params = new URL(request.url).searchParams;
  const { location } = await endSession(db, provider, params, readCookie(request, idpSessionCookie(provider)), issuerBase);
  const clear = idpSessionCookieHeader(provider, null, issuerBase);
  if (location) return new Response(null, { status: 303, headers: { Location: location, 'Set-Cookie': clear } });
  const page = loggedOutPage(provider);
  page.headers.append('Set-Cookie', clear);
  return page;
});
