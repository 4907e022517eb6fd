import { eq, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { AsyncExecutor } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { classSessions } from '../../db/tables';
import type { ClassSession } from './sessions';

// The séance's row, read by most pages and by every automatic instruction: built once (db/prepared.ts).
const byId = prepared((db) => db.select().from(classSessions).where(eq(classSessions.id, sql.placeholder('id'))));

/**
 * The séance's row. Read once per page view: the page, its metadata and what they call (due instruction, clock,
 * network, fines) share it through React's cache, which lives as long as one server render; elsewhere (server actions,
 * route handlers, live streams, tests) each call reads the database.
 */
export const sessionById = cache(async (db: AsyncExecutor, classSessionId: string): Promise<ClassSession | null> => (await byId(db).get({ id: classSessionId })) ?? null);
