import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { agents, antaiNotices, caseFiles, cases, classSessions, documents, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { testCardNumber } from '../../payments/card';
import { maxProofBytes } from '../../uploads/limits';
import { agentDecide, startOnBehalf } from '../agent';
import { saveStep, startBlocked } from '../drafts';
import { createCase, saveDraft, type Actor } from '../engine/cases';
import { runDueInstruction, submitCase } from '../engine/run';
import { timeScaleOfSession } from '../engine/session-clock';
import type { CaseRow, Persona, RawValues } from '../engine/types';
import { firstInvalidStep, procedures } from '../registry';
import { fineContestation } from './contest';
import { issueNotices, noticesOf, noticeStatus, payNotice } from './notices';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const citizen = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: p.givenNames });
const card = { numero: testCardNumber, expiration: '08/29', cryptogramme: '123', titulaire: 'Élodie Marchand' };
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const reread = async (c: CaseRow) => (await db.select().from(cases).where(eq(cases.id, c.id)).get())!;
const pdf = (size = 600) => new Uint8Array([...Buffer.from('%PDF-1.4\n'), ...new Uint8Array(size)]);
const form = (values: Record<string, string | File>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.append(k, v);
  return data;
};

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
  await db.update(classSessions).set({ minutesPerMonth: 30, autoInstructionDelaySeconds: 10 }).where(eq(classSessions.id, session)).run();
  await issueNotices(db, session);
});

/** Élodie's parking notice, contested through the steps (the file through `saveStep`, as the browser sends it). */
async function contest(p: Persona, motif: string, at: Date): Promise<CaseRow> {
  const [notice] = await noticesOf(db, p, at);
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure: 'contestation-amende' }, at);
  c = await saveDraft(db, c, 'avis', { avis: notice!.id }, at);
  c = await saveDraft(db, c, 'motif', { motif, explication: 'Ma voiture était au garage ce jour-là, le garagiste l’a déplacée.' }, at);
  expect(await saveStep(db, c, p, 'piece', form({ piece: new File([pdf()], 'recepisse.pdf', { type: 'application/pdf' }) }))).toEqual({ ok: true, next: null });
  return submitCase(db, await reread(c), p, citizen(p), at);
}

describe('a file field in a procedure’s step (engine)', () => {
  it('stores the checked file with the draft, says what is wrong beside the field, and keeps the file joined before', async () => {
    const elodie = await persona('elodie-marchand');
    const c = await createCase(db, { classSessionId: session, personaId: elodie.id, procedure: 'contestation-amende', answers: { motif: { motif: 'vol', explication: 'On m’a volé mes plaques.' } } });
    // Nothing chosen: the step asks for it.
    expect(await saveStep(db, c, elodie, 'piece', form({}))).toMatchObject({ ok: false, errors: { piece: expect.stringMatching(/^Joignez votre preuve\s: un PDF, ou une photo JPEG ou PNG\.$/) } });
    const first = await saveStep(db, await reread(c), elodie, 'piece', form({ piece: new File([pdf()], 'plainte.pdf') }));
    expect(first).toEqual({ ok: true, next: null });
    expect((await reread(c)).answers.piece).toEqual({ piece: 'plainte.pdf (1\u00a0Ko)' });
    // A text file named .pdf, then a file too large: each refused beside the field; the one joined before stays.
    const fake = await saveStep(db, await reread(c), elodie, 'piece', form({ piece: new File(['bonjour'], 'faux.pdf') }));
    expect(fake).toMatchObject({ ok: false, errors: { piece: expect.stringContaining('n’est ni un PDF, ni une image JPEG ou PNG') } });
    const big = await saveStep(db, await reread(c), elodie, 'piece', form({ piece: new File([pdf(maxProofBytes)], 'scan.pdf') }));
    expect(big).toMatchObject({ ok: false, errors: { piece: expect.stringMatching(/dépasse 2\sMo/) } });
    expect((await reread(c)).answers.piece).toEqual({ piece: 'plainte.pdf (1\u00a0Ko)' });
    // Another good one replaces it: one file of that kind per case.
    await saveStep(db, await reread(c), elodie, 'piece', form({ piece: new File([pdf(5000)], 'plainte-complete.pdf') }));
    const files = await db.select().from(caseFiles).where(eq(caseFiles.caseId, c.id)).all();
    expect(files.map((f) => [f.kind, f.originalName, f.mime])).toEqual([['piece_contestation', 'plainte-complete.pdf', 'application/pdf']]);
    // A value typed in the form for a file field is never taken for a file.
    await saveStep(db, await reread(c), elodie, 'piece', form({ piece: 'autre.pdf (3 Ko)' }));
    expect((await reread(c)).answers.piece).toEqual({ piece: 'plainte-complete.pdf (5\u00a0Ko)' });
  });
});

