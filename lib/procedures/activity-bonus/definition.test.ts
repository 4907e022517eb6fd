import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { caseEvents, cases, documents, journalEntries, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { createCase, saveDraft } from '../engine/cases';
import { runDueInstruction, submitCase } from '../engine/run';
import type { CaseRow, Persona } from '../engine/types';
import { prefillOnce } from '../drafts';
import { firstInvalidStep, procedures } from '../registry';
import { correctionsOf, parseEuros, personsIn, prefillKey } from './definition';
import { activityBonus } from './formula';
import { exchangesOf as readerExchanges, exchangesOfCase } from '../../platform/journal-view';

let db: AsyncExecutor;
let session: string;
const person = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const exchangesOf = async (c: CaseRow) => db.select().from(journalEntries).where(eq(journalEntries.caseId, c.id)).orderBy(asc(journalEntries.sequence)).all();
const later = (minutes: number) => new Date(Date.now() + minutes * 60_000);

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
});

describe('prime d’activité', () => {
  it('reads a CAF file’s household and euros as people type them', () => {
    expect(['Célibataire', 'Mariée, 2 enfants', 'Parent isolé, 1 enfant', 'Veuve', 'En couple'].map(personsIn)).toEqual([1, 4, 2, 1, 2]);
    expect(['1200', '1 200', '1\u00a0200 €', '0', '12,50', '-3', 'mille', ''].map(parseEuros)).toEqual([1200, 1200, 1200, 0, null, null, null, null]);
  });

  it('names the month of each amount it cannot read: the error summary lists them apart', async () => {
    const step = procedures['prime-activite'].steps.find((s) => s.id === 'revenus')!;
    const result = await step.validate({ mois1: '1 000,50', mois2: 'abc', mois3: '800', autres: '0' }, { db, persona: await person('thomas-girard'), answers: {} });
    if (result.ok) throw new Error('two amounts were not read');
    expect(Object.keys(result.errors)).toEqual(['mois1', 'mois2']);
    expect(result.errors.mois1).toMatch(/^Écrivez vos revenus d(e |’)\S+ \d{4} en euros, sans les centimes/);
    expect(result.errors.mois1).not.toBe(result.errors.mois2);
  });

  it('a new draft is pre-filled once, through the platform, whoever starts it and however often', async () => {
    const thomas = await person('thomas-girard');
    const draft = await createCase(db, { classSessionId: session, personaId: thomas.id, procedure: 'prime-activite' });
    const [a, b] = await Promise.all([prefillOnce(db, draft, thomas), prefillOnce(db, draft, thomas)]);
    const filled = (await db.select().from(cases).where(eq(cases.id, draft.id)).get())!;
    expect(filled.answers).toMatchObject({ foyer: { personnes: '1' }, revenus: { mois1: '817', mois2: '817', mois3: '817', autres: '0' }, [prefillKey]: { situation: 'Célibataire', rfr: '9800', inscription: expect.stringContaining('Catégorie A') } });
    expect([a.answers, b.answers].some((answers) => Object.keys(answers).length > 0)).toBe(true);
    expect((await exchangesOf(filled)).map((e) => [e.provider, e.legalBasis, e.result])).toEqual([
      ['dgfip', 'mission_de_service_public', 'accorde'],
      ['france-travail', 'mission_de_service_public', 'accorde'],
    ]);
    await prefillOnce(db, filled, thomas);
    expect(await exchangesOf(filled)).toHaveLength(2);
    expect(await firstInvalidStep(procedures['prime-activite'], { db, persona: thomas, answers: filled.answers })).toBeNull();
  });

  it('takes a correction, traces it in the history and the decision, and decides the amount by the formula', async () => {
    const thomas = await person('thomas-girard');
    let c = await prefillOnce(db, await createCase(db, { classSessionId: session, personaId: thomas.id, procedure: 'prime-activite' }), thomas);
    // The same amount written otherwise (« 817 € ») is not a correction; amounts print as French writes them.
    c = await saveDraft(db, c, 'revenus', { ...c.answers.revenus, mois2: '817\u00a0€', mois3: '1200' });
    expect(correctionsOf(c.answers)).toEqual([expect.stringMatching(/^Revenus d(e |’).+\u00a0: 817\u00a0€ d’après la DGFiP → 1\u202f200\u00a0€$/)]);
    c = await submitCase(db, c, thomas, { kind: 'usager', id: thomas.id, label: 'Thomas' });
    expect(c.agency).toBe('caf');
    await runDueInstruction(db, session, later(1));
    expect((await db.select().from(cases).where(eq(cases.id, c.id)).get())!.state).toBe('accepte');
    const expected = activityBonus(1, [81_700, 81_700, 120_000].map((e) => ({ earningsCents: [e], otherResourcesCents: 0 })));
    const decision = (await db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'decision_prime_activite'))).get())!;
    expect(decision.content.donnees).toEqual({ montant_centimes: expected.amountCents, personnes: 1, corrections: 1 });
    expect(JSON.stringify(decision.content.champs)).toContain('1\u202f200\u00a0€');
    const history = await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).all();
    expect(history.some((e) => /Vos corrections, gardées dans le dossier/.test(e.text ?? ''))).toBe(true);
  });

  it('names the draft’s exchanges by the case’s number once it is sent, for the person and for the CAF’s agent', async () => {
    const thomas = await person('thomas-girard');
    let c = await prefillOnce(db, await createCase(db, { classSessionId: session, personaId: thomas.id, procedure: 'prime-activite' }), thomas);
    const asPerson = { kind: 'usager', classSessionId: session, personaId: thomas.id } as const;
    const asCaf = { kind: 'organisme', classSessionId: session, agency: 'caf' } as const;
    // A draft has no number yet: its exchanges name it by its id.
    expect((await exchangesOfCase(db, asPerson, c)).map((r) => [r.entry.provider, r.entry.caseId, r.caseNumber])).toEqual([
      ['france-travail', c.id, null],
      ['dgfip', c.id, null],
    ]);
    c = await submitCase(db, c, thomas, { kind: 'usager', id: thomas.id, label: 'Thomas' });
    expect(c.receiptNumber).toMatch(/^EG-/);
    for (const reader of [asPerson, asCaf]) {
      expect((await exchangesOfCase(db, reader, c)).map((r) => [r.entry.provider, r.caseNumber])).toEqual([
        ['france-travail', c.receiptNumber],
        ['dgfip', c.receiptNumber],
      ]);
      // The lists that are not a case's say it too.
      expect((await readerExchanges(db, reader)).filter((r) => r.entry.caseId === c.id).map((r) => r.caseNumber)).toEqual([c.receiptNumber, c.receiptNumber]);
    }
  });

  it('says no, with the computed figure, when the earnings are too high', async () => {
    const olivier = await person('olivier-chevalier');
    let c = await prefillOnce(db, await createCase(db, { classSessionId: session, personaId: olivier.id, procedure: 'prime-activite' }), olivier);
    // No CAF file: the household is his to say; the DGFiP's figure stands.
    expect(c.answers.foyer).toEqual({ personnes: '' });
    c = await saveDraft(db, c, 'foyer', { personnes: '3' });
    c = await submitCase(db, c, olivier, { kind: 'usager', id: olivier.id, label: 'Olivier' });
    await runDueInstruction(db, session, later(1));
    expect((await db.select().from(cases).where(eq(cases.id, c.id)).get())).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('pas versée en dessous de 15') } });
  });
});
