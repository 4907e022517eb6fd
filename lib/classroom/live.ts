import { and, count, desc, eq, gt, sql } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { placeholderAs, prepared } from '../../db/prepared';
import { agencyIds, caseStates, type AgencyId, type CaseState, type ExchangeResult, type ParticipantRole } from '../../db/schema';
import { agencies, agents, aidants, caseEvents, cases, classroomMessages, journalEntries, personas } from '../../db/tables';
import { faultsInForce } from '../platform/faults-view';
import { exchangeTally } from '../platform/journal-tally';
import { reasonLabel } from '../platform/errors';
import { stateLabels } from '../procedures/engine/state-machine';
import { procedures } from '../procedures/registry';
import { participantsOfSession, type Participant } from './participants';
import type { ClassSession } from './sessions';
import { strandAlerts, type StrandAlert } from './coverage';
import { boxTextWidth } from './live-map';
import { countOf, formatList, lowerFirst, upperFirst } from '../format';
import { agencyShortName } from '../platform/consent-text';

// The teacher's live view of a séance, computed from the database alone (pushed by server-sent events).

export type LiveExchange = { sequence: number; at: string; consumer: AgencyId; provider: AgencyId; result: ExchangeResult; reason: string | null };
export type LiveParticipant = { id: string; pseudonym: string; role: ParticipantRole; playing: string | null; doing: string; lastSeenAt: string; hintsRevealed: number };
export type LiveEvent = { id: string; at: string; kind: 'echange' | 'dossier' | 'arrivee' | 'message'; tone: 'ok' | 'refused' | 'failed' | 'info'; text: string };
export type LiveSnapshot = {
  joined: number;
  expected: number;
  /** `line`: what the map writes in the body's box (its fault, or its counts); `fit`: the width it is squeezed to when
   * it would not fit the box, as a name's (`MapPlace.fit`). */
  bodies: { id: AgencyId; name: string; played: boolean; fault: string | null; line: string; fit: number | null }[];
  exchanges: LiveExchange[];
  cases: { procedure: string; title: string; shortTitle: string; counts: Record<CaseState, number> }[];
  participants: LiveParticipant[];
  timeline: LiveEvent[];
  /** Bodies whose cases nobody can see, each with its one-click fix (lib/classroom/coverage.ts). */
  alerts: StrandAlert[];
  /** With several alerts, the one line that names their bodies (written here: less JavaScript on the cockpit). */
  alertsHeadline: string | null;
  /** The map's text alternative: the exchanges by result, and the latest (written here: less JavaScript). */
  summary: string;
  /** What a screen reader is told of the latest exchange when it arrives. */
  announcement: string | null;
};

/**
 * How much of the séance the cockpit shows, and so what the snapshot carries (a page's cost is its bytes, twice: the
 * HTML and the props inlined for hydration, then each stream's first event): the latest exchanges drawn on the map,
 * and the latest events of the feed (the whole history is the journal's and the debrief's).
 */
export const shownOnMap = 12;
export const shownInFeed = 40;
/** An exchange's result in a few words, for the map's text alternative, the feed and what a screen reader is told. */
const resultWords: Record<ExchangeResult, string> = { accorde: 'accordé', refuse: 'refusé', inconnu: 'personne inconnue', echec: 'en échec' };
const faultWords = { panne: 'en panne', lenteur: 'lent', erratique: 'erratique' } as const;
/**
 * What the map writes in a body's box: its fault, or its counts separated by em spaces (« ! » there is a sign for
 * failures, not punctuation; « ? », persons the body did not know, only once there is one), squeezed when it would
 * not fit the box (16 px text: about 10 px a sign or a digit, 16 an em space; lib/classroom/live-map.ts).
 */
function mapLine(fault: string | null, c: { granted: number; refused: number; unknown: number; failed: number }) {
  const line = fault ? (faultWords[fault as keyof typeof faultWords] ?? fault) : `✓\u00a0${c.granted}\u2003✗\u00a0${c.refused}\u2003!\u00a0${c.failed}${c.unknown > 0 ? `\u2003?\u00a0${c.unknown}` : ''}`;
  const width = [...line].reduce((w, ch) => w + (ch === '\u2003' ? 16 : ch === '\u00a0' ? 4 : 10), 0);
  return { line, fit: width > boxTextWidth ? boxTextWidth : null };
}

