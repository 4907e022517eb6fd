import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { prepared } from '../../../db/prepared';
import { type ActorKind, type AgencyId, type CaseState, type ProcedureId } from '../../../db/schema';
import { caseEvents, cases } from '../../../db/tables';
import { checkTransition, openStates, transitions, type CaseAction } from './state-machine';
import type { CaseRow, RawValues } from './types';

// Cases: creation, drafts, transitions with their history, messages. Framework-free; callers check who acts.

export type Actor = { kind: ActorKind; id: string | null; label: string };

export class CaseError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export async function createCase(tx: AsyncExecutor, input: { classSessionId: string; personaId: string; procedure: ProcedureId; channel?: CaseRow['channel']; answers?: Record<string, RawValues> }, now = new Date()): Promise<CaseRow> {
  return tx
    .insert(cases)
    .values({ id: crypto.randomUUID(), classSessionId: input.classSessionId, personaId: input.personaId, procedure: input.procedure, answers: input.answers ?? {}, channel: input.channel ?? 'en_ligne', updatedAt: now, createdAt: now })
    .returning()
    .get();
}

/** Procedures a person has at most one open request of (a second card or change of address is the same request twice). */
export const oneOpenRequest: readonly ProcedureId[] = ['carte-stationnement', 'changement-adresse'];

/**
 * The person's case that a new start of this procedure would duplicate: their draft on this channel, or, for a card or a
 * change of address, their request still open. The unique indexes `cases_one_draft` and `cases_one_open` back this.
 */
export async function openCaseOf(db: AsyncExecutor, personaId: string, procedure: ProcedureId, channel: CaseRow['channel'] = 'en_ligne'): Promise<CaseRow | null> {
  const draft = and(eq(cases.state, 'brouillon'), eq(cases.channel, channel));
  // A person holds one parking card: once granted, asking again is the same request (back, then validate again).
  const states = procedure === 'carte-stationnement' ? [...openStates, 'accepte' as const] : openStates;
  const open = oneOpenRequest.includes(procedure) ? or(draft, inArray(cases.state, states)) : draft;
  return await db.select().from(cases).where(and(eq(cases.personaId, personaId), eq(cases.procedure, procedure), open)).orderBy(desc(cases.updatedAt)).get() ?? null;
}

/**
 * Starts a draft, or gives back the open case a second start would duplicate (call it in a write transaction). Two
 * starts of one person's procedure go one after the other: on PostgreSQL, one that read « nothing open » while the
 * other's draft was not yet committed could insert after that draft had been sent and granted — out of the indexes'
 * reach — and make a second card (seen in session 31's fresh check).
 */
export async function startCase(tx: AsyncExecutor, input: Parameters<typeof createCase>[1], now = new Date()): Promise<{ c: CaseRow; resumed: boolean }> {
  return transaction(tx, async (t) => {
    const existing = await openCaseOf(t, input.personaId, input.procedure, input.channel ?? 'en_ligne');
    if (existing) return { c: existing, resumed: true };
    return { c: await createCase(t, input, now), resumed: false };
  }, { lock: `demarche:${input.personaId}:${input.procedure}` });
}

/** A case by its id, whoever's it is (callers check it is the reader's to see), or null. */
export async function caseWithId(db: AsyncExecutor, caseId: string): Promise<CaseRow | null> {
  return (await caseById(db).get({ id: caseId })) ?? null;
}
// Each page of a case reads it, some twice: built once (db/prepared.ts; a select of every column built per call took
// 75 µs, run prepared 8).
const caseById = prepared((db) => db.select().from(cases).where(eq(cases.id, sql.placeholder('id'))));

/** The case as it stands now in the database (another request may have moved it), or `c` if it is gone. */
export async function reread(db: AsyncExecutor, c: CaseRow): Promise<CaseRow> {
  return (await caseWithId(db, c.id)) ?? c;
}

/** The person's own case, or null (a case id alone never opens someone else's case). */
export async function caseOf(db: AsyncExecutor, personaId: string, caseId: string): Promise<CaseRow | null> {
  return (await personsCase(db).get({ id: caseId, persona: personaId })) ?? null;
}
const personsCase = prepared((db) => db.select().from(cases).where(and(eq(cases.id, sql.placeholder('id')), eq(cases.personaId, sql.placeholder('persona')))));

// The person's dashboard reads them on each view: built once (db/prepared.ts).
const ofPersona = prepared((db) => db.select().from(cases).where(eq(cases.personaId, sql.placeholder('persona'))).orderBy(desc(cases.updatedAt)));

export async function casesOf(db: AsyncExecutor, personaId: string): Promise<CaseRow[]> {
  return ofPersona(db).execute({ persona: personaId });
}

const alreadySent = () => new CaseError('etat_incompatible', 'Cette demande est déjà envoyée : elle ne peut plus être modifiée.');

/**
 * Saves one step's values as typed, valid or not: nothing typed is ever lost. Only while the case is a draft. Onto the
 * answers as they stand in the database, not as `c` was read: two tabs saving two steps at once keep both, and a draft
 * another tab has just sent is not written over.
 */
