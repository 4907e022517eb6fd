import { describe, expect, it } from 'vitest';
import { sentBefore } from './citizen';
import { stateLabels } from './engine/state-machine';
import type { CaseState } from '../../db/schema';

describe('a retry of « Envoyer ma demande »', () => {
  // The deux-serveurs browser test once retried after its server died mid-answer: 20 s later the rules had decided the
  // birth certificate, and the page no longer said it was sent.
  it('finds the request sent whatever has become of it since, and a draft not sent', () => {
    for (const state of Object.keys(stateLabels) as CaseState[]) {
      expect(sentBefore({ state, receiptNumber: 'EG-2026-ABCDEF' }), state).toBe(state !== 'brouillon');
      expect(sentBefore({ state, receiptNumber: null }), state).toBe(false);
    }
  });
});