// A person unknown to a body is an answer, not a fault: the feed shows it as information.
const tones = { accorde: 'ok', refuse: 'refused', inconnu: 'info', echec: 'failed' } as const;

// The live view's reads, built once (db/prepared.ts): the cockpit reads them on each view and the streams on each tick
// of a séance that changed; drizzle building thirteen queries cost about as much as running them.
const caseRef = { procedure: cases.procedure, receiptNumber: cases.receiptNumber };
const read = {
  agencies: prepared((db) => db.select({ id: agencies.id, name: agencies.shortName }).from(agencies)),
  latestEntries: prepared((db) => db.select().from(journalEntries).where(eq(journalEntries.classSessionId, sql.placeholder('seance'))).orderBy(desc(journalEntries.sequence)).limit(shownInFeed)),
  // Only the columns shown: a case's answers and outcome (JSON) are not parsed twice a second for each screen.
  cases: prepared((db) =>
    db.select({ ...caseRef, state: cases.state, personaId: cases.personaId }).from(cases).where(eq(cases.classSessionId, sql.placeholder('seance'))).orderBy(desc(cases.updatedAt)),
  ),
  personas: prepared((db) =>
    db.select({ id: personas.id, givenNames: personas.givenNames, preferredName: personas.preferredName, familyName: personas.familyName }).from(personas).where(eq(personas.classSessionId, sql.placeholder('seance'))),
  ),
  agents: prepared((db) =>
    db
      .select({ id: agents.id, givenName: agents.givenName, familyName: agents.familyName, agency: agencies.shortName })
      .from(agents)
      .innerJoin(agencies, eq(agencies.id, agents.agencyId))
      .where(eq(agents.classSessionId, sql.placeholder('seance'))),
  ),
  aidants: prepared((db) => db.select({ id: aidants.id, givenName: aidants.givenName, familyName: aidants.familyName }).from(aidants).where(eq(aidants.classSessionId, sql.placeholder('seance')))),
  events: prepared((db) =>
    db
      .select({ e: { id: caseEvents.id, at: caseEvents.at, actorId: caseEvents.actorId, actorLabel: caseEvents.actorLabel, kind: caseEvents.kind, toState: caseEvents.toState }, c: caseRef })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(eq(caseEvents.classSessionId, sql.placeholder('seance')))
      .orderBy(desc(caseEvents.at))
      .limit(300),
  ),
  messages: prepared((db) =>
    db
      .select()
      .from(classroomMessages)
      .where(and(eq(classroomMessages.classSessionId, sql.placeholder('seance')), gt(classroomMessages.createdAt, placeholderAs(classroomMessages.createdAt, 'since'))))
      .orderBy(desc(classroomMessages.createdAt))
      .limit(30),
  ),
  hints: prepared((db) =>
    db
      .select({ p: classroomMessages.participantId, n: count() })
      .from(classroomMessages)
      .where(and(eq(classroomMessages.classSessionId, sql.placeholder('seance')), eq(classroomMessages.kind, 'indice')))
      .groupBy(classroomMessages.participantId),
  ),
};