export async function saveDraft(db: AsyncExecutor, c: CaseRow, stepId: string, values: RawValues, now = new Date()): Promise<CaseRow> {
  if (c.state !== 'brouillon') throw alreadySent();
  const draft = and(eq(cases.id, c.id), eq(cases.state, 'brouillon'));
  return transaction(db, async (tx) => {
    const current = await tx.select({ answers: cases.answers }).from(cases).where(draft).get();
    const saved = current && (await tx.update(cases).set({ answers: { ...current.answers, [stepId]: values }, updatedAt: now }).where(draft).returning().get());
    if (!saved) throw alreadySent();
    return saved;
  }, { lock: `brouillon:${c.id}` });
}

const receiptAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export function newReceiptNumber(now = new Date()): string {
  const bytes = crypto.randomBytes(6);
  return `EG-${now.getUTCFullYear()}-${[...bytes].map((b) => receiptAlphabet[b % receiptAlphabet.length]).join('')}`;
}

/** Applies an action of the life-cycle, with its guard, and records it in the history. */
export async function applyTransition(
  tx: AsyncExecutor,
  c: CaseRow,
  action: CaseAction,
  actor: Actor,
  options: { text?: string | null; outcome?: CaseRow['outcome'] } = {},
  now = new Date(),
): Promise<CaseRow> {
  const check = checkTransition(action, c.state, actor.kind, options.text ?? options.outcome?.motif);
  if (!check.ok) throw new CaseError(check.code, check.message);
  const patch: Partial<CaseRow> = { state: check.to, updatedAt: now };
  if (action === 'deposer') {
    patch.submittedAt = now;
    patch.receiptNumber = newReceiptNumber(now);
  }
  if (['accepte', 'refuse', 'sans_suite'].includes(check.to)) patch.closedAt = now;
  if (options.outcome !== undefined) patch.outcome = options.outcome;
  // Optimistic guard: the state must still be the one checked (two agents cannot both decide).
  const updated = await tx.update(cases).set(patch).where(and(eq(cases.id, c.id), eq(cases.state, c.state))).returning().get();
  if (!updated) throw new CaseError('etat_incompatible', 'La demande a changé entre-temps : rechargez la page.');
  await tx.insert(caseEvents)
    .values({
      id: crypto.randomUUID(),
      caseId: c.id,
      classSessionId: c.classSessionId,
      at: now,
      actorKind: actor.kind,
      actorId: actor.id,
      actorLabel: actor.label,
      kind: 'transition',
      fromState: c.state,
      toState: check.to,
      text: options.text ?? options.outcome?.motif ?? null,
    })
    .run();
  return updated;
}

/**
 * The case goes on to another body, still under instruction, its answers completed (the CADA's opinion): that body's
 * queue has it now, and the history says why. Guarded like a transition: only from the body that held it.
 */
export async function passOn(tx: AsyncExecutor, c: CaseRow, to: AgencyId, answers: Record<string, RawValues>, actor: Actor, note: string, now = new Date()): Promise<CaseRow> {
  const held = and(eq(cases.id, c.id), eq(cases.state, 'en_instruction'), c.agency ? eq(cases.agency, c.agency) : isNull(cases.agency));
  // The body that passed it on keeps sight of it (read only): `transmis`.
  const kept = { ...c.answers, ...answers, ...(c.agency ? { transmis: { de: c.agency } } : {}) };
  const moved = await tx.update(cases).set({ agency: to, unit: null, answers: kept, updatedAt: now }).where(held).returning().get();
  if (!moved) throw new CaseError('etat_incompatible', 'La demande a changé entre-temps : rechargez la page.');
  await addNote(tx, moved, actor, note, now);
  return moved;
}

export async function addMessage(tx: AsyncExecutor, c: CaseRow, actor: Actor, text: string, now = new Date()): Promise<void> {
  const body = text.trim();
  if (!body) throw new CaseError('message_vide', 'Écrivez votre message.');
  if (body.length > 2000) throw new CaseError('message_trop_long', 'Votre message dépasse 2 000 caractères.');
  await tx.insert(caseEvents).values({ id: crypto.randomUUID(), caseId: c.id, classSessionId: c.classSessionId, at: now, actorKind: actor.kind, actorId: actor.id, actorLabel: actor.label, kind: 'message', text: body }).run();
}

/** A note in the timeline that is neither a transition nor a message (e.g. "notice applied by the CAF"). */
export async function addNote(tx: AsyncExecutor, c: CaseRow, actor: Actor, text: string, now = new Date()): Promise<void> {
  await tx.insert(caseEvents).values({ id: crypto.randomUUID(), caseId: c.id, classSessionId: c.classSessionId, at: now, actorKind: actor.kind, actorId: actor.id, actorLabel: actor.label, kind: 'avis', text }).run();
}

export function timelineOf(db: AsyncExecutor, caseId: string) {
  return db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), sql`rowid`).all();
}

export const transitionLabel = (action: CaseAction) => transitions[action].label;
