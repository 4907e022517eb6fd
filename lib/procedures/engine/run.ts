import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { prepared } from '../../../db/prepared';
import { type AgencyId } from '../../../db/schema';
import { addressNotices, cases, personas } from '../../../db/tables';
import { prepareDocument, storeDocument, type DocumentRow } from '../../documents/documents';
import { agencyName } from '../../platform/consent-text';
import { decideNotice } from '../address-change/definition';
import { firstInvalidStep, procedures } from '../registry';
import { addNote, CaseError, passOn, reread, type Actor } from './cases';
import { transition } from './transition';
import type { CaseRow, Decision, Persona } from './types';
import { elidedDe, formatDateTime } from '../../format';
import { coverageOf, waitsForStudent } from '../../classroom/coverage';
import { activeFault } from '../../platform/faults';
import { whileHolding } from '../../action-keys';
import { hasElapsed, type TimeScale } from './time-scale';
import { timeScaleOf } from './session-clock';
import { sessionById } from '../../classroom/session-by-id';

// Submitting a case and instructing it by the procedure's rules (the body's automatic instruction).

export const systemActor = (agency: AgencyId | null): Actor => ({ kind: 'systeme', id: null, label: agency ? `${agencyName(agency)} — traitement automatique` : 'e-Guichet — traitement automatique' });

/** Submits a draft: every step checked again, routed, receipt number, accusé de réception in the vault. */
export async function submitCase(db: AsyncExecutor, c: CaseRow, persona: Persona, actor: Actor, now = new Date()): Promise<CaseRow> {
  const def = procedures[c.procedure];
  const ctx = { db, persona, answers: c.answers };
  const invalid = await firstInvalidStep(def, ctx);
  if (invalid) throw new CaseError('etape_invalide', `L’étape « ${invalid.step.title} » est incomplète.`);
  const route = def.route(ctx);
  const receiptFor = async (receiptNumber: string) =>
    prepareDocument({
      classSessionId: c.classSessionId,
      personaId: c.personaId,
      caseId: c.id,
      kind: 'accuse_reception',
      title: 'Accusé de réception',
      issuer: route.agency,
      issuerLabel: route.agency ? agencyName(route.agency) : 'e-Guichet',
      issuedAt: now,
      content: {
        champs: [
          { libelle: 'Démarche', valeur: def.title },
          { libelle: 'Numéro de dossier', valeur: receiptNumber },
          { libelle: 'Déposée le', valeur: formatDateTime(now) },
          { libelle: 'Par', valeur: `${persona.givenNames} ${persona.preferredName ?? persona.familyName}` },
          ...(await def.summary(ctx)).map((line) => ({ libelle: line.label, valeur: line.value })),
        ],
        donnees: { dossier: receiptNumber, demarche: def.id },
      },
    });
  const submitted = await transaction(db, async (tx) => {
    await tx.update(cases).set({ agency: route.agency, unit: route.unit }).where(eq(cases.id, c.id)).run();
    return transition(tx, { ...c, agency: route.agency, unit: route.unit }, 'deposer', actor, {}, now);
  });
  const receipt = await receiptFor(submitted.receiptNumber ?? '');
  await transaction(db, async (tx) => storeDocument(tx, receipt));
  return submitted;
}

/** Submits a draft unless another request (another tab, the same form twice) sent it first: then the case as it is. */
export async function submitOnce(db: AsyncExecutor, c: CaseRow, persona: Persona, actor: Actor, now = new Date()): Promise<CaseRow> {
  try {
    return await submitCase(db, c, persona, actor, now);
  } catch (error) {
    if (error instanceof CaseError && error.code === 'etat_incompatible') return reread(db, c);
    throw error;
  }
}

/**
 * A clock that starts at `now` (the request's instant, or a test's simulated one) and runs with real time: each step of
 * a chain (filed, taken, decided) is dated when it happens, not when the request began — a receipt signed in between
 * would otherwise date the next steps seconds early (the live view then seemed seconds late).
 */
