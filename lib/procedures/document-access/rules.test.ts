import { describe, expect, it } from 'vitest';
import {
  abusiveRequestCount,
  accessCostCents,
  cadaOpinion,
  cadaOpinionDueAt,
  canReferToCada,
  courtDeadline,
  decideAccess,
  implicitRefusalAt,
  isImplicitlyRefused,
  modeAvailable,
  refusalConfirmedAt,
  type AccessRequest,
  type AdministrativeDocument,
} from './rules';

const minutes = (n: number) => n * 60_000;

// A council's decision about a street works, with a neighbour's name and health in it (vie privée, secret médical)
// and a passage about the police's plans (sécurité publique).
const deliberation: AdministrativeDocument = {
  id: 'deliberation-travaux',
  title: 'Délibération du conseil municipal sur les travaux de la rue des Tilleuls',
  format: 'electronique',
  pages: 4,
  state: 'acheve',
  parts: [
    { text: 'Le conseil municipal décide la réfection de la rue des Tilleuls pour un montant de 84 000 €.' },
    { text: 'Mme Léa Martin, riveraine, a demandé un accès adapté à son état de santé.', ground: 'secret_medical', concerns: 'lea-martin' },
    { text: 'Le plan de circulation des patrouilles pendant les travaux est annexé.', ground: 'securite_publique' },
    { text: 'Les travaux commencent le 4 janvier.' },
  ],
};
const register: AdministrativeDocument = { id: 'registre-1890', title: 'Registre des délibérations de 1890', format: 'papier', pages: 120, state: 'acheve', fragile: true, parts: [{ text: 'Séance du 3 mars 1890.' }] };
const budget: AdministrativeDocument = { id: 'budget', title: 'Budget primitif', format: 'papier', pages: 40, state: 'acheve', parts: [{ text: 'Budget voté.' }] };
const ask = (mode: AccessRequest['mode'], requesterId = 'karim-benali', recentRequests = 0): AccessRequest => ({ mode, requesterId, recentRequests });

describe('the three ways of access and what each costs (article 4 of the law of 1978)', () => {
  it('consultation on the spot and e-mail are free; a paper copy costs 0,18 € a page plus the postage', () => {
    expect(accessCostCents('consultation', budget)).toBe(0);
    expect(accessCostCents('courriel', deliberation)).toBe(0);
    expect(accessCostCents('copie', { pages: 3 })).toBe(3 * 18 + 150);
    expect(accessCostCents('copie', { pages: 4 })).toBe(4 * 18 + 300);
    expect(accessCostCents('copie', budget)).toBe(40 * 18 + 600);
  });

  it('e-mail only for a document that exists in electronic form; no copy of a register that copying would damage', () => {
    expect(modeAvailable('courriel', deliberation)).toEqual({ ok: true });
    expect(modeAvailable('courriel', budget)).toMatchObject({ ok: false, alternatives: ['consultation', 'copie'] });
    expect(modeAvailable('copie', register)).toMatchObject({ ok: false, alternatives: ['consultation'] });
    expect(modeAvailable('courriel', register)).toMatchObject({ ok: false, alternatives: ['consultation'] });
    expect(modeAvailable('consultation', register)).toEqual({ ok: true });
    expect(decideAccess(budget, ask('courriel'))).toMatchObject({ kind: 'mode_impossible' });
  });
});

describe('blacking out (L311-7)', () => {
  it('gives the document with the protected passages blacked out, each with its ground, the rest word for word', () => {
    const decision = decideAccess(deliberation, ask('courriel'));
    expect(decision.kind).toBe('communiquer');
    if (decision.kind !== 'communiquer') return;
    expect(decision.parts).toEqual([
      { text: deliberation.parts[0]!.text },
      { blackedOut: 'secret_medical', length: deliberation.parts[1]!.text.length },
      { blackedOut: 'securite_publique', length: deliberation.parts[2]!.text.length },
      { text: deliberation.parts[3]!.text },
    ]);
    expect(decision.blackedOut).toEqual(['secret_medical', 'securite_publique']);
    expect(JSON.stringify(decision)).not.toContain('état de santé');
    expect(decision.costCents).toBe(0);
  });

  it('shows the person concerned what is about her (L311-6), never what protects public safety (L311-5)', () => {
    const decision = decideAccess(deliberation, ask('consultation', 'lea-martin'));
    if (decision.kind !== 'communiquer') throw new Error(decision.kind);
    expect(decision.parts[1]).toEqual({ text: deliberation.parts[1]!.text });
    expect(decision.parts[2]).toEqual({ blackedOut: 'securite_publique', length: deliberation.parts[2]!.text.length });
    expect(decision.blackedOut).toEqual(['securite_publique']);
  });
});

