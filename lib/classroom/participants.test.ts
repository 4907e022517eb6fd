import { type AsyncExecutor, getEngine, postgresEngine } from '../../db/engine';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb, onPostgres } from '../../test/db';
import { agents, aidants, classSessions, personas, teachers } from '../../db/tables';
import { hit } from '../rate-limit';
import { cardOf } from './cards';
import { hintRepeatMs, messagesFor, revealHint, sendClassroomMessage } from './messages';
import { choiceLabel, currentChoices, deviceHash, joinSession, newDeviceSecret, participantOfSubject, pseudonymSchema, reassignParticipant, seenEveryMs, touchParticipant, type Participant } from './participants';
import { nextRole, rolePlans } from './roles';
import { personaSeeds } from '../../db/seed/personas';
import { agentSeeds } from '../../db/seed/agents-data';
import { createSession, type ClassSession } from './sessions';

async function setup(preset: ClassSession['preset'] = 'stationnement', expectedStudents?: number) {
  const db = await freshDb();
  const teacher = (await db.select().from(teachers).get())!;
  const session = await createSession(getEngine(), teacher.id, { name: 'Classe', preset, expectedStudents });
  return { db, teacher, session };
}

const device = () => deviceHash(newDeviceSecret());

async function join(db: AsyncExecutor, session: ClassSession, pseudonym: string, hash = device()): Promise<Participant> {
  const outcome = await joinSession(db, session, pseudonym, hash);
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.participant;
}

/** Students joining one after the other, in this order. */
async function joinAll(db: AsyncExecutor, session: ClassSession, pseudonyms: string[]): Promise<Participant[]> {
  const joined: Participant[] = [];
  for (const p of pseudonyms) joined.push(await join(db, session, p));
  return joined;
}

