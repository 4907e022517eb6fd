import { eq, sql } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { classSessions } from '../../db/tables';
import type { ClassSession } from './sessions';

// The séance's row, read by most pages and by every automatic instruction: built once (db/prepared.ts).
const byId = prepared((db) => db.select().from(classSessions).where(eq(classSessions.id, sql.placeholder('id'))));

export async function sessionById(db: AsyncExecutor, classSessionId: string): Promise<ClassSession | null> {
  return (await byId(db).get({ id: classSessionId })) ?? null;
}
