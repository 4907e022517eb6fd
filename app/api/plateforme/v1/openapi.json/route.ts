import { env } from '@/lib/env';
import { openApiDocument } from '@/lib/platform/openapi';

export const dynamic = 'force-dynamic';

/** Public: the OpenAPI description of the platform's API. */
export function GET() {
  return Response.json(openApiDocument(env().baseUrl), { headers: { 'Cache-Control': 'public, max-age=60' } });
}
