import { health } from '@/lib/health';

export const dynamic = 'force-dynamic';

/** Health check (docs/API.md): 200 when the database answers, 503 otherwise. */
export async function GET() {
  const { status, body } = await health();
  return Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } });
}
