import { and, eq, isNull } from 'drizzle-orm';
import type { AsyncExecutor } from '../../db/engine';
import { type ParticipantRole, type ProcedureId } from '../../db/schema';
import { antaiNotices, appointments, caseEvents, cases, consents, consentWithdrawals, documents, journalEntries, mandates, participants } from '../../db/tables';
import { amountDue, classAmounts, type FineClass } from '../procedures/fines/ladder';
import { termsOf } from '../procedures/fines/notices';
import { legalDaysBetween } from '../procedures/engine/time-scale';
import { correctionsOf, prefilledFigures, prefillKey } from '../procedures/activity-bonus/definition';
import { timeScaleOf } from '../procedures/engine/session-clock';
import { reasonLabel } from '../platform/errors';
import { verifyJournalChain } from '../platform/journal';
import { finalStates, isOpen, stateLabels } from '../procedures/engine/state-machine';
import { formatParisTimestamp } from '../format';
import { roleLabels } from './roles';
import { assistantFigures } from '../assistant/figures';
import { median } from '../median';
import { procedures } from '../procedures/registry';
import type { ClassSession } from './sessions';

// The debrief: the class's own figures, computed from the séance's records only (nothing is counted twice or guessed).

export type Route = 'en_ligne_echange' | 'en_ligne_justificatifs' | 'en_ligne' | 'aidant' | 'guichet' | 'papier';
export const routeLabels: Record<Route, string> = {
  en_ligne_echange: 'En ligne, données échangées entre organismes (avec accord)',
  en_ligne_justificatifs: 'En ligne, avec des justificatifs envoyés',
  en_ligne: 'En ligne',
  aidant: 'Avec un·e aidant·e (mandat)',
  guichet: 'Au guichet',
  papier: 'Formulaire papier',
};

type CaseRow = typeof cases.$inferSelect;

export function routeOf(c: CaseRow): Route {
  if (c.channel === 'guichet' || c.channel === 'papier') return c.channel;
  if (c.mandateId) return 'aidant';
  if (c.procedure === 'carte-stationnement') return c.answers.mode?.choix === 'sans_accord' ? 'en_ligne_justificatifs' : 'en_ligne_echange';
  return 'en_ligne';
}

const counterWait = /attente simulée\s?: (\d+)\s?minutes/;

/** Minutes from the first keystroke (or arrival at the counter, with its simulated wait) to the decision. */
export function minutesToDecision(c: CaseRow, events: (typeof caseEvents.$inferSelect)[]): number | null {
  if (!c.closedAt || !finalStates.includes(c.state)) return null;
  const wait = c.channel === 'guichet' ? Number(events.map((e) => counterWait.exec(e.text ?? '')?.[1]).find(Boolean) ?? 0) : 0;
  return Math.round(((c.closedAt.getTime() - c.createdAt.getTime()) / 60_000 + wait) * 10) / 10;
}


export type CaseLine = {
  receipt: string;
  /** The student who filed it (citizen, aidant or agent at the counter), and their role; empty if no student did. */
  pseudonym: string | null;
  role: ParticipantRole | null;
  procedure: ProcedureId;
  route: Route;
  state: CaseRow['state'];
  startedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  minutes: number | null;
  exchanges: number;
  refused: number;
  /** Answered « I do not know this person » by the body asked. */
  unknown: number;
  failed: number;
};

export type Debrief = Awaited<ReturnType<typeof computeDebrief>>;