describe('joining a séance', () => {
  it('gives the first three students a citizen, an agent and an aidant, each with an account of this séance', async () => {
    const { db, session } = await setup();
    const [a, b, c] = await joinAll(db, session, ['Renard', 'Hibou', 'Loutre']);
    expect([a!.role, b!.role, c!.role]).toEqual(['citoyen', 'agent', 'aidant']);
    const karim = (await db.select().from(personas).where(eq(personas.id, a!.subjectId!)).get())!;
    expect(karim).toMatchObject({ key: 'karim-benali', classSessionId: session.id });
    const agent = (await db.select().from(agents).where(eq(agents.id, b!.subjectId!)).get())!;
    expect(agent).toMatchObject({ agencyId: 'ville', classSessionId: session.id });
    expect((await db.select().from(aidants).where(eq(aidants.id, c!.subjectId!)).get())?.classSessionId).toBe(session.id);
    // A student agent makes the body "played": its cases wait for them.
    expect((await db.select().from(classSessions).where(eq(classSessions.id, session.id)).get())!.bodiesPlayed).toEqual(['ville']);
  });

  it('balances roles for the preset: 6 students make a séance, 30 follow the shares', async () => {
    const { db, session } = await setup('tout');
    const roles: string[] = [];
    for (let i = 0; i < 30; i++) roles.push((await join(db, session, `Élève ${i + 1}`)).role);
    const count = (list: string[]) => ({ citoyen: 0, agent: 0, aidant: 0, observateur: 0, ...Object.fromEntries([...new Set(list)].map((r) => [r, list.filter((x) => x === r).length])) });
    expect(count(roles.slice(0, 6))).toEqual({ citoyen: 2, agent: 2, aidant: 1, observateur: 1 });
    expect(count(roles)).toEqual(rolePlans.tout.shares);
  });

  it('never gives two citizens the same persona while some are free, nor two agents the same account', async () => {
    // Enough students for more citizens than personas (16 of every 30 students are citizens), and more agents than
    // agent accounts (8 of every 30).
    const people = personaSeeds.length;
    const students = Math.max(Math.ceil(((people + 10) * 30) / 16), Math.ceil(((agentSeeds.length + 4) * 30) / 8));
    const { db, session } = await setup('tout', students);
    const all = await joinAll(db, session, Array.from({ length: students }, (_, i) => `Élève ${i + 1}`));
    const citizens = all.filter((p) => p.role === 'citoyen').map((p) => p.subjectId);
    expect(citizens.length).toBeGreaterThan(people);
    expect(new Set(citizens.slice(0, people)).size).toBe(people);
    // Beyond the personas, a persona is shared by two students at most before any gets a third.
    expect(Math.max(...[...new Set(citizens)].map((id) => citizens.filter((c) => c === id).length))).toBe(2);
    // Agents too: every account is given once before any is given twice.
    const agentIds = all.filter((p) => p.role === 'agent').map((p) => p.subjectId);
    const accounts = (await db.select().from(agents).where(eq(agents.classSessionId, session.id)).all()).length;
    expect(agentIds.length).toBeGreaterThan(accounts);
    expect(new Set(agentIds.slice(0, accounts)).size).toBe(accounts);
  });

  it('gives 26 students joining at the same moment through two app servers 26 different people to play', { timeout: 60_000 }, async () => {
    const { db, session } = await setup('tout', 40);
    // On PostgreSQL a second pool on the same database is what a second app server has; on SQLite, one process.
    const second = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 4 }) : null;
    try {
      const all = await Promise.all(Array.from({ length: 26 }, (_, i) => join(i % 2 && second ? second.db : db, session, `Élève ${i + 1}`)));
      const subjects = all.filter((p) => p.subjectId).map((p) => p.subjectId);
      expect(new Set(subjects).size).toBe(subjects.length);
      expect(new Set(all.map((p) => p.pseudonym)).size).toBe(26);
    } finally {
      await second?.close();
    }
  });

  it('past the planned number, a student joins as an observer: the world’s roles stay as planned', async () => {
    const { db, session } = await setup('tout', 4);
    const all = await joinAll(db, session, Array.from({ length: 7 }, (_, i) => `Élève ${i + 1}`));
    expect(all.map((p) => p.role)).toEqual(['citoyen', 'agent', 'aidant', 'citoyen', 'observateur', 'observateur', 'observateur']);
    expect(all.slice(4).every((p) => p.subjectId === null)).toBe(true);
  });

  it('gives the same device its role back, and refuses a pseudonym already taken on another device', async () => {
    const { db, session } = await setup();
    const mine = device();
    const first = await join(db, session, 'Renard bleu', mine);
    const again = await joinSession(db, session, 'autre chose', mine);
    expect(again).toMatchObject({ ok: true, returning: true, participant: { id: first.id, role: first.role, subjectId: first.subjectId, pseudonym: 'Renard bleu' } });
    expect(await joinSession(db, session, ' RENARD  BLÉU ', device())).toEqual({ ok: false, error: 'pseudonyme_pris' });
  });

  it('checks pseudonyms in plain French and keeps no e-mail', async () => {
    const error = (s: string) => pseudonymSchema.safeParse(s).error?.issues[0]?.message;
    expect(error('  ')).toMatch(/Choisissez un pseudonyme/);
    expect(error('a')).toMatch(/au moins 2 caractères/);
    expect(error('x'.repeat(25))).toMatch(/24 caractères au plus/);
    expect(error('lou@example.fr')).toMatch(/Pas d’adresse e-mail/);
    expect(error('<script>')).toMatch(/lettres, des chiffres/);
    expect(pseudonymSchema.parse('  Loutre   rieuse ')).toBe('Loutre rieuse');
  });

  it('lets the teacher reassign a role: the student gets a free account of the new role', async () => {
    const { db, session } = await setup();
    const [a, b] = await joinAll(db, session, ['Renard', 'Hibou']);
    const moved = (await reassignParticipant(db, session, b!.id, 'citoyen'))!;
    expect(moved.role).toBe('citoyen');
    expect(moved.subjectId).not.toBe(a!.subjectId);
    expect((await db.select().from(personas).where(and(eq(personas.id, moved.subjectId!), eq(personas.classSessionId, session.id))).get())?.key).toBe('sophie-lefebvre');
    expect(await reassignParticipant(db, session, b!.id, 'observateur')).toMatchObject({ role: 'observateur', subjectId: null });
    expect((await participantOfSubject(db, a!.subjectId!))?.id).toBe(a!.id);
  });

  it('says when the role sent is the one held, and names it as the teacher’s menu does', async () => {
    const { db, session } = await setup();
    const [, b] = await joinAll(db, session, ['Renard', 'Hibou']);
    const caf = (await reassignParticipant(db, session, b!.id, { role: 'agent', subject: 'caf' }))!;
    expect(caf).toMatchObject({ role: 'agent', changed: true });
    expect((await currentChoices(db, session.id)).get(b!.id)).toBe('agent:caf');
    expect(await choiceLabel(db, session.id, b!.id)).toBe('Agent d’un organisme, CAF');
    // The same body again, or any body while playing one: nothing moves, not even to another account of the CAF.
    expect(await reassignParticipant(db, session, b!.id, { role: 'agent', subject: 'caf' })).toMatchObject({ subjectId: caf.subjectId, changed: false });
    expect(await reassignParticipant(db, session, b!.id, 'agent')).toMatchObject({ subjectId: caf.subjectId, changed: false });
    const citizen = (await reassignParticipant(db, session, b!.id, 'citoyen'))!;
    expect(citizen.changed).toBe(true);
    expect((await currentChoices(db, session.id)).get(b!.id)).toBe(`citoyen:${citizen.subjectId}`);
    expect(await choiceLabel(db, session.id, b!.id)).toMatch(/^Citoyen·ne, \S+ \S+/);
    expect(await reassignParticipant(db, session, b!.id, { role: 'citoyen', subject: citizen.subjectId })).toMatchObject({ changed: false });
    await reassignParticipant(db, session, b!.id, 'observateur');
    expect((await currentChoices(db, session.id)).get(b!.id)).toBe('observateur');
    expect(await choiceLabel(db, session.id, b!.id)).toBe('Observateur·rice (audit)');
  });

  it('keeps two séances apart: a student of one never gets an account of the other', async () => {
    const { db, teacher, session } = await setup();
    const other = await createSession(getEngine(), teacher.id, { name: 'Autre', preset: 'stationnement' });
    const here = await join(db, session, 'Renard');
    const there = await join(db, other, 'Renard');
    expect(here.subjectId).not.toBe(there.subjectId);
    expect((await db.select().from(personas).where(eq(personas.id, there.subjectId!)).get())?.classSessionId).toBe(other.id);
    expect(await reassignParticipant(db, session, there.id, 'agent')).toBeNull();
  });

  it('shows each role its card, and hands the teacher’s messages to the right students', async () => {
    const { db, session } = await setup();
    const [c, a, h, o] = await joinAll(db, session, ['Renard', 'Hibou', 'Loutre', 'Chouette', 'Lynx', 'Daim']);
    expect(await cardOf(db, c!)).toMatchObject({ title: 'Se garer près de chez soi', playing: expect.stringMatching(/^Karim Benali/) });
    expect((await cardOf(db, c!)).hints.length).toBeGreaterThan(0);
    expect(await cardOf(db, a!)).toMatchObject({ title: 'Agent — Ville' });
    expect((await cardOf(db, h!)).title).toBe('Aidant·e France Services');
    expect(o!.role).toBe('citoyen');
    // A second apart: two messages sent within the same millisecond have no order (seen once on PostgreSQL).
    const sentAt = Date.now();
    await sendClassroomMessage(db, { classSessionId: session.id, participantId: null, kind: 'message', title: 'À tous', body: 'Dix minutes.' }, new Date(sentAt));
    await sendClassroomMessage(db, { classSessionId: session.id, participantId: a!.id, kind: 'indice', title: 'Indice', body: 'Ouvrez le mode expert.' }, new Date(sentAt + 1000));
    expect((await messagesFor(db, session.id, a!.id)).map((m) => m.title)).toEqual(['Indice', 'À tous']);
    expect((await messagesFor(db, session.id, c!.id)).map((m) => m.title)).toEqual(['À tous']);
  });

  it('follows the head of each preset, then the shares', () => {
    for (const preset of Object.keys(rolePlans) as (keyof typeof rolePlans)[]) {
      expect(nextRole(preset, { citoyen: 0, agent: 0, aidant: 0, observateur: 0 })).toBe('citoyen');
      expect(nextRole(preset, { citoyen: 1, agent: 0, aidant: 0, observateur: 0 })).toBe('agent');
    }
  });
});

