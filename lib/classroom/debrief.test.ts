import { type AsyncExecutor, getEngine, transaction } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { agents, cases, consents, journalEntries, personas, teachers } from '../../db/tables';
import { journalJwks, verifyCheckpoint } from '../platform/checkpoints';
import { currentCheckpoint } from '../platform/journal-tree';
import { withdrawConsent } from '../platform/consents';
import { applyTransition, createCase, saveDraft } from '../procedures/engine/cases';
import { runDueInstruction, submitCase } from '../procedures/engine/run';
import { agentActor, startOnBehalf } from '../procedures/agent';
import { fileParkingCardWithConsent } from '../procedures/parking-card/start';
import { computeDebrief, csvColumns, debriefCsv } from './debrief';
import { prefillOnce } from '../procedures/drafts';
import { deviceHash, joinSession, newDeviceSecret } from './participants';
import { createSession } from './sessions';

const t0 = new Date('2026-11-23T09:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** A séance with a known history: two parking cards online, a counter request, a draft left half-way, a withdrawn consent. */
async function fixture() {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Bilan', preset: 'tout' }, t0);
  const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session.id))).get())!;
  for (const p of ['A', 'B', 'C']) await joinSession(db, session, p, deviceHash(newDeviceSecret()), t0);

  const karim = await person('karim-benali');
  await fileParkingCardWithConsent(db, karim, { kind: 'usager', id: karim.id, label: 'Karim' }, at(2)); // accepted at once
  const sophie = await person('sophie-lefebvre');
  await fileParkingCardWithConsent(db, sophie, { kind: 'usager', id: sophie.id, label: 'Sophie' }, at(5)); // refused: carte grise elsewhere
  const consent = (await db.select().from(consents).where(eq(consents.personaId, sophie.id)).all())[0]!;
  await withdrawConsent(db, sophie.id, consent.id, at(6));

  // Marcel at the counter (20 minutes of simulated wait), decided 10 minutes after being keyed in.
  const clerk = (await db.select().from(agents).where(and(eq(agents.classSessionId, session.id), eq(agents.unit, '00101'))).get())!;
  const marcel = await person('marcel-dupuis');
  let counter = await startOnBehalf(db, clerk, marcel.id, 'acte-naissance', 'guichet', at(10));
  counter = await transaction(db, (tx) => applyTransition(tx, counter, 'deposer', agentActor(clerk), {}, at(12)));
  counter = await transaction(db, (tx) => applyTransition(tx, counter, 'prendre', agentActor(clerk), {}, at(15)));
  await transaction(db, (tx) => applyTransition(tx, counter, 'accepter', agentActor(clerk), { outcome: null }, at(20)));

  // Léa stops after the first step of the change of address.
  const lea = await person('lea-martin');
  await transaction(db, async (tx) => createCase(tx, { classSessionId: session.id, personaId: lea.id, procedure: 'changement-adresse', answers: { adresse: { voie: '2 rue Neuve', code_postal: '00100' } } }, at(30)));
  return { db, session };
}

