import { exchangeCode } from '@/lib/auth/idp/provider';
import { OAuthError } from '@/lib/auth/idp/errors';
import { idpContext, idpRoute } from '@/lib/auth/idp/http';

export const dynamic = 'force-dynamic';

export const POST = idpRoute(async (request, provider) => {
  if (!(request.headers.get('content-type') ?? '').startsWith('application/x-www-form-urlencoded')) {
    throw new OAuthError('invalid_request', 'Le corps doit être au format application/x-www-form-urlencoded.');
  }
  const form = new URLSearchParams(await request.text());
  const { db, issuerBase } = idpContext();
  const tokens = await exchangeCode(db, provider, request.headers.get('authorization'), form, issuerBase);
  return Response.json(tokens, { headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } });
});
