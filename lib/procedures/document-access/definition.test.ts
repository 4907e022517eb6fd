import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { agents, cases, classSessions, documents, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { createCase, saveDraft, timelineOf, type Actor } from '../engine/cases';
import { agentDecide, agentPassedCase, agentQueue } from '../agent';
import { runDueInstruction, submitCase } from '../engine/run';
import type { CaseRow, Persona, RawValues } from '../engine/types';
import { firstInvalidStep, procedures } from '../registry';
import { refusedRequests } from './definition';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const citizen = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: p.givenNames });
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const reread = async (c: CaseRow) => (await db.select().from(cases).where(eq(cases.id, c.id)).get())!;

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
  // A month lasts 5 minutes (the default); the bodies decide 10 s after a request.
  await db.update(classSessions).set({ minutesPerMonth: 5, autoInstructionDelaySeconds: 10 }).where(eq(classSessions.id, session)).run();
});

async function file(p: Persona, procedure: 'acces-document' | 'saisine-cada', answers: Record<string, RawValues>, at: Date) {
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure }, at);
  for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values, at);
  return submitCase(db, c, p, citizen(p), at);
}
const ask = (p: Persona, organisme: string, document: string, mode: string, at: Date, description?: string) =>
  file(p, 'acces-document', { organisme: { organisme }, document: { document }, ...(description ? { description: { description } } : {}), mode: { mode } }, at);
const docsOf = async (c: CaseRow) => db.select().from(documents).where(eq(documents.caseId, c.id)).all();

