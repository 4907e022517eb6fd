import { and, count, desc, eq, inArray, isNotNull, lte, ne, sql, type Placeholder } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { placeholderAs, prepared } from '../../db/prepared';
import { type AgencyId, type CaseState, type ProcedureId } from '../../db/schema';
import { addressNotices, caseFiles, cases, personas } from '../../db/tables';
import type { Agent } from '../auth/guards';
import { prepareDocument } from '../documents/documents';
import { agencyName } from '../platform/consent-text';
import { decideNotice, rejectNotice } from './address-change/definition';
import { addMessage, addNote, CaseError, startCase, type Actor } from './engine/cases';
import { transition } from './engine/transition';
import { carryOut } from './engine/run';
import type { CaseRow } from './engine/types';
import { procedures } from './registry';
import { whileHolding } from '../action-keys';
import { prefillOnce, startBlocked } from './drafts';
import { sessionById } from '../classroom/session-by-id';

// The back-office's Data Access Layer: an agent sees and acts only on their body's cases (and register), in their séance.

export const agentActor = (agent: Agent): Actor => ({ kind: 'agent', id: agent.id, label: `${agent.givenName} ${agent.familyName}, ${agencyName(agent.agencyId)}` });

/** The cases an agent sees: their body's in their séance, sent or given up (never a draft); a register's officer, its register's. */
function scopeOf(seance: string | Placeholder, agency: AgencyId | Placeholder, unit: string | Placeholder | null) {
  return and(eq(cases.classSessionId, seance), eq(cases.agency, agency), ne(cases.state, 'brouillon'), unit === null ? undefined : eq(cases.unit, unit));
}
// An état civil officer keeps one register.
const keepsRegister = (agent: Agent) => agent.agencyId === 'etat-civil' && !!agent.unit;
const scope = (agent: Agent) => scopeOf(agent.classSessionId, agent.agencyId, keepsRegister(agent) ? agent.unit : null);

export type QueueFilters = { state?: CaseState; procedure?: ProcedureId; waitingMinutes?: number };

/** Where a page of the queue ends: its last case's date (sent, or created for a draft left) and id. */
export type QueueCursor = { at: Date; id: string };

/** A queue cursor in a link (`?avant=`), and back; a cursor that does not read is none. */
export const queueCursor = {
  write: (c: QueueCursor) => `${c.at.getTime()}.${c.id}`,
  read(raw: string | undefined): QueueCursor | undefined {
    const m = /^(\d{1,15})\.([0-9a-f-]{36})$/.exec(raw ?? '');
    return m ? { at: new Date(Number(m[1])), id: m[2]! } : undefined;
  },
};

/** Cases the agent's home shows at a time (a séance that runs for days can hold hundreds). */
export const queuePageSize = 50;

const queueColumns = {
  c: { id: cases.id, receiptNumber: cases.receiptNumber, procedure: cases.procedure, state: cases.state, submittedAt: cases.submittedAt, createdAt: cases.createdAt },
  person: { givenNames: personas.givenNames, familyName: personas.familyName, preferredName: personas.preferredName },
};
// A case that was never sent (a draft left, « classée sans suite ») goes by its creation.
const queueAt = sql`coalesce(${cases.submittedAt}, ${cases.createdAt})`;
const beforeCursor = (when: unknown, id: unknown) => sql`(${queueAt} < ${when} or (${queueAt} = ${when} and ${cases.id} < ${id}))`;
// The queue without filters, as the agent's page shows it on each view and each live refresh: built once (db/prepared.ts),
// for an agent of a body and for a register's officer; the cursor is always bound (past every case on the first page).
const unfilteredQueue = (register: boolean) =>
  prepared((db) =>
    db
      .select(queueColumns)
      .from(cases)
      .innerJoin(personas, eq(personas.id, cases.personaId))
      .where(
        and(
          scopeOf(sql.placeholder('seance'), sql.placeholder('agency'), register ? sql.placeholder('unit') : null),
          beforeCursor(placeholderAs(cases.submittedAt, 'when'), sql.placeholder('id')),
        ),
      )
      .orderBy(desc(queueAt), desc(cases.id))
      .limit(sql.placeholder('limit')),
  );
const queueOf = { body: unfilteredQueue(false), register: unfilteredQueue(true) };
const pastEveryCase = new Date('9999-12-31T00:00:00Z');