export function clockFrom(now: Date): () => Date {
  const begun = Date.now();
  return () => new Date(now.getTime() + (Date.now() - begun));
}

/** Applies the procedure's rules to one case now; returns the case as it stands after. */
export async function instructCase(db: AsyncExecutor, c: CaseRow, persona: Persona, now = new Date()): Promise<CaseRow> {
  // One instruction of a case at a time, whoever starts it (the request itself, every open live view, on every server):
  // two at once would each ask the platform, and the journal would show each look-up twice. The other one leaves the
  // case where it stands; a lease of a minute outlives any look-up, and a server killed in the middle.
  const run = await whileHolding(db, { key: `instruction:${c.id}`, actor: 'systeme', action: 'instruction', classSessionId: c.classSessionId }, 60_000, () => instructCaseNow(db, c, persona, now));
  return run.held ? run.result : reread(db, c);
}

async function instructCaseNow(db: AsyncExecutor, c: CaseRow, persona: Persona, now: Date): Promise<CaseRow> {
  const actor = systemActor(c.agency);
  // The history says when each step happened: after the look-ups and the signing, not when the request began.
  const at = clockFrom(now);
  // As it stands now that this one holds it: the one before may have decided it since `c` was read.
  let current = await reread(db, c);
  // Another request (an agent, another view) moved the case at the same instant: theirs stands, this reports where it is.
  const whereItStands = async (error: unknown) => {
    if (!(error instanceof CaseError && error.code === 'etat_incompatible')) throw error;
    return await reread(db, current);
  };
  const def = procedures[current.procedure];
  // A procedure whose rules decide at the counter's pace is taken when the counter acts (lib/appointments).
  if (current.state === 'depose' && !def.rulesDecide) {
    try {
      current = await transaction(db, async (tx) => transition(tx, current, 'prendre', actor, {}, at()));
    } catch (error) {
      return whereItStands(error);
    }
  }
  if (current.state !== 'en_instruction' && !(def.rulesDecide && current.state === 'depose')) return current;
  const decision = await def.instruct(db, current, persona, 'regles', at());
  // Waiting, the rules may still have moved it (the counter's check at the appointment's hour).
  if (decision.decision === 'attendre') return reread(db, current);
  const prepared: DocumentRow[] = decision.decision === 'refuser' ? [] : await Promise.all(decision.documents.map((d) => prepareDocument({ ...d, issuedAt: now })));
  try {
    const decidedAt = at();
    return await transaction(db, async (tx) => {
      if (decision.decision === 'refuser') return transition(tx, current, 'refuser', actor, { outcome: { motif: decision.motif, solution: decision.solution } }, decidedAt);
      return carryOut(tx, current, decision, prepared, actor, null, decidedAt);
    });
  } catch (error) {
    return whereItStands(error);
  }
}

/**
 * Carries out a decision that accepts or passes the case on, in the caller's transaction, the same for the rules and
 * for an agent: the procedure's changes, its documents (prepared before), the move, and its note (`text`: the agent's).
 */
export async function carryOut(tx: AsyncExecutor, c: CaseRow, decision: Extract<Decision, { decision: 'accepter' | 'transmettre' }>, documents: DocumentRow[], actor: Actor, text: string | null, now: Date): Promise<CaseRow> {
  for (const doc of documents) await storeDocument(tx, doc);
  if (decision.decision === 'transmettre') return passOn(tx, c, decision.to, decision.answers, actor, text ? `${decision.note} Note ${elidedDe(actor.label)} : ${text}` : decision.note, now);
  await decision.apply?.(tx);
  const done = await transition(tx, c, 'accepter', actor, { outcome: null, text }, now);
  if (decision.note) await addNote(tx, done, actor, decision.note, now);
  return done;
}

