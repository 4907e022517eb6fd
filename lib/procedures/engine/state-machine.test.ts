import { describe, expect, it } from 'vitest';
import { actorKinds, caseStates } from '../../../db/schema';
import { checkTransition, transitions, type CaseAction } from './state-machine';

// Every (action × state × actor) is either the one allowed transition or refused with a reason.
const allowed: Record<CaseAction, { from: string[]; by: string[]; to: string }> = {
  deposer: { from: ['brouillon'], by: ['usager', 'aidant', 'agent'], to: 'depose' },
  prendre: { from: ['depose'], by: ['agent', 'systeme'], to: 'en_instruction' },
  demander_complement: { from: ['en_instruction'], by: ['agent'], to: 'complement_demande' },
  repondre_complement: { from: ['complement_demande'], by: ['usager', 'aidant'], to: 'en_instruction' },
  accepter: { from: ['en_instruction'], by: ['agent', 'systeme'], to: 'accepte' },
  refuser: { from: ['en_instruction'], by: ['agent', 'systeme'], to: 'refuse' },
  classer_sans_suite: { from: ['brouillon', 'depose', 'en_instruction', 'complement_demande'], by: ['usager', 'aidant', 'agent', 'systeme'], to: 'sans_suite' },
};

describe('the case state machine', () => {
  for (const action of Object.keys(transitions) as CaseAction[]) {
    for (const state of caseStates) {
      for (const actor of actorKinds) {
        const rule = allowed[action];
        const expected = !rule.from.includes(state) ? 'etat_incompatible' : !rule.by.includes(actor) ? 'acteur_non_autorise' : 'ok';
        it(`${action} from ${state} by ${actor} → ${expected === 'ok' ? rule.to : expected}`, () => {
          const check = checkTransition(action, state, actor, 'un motif');
          if (expected === 'ok') expect(check).toEqual({ ok: true, to: rule.to });
          else expect(check).toMatchObject({ ok: false, code: expected });
        });
      }
    }
  }

  it.each(['refuser', 'demander_complement', 'repondre_complement'] as const)('%s needs a text', (action) => {
    const from = allowed[action].from[0] as (typeof caseStates)[number];
    const by = allowed[action].by[0] as (typeof actorKinds)[number];
    expect(checkTransition(action, from, by, '  ')).toMatchObject({ ok: false, code: 'motif_requis' });
    expect(checkTransition(action, from, by, null)).toMatchObject({ ok: false, code: 'motif_requis' });
  });

  it('leaves no way out of a final state', () => {
    for (const state of ['accepte', 'refuse', 'sans_suite'] as const) {
      for (const action of Object.keys(transitions) as CaseAction[]) for (const actor of actorKinds) expect(checkTransition(action, state, actor, 'x').ok).toBe(false);
    }
  });
});