export async function computeDebrief(db: AsyncExecutor, session: ClassSession, now = new Date()) {
  const all = await db.select().from(cases).where(eq(cases.classSessionId, session.id)).all();
  const events = await db.select().from(caseEvents).where(eq(caseEvents.classSessionId, session.id)).all();
  const entries = await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, session.id)).all();
  const eventsOf = new Map<string, (typeof events)[number][]>();
  for (const e of events) eventsOf.set(e.caseId, [...(eventsOf.get(e.caseId) ?? []), e]);

  // Exchanges carry the case's receipt number (or its id before it has one).
  const entriesOf = new Map<string, (typeof entries)[number][]>();
  for (const e of entries) if (e.caseId) entriesOf.set(e.caseId, [...(entriesOf.get(e.caseId) ?? []), e]);
  // Who filed each case: the actor of its 'déposé' transition, else the student playing the person.
  const players = await db.select().from(participants).where(eq(participants.classSessionId, session.id)).all();
  const playerOf = (subject: string | null | undefined) => (subject ? players.find((p) => p.subjectId === subject) : undefined);
  const lines: CaseLine[] = all
    .map((c) => {
      const mine = [...(entriesOf.get(c.id) ?? []), ...(c.receiptNumber ? (entriesOf.get(c.receiptNumber) ?? []) : [])];
      const filedBy = (eventsOf.get(c.id) ?? []).find((e) => e.kind === 'transition' && e.toState === 'depose')?.actorId;
      const student = playerOf(filedBy) ?? playerOf(c.personaId);
      return {
        receipt: c.receiptNumber ?? '(brouillon)',
        pseudonym: student?.pseudonym ?? null,
        role: student?.role ?? null,
        procedure: c.procedure,
        route: routeOf(c),
        state: c.state,
        startedAt: c.createdAt,
        submittedAt: c.submittedAt,
        decidedAt: finalStates.includes(c.state) ? c.closedAt : null,
        minutes: minutesToDecision(c, eventsOf.get(c.id) ?? []),
        exchanges: mine.length,
        refused: mine.filter((e) => e.result === 'refuse').length,
        unknown: mine.filter((e) => e.result === 'inconnu').length,
        failed: mine.filter((e) => e.result === 'echec').length,
      };
    })
    .sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());

  // Time to a decision, per procedure and route (median, in minutes).
  const times = Object.values(procedures).flatMap((def) =>
    (Object.keys(routeLabels) as Route[]).flatMap((route) => {
      const mine = lines.filter((l) => l.procedure === def.id && l.route === route);
      if (mine.length === 0) return [];
      const decided = mine.flatMap((l) => (l.minutes === null ? [] : [l.minutes]));
      return [{ procedure: def.id, title: def.title, route, label: routeLabels[route], cases: mine.length, decided: decided.length, medianMinutes: median(decided) }];
    }),
  );

  // The funnel ("parcours usager"): how far each started request went.
  const funnels = Object.values(procedures).map((def) => {
    const mine = all.filter((c) => c.procedure === def.id);
    const stages = [
      { label: 'Commencées', count: mine.length },
      ...def.steps.map((s) => ({ label: `Étape « ${s.title} » remplie`, count: mine.filter((c) => c.submittedAt || c.answers[s.id]).length })),
      { label: 'Déposées', count: mine.filter((c) => c.submittedAt).length },
      { label: 'Décidées', count: mine.filter((c) => finalStates.includes(c.state)).length },
      { label: 'Acceptées', count: mine.filter((c) => c.state === 'accepte').length },
    ];
    // Where unfinished drafts stopped: the first step without answers.
    const stuck = new Map<string, number>();
    for (const c of mine.filter((x) => x.state === 'brouillon')) {
      const at = def.steps.find((s) => !c.answers[s.id])?.title ?? 'Récapitulatif';
      stuck.set(at, (stuck.get(at) ?? 0) + 1);
    }
    return { procedure: def.id, title: def.title, stages, stuck: [...stuck].map(([step, count]) => ({ step, count })), waiting: mine.filter((c) => isOpen(c.state)).length };
  });

  // Exchanges through the platform, and why some were refused or failed.
  const reasons = new Map<string, number>();
  for (const e of entries.filter((x) => x.result !== 'accorde')) reasons.set(e.reason ?? '', (reasons.get(e.reason ?? '') ?? 0) + 1);
  const exchanges = {
    total: entries.length,
    granted: entries.filter((e) => e.result === 'accorde').length,
    refused: entries.filter((e) => e.result === 'refuse').length,
    unknown: entries.filter((e) => e.result === 'inconnu').length,
    failed: entries.filter((e) => e.result === 'echec').length,
    reasons: [...reasons].map(([code, count]) => ({ code, label: reasonLabel(code, 'tiers'), count })).sort((a, b) => b.count - a.count),
  };

  const consentRows = await db.select().from(consents).where(eq(consents.classSessionId, session.id)).all();
  const withdrawals = await db.select().from(consentWithdrawals).where(eq(consentWithdrawals.classSessionId, session.id)).all();
  const mandateRows = await db.select().from(mandates).where(eq(mandates.classSessionId, session.id)).all();
  const roles = await db.select({ role: participants.role }).from(participants).where(eq(participants.classSessionId, session.id)).all();
  const roleCounts = roles.reduce<Record<ParticipantRole, number>>((acc, r) => ({ ...acc, [r.role]: acc[r.role] + 1 }), { citoyen: 0, agent: 0, aidant: 0, observateur: 0 });

  // The law of 1978: requests for a document, how the bodies answered (in writing or by their silence), the CADA.
  const issued = await db.select({ kind: documents.kind, caseId: documents.caseId, content: documents.content }).from(documents).where(eq(documents.classSessionId, session.id)).all();
  const requests = all.filter((c) => c.procedure === 'acces-document' && c.submittedAt);
  const refused = requests.filter((c) => c.state === 'refuse');
  const opinions = issued.filter((d) => d.kind === 'avis_cada').map((d) => String(d.content.donnees.avis ?? ''));
  const scale = timeScaleOf(session);
  const referralIds = new Set(all.filter((c) => c.procedure === 'saisine-cada').map((c) => c.id));
  const documentAccess = {
    asked: requests.length,
    given: requests.filter((c) => c.state === 'accepte').length,
    // Documents given with passages blacked out, by the body's first answer or after the CADA's opinion.
    blackedOut: issued.filter((d) => d.kind === 'document_administratif' && Array.isArray(d.content.donnees.occultations) && d.content.donnees.occultations.length > 0).length,
    refusedExplicitly: refused.filter((c) => !c.outcome?.implicite).length,
    refusedImplicitly: refused.filter((c) => c.outcome?.implicite).length,
    waiting: requests.filter((c) => isOpen(c.state)).length,
    /** Median time to an answer, in days of real life on the séance's clock. */
    medianLegalDays: median(requests.flatMap((c) => (c.closedAt && c.submittedAt && finalStates.includes(c.state) ? [legalDaysBetween(c.submittedAt, c.closedAt, scale)] : []))),
    referrals: all.filter((c) => referralIds.has(c.id) && c.submittedAt).length,
    opinions: {
      favourable: opinions.filter((a) => a === 'favorable' || a === 'favorable_partiel').length,
      unfavourable: opinions.filter((a) => a === 'defavorable').length,
      moot: opinions.filter((a) => a === 'sans_objet').length,
    },
    // The body follows a favourable opinion: the document then comes with the referral.
    givenAfterOpinion: issued.filter((d) => d.kind === 'document_administratif' && referralIds.has(d.caseId ?? '')).length,
  };

  // "Dites-le-nous une fois": what the bodies gave the prime d'activité's requests, and what the people corrected.
  const bonusRequests = all.filter((c) => c.procedure === 'prime-activite' && c.submittedAt);
  const given = (c: CaseRow) => ['personnes', 'mois', 'inscription'].filter((k) => c.answers[prefillKey]?.[k]);
  const activityBonus = {
    asked: bonusRequests.length,
    granted: bonusRequests.filter((c) => c.state === 'accepte').length,
    refused: bonusRequests.filter((c) => c.state === 'refuse').length,
    /** Figures of the form the bodies filled (the household, each month's income), in the unit of `corrected`. */
    prefilled: bonusRequests.reduce((n, c) => n + prefilledFigures(c.answers), 0),
    corrected: bonusRequests.reduce((n, c) => n + correctionsOf(c.answers).length, 0),
    /** Papers nobody had to fetch: the tax notice (DGFiP's figure) and France Travail's certificate, when given. */
    papersSpared: bonusRequests.reduce((n, c) => n + given(c).filter((k) => k !== 'personnes').length, 0),
  };

  // Fines: paid quickly (minorée), at the forfait, or majorée; passed on to a designated driver.
  const notices = await db.select().from(antaiNotices).where(eq(antaiNotices.classSessionId, session.id)).all();
  const paidAt = (stage: 'minoree' | 'forfaitaire' | 'majoree') => notices.filter((n) => n.state === 'payee' && n.paidCents === classAmounts[n.fineClass as FineClass][stage]).length;
  const fines = {
    seen: notices.filter((n) => n.deliveredAt).length,
    paidReduced: paidAt('minoree'),
    paidForfait: paidAt('forfaitaire'),
    paidIncreased: paidAt('majoree'),
    designated: notices.filter((n) => n.state === 'designee').length,
    /** Contestations filed, and what the officer (a student or the automatic service) decided. */
    contested: notices.filter((n) => n.contestCaseId).length,
    dropped: notices.filter((n) => n.state === 'classee').length,
    rejected: notices.filter((n) => n.contestCaseId && n.reopenedAt).length,
    /** Seen and still unpaid once majorée, on the séance's clock. */
    increasedUnpaid: notices.filter((n) => n.deliveredAt && n.state === 'a_payer' && amountDue(termsOf(n), scale, now).stage === 'majoree').length,
  };

  // Identity documents: what was online (minutes) and what the counter took (days, on the séance's calendar).
  const bookings = await db.select().from(appointments).where(and(eq(appointments.classSessionId, session.id), isNull(appointments.cancelledAt))).all();
  const titleRequests = all.filter((c) => c.procedure === 'titre-identite' && c.submittedAt);
  const identity = {
    requested: titleRequests.length,
    booked: bookings.filter((b) => titleRequests.some((c) => c.id === b.caseId)).length,
    collected: bookings.filter((b) => b.collectedAt).length,
    /** Online: from the draft to the filed pre-request, in minutes of the class. */
    medianOnlineMinutes: median(titleRequests.map((c) => Math.round((c.submittedAt!.getTime() - c.createdAt.getTime()) / 6_000) / 10)),
    /** At the counter: from the appointment's hour to the check, in minutes of the class (a student's counter takes its time). */
    medianCounterMinutes: median(bookings.flatMap((b) => (b.checkedAt && titleRequests.some((c) => c.id === b.caseId) ? [Math.round((b.checkedAt.getTime() - b.startsAt.getTime()) / 6_000) / 10] : []))),
    /** From the filed pre-request to the document in hand, in days of real life. */
    medianDaysToCollection: median(bookings.flatMap((b) => {
      const c = titleRequests.find((r) => r.id === b.caseId);
      return c && b.collectedAt ? [legalDaysBetween(c.submittedAt!, b.collectedAt, scale)] : [];
    })),
  };

  return {
    lines,
    times,
    identity,
    documentAccess,
    activityBonus,
    fines,
    funnels,
    exchanges,
    consents: { given: consentRows.length, withdrawn: withdrawals.length },
    aidants: {
      mandates: mandateRows.length,
      confirmed: mandateRows.filter((m) => m.confirmedAt).length,
      revoked: mandateRows.filter((m) => m.revokedAt).length,
      casesFiled: all.filter((c) => c.mandateId).length,
    },
    offline: { counter: all.filter((c) => c.channel === 'guichet').length, paper: all.filter((c) => c.channel === 'papier').length },
    roles: roleCounts,
    assistant: await assistantFigures(db, session.id),
    // The journal's check and its latest signed checkpoint: printed or saved with the debrief, a copy kept outside.
    journal: await verifyJournalChain(db, session.id),
  };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[";\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const csvColumns = ['eleve', 'role', 'dossier', 'demarche', 'parcours', 'etat', 'commence_le', 'depose_le', 'decide_le', 'duree_minutes', 'echanges', 'echanges_refuses', 'echanges_en_echec', 'echanges_personne_inconnue'] as const;

const when = (d: Date | null) => (d ? formatParisTimestamp(d) : null);

/**
 * One line per case, semicolon-separated with a BOM: what a French spreadsheet opens as is. Times are Paris time with
 * their offset (as on the screens), states their French labels, and each row names the student and their role.
 */
export function debriefCsv(d: Debrief): string {
  const rows = d.lines.map((l) =>
    [l.pseudonym, l.role ? roleLabels[l.role] : null, l.receipt, procedures[l.procedure].title, routeLabels[l.route], stateLabels[l.state], when(l.startedAt), when(l.submittedAt), when(l.decidedAt), l.minutes === null ? null : String(l.minutes).replace('.', ','), l.exchanges, l.refused, l.failed, l.unknown]
      .map(csvCell)
      .join(';'),
  );
  // After the cases, a blank line and the journal's latest signed checkpoint (one cell, as signed).
  const journal = d.journal.valide ? ['', ['point_de_controle_du_journal', d.journal.point_de_controle].map(csvCell).join(';')] : ['', ['journal', `ALTÉRÉ : ${d.journal.raison}`].map(csvCell).join(';')];
  return `\uFEFF${[csvColumns.join(';'), ...rows, ...journal].join('\r\n')}\r\n`;
}