describe('demande de communication d’un document administratif', () => {
  it('checks each step next to its field: the body, its document, a description for another one, a mode the document allows', async () => {
    const karim = await persona('karim-benali');
    const steps = procedures['acces-document'].steps;
    const check = (step: string, values: RawValues, answers: Record<string, RawValues> = {}) => steps.find((s) => s.id === step)!.validate(values, { db, persona: karim, answers });
    expect(await check('organisme', { organisme: 'siv' })).toMatchObject({ ok: false, errors: { organisme: expect.any(String) } });
    expect(await check('document', { document: 'caf-note-reforme' }, { organisme: { organisme: 'ville' } })).toMatchObject({ ok: false, errors: { document: expect.any(String) } });
    expect(await check('document', { document: 'autre' }, { organisme: { organisme: 'ville' } })).toEqual({ ok: true });
    expect(await check('description', { description: '' })).toMatchObject({ ok: false, errors: { description: 'Décrivez le document que vous demandez.' } });
    const paperOnly = { organisme: { organisme: 'ville' }, document: { document: 'ville-permis-tilleuls' } };
    expect(await check('mode', { mode: 'courriel' }, paperOnly)).toMatchObject({ ok: false, errors: { mode: expect.stringContaining('n’existe que sur papier') } });
    expect(await check('mode', { mode: 'copie' }, paperOnly)).toEqual({ ok: true });
    const fragile = { organisme: { organisme: 'ville' }, document: { document: 'ville-registre-1890' } };
    expect(await check('mode', { mode: 'copie' }, fragile)).toMatchObject({ ok: false, errors: { mode: expect.stringContaining('consultation sur place') } });
    // The description step applies only to "another document".
    const c = await createCase(db, { classSessionId: session, personaId: karim.id, procedure: 'acces-document', answers: { organisme: { organisme: 'ville' }, document: { document: 'ville-zones-stationnement' }, mode: { mode: 'courriel' } } });
    expect(await firstInvalidStep(procedures['acces-document'], { db, persona: karim, answers: c.answers })).toBeNull();
  });

  it('the city sends a document by e-mail, free, with the passage about someone else’s health blacked out in the sealed PDF', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    const c = await ask(karim, 'ville', 'ville-reunion-tanneurs', 'courriel', start);
    expect(c.agency).toBe('ville');
    await runDueInstruction(db, session, minutes(start, 1));
    expect((await reread(c)).state).toBe('accepte');
    const given = (await docsOf(c)).find((d) => d.kind === 'document_administratif')!;
    expect(given.issuer).toBe('ville');
    const fields = given.content.champs as { libelle: string; valeur: string; occulte?: boolean }[];
    expect(fields.filter((f) => f.occulte).map((f) => f.valeur)).toEqual([expect.stringMatching(/^Occulté\s: le secret médical \(article L311-6\)$/)]);
    expect(JSON.stringify(fields)).not.toContain('hanche');
    expect(fields.some((f) => f.libelle === 'Frais de copie et d’envoi')).toBe(false);
  });

  it('gives the person the passage about herself, and charges a paper copy its pages and postage', async () => {
    const jeanne = await persona('jeanne-morel');
    const start = new Date();
    const c = await ask(jeanne, 'ville', 'ville-reunion-tanneurs', 'copie', start);
    await runDueInstruction(db, session, minutes(start, 1));
    const given = (await docsOf(c)).find((d) => d.kind === 'document_administratif')!;
    expect(JSON.stringify(given.content.champs)).toContain('hanche');
    expect(given.content.champs).toContainEqual({ libelle: 'Frais de copie et d’envoi', valeur: expect.stringMatching(/^3,72\s€$/) }); // 4 pages at 0,18 €, 3 € postage
  });

  it('refuses with the legal ground and points to the CADA; says when a document does not exist', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    const budget = await ask(karim, 'ville', 'ville-projet-budget', 'courriel', start);
    const missing = await ask(karim, 'caf', 'autre', 'courriel', start, 'Le compte rendu de la visite du président de la CAF');
    await runDueInstruction(db, session, minutes(start, 1));
    expect(await reread(budget)).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('L311-2'), solution: expect.stringContaining('CADA') } });
    expect(await reread(missing)).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('ne détient pas de document') } });
    expect(procedures['acces-document'].followUp!(await reread(budget))).toMatchObject({ procedure: 'saisine-cada' });
  });

  it('a body silent for a month (on the séance’s clock) has refused implicitly — not a minute before', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    const c = await ask(karim, 'ville', 'ville-etude-circulation', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 1));
    expect((await reread(c)).state).toBe('en_instruction');
    await runDueInstruction(db, session, minutes(start, 4.9));
    expect((await reread(c)).state).toBe('en_instruction');
    await runDueInstruction(db, session, minutes(start, 5));
    expect(await reread(c)).toMatchObject({ state: 'refuse', outcome: { implicite: true, motif: expect.stringContaining('R311-13') } });
    // The teacher's scale counts: at 60 minutes a month, the same silence is still waiting.
    await db.update(classSessions).set({ minutesPerMonth: 60 }).where(eq(classSessions.id, session)).run();
    const other = await ask(await persona('lea-martin'), 'ville', 'ville-etude-circulation', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 30));
    expect((await reread(other)).state).toBe('en_instruction');
  });

  it('a body a student plays is refused implicitly too when the student does not answer', async () => {
    await db.update(classSessions).set({ bodiesPlayed: ['ville'] }).where(eq(classSessions.id, session)).run();
    const karim = await persona('karim-benali');
    const start = new Date();
    const c = await ask(karim, 'ville', 'ville-zones-stationnement', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 2));
    expect((await reread(c)).state).toBe('depose');
    await runDueInstruction(db, session, minutes(start, 6));
    expect(await reread(c)).toMatchObject({ state: 'refuse', outcome: { implicite: true } });
  });

  it('refuses the eleventh request to one body within a month as abusive, and takes it again a month later', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    // Ten requests already sent to the DGFiP in the last minutes (as rows: filing each would only repeat the above).
    for (let i = 0; i < 10; i++) {
      await db.insert(cases).values({ id: crypto.randomUUID(), classSessionId: session, personaId: karim.id, procedure: 'acces-document', agency: 'dgfip', state: 'accepte', answers: {}, receiptNumber: `TEST-${i}`, updatedAt: start, submittedAt: minutes(start, -4 + i * 0.1) }).run();
    }
    const eleventh = await ask(karim, 'dgfip', 'dgfip-bareme', 'courriel', start);
    const elsewhere = await ask(karim, 'caf', 'caf-reglement-action-sociale', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 1));
    const monthLater = await ask(karim, 'dgfip', 'dgfip-bareme', 'courriel', minutes(start, 6));
    await runDueInstruction(db, session, minutes(start, 7));
    expect(await reread(eleventh)).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('abusive') } });
    expect((await reread(elsewhere)).state).toBe('accepte');
    // A month after the tenth, only the eleventh (refused) counts: one request, not abusive.
    expect((await reread(monthLater)).state).toBe('accepte');
  });
});