/**
 * The agent's cases, the latest sent first, `queuePageSize` at a time (`before`: the page after that cursor): what the
 * queue's table shows (not the answers, parsed for nothing), and where the next page starts if there is one.
 */
export async function agentQueue(db: AsyncExecutor, agent: Agent, filters: QueueFilters & { before?: QueueCursor; limit?: number } = {}, now = new Date()) {
  const limit = filters.limit ?? queuePageSize;
  const rows =
    filters.state || filters.procedure || filters.waitingMinutes
      ? await filteredQueue(db, agent, filters, limit, now)
      : await queueOf[keepsRegister(agent) ? 'register' : 'body'](db).execute({
          seance: agent.classSessionId,
          agency: agent.agencyId,
          unit: agent.unit,
          when: filters.before?.at ?? pastEveryCase,
          id: filters.before?.id ?? '',
          limit: limit + 1,
        });
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return { rows: shown, next: rows.length > limit && last ? { at: last.c.submittedAt ?? last.c.createdAt, id: last.c.id } : null };
}

function filteredQueue(db: AsyncExecutor, agent: Agent, filters: QueueFilters & { before?: QueueCursor }, limit: number, now: Date) {
  const cursor = filters.before && { when: cases.submittedAt.mapToDriverValue(filters.before.at), id: filters.before.id };
  const waited = filters.waitingMinutes ? and(isNotNull(cases.submittedAt), lte(cases.submittedAt, new Date(now.getTime() - filters.waitingMinutes * 60_000))) : undefined;
  return db
    .select(queueColumns)
    .from(cases)
    .innerJoin(personas, eq(personas.id, cases.personaId))
    .where(and(scope(agent), filters.state ? eq(cases.state, filters.state) : undefined, filters.procedure ? eq(cases.procedure, filters.procedure) : undefined, waited, cursor && beforeCursor(cursor.when, cursor.id)))
    .orderBy(desc(queueAt), desc(cases.id))
    .limit(limit + 1)
    .all();
}

export async function agentCounts(db: AsyncExecutor, agent: Agent): Promise<Partial<Record<CaseState, number>>> {
  return Object.fromEntries(
    (await db.select({ state: cases.state, n: count() }).from(cases).where(scope(agent)).groupBy(cases.state).all()).map((r) => [r.state, r.n]),
  );
}

export async function agentCase(db: AsyncExecutor, agent: Agent, caseId: string): Promise<CaseRow | null> {
  return await db.select().from(cases).where(and(scope(agent), eq(cases.id, caseId))).get() ?? null;
}

/** A case this agent's body passed on to another (the CADA's opinion, sent back to the body that refused): read only. */
export async function agentPassedCase(db: AsyncExecutor, agent: Agent, caseId: string): Promise<CaseRow | null> {
  const c = await db.select().from(cases).where(and(eq(cases.classSessionId, agent.classSessionId), eq(cases.id, caseId))).get();
  return c && c.agency !== agent.agencyId && c.answers.transmis?.de === agent.agencyId ? c : null;
}

// The agent's page reads them on each view: built once (db/prepared.ts).
const noticesFor = prepared((db) =>
  db
    .select({ notice: addressNotices, c: cases, person: { givenNames: personas.givenNames, familyName: personas.familyName } })
    .from(addressNotices)
    .innerJoin(cases, eq(cases.id, addressNotices.caseId))
    .innerJoin(personas, eq(personas.id, cases.personaId))
    .where(and(eq(addressNotices.classSessionId, sql.placeholder('seance')), eq(addressNotices.agency, sql.placeholder('agency'))))
    .orderBy(desc(cases.submittedAt)),
);

export function agentNotices(db: AsyncExecutor, agent: Agent) {
  return noticesFor(db).execute({ seance: agent.classSessionId, agency: agent.agencyId });
}

export async function agentProof(db: AsyncExecutor, agent: Agent, fileId: string) {
  const row = await db.select({ file: caseFiles, c: cases }).from(caseFiles).innerJoin(cases, eq(cases.id, caseFiles.caseId)).where(eq(caseFiles.id, fileId)).get();
  return row && await agentCase(db, agent, row.c.id) ? row.file : null;
}

