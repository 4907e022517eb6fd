import { publicJwk } from '@/lib/auth/idp/keys';
import { idpRoute } from '@/lib/auth/idp/http';

export const dynamic = 'force-dynamic';

export const GET = idpRoute(async (_request, provider) => Response.json({ keys: [await publicJwk(provider)] }));
