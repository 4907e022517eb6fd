import { journalJwks } from '@/lib/platform/checkpoints';

export const dynamic = 'force-dynamic';

/** Public: the key (JWK set, ES256) that verifies the journal's signed checkpoints (lib/platform/checkpoints.ts). */
export function GET() {
  return Response.json(journalJwks(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
