import crypto from 'node:crypto';
import { and, asc, desc, eq, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import { type AsyncExecutor, shortcut, transaction } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { agencyIds, participantRoles, type AgencyId, type ParticipantRole } from '../../db/schema';
import { agents, aidants, classSessions, participants, personas } from '../../db/tables';
import { agencyForAgent, nextRole, personaOrder, roleLabels, rolePlans, type RoleCounts } from './roles';
import { agencyShortName } from '../platform/consent-text';
import type { ClassSession } from './sessions';
import { automateBody } from './coverage';

export type Participant = typeof participants.$inferSelect;

/** A séance takes at most this many students (a class, with room for a few retries on other devices). */
export const maxParticipants = 100;

/** "Lou", " lou " and "LOU" are one pseudonym. */
export const foldPseudonym = (s: string) =>
  s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();

export const pseudonymSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Choisissez un pseudonyme, par exemple « Renard bleu ».')
      .min(2, 'Le pseudonyme compte au moins 2 caractères.')
      .max(24, 'Le pseudonyme compte 24 caractères au plus.')
      .refine((s) => !s.includes('@'), 'Pas d’adresse e-mail : un pseudonyme suffit, sans votre vrai nom.')
      .refine((s) => /^[\p{L}\p{N}][\p{L}\p{N} '’._-]*$/u.test(s), 'Utilisez des lettres, des chiffres, des espaces ou des tirets.'),
  );

/** The device cookie is random; only its hash is stored, so the database cannot be used to act as the device. */
export const newDeviceSecret = () => crypto.randomBytes(32).toString('base64url');
export const deviceHash = (secret: string) => crypto.createHash('sha256').update(secret).digest('hex');

export async function participantOfDevice(db: AsyncExecutor, classSessionId: string, hash: string): Promise<Participant | null> {
  return await db.select().from(participants).where(and(eq(participants.classSessionId, classSessionId), eq(participants.deviceHash, hash))).get() ?? null;
}

/** The latest séance this device joined (a student's way back to their card). */
export async function latestParticipation(db: AsyncExecutor, hash: string): Promise<{ participant: Participant; session: ClassSession } | null> {
  return (await latestOfDevice(db).get({ hash })) ?? null;
}
// Asked on every page a student opens (the footer's way back to the séance): built once (db/prepared.ts).
const latestOfDevice = prepared((db) =>
  db
    .select({ participant: participants, session: classSessions })
    .from(participants)
    .innerJoin(classSessions, eq(classSessions.id, participants.classSessionId))
    .where(eq(participants.deviceHash, sql.placeholder('hash')))
    .orderBy(desc(participants.lastSeenAt))
    .limit(1),
);

/** The participant playing a persona, agent or aidant account (the student behind a signed-in user). */
export async function participantOfSubject(db: AsyncExecutor, subjectId: string): Promise<Participant | null> {
  return (await ofSubject(db).get({ subject: subjectId })) ?? null;
}
// The agent's and the aidant's pages read it on each view: built once (db/prepared.ts).
const ofSubject = prepared((db) => db.select().from(participants).where(eq(participants.subjectId, sql.placeholder('subject'))).orderBy(asc(participants.joinedAt)).limit(1));

async function roleCounts(tx: AsyncExecutor, classSessionId: string, except?: string): Promise<RoleCounts> {
  const counts: RoleCounts = { citoyen: 0, agent: 0, aidant: 0, observateur: 0 };
  const rows = await tx.select({ role: participants.role }).from(participants).where(and(eq(participants.classSessionId, classSessionId), except ? ne(participants.id, except) : undefined)).all();
  for (const r of rows) counts[r.role]++;
  return counts;
}

/** The least used of the candidates, ties going to the first in order. */
async function leastUsed(tx: AsyncExecutor, classSessionId: string, candidates: string[], except?: string): Promise<string | null> {
  const used = new Map<string, number>();
  const rows = await tx.select({ subjectId: participants.subjectId }).from(participants).where(and(eq(participants.classSessionId, classSessionId), except ? ne(participants.id, except) : undefined)).all();
  for (const r of rows) if (r.subjectId) used.set(r.subjectId, (used.get(r.subjectId) ?? 0) + 1);
  let best: string | null = null;
  for (const c of candidates) if (best === null || (used.get(c) ?? 0) < (used.get(best) ?? 0)) best = c;
  return best;
}

/** The account a new holder of the role plays in this séance, and the body for an agent. */
async function accountFor(tx: AsyncExecutor, session: ClassSession, role: ParticipantRole, counts: RoleCounts, except?: string): Promise<{ subjectId: string | null; agency?: AgencyId }> {
  if (role === 'observateur') return { subjectId: null };
  if (role === 'citoyen') {
    const rows = await tx.select({ id: personas.id, key: personas.key }).from(personas).where(eq(personas.classSessionId, session.id)).all();
    const byKey = new Map(rows.map((r) => [r.key, r.id]));
    const ordered = personaOrder(session.preset).flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
    return { subjectId: await leastUsed(tx, session.id, ordered, except) };
  }
  if (role === 'aidant') {
    const rows = await tx.select({ id: aidants.id }).from(aidants).where(eq(aidants.classSessionId, session.id)).orderBy(asc(aidants.familyName)).all();
    return { subjectId: await leastUsed(tx, session.id, rows.map((r) => r.id), except) };
  }
  // The preset's next body; if all its accounts are taken, the next body in the plan that has a free one.
  const accountsOf = async (agency: AgencyId) =>
    (await tx.select({ id: agents.id }).from(agents).where(and(eq(agents.classSessionId, session.id), eq(agents.agencyId, agency))).orderBy(asc(agents.unit), asc(agents.familyName)).all()).map((r) => r.id);
  const taken = new Set((await tx.select({ id: participants.subjectId }).from(participants).where(and(eq(participants.classSessionId, session.id), except ? ne(participants.id, except) : undefined)).all()).map((r) => r.id));
  const plan = rolePlans[session.preset].agencies;
  const candidates = [...plan.slice(counts.agent % plan.length), ...plan.slice(0, counts.agent % plan.length), ...agencyIds.filter((a) => !plan.includes(a))];
  let agency = agencyForAgent(session.preset, counts.agent);
  for (const candidate of candidates) {
    if (!(await accountsOf(candidate)).some((id) => !taken.has(id))) continue;
    agency = candidate;
    break;
  }
  // The seed order: for état civil, the main town's register first.
  return { subjectId: await leastUsed(tx, session.id, await accountsOf(agency), except), agency };
}

/** Cases of a body that students play wait for them: a student agent makes the body "played". */
async function markPlayed(tx: AsyncExecutor, session: ClassSession, agency: AgencyId | undefined): Promise<void> {
  if (!agency) return;
  const current = await tx.select({ bodiesPlayed: classSessions.bodiesPlayed }).from(classSessions).where(eq(classSessions.id, session.id)).get();
  if (current && !current.bodiesPlayed.includes(agency)) await tx.update(classSessions).set({ bodiesPlayed: [...current.bodiesPlayed, agency] }).where(eq(classSessions.id, session.id)).run();
}

/**
 * Who plays what is decided from what the others play: joins and role changes of one séance take turns, on every app
 * server (SQLite runs write transactions one at a time anyway; PostgreSQL's READ COMMITTED would let two servers give
 * two students the same persona — seen with a class of 30 over two servers).
 */
const rolesLock = (classSessionId: string) => ({ lock: `roles:${classSessionId}` });

export type JoinOutcome = { ok: true; participant: Participant; returning: boolean } | { ok: false; error: 'pseudonyme_pris' | 'seance_complete' };

/**
 * A student joins with a pseudonym: the same device gets its role back; otherwise the next role of the preset's plan,
 * with an account of the séance's world to play it. One transaction: two students joining at once get two roles.
 */
export async function joinSession(db: AsyncExecutor, session: ClassSession, pseudonym: string, hash: string, now = new Date()): Promise<JoinOutcome> {
  return transaction(db, async (tx): Promise<JoinOutcome> => {
    const mine = await participantOfDevice(tx, session.id, hash);
    if (mine) {
      const back = await tx.update(participants).set({ lastSeenAt: now }).where(eq(participants.id, mine.id)).returning().get();
      return { ok: true, participant: back, returning: true };
    }
    const key = foldPseudonym(pseudonym);
    if (await tx.select({ id: participants.id }).from(participants).where(and(eq(participants.classSessionId, session.id), eq(participants.pseudonymKey, key))).get()) return { ok: false, error: 'pseudonyme_pris' };
    const counts = await roleCounts(tx, session.id);
    if (Object.values(counts).reduce((a, b) => a + b, 0) >= maxParticipants) return { ok: false, error: 'seance_complete' };
    // Past the number of students the teacher planned, newcomers watch: the world's roles stay balanced for the class.
    const planned = (await tx.select({ n: classSessions.expectedStudents }).from(classSessions).where(eq(classSessions.id, session.id)).get())?.n ?? session.expectedStudents;
    const role = Object.values(counts).reduce((a, b) => a + b, 0) >= planned ? 'observateur' : nextRole(session.preset, counts);
    const { subjectId, agency } = await accountFor(tx, session, role, counts);
    await markPlayed(tx, session, agency);
    const participant = await tx
      .insert(participants)
      .values({ id: crypto.randomUUID(), classSessionId: session.id, pseudonym, pseudonymKey: key, role, subjectId, deviceHash: hash, joinedAt: now, lastSeenAt: now })
      .returning()
      .get();
    return { ok: true, participant, returning: false };
  }, rolesLock(session.id));
}

/** What the teacher may pick when reassigning: a persona, an aidant account, or a body (the account is then a free one). */
export type Reassignment = { role: ParticipantRole; subject?: string | null };

/**
 * The teacher gives a student another role, and may pick the persona, the aidant or the body. A body whose last student
 * agent leaves it goes back to automatic instruction: its cases are never stranded.
 */
export async function reassignParticipant(db: AsyncExecutor, session: ClassSession, participantId: string, to: ParticipantRole | Reassignment): Promise<(Participant & { changed: boolean }) | null> {
  const { role, subject } = typeof to === 'string' ? { role: to, subject: null } : to;
  return transaction(db, async (tx) => {
    const p = await tx.select().from(participants).where(and(eq(participants.id, participantId), eq(participants.classSessionId, session.id))).get();
    if (!p) return null;
    // What they already play (a body is asked for by its id, played through one of its accounts): nothing to do.
    const previousAgency = p.role === 'agent' && p.subjectId ? await agencyOfAccount(tx, p.subjectId) : null;
    const held = p.role === 'agent' ? previousAgency : p.subjectId;
    if (p.role === role && (!subject || subject === held)) return { ...p, changed: false };
    const counts = await roleCounts(tx, session.id, p.id);
    let account: { subjectId: string | null; agency?: AgencyId };
    if (!subject) account = await accountFor(tx, session, role, counts, p.id);
    else {
      const picked = await pickedAccount(tx, session, role, subject, p.id);
      if (!picked) return null;
      account = picked;
    }
    const moved = await tx.update(participants).set({ role, subjectId: account.subjectId }).where(eq(participants.id, p.id)).returning().get();
    if (previousAgency && previousAgency !== account.agency) {
      const stillPlayed = await tx
        .select({ id: participants.id })
        .from(participants)
        .innerJoin(agents, eq(agents.id, participants.subjectId))
        .where(and(eq(participants.classSessionId, session.id), eq(participants.role, 'agent'), eq(agents.agencyId, previousAgency)))
        .get();
      if (!stillPlayed) await automateBody(tx, session.id, previousAgency);
    }
    await markPlayed(tx, session, account.agency);
    return { ...moved, changed: true };
  }, rolesLock(session.id));
}

async function agencyOfAccount(tx: AsyncExecutor, agentId: string): Promise<AgencyId | null> {
  return (await tx.select({ a: agents.agencyId }).from(agents).where(eq(agents.id, agentId)).get())?.a ?? null;
}

/**
 * Each student's line in the reassignment list (reassignChoices): the persona, body or aidant they play, so the menu
 * shows where they are and a form sent unchanged changes nothing.
 */
export async function currentChoices(db: AsyncExecutor, classSessionId: string): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: participants.id, role: participants.role, subject: participants.subjectId, agency: agents.agencyId })
    .from(participants)
    .leftJoin(agents, eq(agents.id, participants.subjectId))
    .where(eq(participants.classSessionId, classSessionId))
    .all();
  return new Map(rows.map((r) => [r.id, choiceValue(r.role, r.role === 'observateur' ? null : r.role === 'agent' ? r.agency : r.subject)]));
}