describe('rate limits', () => {
  it('allow up to the limit in a window, refuse beyond, and start again with the next window', async () => {
    const db = await freshDb();
    const rule = { limit: 3, windowMs: 60_000 };
    const t0 = new Date('2026-11-23T10:00:00Z');
    const allowed: boolean[] = [];
    for (let i = 0; i < 3; i++) allowed.push((await hit(db, 'k', rule, t0)).allowed);
    expect(allowed).toEqual([true, true, true]);
    expect(await hit(db, 'k', rule, new Date(t0.getTime() + 10_000))).toEqual({ allowed: false, retryAfterSeconds: 50 });
    expect((await hit(db, 'autre', rule, t0)).allowed).toBe(true);
    expect((await hit(db, 'k', rule, new Date(t0.getTime() + 60_000))).allowed).toBe(true);
  });
});

describe('seen at', () => {
  it('is written when a student opens a page, at most every half-minute (a page view takes no write lock meanwhile)', async () => {
    const { db, session } = await setup();
    const joined = await join(db, session, 'Renard');
    const seenAt = async () => (await participantOfSubject(db, joined.subjectId!))!.lastSeenAt.getTime();
    const start = joined.lastSeenAt.getTime();
    await touchParticipant(db, joined, new Date(start + seenEveryMs - 1));
    expect(await seenAt()).toBe(start);
    await touchParticipant(db, joined, new Date(start + seenEveryMs));
    expect(await seenAt()).toBe(start + seenEveryMs);
  });
});

