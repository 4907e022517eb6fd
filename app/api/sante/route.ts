import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/** Health check (docs/API.md): 200 when the database answers, 503 otherwise. */
export function GET() {
  const version = packageJson.version;
  try {
    getDb().get(sql`select count(*) from agencies`);
    return Response.json({ statut: 'ok', base: 'ok', version }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ statut: 'degrade', base: 'indisponible', version }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