describe('contester un avis de contravention', () => {
  it('a stolen plate, with its complaint: the notice cannot be paid while examined, then is classée by the automatic officer', async () => {
    const elodie = await persona('elodie-marchand');
    const start = new Date();
    const c = await contest(elodie, 'vol', start);
    expect(c).toMatchObject({ state: 'depose', agency: 'antai' });
    const [notice] = await noticesOf(db, elodie);
    expect(notice).toMatchObject({ state: 'contestee', contestCaseId: c.id });
    await expect(payNotice(db, elodie, notice!.id, card)).rejects.toMatchObject({ code: 'contestee' });
    // Contested once: a second contestation finds nothing to contest.
    const again = await createCase(db, { classSessionId: session, personaId: elodie.id, procedure: 'contestation-amende', answers: { avis: { avis: notice!.id } } });
    expect(await procedures['contestation-amende'].steps[0]!.validate({ avis: notice!.id }, { db, persona: elodie, answers: again.answers })).toMatchObject({ ok: false, errors: { avis: expect.stringContaining('ne peut plus être contesté') } });
    await runDueInstruction(db, session, minutes(start, 1));
    expect((await reread(c)).state).toBe('accepte');
    const [closed] = await noticesOf(db, elodie);
    expect(closed!.state).toBe('classee');
    await expect(payNotice(db, elodie, notice!.id, card)).rejects.toMatchObject({ code: 'classee' });
    expect(await db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'classement_amende'))).all()).toHaveLength(1);
  });

  it('disputing the offence itself: rejected by the automatic officer, the forfait is due again without reduction, paid once', async () => {
    const nicolas = await persona('nicolas-henry');
    const start = new Date();
    const c = await contest(nicolas, 'autre', start);
    await runDueInstruction(db, session, minutes(start, 1));
    expect(await reread(c)).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('ne montrent pas') } });
    const [notice] = await noticesOf(db, nicolas);
    expect(notice).toMatchObject({ state: 'a_payer', reopenedAt: expect.any(Date) });
    // Within what would have been the reduced period, the forfait is due: the reduction is lost; no second contestation.
    const scale = await timeScaleOfSession(db, session);
    expect(noticeStatus(notice!, scale, minutes(start, 2))).toMatchObject({ due: { stage: 'forfaitaire', cents: 6_800 }, contestable: false });
    expect(await firstInvalidStep(fineContestation, { db, persona: nicolas, answers: { avis: { avis: notice!.id } } })).toMatchObject({ step: { id: 'avis' } });
    const paid = await payNotice(db, nicolas, notice!.id, { ...card, titulaire: 'Nicolas Henry' });
    expect(paid.notice).toMatchObject({ state: 'payee', paidCents: 6_800 });
    await expect(payNotice(db, nicolas, notice!.id, { ...card, titulaire: 'Nicolas Henry' })).rejects.toMatchObject({ code: 'deja_payee' });
  });

  it('an officer played by a student weighs it: the rules wait for them, and their "classer" is followed whatever the reason', async () => {
    await db.update(classSessions).set({ bodiesPlayed: ['antai'] }).where(eq(classSessions.id, session)).run();
    const officer = (await db.select().from(agents).where(and(eq(agents.agencyId, 'antai'), eq(agents.classSessionId, session))).get())!;
    const nicolas = await persona('nicolas-henry');
    const start = new Date();
    const c = await contest(nicolas, 'autre', start);
    await runDueInstruction(db, session, minutes(start, 1));
    expect((await reread(c)).state).toBe('depose');
    await agentDecide(db, officer, c.id, 'prendre', null);
    expect(await agentDecide(db, officer, c.id, 'accepter', 'La photo du radar est floue.')).toMatchObject({ state: 'accepte' });
    expect((await noticesOf(db, nicolas))[0]!.state).toBe('classee');
  });

  it('withdrawn by the person, the notice is to pay again; the filing is refused if the notice was paid meanwhile', async () => {
    const elodie = await persona('elodie-marchand');
    const start = new Date();
    const c = await contest(elodie, 'cession', start);
    const { transition } = await import('../engine/transition');
    await transition(db, c, 'classer_sans_suite', citizen(elodie), { text: 'Demande abandonnée par la personne.' });
    const [notice] = await noticesOf(db, elodie);
    expect(notice).toMatchObject({ state: 'a_payer', reopenedAt: expect.any(Date) });
    await payNotice(db, elodie, notice!.id, card);
    // The filing's own guard (a payment in another tab between the steps' check and the filing): nothing is filed.
    const late: CaseRow = { ...c, id: crypto.randomUUID(), state: 'depose' };
    await expect(fineContestation.moved!(db, late, 'brouillon', new Date())).rejects.toMatchObject({ code: 'avis_deja_traite' });
    expect((await db.select().from(antaiNotices).where(eq(antaiNotices.id, notice!.id)).get())!.state).toBe('payee');
  });
});

export type { RawValues };

describe('a contestation with nothing to contest', () => {
  it('is said before any draft is made: to the person, and to an agent keying one in for them', async () => {
    const lea = await persona('lea-martin');
    const elodie = await persona('elodie-marchand');
    expect(await noticesOf(db, lea)).toEqual([]);
    expect(await startBlocked(db, lea, 'contestation-amende')).toMatchObject({ reason: expect.stringMatching(/^Vous n’avez aucun avis de contravention à contester/), forOther: expect.stringMatching(/^La personne n’a aucun avis/) });
    expect(await startBlocked(db, elodie, 'contestation-amende')).toBeNull();
    const clerk = (await db.select().from(agents).where(eq(agents.classSessionId, session)).get())!;
    await expect(startOnBehalf(db, clerk, lea.id, 'contestation-amende', 'papier')).rejects.toMatchObject({ code: 'rien_a_demander' });
    expect(await db.select().from(cases).where(eq(cases.personaId, lea.id)).all()).toEqual([]);
    // A draft already open is resumed, whatever happened since (its notice paid meanwhile, say): online, on paper.
    await createCase(db, { classSessionId: session, personaId: lea.id, procedure: 'contestation-amende' });
    expect(await startBlocked(db, lea, 'contestation-amende')).toBeNull();
    expect(await startBlocked(db, lea, 'contestation-amende', 'papier')).not.toBeNull();
    const keyed = await createCase(db, { classSessionId: session, personaId: lea.id, procedure: 'contestation-amende', channel: 'papier' });
    expect((await startOnBehalf(db, clerk, lea.id, 'contestation-amende', 'papier')).id).toBe(keyed.id);
  });
});
