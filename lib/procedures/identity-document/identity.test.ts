import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../../../test/db';
import { getEngine, type AsyncExecutor } from '../../../db/engine';
import { agents, cases, classSessions, documents, personas } from '../../../db/tables';
import { appointmentOf, book, freeSlots } from '../../appointments/appointments';
import { demoSession } from '../../classroom/sessions';
import { createCase, saveDraft, timelineOf } from '../engine/cases';
import { runDueInstruction, submitCase } from '../engine/run';
import type { CaseRow, Persona, RawValues } from '../engine/types';
import { askCollection, checkAtCounter, handOver } from './counter';
import { stampDue } from './definition';
import { buyStamp } from '../../payments/fiscal-stamps';
import { testCardNumber } from '../../payments/card';
import { procedures } from '../registry';

let db: AsyncExecutor;
let session: string;
let start: Date;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const minutes = (from: Date, n: number) => new Date(from.getTime() + n * 60_000);
const reread = async (c: CaseRow) => (await db.select().from(cases).where(eq(cases.id, c.id)).get())!;
const clerk = async (unit: string) => (await db.select().from(agents).where(and(eq(agents.classSessionId, session), eq(agents.agencyId, 'etat-civil'), eq(agents.unit, unit))).get())!;

beforeEach(async () => {
  db = await freshDb();
  const s = (await demoSession(db))!;
  session = s.id;
  start = s.createdAt;
  // A month lasts 30 minutes: a day of real time, a minute of the séance.
  await db.update(classSessions).set({ minutesPerMonth: 30, autoInstructionDelaySeconds: 10 }).where(eq(classSessions.id, session)).run();
});

const card = { numero: testCardNumber, expiration: '08/29', cryptogramme: '123', titulaire: 'Test' };
const stampFor = { passeport: 'passeport_majeur', cni: 'cni_perte_vol' } as const;

async function preRequest(p: Persona, title: 'cni' | 'passeport', reason = 'renouvellement', at = start) {
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure: 'titre-identite' }, at);
  const paid = title === 'passeport' || reason === 'perte_vol';
  const stamp = paid ? await buyStamp(db, p, stampFor[title], card) : null;
  const answers: Record<string, RawValues> = { titre: { titre: title }, motif: { motif: reason }, pour: { pour: 'moi' }, signalement: { taille: '172', yeux: 'marron', nom_usage: '' }, ...(stamp ? { timbre: { numero: stamp.number } } : {}) };
  for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values, at);
  return submitCase(db, c, p, { kind: 'usager', id: p.id, label: p.givenNames }, at);
}

/** A passport's pre-request filed with this stamp's number. */
async function preRequestWith(p: Persona, numero: string) {
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure: 'titre-identite' });
  const answers: Record<string, RawValues> = { titre: { titre: 'passeport' }, motif: { motif: 'premiere' }, pour: { pour: 'moi' }, signalement: { taille: '180', yeux: 'bleus', nom_usage: '' }, timbre: { numero } };
  for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values);
  return submitCase(db, c, p, { kind: 'usager', id: p.id, label: p.givenNames });
}

