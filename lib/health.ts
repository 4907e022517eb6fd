import { count } from 'drizzle-orm';
import { database } from '../db/engine';
import { agencies } from '../db/tables';
import packageJson from '../package.json';

/** Health check (docs/API.md): 200 when the database answers, 503 otherwise. The site's route and the platform's door. */
export async function health(): Promise<{ status: 200 | 503; body: { statut: string; base: string; version: string } }> {
  const version = packageJson.version;
  try {
    await database().select({ n: count() }).from(agencies).get();
    return { status: 200, body: { statut: 'ok', base: 'ok', version } };
  } catch {
    return { status: 503, body: { statut: 'degrade', base: 'indisponible', version } };
  }
}
