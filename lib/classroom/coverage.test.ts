import { type AsyncExecutor, getEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import { agents, caseEvents, cases, classSessions, personas, teachers } from '../../db/tables';
import { endFaults, injectFault } from '../platform/faults';
import { createCase } from '../procedures/engine/cases';
import { runDueInstruction, recheckHeldCases } from '../procedures/engine/run';
import { fileParkingCardWithConsent } from '../procedures/parking-card/start';
import { finalStates } from '../procedures/engine/state-machine';
import { strandAlerts } from './coverage';
import { deviceHash, joinSession, newDeviceSecret, reassignParticipant } from './participants';
import { createSession, type ClassSession } from './sessions';

async function setup(preset: ClassSession['preset'] = 'fracture_numerique') {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Classe', preset });
  return { db, session };
}
const join = async (db: AsyncExecutor, session: ClassSession, pseudonym: string) => {
  const outcome = await joinSession(db, session, pseudonym, deviceHash(newDeviceSecret()));
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.participant;
};
const sessionRow = async (db: AsyncExecutor, id: string) => (await db.select().from(classSessions).where(eq(classSessions.id, id)).get())!;

/** A birth-certificate request already sent to a register, `minutes` ago. */
async function sentTo(db: AsyncExecutor, session: ClassSession, personaKey: string, unit: string, minutes: number) {
  const p = (await db.select().from(personas).where(and(eq(personas.classSessionId, session.id), eq(personas.key, personaKey))).get())!;
  const c = await createCase(db, { classSessionId: session.id, personaId: p.id, procedure: 'acte-naissance', answers: { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } } });
  const at = new Date(Date.now() - minutes * 60_000);
  return db.update(cases).set({ state: 'depose', agency: 'etat-civil', unit, submittedAt: at, receiptNumber: `EG-T-${unit}-${personaKey}` }).where(eq(cases.id, c.id)).returning().get();
}
const stateOf = async (db: AsyncExecutor, id: string) => (await db.select().from(cases).where(eq(cases.id, id)).get())!.state;

describe('nothing stranded', () => {
  it('a student playing one register: its cases wait for them, the other registers answer by themselves', async () => {
    const { db, session } = await setup();
    await join(db, session, 'Renard'); // citizen
    const agent = await join(db, session, 'Hibou'); // état civil, first register
    const unit = (await db.select().from(agents).where(eq(agents.id, agent.subjectId!)).get())!.unit;
    expect(unit).toBe('00101');
    const mine = await sentTo(db, session, 'karim-benali', '00101', 1);
    const other = await sentTo(db, session, 'julie-fontaine', '00103', 1);
    const abroad = await sentTo(db, session, 'thomas-girard', 'scec', 1);
    await runDueInstruction(db, session.id);
    expect(await stateOf(db, mine.id)).toBe('depose');
    expect(finalStates).toContain(await stateOf(db, other.id));
    expect(finalStates).toContain(await stateOf(db, abroad.id));
  });

  it('a student agent moved to citizen: the body answers by itself again; the teacher may pick the persona', async () => {
    const { db, session } = await setup();
    await join(db, session, 'Renard');
    const agent = await join(db, session, 'Hibou');
    expect((await sessionRow(db, session.id)).bodiesPlayed).toEqual(['etat-civil']);
    const waiting = await sentTo(db, session, 'karim-benali', '00101', 1);
    const karim = (await db.select().from(personas).where(and(eq(personas.classSessionId, session.id), eq(personas.key, 'jeanne-morel'))).get())!;
    const moved = (await reassignParticipant(db, session, agent.id, { role: 'citoyen', subject: karim.id }))!;
    expect(moved).toMatchObject({ role: 'citoyen', subjectId: karim.id });
    expect((await sessionRow(db, session.id)).bodiesPlayed).toEqual([]);
    await runDueInstruction(db, session.id);
    expect(finalStates).toContain(await stateOf(db, waiting.id));
    // And back to agent, choosing the body: it is played again.
    expect(await reassignParticipant(db, session, agent.id, { role: 'agent', subject: 'caf' })).toMatchObject({ role: 'agent' });
    expect((await sessionRow(db, session.id)).bodiesPlayed).toEqual(['caf']);
  });

  it('the live view warns when a played body has kept cases past the patience, or its student is gone', async () => {
    const { db, session } = await setup();
    await join(db, session, 'Renard');
    await join(db, session, 'Hibou');
    await sentTo(db, session, 'karim-benali', '00101', 2);
    expect(await strandAlerts(db, await sessionRow(db, session.id))).toEqual([]);
    await sentTo(db, session, 'julie-fontaine', '00101', 7);
    expect(await strandAlerts(db, await sessionRow(db, session.id))).toEqual([{ agency: 'etat-civil', text: expect.stringContaining('1\u00a0demande attend son agent depuis plus de 5\u00a0min') }]);
    const later = new Date(Date.now() + 10 * 60_000);
    expect((await strandAlerts(db, await sessionRow(db, session.id), later))[0]?.text).toMatch(/Hibou n’a pas été vu·e depuis plus de 5\smin/);
    // Marked as played by the teacher, played by nobody.
    await db.update(classSessions).set({ bodiesPlayed: ['etat-civil', 'caf'] }).where(eq(classSessions.id, session.id)).run();
    expect((await strandAlerts(db, await sessionRow(db, session.id))).map((a) => a.agency)).toEqual(['etat-civil']);
  });

  it('a case held by an outage is checked again as soon as the teacher ends it, and the person is told', async () => {
    const { db, session } = await setup('stationnement');
    const karim = (await db.select().from(personas).where(and(eq(personas.classSessionId, session.id), eq(personas.key, 'karim-benali'))).get())!;
    await injectFault(db, session.id, { agency: 'dgfip', kind: 'panne', minutes: 30 });
    const c = await fileParkingCardWithConsent(db, karim, { kind: 'usager', id: karim.id, label: 'Karim' });
    expect(c.state).toBe('en_instruction');
    // Held: the automatic instruction does not ask again every second while DGFiP is down.
    const later = new Date(Date.now() + 60_000);
    await runDueInstruction(db, session.id, later);
    expect(await stateOf(db, c.id)).toBe('en_instruction');
    await endFaults(db, session.id, 'dgfip');
    expect(await recheckHeldCases(db, session.id, 'dgfip')).toBe(1);
    expect(await stateOf(db, c.id)).toBe('accepte');
    const notes = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.kind, 'avis'))).all();
    expect(notes.map((n) => n.text)).toContainEqual(expect.stringMatching(/Finances publiques.* répond de nouveau\s: votre demande est vérifiée encore une fois\./));
  });
});
