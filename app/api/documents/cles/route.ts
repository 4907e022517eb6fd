import { documentJwks } from '@/lib/documents/keys';

export const dynamic = 'force-dynamic';

/** Public: the key that verifies the seal (JWS, ES256) of every document e-Guichet issues. */
export async function GET() {
  return Response.json(await documentJwks(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