describe('passeport ou carte d’identité', () => {
  it('costs what the law says: a free identity card, 25 € after a loss, a passport by age', async () => {
    const lea = await persona('lea-martin'); // born in 2006
    const today = new Date('2026-12-03T12:00:00Z');
    expect(stampDue({ titre: { titre: 'cni' }, motif: { motif: 'renouvellement' }, pour: { pour: 'moi' } }, lea, today)).toBe(0);
    expect(stampDue({ titre: { titre: 'cni' }, motif: { motif: 'perte_vol' }, pour: { pour: 'moi' } }, lea, today)).toBe(2_500);
    expect(stampDue({ titre: { titre: 'passeport' }, motif: { motif: 'premiere' }, pour: { pour: 'moi' } }, lea, today)).toBe(8_600);
    const child = (date: string) => stampDue({ titre: { titre: 'passeport' }, motif: { motif: 'premiere' }, pour: { pour: 'enfant' }, enfant: { date } }, lea, today);
    expect([child('04/12/2011'), child('03/12/2011'), child('03/12/2008')]).toEqual([1_700, 4_200, 8_600]);
  });

  it('is paid by a timbre fiscal bought online: the right amount, the person’s own, used once', async () => {
    const hugo = await persona('hugo-lambert');
    const lea = await persona('lea-martin');
    await expect(buyStamp(db, hugo, 'passeport_majeur', { ...card, numero: '4000 0000 0000 0002' })).rejects.toMatchObject({ errors: { numero: expect.stringContaining('carte de test') } });
    const stamp = await buyStamp(db, hugo, 'passeport_majeur', card);
    expect(stamp.number).toMatch(/^\d{16}$/);
    expect(await db.select().from(documents).where(and(eq(documents.personaId, hugo.id), eq(documents.kind, 'timbre_fiscal'))).all()).toHaveLength(1);
    const step = procedures['titre-identite'].steps.find((st) => st.id === 'timbre')!;
    const passport = { titre: { titre: 'passeport' }, motif: { motif: 'premiere' }, pour: { pour: 'moi' } };
    const check = (who: Persona, numero: string, answers: Record<string, RawValues> = passport) => step.validate({ numero }, { db, persona: who, answers });
    expect(await check(hugo, stamp.number.replace(/(\d{4})/g, '$1 '))).toEqual({ ok: true });
    expect(await check(hugo, '1234')).toMatchObject({ ok: false, errors: { numero: 'Le numéro du timbre a 16 chiffres.' } });
    expect(await check(lea, stamp.number)).toMatchObject({ ok: false, errors: { numero: expect.stringContaining('aucun timbre que vous avez acheté') } });
    const cheaper = await buyStamp(db, hugo, 'cni_perte_vol', card);
    expect(await check(hugo, cheaper.number)).toMatchObject({ ok: false, errors: { numero: expect.stringMatching(/vaut 25,00\s€\s; il en faut un de 86,00\s€/) } });
    // Filed once with it, the stamp cannot pay for another request.
    const filed = await preRequestWith(hugo, stamp.number);
    expect(filed.state).toBe('depose');
    expect(await check(hugo, stamp.number)).toMatchObject({ ok: false, errors: { numero: expect.stringContaining('déjà servi') } });
  });

  it('a pre-request waits for its appointment; the counter’s student checks it (not before the hour, not without every check), it is produced a fortnight later, then handed over once', async () => {
    await db.update(classSessions).set({ bodiesPlayed: ['etat-civil'] }).where(eq(classSessions.id, session)).run();
    const hugo = await persona('hugo-lambert');
    const c = await preRequest(hugo, 'passeport');
    expect(c).toMatchObject({ state: 'depose', agency: 'etat-civil', unit: null });
    // Without an appointment nothing moves, whatever the time.
    await runDueInstruction(db, session, minutes(start, 60));
    expect((await reread(c)).state).toBe('depose');
    const slot = (await freeSlots(db, session, '00103', minutes(start, 1)))[0]!;
    const appointment = await book(db, c.id, slot, { now: minutes(start, 1) });
    expect((await reread(c)).unit).toBe('00103');
    // Another town hall's clerk does not see it; the right one, too early, is told the person is not there yet.
    await expect(checkAtCounter(db, await clerk('00101'), c.id, ['predemande', 'pieces', 'empreintes'], appointment.startsAt)).rejects.toMatchObject({ code: 'introuvable' });
    const agnes = await clerk('00103');
    await expect(checkAtCounter(db, agnes, c.id, ['predemande', 'pieces', 'empreintes'], minutes(appointment.startsAt, -1))).rejects.toMatchObject({ code: 'trop_tot' });
    await expect(checkAtCounter(db, agnes, c.id, ['predemande', 'pieces'], appointment.startsAt)).rejects.toMatchObject({ code: 'verification_incomplete' });
    // The rules never check in the student's place.
    await runDueInstruction(db, session, minutes(appointment.startsAt, 1));
    expect((await appointmentOf(db, c.id))!.checkedAt).toBeNull();
    const checked = await checkAtCounter(db, agnes, c.id, ['predemande', 'pieces', 'empreintes'], minutes(appointment.startsAt, 2));
    expect(checked.state).toBe('en_instruction');
    await expect(checkAtCounter(db, agnes, c.id, ['predemande', 'pieces', 'empreintes'], minutes(appointment.startsAt, 2))).rejects.toMatchObject({ code: 'deja_verifie' });
    // Produced fourteen days (minutes) after the check, even though a student plays the town hall: not theirs to decide.
    await runDueInstruction(db, session, minutes(appointment.startsAt, 15));
    expect((await reread(c)).state).toBe('en_instruction');
    await runDueInstruction(db, session, minutes(appointment.startsAt, 16.1));
    expect((await reread(c)).state).toBe('accepte');
    expect((await timelineOf(db, c.id)).map((e) => e.text).join(' ')).toMatch(/Passeport est fabriqué\s: il vous attend à la mairie de Montclar-les-Vignes/);
    // The person comes for it; the student hands it over, once.
    await expect(handOver(db, agnes, c.id)).rejects.toMatchObject({ code: 'absent' });
    expect((await askCollection(db, hugo, c.id)).collectedAt).toBeNull();
    expect((await handOver(db, agnes, c.id)).collectedAt).toBeInstanceOf(Date);
    await expect(handOver(db, agnes, c.id)).rejects.toMatchObject({ code: 'deja_remis' });
  });

  it('with nobody playing the town hall, the counter checks at the appointment’s hour and hands over when the person comes', async () => {
    const lea = await persona('lea-martin');
    const c = await preRequest(lea, 'cni', 'perte_vol');
    const slot = (await freeSlots(db, session, '00104', minutes(start, 1)))[0]!;
    const appointment = await book(db, c.id, slot, { now: minutes(start, 1) });
    await runDueInstruction(db, session, minutes(appointment.startsAt, -0.5));
    expect((await appointmentOf(db, c.id))!.checkedAt).toBeNull();
    await runDueInstruction(db, session, minutes(appointment.startsAt, 0.5));
    expect((await appointmentOf(db, c.id))!.checkedAt).toBeInstanceOf(Date);
    await expect(askCollection(db, lea, c.id)).rejects.toMatchObject({ code: 'pas_pret' });
    await runDueInstruction(db, session, minutes(appointment.startsAt, 15));
    expect((await reread(c)).state).toBe('accepte');
    const given = await askCollection(db, lea, c.id);
    expect(given.collectedAt).toBeInstanceOf(Date);
    // Asked again (a double-click): the same hand-over.
    expect((await askCollection(db, lea, c.id)).collectedAt).toEqual(given.collectedAt);
    expect((await timelineOf(db, c.id)).filter((e) => /est remise à la personne/.test(e.text ?? ''))).toHaveLength(1);
  });
  it('writes nothing while a pre-request waits for its booking, its hour or its production (every page view runs the instruction)', async () => {
    const lea = await persona('lea-martin');
    const c = await preRequest(lea, 'cni', 'perte_vol');
    const writes = vi.spyOn(getEngine(), 'transaction');
    try {
      await runDueInstruction(db, session, minutes(start, 1)); // no booking yet
      const slot = (await freeSlots(db, session, '00104', minutes(start, 1)))[0]!;
      const appointment = await book(db, c.id, slot, { now: minutes(start, 1) });
      writes.mockClear();
      await runDueInstruction(db, session, minutes(appointment.startsAt, -0.5)); // before the hour
      expect(writes).not.toHaveBeenCalled();
      await runDueInstruction(db, session, minutes(appointment.startsAt, 0.5)); // the counter checks: writes
      expect((await appointmentOf(db, c.id))!.checkedAt).toBeInstanceOf(Date);
      writes.mockClear();
      await runDueInstruction(db, session, minutes(appointment.startsAt, 5)); // in production
      expect(writes).not.toHaveBeenCalled();
      await runDueInstruction(db, session, minutes(appointment.startsAt, 15)); // produced
      expect((await reread(c)).state).toBe('accepte');
    } finally {
      writes.mockRestore();
    }
  });
});