/** The bodies a case asks through the platform when it is instructed (the parking card with consent: DGFiP, SIV). */
export function lookUpProviders(c: CaseRow): AgencyId[] {
  return c.procedure === 'carte-stationnement' && c.answers.mode?.choix !== 'sans_accord' ? ['dgfip', 'siv'] : [];
}

/** The body in outage that holds this case, if any. */
export async function heldBy(db: AsyncExecutor, c: CaseRow, now = new Date()): Promise<AgencyId | null> {
  for (const p of lookUpProviders(c)) if ((await activeFault(db, c.classSessionId, p, now))?.kind === 'panne') return p;
  return null;
}

/**
 * A fault has ended: the cases it held are checked again at once (their look-ups run again and the rules decide, as
 * when they were filed), and their people told: a note in the history is a notification.
 */
export async function recheckHeldCases(db: AsyncExecutor, classSessionId: string, agency: AgencyId, now = new Date()): Promise<number> {
  const session = await sessionById(db, classSessionId);
  if (!session) return 0;
  const held = (await db.select().from(cases).where(and(eq(cases.classSessionId, classSessionId), eq(cases.state, 'en_instruction'))).all()).filter((c) => lookUpProviders(c).includes(agency));
  const at = clockFrom(now);
  for (const c of held) {
    await transaction(db, async (tx) => addNote(tx, c, systemActor(null), `${agencyName(agency)} répond de nouveau : votre demande est vérifiée encore une fois.`, at()));
    const persona = await db.select().from(personas).where(eq(personas.id, c.personaId)).get();
    if (persona) await instructCase(db, c, persona, at());
  }
  return held.length;
}

/** Whether the body has stayed silent past the procedure's time (a month for a document): the silence is then a refusal. */
export function silenceElapsed(c: CaseRow, scale: TimeScale, now: Date): boolean {
  const silence = procedures[c.procedure].silence;
  return !!silence && !!c.submittedAt && (c.state === 'depose' || c.state === 'en_instruction') && hasElapsed(c.submittedAt, silence.after, scale, now);
}

/**
 * The body's silence becomes its decision: the case is refused implicitly, with what the law lets the person do next.
 * Under the case's instruction lease, like any decision: an agent deciding at the same instant wins or loses whole.
 */
export async function refuseImplicitly(db: AsyncExecutor, c: CaseRow, scale: TimeScale, now = new Date()): Promise<CaseRow> {
  const run = await whileHolding(db, { key: `instruction:${c.id}`, actor: 'systeme', action: 'instruction', classSessionId: c.classSessionId }, 60_000, async () => {
    let current = await reread(db, c);
    const silence = procedures[current.procedure].silence;
    if (!silence || !silenceElapsed(current, scale, now)) return current;
    const actor = systemActor(current.agency);
    try {
      return await transaction(db, async (tx) => {
        if (current.state === 'depose') current = await transition(tx, current, 'prendre', actor, {}, now);
        return transition(tx, current, 'refuser', actor, { outcome: { motif: silence.motif, solution: silence.solution, implicite: true } }, now);
      });
    } catch (error) {
      if (error instanceof CaseError && error.code === 'etat_incompatible') return await reread(db, current);
      throw error;
    }
  });
  return run.held ? run.result : reread(db, c);
}

/** Proofs checked by hand take longer than data checked through the platform: the debrief compares the two. */
const handlingFactor = (c: CaseRow) => (c.procedure === 'carte-stationnement' && c.answers.mode?.choix === 'sans_accord' ? 3 : 1);

// Read on every page view that shows cases: built once (db/prepared.ts).
const sentAndOpen = prepared((db) =>
  db
    .select()
    .from(cases)
    .where(and(eq(cases.classSessionId, sql.placeholder('seance')), inArray(cases.state, ['depose', 'en_instruction']), isNotNull(cases.submittedAt))),
);

/**
 * The automatic instruction of the bodies no student plays: after the séance's delay, their notices are applied
 * and their cases decided by the rules. Called when pages that show cases are opened (no timer, no state in memory).
 */