export async function liveSnapshot(db: AsyncExecutor, session: ClassSession, now = new Date()): Promise<LiveSnapshot> {
  // Every read at once: on a busy server each await waits its turn behind the pages being rendered, so thirteen reads
  // one after the other cost thirteen turns (measured on PostgreSQL under a class of 30: 1–2 s), together about one.
  const seance = { seance: session.id };
  const since = new Date(now.getTime() - 3 * 3_600_000);
  const [agencyRows, tally, entries, faults, students, messages, alerts] = await Promise.all([
    read.agencies(db).execute(),
    // Exchanges: counts per body (kept with the last entry counted: the journal grows all séance long and this runs
    // twice a second), the latest ones for the map and the timeline.
    exchangeTally(db, session.id, now),
    read.latestEntries(db).execute(seance),
    faultsInForce(db, session.id, now),
    participantReads(db, session.id),
    read.messages(db).execute({ ...seance, since }),
    strandAlerts(db, session, now),
  ]);
  const { people, cases: allCases, events } = students;
  const names = new Map(agencyRows.map((a) => [a.id, a.name]));
  const name = (id: AgencyId) => names.get(id) ?? id;

  const bodies = agencyIds.map((id) => {
    const mine = tally.filter((t) => t.consumer === id || t.provider === id);
    const total = (result: LiveExchange['result']) => mine.reduce((sum, t) => sum + (t.result === result ? t.n : 0), 0);
    const fault = faults.find((f) => f.agency === id);
    const counts = { granted: total('accorde'), refused: total('refuse'), unknown: total('inconnu'), failed: total('echec') };
    return { id, name: name(id), played: session.bodiesPlayed.includes(id), fault: fault ? fault.kind : null, ...mapLine(fault?.kind ?? null, counts) };
  });
  const exchanges: LiveExchange[] = entries.slice(0, shownOnMap).map((e) => ({ sequence: e.sequence, at: e.recordedAt, consumer: e.consumer, provider: e.provider, result: e.result, reason: e.reason }));
  const byResult = (result: ExchangeResult) => tally.reduce((sum, t) => sum + (t.result === result ? t.n : 0), 0);
  const newest = exchanges[0];
  // A person unknown to a body is named only once it has happened (most séances never see one).
  const unknownCount = byResult('inconnu');
  const unknown = unknownCount > 0 ? `, ${countOf(unknownCount, 'personne inconnue', 'personnes inconnues')}` : '';
  const summary = newest
    ? `Échanges : ${countOf(byResult('accorde'), 'accordé', 'accordés')}, ${countOf(byResult('refuse'), 'refusé', 'refusés')}, ${countOf(byResult('echec'), 'en échec', 'en échec')}${unknown}. Dernier : ${name(newest.consumer)} → ${name(newest.provider)}, ${resultWords[newest.result]}.`
    : 'Aucun échange pour l’instant.';
  const announcement = newest ? `Nouvel échange : ${name(newest.consumer)} vers ${name(newest.provider)}, ${resultWords[newest.result]}.` : null;

  // Cases by procedure and state: the procedures the class has cases in (eight columns of zeros would not fit the
  // cockpit's third of a screen, and the ones in use would scroll out of sight).
  const caseRows = Object.values(procedures).flatMap((def) => {
    const counts = Object.fromEntries(caseStates.map((s) => [s, 0])) as Record<CaseState, number>;
    const mine = allCases.filter((c) => c.procedure === def.id);
    for (const c of mine) counts[c.state]++;
    return mine.length ? [{ procedure: def.id, title: def.title, shortTitle: def.shortTitle, counts }] : [];
  });

  const participants = participantsDoing(students);

  // One timeline: exchanges, case events, arrivals, the teacher's messages.
  const pseudonyms = new Map(people.map((p) => [p.id, p.pseudonym]));
  const timeline: LiveEvent[] = [
    ...entries.map((e) => ({
      id: `j${e.sequence}`,
      at: e.recordedAt,
      kind: 'echange' as const,
      tone: tones[e.result],
      text: `${name(e.consumer)} → ${name(e.provider)} : ${resultWords[e.result]}${e.reason && e.result !== 'inconnu' ? ` (${reasonLabel(e.reason, 'tiers')})` : ''}`, // « personne inconnue » says it all
    })),
    ...events
      .filter(({ e }) => e.kind === 'transition' && e.toState !== 'brouillon')
      .slice(0, 40)
      .map(({ e, c }) => ({ id: `e${e.id}`, at: e.at.toISOString(), kind: 'dossier' as const, tone: e.toState === 'refuse' ? ('refused' as const) : e.toState === 'accepte' ? ('ok' as const) : ('info' as const), text: `${ref(c)} : ${lowerFirst(stateLabels[e.toState ?? 'depose'])} (${e.actorLabel})` })),
    ...people.map((p) => ({ id: `p${p.id}`, at: p.joinedAt.toISOString(), kind: 'arrivee' as const, tone: 'info' as const, text: `${p.pseudonym} a rejoint la séance` })),
    ...messages.map((m) => ({ id: `m${m.id}`, at: m.createdAt.toISOString(), kind: 'message' as const, tone: 'info' as const, text: `Vous avez envoyé « ${m.title} » à ${m.participantId ? (pseudonyms.get(m.participantId) ?? 'un·e élève') : 'toute la classe'}` })),
  ]
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, shownInFeed);

  const alertsHeadline = alerts.length > 1 ? `${countOf(alerts.length, 'organisme attend', 'organismes attendent')} leurs élèves\u00a0: ${formatList(alerts.map((a) => agencyShortName(a.agency)))}.` : null;
  return { joined: people.length, expected: session.expectedStudents, bodies, exchanges, cases: caseRows, participants, timeline, alerts, alertsHeadline, summary, announcement };
}

