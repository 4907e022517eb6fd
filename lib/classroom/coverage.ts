import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import { cache } from 'react';
import type { AsyncExecutor } from '../../db/engine';
import { placeholderAs, prepared } from '../../db/prepared';
import { type AgencyId } from '../../db/schema';
import { agents, cases, classSessions, participants } from '../../db/tables';
import { agencyShortName } from '../platform/consent-text';
import { agreed, countOf } from '../format';

// Nothing stranded (issue 16): which cases wait for a student, and what the teacher must be told when nobody can see them.

type StudentAgent = { agency: AgencyId; unit: string | null; pseudonym: string; lastSeenAt: Date };

// Read by every page view that runs the séance's due instruction, and by the live view: built once (db/prepared.ts).
const studentAgentsOf = prepared((db) =>
  db
    .select({ agency: agents.agencyId, unit: agents.unit, pseudonym: participants.pseudonym, lastSeenAt: participants.lastSeenAt })
    .from(participants)
    .innerJoin(agents, eq(agents.id, participants.subjectId))
    .where(and(eq(participants.classSessionId, sql.placeholder('seance')), eq(participants.role, 'agent'))),
);

/**
 * The agent accounts students hold in the séance, with their unit (an état civil register) and when each was last seen.
 * Once per page view (React's cache, as lib/classroom/session-by-id.ts): the cockpit asks twice.
 */
export const studentAgents = cache(async (db: AsyncExecutor, classSessionId: string): Promise<StudentAgent[]> => studentAgentsOf(db).execute({ seance: classSessionId }));

export type Coverage = { played: Set<string>; students: StudentAgent[] };

export async function coverageOf(db: AsyncExecutor, session: { id: string; bodiesPlayed: string[] }): Promise<Coverage> {
  return { played: new Set(session.bodiesPlayed), students: await studentAgents(db, session.id) };
}

/**
 * Whether a case waits for a student agent rather than the body's automatic instruction. A body the teacher marks as
 * played waits; but when students play it, a unit none of them holds (another register, the central service) is
 * automatic: every case lands in a queue someone sees.
 */
export function waitsForStudent(coverage: Coverage, c: { agency: AgencyId | null; unit: string | null }): boolean {
  if (!c.agency || !coverage.played.has(c.agency)) return false;
  const mine = coverage.students.filter((s) => s.agency === c.agency);
  if (mine.length === 0 || c.unit === null) return true;
  return mine.some((s) => s.unit === null || s.unit === c.unit);
}

export type StrandAlert = { agency: AgencyId; text: string };

// The live view reads them on each view and tick: built once (db/prepared.ts).
const waitingSince = prepared((db) =>
  db
    .select({ agency: cases.agency, unit: cases.unit, submittedAt: cases.submittedAt })
    .from(cases)
    .where(and(eq(cases.classSessionId, sql.placeholder('seance')), inArray(cases.state, ['depose', 'en_instruction']), isNotNull(cases.agency), lt(cases.submittedAt, placeholderAs(cases.submittedAt, 'before')))),
);

/**
 * What the live view warns the teacher about, each with the one-click fix "let the body answer by itself":
 * a body marked as played that no student plays any more, whose students have not been seen for the séance's patience,
 * or whose cases have waited longer than that.
 */
export async function strandAlerts(db: AsyncExecutor, session: typeof classSessions.$inferSelect, now = new Date()): Promise<StrandAlert[]> {
  const coverage = await coverageOf(db, session);
  const patienceMs = session.patienceMinutes * 60_000;
  const waiting = (await waitingSince(db).execute({ seance: session.id, before: new Date(now.getTime() - patienceMs) })).filter((c) => waitsForStudent(coverage, c));
  const alerts: StrandAlert[] = [];
  for (const agency of coverage.played as Set<AgencyId>) {
    const students = coverage.students.filter((s) => s.agency === agency);
    const late = waiting.filter((c) => c.agency === agency).length;
    const name = agencyShortName(agency); // the cockpit's alert is one line
    if (students.length === 0 && late > 0) alerts.push({ agency, text: `${name} : marqué comme joué par un·e élève, personne ne le joue ; ${countOf(late, 'demande', 'demandes')} ${agreed(late, 'attend', 'attendent')} depuis plus de ${session.patienceMinutes} min.` });
    else if (students.length > 0 && students.every((s) => now.getTime() - s.lastSeenAt.getTime() > patienceMs))
      alerts.push({ agency, text: `${name} : ${students.map((s) => s.pseudonym).join(', ')} n’${agreed(students.length, 'a', 'ont')} pas été vu·e depuis plus de ${session.patienceMinutes} min.` });
    else if (late > 0) alerts.push({ agency, text: `${name} : ${countOf(late, 'demande', 'demandes')} ${agreed(late, 'attend', 'attendent')} son agent depuis plus de ${session.patienceMinutes} min.` });
  }
  return alerts;
}

/** The bodies go back to automatic instruction (the teacher's one-click fix, or its last student agent left the role): one read, one write. */
export async function automateBody(db: AsyncExecutor, classSessionId: string, ...bodies: AgencyId[]): Promise<void> {
  const row = await db.select({ bodiesPlayed: classSessions.bodiesPlayed }).from(classSessions).where(eq(classSessions.id, classSessionId)).get();
  const left = row?.bodiesPlayed.filter((a) => !bodies.includes(a as AgencyId));
  if (row && left && left.length < row.bodiesPlayed.length) await db.update(classSessions).set({ bodiesPlayed: left }).where(eq(classSessions.id, classSessionId)).run();
}