export async function runDueInstruction(db: AsyncExecutor, classSessionId: string, now = new Date()): Promise<void> {
  const session = await sessionById(db, classSessionId);
  if (!session) return;
  const played = new Set(session.bodiesPlayed);
  const delayMs = session.autoInstructionDelaySeconds * 1000;
  const scale = timeScaleOf(session);
  // Read once: every page that shows cases runs this, and most of the time nothing is due.
  const all = await sentAndOpen(db).execute({ seance: classSessionId });
  const open = all.filter((c) => c.submittedAt && c.submittedAt.getTime() + delayMs * handlingFactor(c) <= now.getTime());
  const silent = all.filter((c) => silenceElapsed(c, scale, now));
  if (open.length === 0 && silent.length === 0) return;
  const coverage = await coverageOf(db, session);
  const clock = clockFrom(now);
  // The open declarations' notices in one read (each page view of a class runs this; one read per declaration before).
  const declarations = open.filter((c) => c.procedure === 'changement-adresse').map((c) => c.id);
  const notices =
    declarations.length === 0 ? [] : await db.select({ caseId: addressNotices.caseId, agency: addressNotices.agency, state: addressNotices.state }).from(addressNotices).where(inArray(addressNotices.caseId, declarations)).all();
  for (const found of open) {
    // Each case's history says when it was decided (a run may take a while).
    const at = clock();
    try {
      let c = found;
      if (c.procedure === 'changement-adresse') {
        // The platform takes the declaration; then each body no student plays applies its notice.
        if (c.state === 'depose') c = await transaction(db, async (tx) => transition(tx, c, 'prendre', systemActor(null), {}, at));
        // Read first, written only when a notice is the rules' to apply: a declaration waiting for the students who play
        // its bodies is read by every page view of the class, and a write takes the database's lock.
        const unanswered = notices.filter((n) => n.caseId === c.id && n.state === 'a_traiter');
        if (unanswered.some((n) => !played.has(n.agency))) {
          await transaction(db, async (tx) => {
            const still = await tx.select().from(addressNotices).where(and(eq(addressNotices.caseId, c.id), eq(addressNotices.state, 'a_traiter'))).all();
            for (const notice of still.filter((n) => !played.has(n.agency))) {
              const outcome = await decideNotice(tx, c, notice.agency, at);
              await addNote(tx, c, systemActor(notice.agency), outcome.state === 'appliquee' ? `${agencyName(notice.agency)} a mis à jour votre adresse.` : outcome.reason ?? 'Avis rejeté.', at);
            }
          });
        } else if (unanswered.length > 0) continue; // each notice left waits for the student who plays its body: nothing to write
        // A request checked through the platform (parking card with consent) is decided by the rules, as when it was
        // filed; the others wait for the student who plays their body (register, service).
      } else if (lookUpProviders(c).length === 0 && !procedures[c.procedure].rulesDecide && waitsForStudent(coverage, c)) continue;
      // What the rules would only wait for is left alone: instructing takes a lease, i.e. writes.
      if (await procedures[c.procedure].waiting?.(db, c, now)) continue;
      // Held by a body in outage: checked again when it comes back (not every second, filling the journal).
      if (await heldBy(db, c, at)) continue;
      const persona = await db.select().from(personas).where(eq(personas.id, c.personaId)).get();
      if (persona) await instructCase(db, c, persona, at);
    } catch (error) {
      // Another view (or process) running this at the same moment moved the case first: it is theirs to finish.
      if (!(error instanceof CaseError && error.code === 'etat_incompatible')) throw error;
    }
  }
  // What is still unanswered past the law's time has been refused by the body's silence, whether a student or the
  // rules play it (the rules had their turn above: a body that answers in time is never silent).
  // (Each is read again under its lease: one decided above is left as it is.)
  for (const c of silent) await refuseImplicitly(db, c, scale, clock());
}