describe('a hint revealed by the teacher', () => {
  it('is revealed once for a double-click that reaches the server twice at the same instant, then the next one', async () => {
    const { db, session } = await setup();
    const students = await joinAll(db, session, ['Renard', 'Hibou', 'Loutre', 'Castor', 'Martre', 'Belette']);
    const sent = async (student: Participant) => (await messagesFor(db, session.id, student.id)).filter((m) => m.kind === 'indice').map((m) => m.title);
    const later = () => new Date(Date.now() + hintRepeatMs);
    let tried = 0;
    for (const student of students) {
      const { hints } = await cardOf(db, student);
      if (hints.length < 2) continue;
      tried++;
      // Two clicks on the first hint's button at once, on another connection each.
      await revealHintTwice(db, student, 1);
      expect(await sent(student)).toEqual([`Indice 1 sur ${hints.length}`]);
      expect(await revealHint(db, student, 2, later())).toEqual({ outcome: 'revele', latest: 2 });
      expect(await revealHint(db, student, 2, later())).toEqual({ outcome: 'deja-revele', latest: 2 });
      expect(await revealHint(db, student, 1, later())).toEqual({ outcome: 'deja-revele', latest: 2 });
      expect((await sent(student)).sort()).toEqual([`Indice 1 sur ${hints.length}`, `Indice 2 sur ${hints.length}`]);
    }
    expect(tried).toBeGreaterThanOrEqual(4);
  });

  it('is revealed once for a double-click whose second click lands on the page the first refreshed (it asks for the next)', async () => {
    const { db, session } = await setup();
    const students = await joinAll(db, session, ['Renard', 'Hibou', 'Loutre', 'Castor']);
    const student = (await Promise.all(students.map(async (p) => ({ p, hints: (await cardOf(db, p)).hints })))).find((s) => s.hints.length >= 2);
    expect(student).toBeDefined();
    const { p, hints } = student!;
    const clicked = new Date();
    const at = (ms: number) => new Date(clicked.getTime() + ms);
    expect(await revealHint(db, p, 1, clicked)).toEqual({ outcome: 'revele', latest: 1 });
    // The page says « hint 2 » now; the second click of the double-click, 300 ms after the first, sends that.
    expect(await revealHint(db, p, 2, at(300))).toEqual({ outcome: 'deja-revele', latest: 1 });
    expect(await revealHint(db, p, 2, at(hintRepeatMs - 1))).toEqual({ outcome: 'deja-revele', latest: 1 });
    expect((await messagesFor(db, session.id, p.id)).filter((m) => m.kind === 'indice').map((m) => m.title)).toEqual([`Indice 1 sur ${hints.length}`]);
    // Clicked again once the double-click is over: the next hint.
    expect(await revealHint(db, p, 2, at(hintRepeatMs))).toEqual({ outcome: 'revele', latest: 2 });
  });
});

/** The same reveal from two requests at once: on PostgreSQL, through two pools (two app servers). */
async function revealHintTwice(db: AsyncExecutor, student: Participant, asked: number) {
  const other = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 2 }) : null;
  try {
    const outcomes = await Promise.all([revealHint(db, student, asked), revealHint(other?.db ?? db, student, asked)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['deja-revele', 'revele']);
    expect(outcomes.map((o) => o.latest)).toEqual([asked, asked]);
  } finally {
    await other?.close();
  }
}