/** A case as the cockpit names it: its procedure, and its number once filed. */
const ref = (c: { procedure: keyof typeof procedures; receiptNumber: string | null }) => `${procedures[c.procedure].title}${c.receiptNumber ? ` ${c.receiptNumber}` : ''}`;
type Reads<K extends keyof typeof read> = Awaited<ReturnType<ReturnType<(typeof read)[K]>['execute']>>;
type ParticipantReads = {
  people: Participant[];
  cases: Reads<'cases'>;
  personas: Reads<'personas'>;
  agents: Reads<'agents'>;
  aidants: Reads<'aidants'>;
  events: Reads<'events'>;
  hints: Reads<'hints'>;
};

/** Each participant, whom they play and what they are doing, read from their latest case or action. */
function participantsDoing({ people, cases: allCases, personas: personaRows, agents: agentRows, aidants: aidantRows, events, hints: hintRows }: ParticipantReads): LiveParticipant[] {
  const personaNames = new Map(personaRows.map((p) => [p.id, `${p.givenNames.split(' ')[0]} ${p.preferredName ?? p.familyName}`]));
  const agentNames = new Map(agentRows.map((a) => [a.id, `${a.givenName} ${a.familyName} (${a.agency})`]));
  const aidantNames = new Map(aidantRows.map((a) => [a.id, `${a.givenName} ${a.familyName}`]));
  const hintCounts = new Map(hintRows.map((r) => [r.p, r.n]));
  return people.map((p) => {
    const id = p.subjectId ?? '';
    let doing = 'n’a encore rien fait';
    if (p.role === 'citoyen') {
      const latest = allCases.find((c) => c.personaId === id);
      if (latest) doing = `${ref(latest)} : ${lowerFirst(stateLabels[latest.state])}`;
    } else if (p.role === 'agent' || p.role === 'aidant') {
      const latest = events.find(({ e }) => e.actorId === id);
      if (latest) doing = `${latest.e.kind === 'message' ? 'a écrit au sujet de' : latest.e.toState ? `${lowerFirst(stateLabels[latest.e.toState])} :` : 'a agi sur'} ${ref(latest.c)}`;
    } else doing = 'lit le journal et le catalogue';
    const playing = p.role === 'citoyen' ? (personaNames.get(id) ?? null) : p.role === 'agent' ? (agentNames.get(id) ?? null) : p.role === 'aidant' ? (aidantNames.get(id) ?? null) : null;
    // Shown at the start of a sentence (the cockpit's list, the students' page).
    return { id: p.id, pseudonym: p.pseudonym, role: p.role, playing, doing: upperFirst(doing), lastSeenAt: p.lastSeenAt.toISOString(), hintsRevealed: hintCounts.get(p.id) ?? 0 };
  });
}

/** What participantsDoing reads: the séance's students, cases, characters, case events and hints, all at once. */
async function participantReads(db: AsyncExecutor, classSessionId: string): Promise<ParticipantReads> {
  const seance = { seance: classSessionId };
  const [people, caseRows, personaRows, agentRows, aidantRows, eventRows, hintRows] = await Promise.all([
    participantsOfSession(db, classSessionId),
    read.cases(db).execute(seance),
    read.personas(db).execute(seance),
    read.agents(db).execute(seance),
    read.aidants(db).execute(seance),
    read.events(db).execute(seance),
    read.hints(db).execute(seance),
  ]);
  return { people, cases: caseRows, personas: personaRows, agents: agentRows, aidants: aidantRows, events: eventRows, hints: hintRows };
}

/** The students as the cockpit shows them, for a page that shows only them (the students' tab): seven reads, not thirteen. */
export async function liveParticipants(db: AsyncExecutor, session: ClassSession): Promise<Pick<LiveSnapshot, 'participants' | 'joined' | 'expected'>> {
  const reads = await participantReads(db, session.id);
  return { participants: participantsDoing(reads), joined: reads.people.length, expected: session.expectedStudents };
}
