import { userinfo } from '@/lib/auth/idp/provider';
import { idpContext, idpRoute } from '@/lib/auth/idp/http';

export const dynamic = 'force-dynamic';

const handler = idpRoute(async (request, provider) =>
  Response.json(await userinfo(idpContext().db, provider, request.headers.get('authorization')), { headers: { 'Cache-Control': 'no-store' } }),
);
export { handler as GET, handler as POST };