/** The account the teacher picked, checked against the séance's world: a persona, an aidant, or a body's free account. */
async function pickedAccount(tx: AsyncExecutor, session: ClassSession, role: ParticipantRole, subject: string, except: string): Promise<{ subjectId: string | null; agency?: AgencyId } | null> {
  if (role === 'observateur') return { subjectId: null };
  if (role === 'citoyen') return await tx.select({ id: personas.id }).from(personas).where(and(eq(personas.id, subject), eq(personas.classSessionId, session.id))).get() ? { subjectId: subject } : null;
  if (role === 'aidant') return await tx.select({ id: aidants.id }).from(aidants).where(and(eq(aidants.id, subject), eq(aidants.classSessionId, session.id))).get() ? { subjectId: subject } : null;
  if (!(agencyIds as readonly string[]).includes(subject)) return null;
  const agency = subject as AgencyId;
  const accounts = (await tx.select({ id: agents.id }).from(agents).where(and(eq(agents.classSessionId, session.id), eq(agents.agencyId, agency))).orderBy(asc(agents.unit), asc(agents.familyName)).all()).map((r) => r.id);
  return { subjectId: await leastUsed(tx, session.id, accounts, except), agency };
}

// Read by the live view on each view and tick: built once (db/prepared.ts).
const ofSession = prepared((db) => db.select().from(participants).where(eq(participants.classSessionId, sql.placeholder('seance'))).orderBy(asc(participants.joinedAt)));