describe('each ground for saying no', () => {
  it('a document that does not exist need not be made', () => {
    expect(decideAccess(null, ask('courriel'))).toMatchObject({ kind: 'inexistant' });
    expect(cadaOpinion(null, ask('courriel')).avis).toBe('sans_objet');
  });

  it('an unfinished document, a preparatory one while the decision is pending (L311-2)', () => {
    expect(decideAccess({ ...deliberation, state: 'inacheve' }, ask('courriel'))).toMatchObject({ kind: 'refuser', ground: 'inacheve' });
    expect(decideAccess({ ...deliberation, state: 'preparatoire' }, ask('courriel'))).toMatchObject({ kind: 'refuser', ground: 'preparatoire' });
  });

  it('a request abusive by its number, from the tenth to one body in a month', () => {
    expect(decideAccess(deliberation, ask('courriel', 'karim-benali', abusiveRequestCount - 1)).kind).toBe('communiquer');
    expect(decideAccess(deliberation, ask('courriel', 'karim-benali', abusiveRequestCount))).toMatchObject({ kind: 'refuser', ground: 'demande_abusive' });
  });

  it('a document protected whole: nothing left once blacked out', () => {
    const plan = { ...deliberation, parts: [deliberation.parts[2]!] };
    expect(decideAccess(plan, ask('consultation'))).toMatchObject({ kind: 'refuser', ground: 'protege', motif: expect.stringContaining('L311-5') });
    expect(cadaOpinion(plan, ask('consultation')).avis).toBe('defavorable');
  });

  it('the CADA judges the document, not the way asked: a paper-only document asked by e-mail is still communicable', () => {
    expect(cadaOpinion(budget, ask('courriel')).avis).toBe('favorable');
    expect(cadaOpinion(deliberation, ask('courriel')).avis).toBe('favorable_partiel');
  });
});

describe('deadlines on the séance’s clock', () => {
  const scale = { minutesPerMonth: 5 };
  const filedAt = new Date('2026-12-02T09:00:00Z');

  it('a month of silence is a refusal (R311-13); an answer before it is not', () => {
    expect(implicitRefusalAt(filedAt, scale).getTime() - filedAt.getTime()).toBe(minutes(5));
    expect(isImplicitlyRefused(filedAt, false, scale, new Date(filedAt.getTime() + minutes(5) - 1))).toBe(false);
    expect(isImplicitlyRefused(filedAt, false, scale, new Date(filedAt.getTime() + minutes(5)))).toBe(true);
    expect(isImplicitlyRefused(filedAt, true, scale, new Date(filedAt.getTime() + minutes(50)))).toBe(false);
  });

  it('the CADA within two months of the refusal (R343-1), its opinion within one, the refusal confirmed after two, then the court', () => {
    const refusedAt = implicitRefusalAt(filedAt, scale);
    expect(canReferToCada(refusedAt, scale, new Date(refusedAt.getTime() + minutes(10) - 1))).toMatchObject({ ok: true });
    expect(canReferToCada(refusedAt, scale, new Date(refusedAt.getTime() + minutes(10)))).toMatchObject({ ok: false });
    expect(cadaOpinionDueAt(refusedAt, scale).getTime() - refusedAt.getTime()).toBe(minutes(5));
    expect(refusalConfirmedAt(refusedAt, scale).getTime() - refusedAt.getTime()).toBe(minutes(10));
    expect(courtDeadline(refusedAt, { minutesPerMonth: 1 }).getTime() - refusedAt.getTime()).toBe(minutes(2));
  });
});
