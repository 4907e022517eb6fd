import { openDataSchema } from '@/lib/open-data';

/** The Table Schema of the séance's open data: the same for every séance, public like any published schema. */
export function GET() {
  return Response.json(openDataSchema, { headers: { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'public, max-age=3600' } });
}