const commonReasons = ['Les justificatifs ne correspondent pas à la demande.', 'Un justificatif est illisible ou incomplet.', 'La personne ne remplit pas les conditions.'];
const otherReason = 'Autre motif (précisé ci-dessous).';
// What a body may answer for this procedure first (a birth register, the law of 1978's exceptions), then any body's.
const procedureReasons: Partial<Record<ProcedureId, string[]>> = {
  'acte-naissance': ['Aucun acte ne correspond dans le registre.', 'La personne n’a pas qualité pour demander ce document.'],
  'acces-document': [
    'Le document n’existe pas, ou l’administration ne le détient pas.',
    'Le document prépare une décision qui n’est pas encore prise.',
    'Le document touche à un secret protégé par la loi (vie privée, secret des affaires, sécurité publique…).',
    'La demande est abusive (trop nombreuse ou répétée).',
    'La personne n’a pas qualité pour demander ce document.',
  ],
};

/** The reasons an agent chooses from to refuse a case of this procedure; the last one asks for their own words. */
export function refusalReasonsFor(procedure: ProcedureId): string[] {
  return [...(procedureReasons[procedure] ?? []), ...commonReasons, otherReason];
}

export const isOtherReason = (reason: string) => reason === otherReason;

export type AgentAction = 'prendre' | 'demander_complement' | 'accepter' | 'refuser' | 'classer_sans_suite';

/**
 * An agent's decision on a case. Accepting issues what the procedure's rules issue (the sealed documents):
 * if the rules find nothing to issue (no such act, no zone…), the agent is told why and must refuse instead.
 */
export async function agentDecide(db: AsyncExecutor, agent: Agent, caseId: string, action: AgentAction, text: string | null): Promise<CaseRow> {
  const c = await agentCase(db, agent, caseId);
  if (!c) throw new CaseError('introuvable', 'Ce dossier n’existe pas, ou il relève d’un autre organisme.');
  const actor = agentActor(agent);
  if (action !== 'accepter') {
    return transaction(db, async (tx) =>
      transition(tx, c, action, actor, action === 'refuser' ? { outcome: { motif: text?.trim() ?? '' }, text } : { text }),
    );
  }
  if (c.state !== 'en_instruction') throw new CaseError('etat_incompatible', c.state === 'depose' ? 'Prenez d’abord le dossier en charge.' : c.state === 'complement_demande' ? 'Le dossier attend le complément demandé à la personne.' : c.state === 'accepte' ? 'Ce dossier est déjà accepté.' : 'Ce dossier n’est plus en cours d’instruction.');
  // The rules may ask the platform (the parking card with consent): one instruction of a case at a time, the agent's
  // or the automatic one's (instructCase), else the journal would show each look-up twice (seen in the class of 30).
  const run = await whileHolding(db, { key: `instruction:${c.id}`, actor: agent.id, action: 'instruction', classSessionId: c.classSessionId }, 60_000, () => acceptNow(db, c.id, agent, text));
  if (!run.held) throw new CaseError('etat_incompatible', 'Ce dossier est en cours de traitement automatique : rechargez la page dans un instant.');
  return run.result;
}

/** The agent's acceptance under the case's instruction lease: the case as it stands now, the rules, the documents. */
async function acceptNow(db: AsyncExecutor, caseId: string, agent: Agent, text: string | null): Promise<CaseRow> {
  const c = await agentCase(db, agent, caseId);
  if (!c) throw new CaseError('introuvable', 'Ce dossier n’existe pas, ou il relève d’un autre organisme.');
  if (c.state !== 'en_instruction') throw new CaseError('etat_incompatible', c.state === 'accepte' ? 'Ce dossier est déjà accepté.' : 'Ce dossier n’est plus en cours d’instruction.');
  const actor = agentActor(agent);
  const persona = await db.select().from(personas).where(eq(personas.id, c.personaId)).get();
  if (!persona) throw new CaseError('introuvable', 'La personne de ce dossier n’existe plus.');
  const decision = await procedures[c.procedure].instruct(db, c, persona, 'agent', new Date());
  if (decision.decision === 'refuser') throw new CaseError('regles', `Les règles ne permettent pas d’accepter : ${decision.motif}`);
  if (decision.decision === 'attendre') throw new CaseError('regles', 'La décision ne peut pas encore être prise (un organisme ne répond pas, ou un avis est en attente).');
  const docs = await Promise.all(decision.documents.map((d) => prepareDocument(d)));
  return transaction(db, async (tx) => carryOut(tx, c, decision, docs, actor, text, new Date()));
}