describe('saisine de la CADA', () => {
  it('after an implicit refusal: the CADA’s opinion, then the city follows it and sends the document', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    const c = await ask(karim, 'ville', 'ville-etude-circulation', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 5));
    const refused = await reread(c);
    expect(refused.state).toBe('refuse');
    const referralAt = minutes(start, 6);
    const referral = await file(karim, 'saisine-cada', { refus: { dossier: c.id }, observations: { observations: 'Je voudrais savoir si ma rue deviendra piétonne.' } }, referralAt);
    expect(referral.agency).toBe('cada');
    // The CADA gives its opinion and passes the matter on to the city, which decides again.
    await runDueInstruction(db, session, minutes(referralAt, 1));
    expect(await reread(referral)).toMatchObject({ state: 'en_instruction', agency: 'ville', answers: { avis: { avis: 'favorable' } } });
    const opinion = (await docsOf(referral)).find((d) => d.kind === 'avis_cada')!;
    expect(opinion.issuer).toBe('cada');
    expect(opinion.content.donnees).toMatchObject({ avis: 'favorable', organisme: 'ville' });
    expect((await docsOf(referral)).some((d) => d.kind === 'document_administratif')).toBe(false);
    // The city, which no student plays, follows the opinion.
    await runDueInstruction(db, session, minutes(referralAt, 2));
    expect((await reread(referral)).state).toBe('accepte');
    expect((await docsOf(referral)).find((d) => d.kind === 'document_administratif')).toMatchObject({ issuer: 'ville', title: 'Étude de circulation du centre-ville' });
    expect((await timelineOf(db, referral.id)).map((e) => e.text).join(' ')).toMatch(/La CADA a rendu son avis.*suit l’avis de la CADA/);
  });

  it('when a student plays the body that refused, the opinion lands in their queue: they follow it, or keep their refusal', async () => {
    await db.update(classSessions).set({ bodiesPlayed: ['dgfip'] }).where(eq(classSessions.id, session)).run();
    const officer = (await db.select().from(agents).where(and(eq(agents.agencyId, 'dgfip'), eq(agents.classSessionId, session))).get())!;
    const cada = (await db.select().from(agents).where(and(eq(agents.agencyId, 'cada'), eq(agents.classSessionId, session))).get())!;
    const karim = await persona('karim-benali');
    const jeanne = await persona('jeanne-morel');
    const start = new Date();
    // The tax office's student refuses a communicable scale, twice (wrongly): the rules would have given it.
    const asked = [await ask(karim, 'dgfip', 'dgfip-bareme', 'courriel', start), await ask(jeanne, 'dgfip', 'dgfip-bareme', 'courriel', start)] as const;
    await runDueInstruction(db, session, minutes(start, 1));
    expect((await reread(asked[0])).state).toBe('depose');
    for (const c of asked) {
      await agentDecide(db, officer, c.id, 'prendre', null);
      await agentDecide(db, officer, c.id, 'refuser', 'La personne n’a pas qualité pour demander ce document.');
    }
    const referrals = [await file(karim, 'saisine-cada', { refus: { dossier: asked[0].id } }, minutes(start, 2)), await file(jeanne, 'saisine-cada', { refus: { dossier: asked[1].id } }, minutes(start, 2))] as const;
    // The CADA's student rapporteur cannot accept a case the CADA no longer holds; here the CADA is automatic.
    await runDueInstruction(db, session, minutes(start, 3));
    for (const r of referrals) expect(await reread(r)).toMatchObject({ state: 'en_instruction', agency: 'dgfip', answers: { avis: { avis: 'favorable' } } });
    await expect(agentDecide(db, cada, referrals[0].id, 'accepter', null)).rejects.toThrow(/autre organisme/);
    // The CADA still sees what it passed on, read only; nobody else does.
    expect((await agentPassedCase(db, cada, referrals[0].id))?.id).toBe(referrals[0].id);
    expect(await agentPassedCase(db, officer, referrals[0].id)).toBeNull();
    // The rules do not decide in the student's place, however long it waits (short of the two months).
    await runDueInstruction(db, session, minutes(start, 4));
    expect((await reread(referrals[0])).state).toBe('en_instruction');
    expect((await agentQueue(db, officer)).rows.map((r) => r.c.id)).toEqual(expect.arrayContaining(referrals.map((r) => r.id)));
    // One follows the opinion, once (a double-click is the same decision); the other keeps the refusal.
    const followed = await agentDecide(db, officer, referrals[0].id, 'accepter', null);
    expect(followed.state).toBe('accepte');
    await expect(agentDecide(db, officer, referrals[0].id, 'accepter', null)).rejects.toThrow(/déjà accepté/);
    expect((await docsOf(referrals[0])).filter((d) => d.kind === 'document_administratif')).toHaveLength(1);
    expect(await agentDecide(db, officer, referrals[1].id, 'refuser', 'Nous maintenons notre refus.')).toMatchObject({ state: 'refuse' });
    // Nobody answers a third: two months after the referral, the refusal is confirmed by the silence (R343-5).
    const lea = await persona('lea-martin');
    const third = await ask(lea, 'dgfip', 'dgfip-bareme', 'courriel', start);
    await agentDecide(db, officer, third.id, 'prendre', null);
    await agentDecide(db, officer, third.id, 'refuser', 'Un justificatif est illisible ou incomplet.');
    const late = await file(lea, 'saisine-cada', { refus: { dossier: third.id } }, minutes(start, 5));
    await runDueInstruction(db, session, minutes(start, 6));
    expect((await reread(late)).agency).toBe('dgfip');
    await runDueInstruction(db, session, minutes(start, 15));
    expect(await reread(late)).toMatchObject({ state: 'refuse', outcome: { implicite: true, motif: expect.stringContaining('R343-5') } });
  });

  it('gives an unfavourable opinion on a protected document, and the body keeps its refusal', async () => {
    const karim = await persona('karim-benali');
    const start = new Date();
    const c = await ask(karim, 'ville', 'ville-rapport-securite-marche', 'consultation', start);
    await runDueInstruction(db, session, minutes(start, 1));
    const referral = await file(karim, 'saisine-cada', { refus: { dossier: c.id } }, minutes(start, 2));
    await runDueInstruction(db, session, minutes(start, 3));
    await runDueInstruction(db, session, minutes(start, 3));
    const docs = await docsOf(referral);
    expect(docs.find((d) => d.kind === 'avis_cada')?.content.donnees).toMatchObject({ avis: 'defavorable' });
    expect(docs.some((d) => d.kind === 'document_administratif')).toBe(false);
    expect(await reread(referral)).toMatchObject({ state: 'refuse', agency: 'ville', outcome: { motif: expect.stringContaining('maintient son refus'), solution: expect.stringContaining('tribunal administratif') } });
  });

  it('may be asked within two months of the refusal, once per refusal, and only about one’s own refused requests', async () => {
    const karim = await persona('karim-benali');
    const lea = await persona('lea-martin');
    const start = new Date(Date.now() - 15 * 60_000);
    const c = await ask(karim, 'ville', 'ville-projet-budget', 'courriel', start);
    await runDueInstruction(db, session, minutes(start, 1));
    const step = procedures['saisine-cada'].steps.find((s) => s.id === 'refus')!;
    expect(await step.validate({ dossier: c.id }, { db, persona: lea, answers: {} })).toMatchObject({ ok: false });
    // Refused a minute after `start`: at 5 minutes a month, the two months ended four minutes ago; at 10, six remain.
    expect(await step.validate({ dossier: c.id }, { db, persona: karim, answers: {} })).toMatchObject({ ok: false, errors: { dossier: expect.stringContaining('deux mois') } });
    await db.update(classSessions).set({ minutesPerMonth: 10 }).where(eq(classSessions.id, session)).run();
    expect(await step.validate({ dossier: c.id }, { db, persona: karim, answers: {} })).toEqual({ ok: true });
    expect((await refusedRequests(db, karim)).map((r) => r.c.id)).toEqual([c.id]);
    await file(karim, 'saisine-cada', { refus: { dossier: c.id } }, new Date());
    expect(await step.validate({ dossier: c.id }, { db, persona: karim, answers: {} })).toMatchObject({ ok: false, errors: { dossier: 'Vous avez déjà saisi la CADA pour cette demande.' } });
  });
});
