import type { AsyncExecutor } from '../../../db/engine';
import { procedures } from '../registry';
import { applyTransition, type Actor } from './cases';
import type { CaseAction } from './state-machine';
import type { CaseRow } from './types';

/**
 * A step of the case's life-cycle, then what its procedure does when the case moves (`ProcedureDef.moved`), in the
 * same transaction: a change of address opens its notices when filed, a contested fine's notice follows its case.
 * Every caller that moves a case (the person, an agent, the rules, the silence) goes through here.
 */
export async function transition(tx: AsyncExecutor, c: CaseRow, action: CaseAction, actor: Actor, options: Parameters<typeof applyTransition>[4] = {}, now = new Date()): Promise<CaseRow> {
  const next = await applyTransition(tx, c, action, actor, options, now);
  await procedures[next.procedure].moved?.(tx, next, c.state, now);
  return next;
}
