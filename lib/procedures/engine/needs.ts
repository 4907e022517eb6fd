import type { AsyncExecutor } from '../../../db/engine';
import type { Persona, ProcedureDef, StartBlocked } from './types';

/**
 * A procedure that acts on something the person must have first (a fine to contest, a refusal to take to the CADA):
 * `ProcedureDef.cannotStart` says `blocked` while `read` finds none of them.
 */
export function needs(read: (db: AsyncExecutor, persona: Persona) => Promise<unknown[]>, blocked: StartBlocked): NonNullable<ProcedureDef['cannotStart']> {
  return async (db, persona) => ((await read(db, persona)).length > 0 ? null : blocked);
}
