import { count } from 'drizzle-orm';
import { database } from '@/db/engine';
import { agencies } from '@/db/tables';
import packageJson from '@/package.json';

export const dynamic = 'force-dynamic';

/** Health check (docs/API.md): 200 when the database answers, 503 otherwise. */
export async function GET() {
  const version = packageJson.version;
  try {
    await database().select({ n: count() }).from(agencies).get();
    return Response.json({ statut: 'ok', base: 'ok', version }, { headers: { 'Cache-Control': 'no-store' } });
  } catch {
    return Response.json({ statut: 'degrade', base: 'indisponible', version }, { status: 503, headers: { 'Cache-Control': 'no-store' } });
  }
}