export async function participantsOfSession(db: AsyncExecutor, classSessionId: string): Promise<Participant[]> {
  return ofSession(db).execute({ seance: classSessionId });
}

/**
 * "Seen at" for the teacher's list. Written at most every half-minute: a page view that writes takes the database's
 * write lock (on SQLite, from every server process in turn) for a time the teacher reads to the minute. A shortcut: a
 * database whose lock another process holds leaves it to the next view, and the page is shown at once.
 */
export async function touchParticipant(db: AsyncExecutor, participant: Pick<Participant, 'id' | 'lastSeenAt'>, now = new Date()): Promise<void> {
  if (now.getTime() - participant.lastSeenAt.getTime() < seenEveryMs) return;
  await shortcut(db, (tx) => tx.update(participants).set({ lastSeenAt: now }).where(eq(participants.id, participant.id)).run());
}
export const seenEveryMs = 30_000;

/** A line of the reassignment list: "agent" (e-Guichet picks the account), or "agent:caf", "citoyen:<persona>"… */
const choiceValue = (role: ParticipantRole, subject?: string | null) => (subject ? `${role}:${subject}` : role);

/** The teacher's reassignment list: each role (any account), then the personas, bodies and aidants to pick from. */
export async function reassignChoices(db: AsyncExecutor, classSessionId: string): Promise<{ label: string; options: { value: string; label: string }[] }[]> {
  const people = await db.select().from(personas).where(eq(personas.classSessionId, classSessionId)).orderBy(asc(personas.familyName)).all();
  const bodies = await db.select({ id: agents.agencyId }).from(agents).where(eq(agents.classSessionId, classSessionId)).groupBy(agents.agencyId).all();
  const helpers = await db.select().from(aidants).where(eq(aidants.classSessionId, classSessionId)).orderBy(asc(aidants.familyName)).all();
  return [
    { label: 'Un rôle (e-Guichet choisit le personnage)', options: participantRoles.map((r) => ({ value: r, label: roleLabels[r] })) },
    { label: 'Citoyen·ne qui joue…', options: people.map((p) => ({ value: choiceValue('citoyen', p.id), label: `${p.givenNames} ${p.preferredName ?? p.familyName}` })) },
    { label: 'Agent de…', options: bodies.map((b) => ({ value: choiceValue('agent', b.id), label: agencyShortName(b.id) })) },
    { label: 'Aidant·e…', options: helpers.map((a) => ({ value: choiceValue('aidant', a.id), label: `${a.givenName} ${a.familyName}` })) },
  ];
}

/** What a student plays, as the teacher's menu names it: « Agent d’un organisme, CAF », « Citoyen·ne, Karim Benali ». */
export async function choiceLabel(db: AsyncExecutor, classSessionId: string, participantId: string): Promise<string> {
  const [current, groups] = await Promise.all([currentChoices(db, classSessionId), reassignChoices(db, classSessionId)]);
  const value = current.get(participantId) ?? '';
  const role = value.split(':')[0] as ParticipantRole;
  const detail = value.includes(':') ? groups.flatMap((g) => g.options).find((o) => o.value === value)?.label : undefined;
  return [roleLabels[role], detail].filter(Boolean).join(', ');
}
