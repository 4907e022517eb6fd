import { discoveryDocument } from '@/lib/auth/idp/config';
import { idpContext, idpRoute } from '@/lib/auth/idp/http';

export const dynamic = 'force-dynamic';

export const GET = idpRoute((_request, provider) => Response.json(discoveryDocument(idpContext().issuerBase, provider)));