describe('debrief', () => {
  it('counts what the bodies pre-filled for the prime d’activité, what people corrected, and the papers nobody fetched', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Prime', preset: 'prime_activite' }, t0);
    const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session.id))).get())!;
    const request = async (key: string, answers: Record<string, Record<string, string>>) => {
      const p = await person(key);
      let c = await prefillOnce(db, await createCase(db, { classSessionId: session.id, personaId: p.id, procedure: 'prime-activite' }), p);
      for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values);
      return submitCase(db, c, p, { kind: 'usager', id: p.id, label: key });
    };
    // Sarah checks and changes nothing; Kévin corrects his household and his three months.
    await request('sarah-meunier', {});
    await request('kevin-morin', { foyer: { personnes: '3' }, revenus: { mois1: '700', mois2: '900', mois3: '800', autres: '0' } });
    await runDueInstruction(db, session.id, new Date(Date.now() + 60_000));
    // The opinion goes back to the city, which decides again at the next tick: the document with the referral.
    await runDueInstruction(db, session.id, new Date(Date.now() + 120_000));
    const d = await computeDebrief(db, session);
    // Figures the bodies filled: Sarah's household and three months (4), Kévin's (4); corrected: Kévin's 4, counted
    // in the same unit (the debrief said « 3 pré-remplis, 4 corrigés » once). Papers: two tax notices, one registration.
    expect(d.activityBonus).toEqual({ asked: 2, granted: 2, refused: 0, prefilled: 8, corrected: 4, papersSpared: 3 });
    // Sarah is not a job seeker: France Travail answered that it does not know her. An answer, not a failure: the
    // debrief's question on outages must not count it.
    expect(d.exchanges).toMatchObject({ total: 4, granted: 3, refused: 0, unknown: 1, failed: 0 });
    expect(d.exchanges.reasons).toEqual([{ code: 'usager_inconnu', label: 'l’organisme ne connaît pas la personne', count: 1 }]);
    const sarah = d.lines.find((l) => l.receipt !== '(brouillon)' && l.unknown > 0);
    expect(sarah).toMatchObject({ exchanges: 2, refused: 0, unknown: 1, failed: 0 });
    const csvRows = debriefCsv(d).slice(1).split('\r\n\r\n')[0]!.split('\r\n').slice(1).map((r) => r.split(';'));
    expect(csvRows.map((r) => r.slice(csvColumns.indexOf('echanges_refuses')))).toEqual(expect.arrayContaining([['0', '0', '1'], ['0', '0', '0']]));
  });

  it('counts the law of 1978: documents given (some blacked out), refused in writing or by silence, the CADA’s opinions', async () => {
    const db = await freshDb();
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Documents', preset: 'documents' }, t0);
    const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session.id))).get())!;
    const file = async (key: string, procedure: 'acces-document' | 'saisine-cada', answers: Record<string, Record<string, string>>, when: Date) => {
      const p = await person(key);
      let c = await createCase(db, { classSessionId: session.id, personaId: p.id, procedure }, when);
      for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values, when);
      return submitCase(db, c, p, { kind: 'usager', id: p.id, label: key }, when);
    };
    // Ten minutes ago: the CADA may still be asked about a refusal of four minutes ago (two months = 10 minutes).
    const begun = Date.now() - 10 * 60_000;
    const soon = (minutes: number) => new Date(begun + minutes * 60_000);
    const ask = (key: string, document: string) => file(key, 'acces-document', { organisme: { organisme: 'ville' }, document: { document }, mode: { mode: 'courriel' } }, soon(1));
    await ask('rose-lemaire', 'ville-reunion-tanneurs');
    await ask('denise-carre', 'ville-projet-budget');
    const silent = await ask('mathis-roux', 'ville-etude-circulation');
    await runDueInstruction(db, session.id, soon(2));
    // A month is 5 minutes: the city's silence is a refusal at 6 minutes; the CADA is asked, and answers.
    await runDueInstruction(db, session.id, soon(6));
    await file('mathis-roux', 'saisine-cada', { refus: { dossier: silent.id } }, new Date());
    await runDueInstruction(db, session.id, new Date(Date.now() + 60_000));
    // The opinion goes back to the city, which decides again at the next tick: the document with the referral.
    await runDueInstruction(db, session.id, new Date(Date.now() + 120_000));
    const d = await computeDebrief(db, session);
    expect(d.documentAccess).toEqual({
      asked: 3,
      given: 1,
      blackedOut: 1,
      refusedExplicitly: 1,
      refusedImplicitly: 1,
      waiting: 0,
      // Answered a minute after filing (6 days at 5 minutes a month: Rose, Denise), the silence after 30 days.
      medianLegalDays: 6,
      referrals: 1,
      opinions: { favourable: 1, unfavourable: 0, moot: 0 },
      givenAfterOpinion: 1,
    });
  });

  it('computes the class’s figures from the séance’s records', async () => {
    const { db, session } = await fixture();
    const d = await computeDebrief(db, session);
    expect(d.roles).toEqual({ citoyen: 1, agent: 1, aidant: 1, observateur: 0 });
    expect(d.exchanges).toMatchObject({ total: 4, granted: 4, refused: 0, failed: 0 });
    expect(d.consents).toEqual({ given: 4, withdrawn: 1 });
    expect(d.offline).toEqual({ counter: 1, paper: 0 });

    const time = (procedure: string, route: string) => d.times.find((t) => t.procedure === procedure && t.route === route);
    expect(time('carte-stationnement', 'en_ligne_echange')).toMatchObject({ cases: 2, decided: 2, medianMinutes: 0 });
    // Counter: 10 minutes from keying in to the decision + 20 minutes of simulated wait.
    expect(time('acte-naissance', 'guichet')).toMatchObject({ cases: 1, decided: 1, medianMinutes: 30 });

    const parking = d.funnels.find((f) => f.procedure === 'carte-stationnement')!;
    expect(parking.stages.map((s) => s.count)).toEqual([2, 2, 2, 1]);
    const moving = d.funnels.find((f) => f.procedure === 'changement-adresse')!;
    expect(moving.stages[0]).toEqual({ label: 'Commencées', count: 1 });
    expect(moving.stages[1]!.count).toBe(1);
    expect(moving.stages.at(-3)).toEqual({ label: 'Déposées', count: 0 });
    expect(moving.stuck).toEqual([{ step: moving.stages[2]!.label.replace(/^Étape «\s(.*)\s» remplie$/, '$1'), count: 1 }]);
  });

  it('exports one line per case with the expected columns', async () => {
    const { db, session } = await fixture();
    const csv = debriefCsv(await computeDebrief(db, session));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [table, trailer, ...more] = csv.slice(1).trim().split('\r\n\r\n');
    expect(more).toEqual([]);
    const [header, ...rows] = table!.split('\r\n');
    expect(header!.split(';')).toEqual([...csvColumns]);
    // After a blank line, the journal's latest signed checkpoint, in one quoted cell, as signed.
    const checkpoint = (await currentCheckpoint(db, session.id))!;
    expect(trailer).toBe(`point_de_controle_du_journal;"${checkpoint}"`);
    expect(verifyCheckpoint(checkpoint, journalJwks().keys)).toMatchObject({ ok: true, checkpoint: { size: (await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, session.id)).all()).length } });
    expect(rows).toHaveLength((await db.select().from(cases).where(eq(cases.classSessionId, session.id)).all()).length);
    const col = (name: (typeof csvColumns)[number]) => csvColumns.indexOf(name);
    const counter = rows.map((r) => r.split(';')).find((r) => r[col('parcours')] === 'Au guichet')!;
    expect(counter[col('demarche')]).toBe('Acte de naissance');
    expect(counter[col('etat')]).toBe('Acceptée');
    expect(counter[col('duree_minutes')]).toBe('30');
    // Paris time with its offset, as on the screens (winter +01:00, summer +02:00).
    expect(counter[col('commence_le')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} \+0[12]:00$/);
    // The student who played Karim filed his card: the row names them and their role.
    const karims = rows.map((r) => r.split(';')).find((r) => r[col('parcours')]!.startsWith('En ligne, données') && r[col('etat')] === 'Acceptée')!;
    expect([karims[col('eleve')], karims[col('role')]]).toEqual(['A', 'Citoyen·ne']);
    const draft = rows.map((r) => r.split(';')).find((r) => r[col('dossier')] === '(brouillon)')!;
    expect(draft[col('etat')]).toBe('Brouillon');
    expect(draft[col('duree_minutes')]).toBe('');
  });
});