export async function agentMessage(db: AsyncExecutor, agent: Agent, caseId: string, text: string) {
  const c = await agentCase(db, agent, caseId);
  if (!c) throw new CaseError('introuvable', 'Ce dossier n’existe pas, ou il relève d’un autre organisme.');
  await addMessage(db, c, agentActor(agent), text);
}

/** The agent applies or rejects a change-of-address notice addressed to their body. */
export async function agentNotice(db: AsyncExecutor, agent: Agent, noticeId: string, decision: 'appliquer' | 'rejeter', reason: string | null) {
  const row = await db.select({ notice: addressNotices, c: cases }).from(addressNotices).innerJoin(cases, eq(cases.id, addressNotices.caseId)).where(and(eq(addressNotices.id, noticeId), eq(addressNotices.classSessionId, agent.classSessionId), eq(addressNotices.agency, agent.agencyId))).get();
  if (!row) throw new CaseError('introuvable', 'Cet avis n’existe pas, ou il est adressé à un autre organisme.');
  if (row.notice.state !== 'a_traiter') throw new CaseError('etat_incompatible', 'Cet avis a déjà été traité.');
  if (decision === 'rejeter' && !reason?.trim()) throw new CaseError('motif_requis', 'Écrivez pourquoi vous rejetez cet avis.');
  await transaction(db, async (tx) => {
    const outcome = decision === 'appliquer' ? await decideNotice(tx, row.c, agent.agencyId) : await rejectNotice(tx, row.c, agent.agencyId, reason!.trim());
    await addNote(tx, row.c, agentActor(agent), outcome.state === 'appliquee' ? `${agencyName(agent.agencyId)} a mis à jour votre adresse.` : `${agencyName(agent.agencyId)} a rejeté l’avis : ${outcome.reason}`);
  });
}

export const noticeWaiting = async (db: AsyncExecutor, agent: Agent) =>
  (await db.select({ n: count() }).from(addressNotices).where(and(eq(addressNotices.classSessionId, agent.classSessionId), eq(addressNotices.agency, agent.agencyId), inArray(addressNotices.state, ['a_traiter']))).get())?.n ?? 0;

/** A paper or counter request this agent is keying in for a person (a draft only its author may fill in). */
export async function agentDraft(db: AsyncExecutor, agent: Agent, caseId: string): Promise<{ c: CaseRow; persona: typeof personas.$inferSelect } | null> {
  const row = await db
    .select({ c: cases, persona: personas })
    .from(cases)
    .innerJoin(personas, eq(personas.id, cases.personaId))
    .where(and(eq(cases.id, caseId), eq(cases.classSessionId, agent.classSessionId), eq(cases.enteredBy, agent.id), eq(cases.state, 'brouillon')))
    .get();
  return row ?? null;
}

/** Starts a request brought on paper or at the counter, keyed in by the agent on the person's behalf. */
export async function startOnBehalf(db: AsyncExecutor, agent: Agent, personaId: string, procedure: ProcedureId, channel: 'papier' | 'guichet', now = new Date()): Promise<CaseRow> {
  const persona = await db.select().from(personas).where(and(eq(personas.id, personaId), eq(personas.classSessionId, agent.classSessionId))).get();
  if (!persona) throw new CaseError('introuvable', 'Choisissez une personne de la séance.');
  if (procedures[procedure].steps.length === 0) throw new CaseError('demarche', 'Cette démarche ne se saisit pas ici.');
  const blocked = await startBlocked(db, persona, procedure, channel);
  if (blocked) throw new CaseError('rien_a_demander', blocked.forOther);
  const session = await sessionById(db, agent.classSessionId);
  const started = await transaction(db, async (tx) => {
    // The same request keyed in twice (double-click, two tabs) is the draft already started, or the request still open.
    const { c, resumed } = await startCase(tx, { classSessionId: agent.classSessionId, personaId, procedure, channel }, now);
    if (resumed) return c;
    const keyed = await tx.update(cases).set({ enteredBy: agent.id }).where(eq(cases.id, c.id)).returning().get();
    const how = channel === 'papier' ? 'Formulaire papier reçu' : `Demande faite au guichet (attente simulée : ${session?.counterWaitMinutes ?? 0} minutes)`;
    await addNote(tx, keyed, agentActor(agent), `${how}, saisie par ${agent.givenName} ${agent.familyName} pour ${persona.givenNames} ${persona.preferredName ?? persona.familyName}.`, now);
    return keyed;
  });
  return prefillOnce(db, started, persona);
}
