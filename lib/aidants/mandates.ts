import crypto from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type ProcedureId } from '../../db/schema';
import { caseEvents, cases, mandates, personas } from '../../db/tables';
import type { Aidant } from '../auth/guards';
import { addNote, CaseError, startCase, type Actor } from '../procedures/engine/cases';
import type { CaseRow, Persona } from '../procedures/engine/types';
import { procedures } from '../procedures/registry';
import { prefillOnce, startBlocked } from '../procedures/drafts';

// Mandates in the style of Aidants Connect: an aidant acts for a person, for some procedures, for a time,
// once the person (present) has confirmed; the person can revoke it at any time.

export type Mandate = typeof mandates.$inferSelect;
export type MandateStatus = 'a_confirmer' | 'actif' | 'expire' | 'revoque';

export const mandateDurations = { '1': 'Une journée', '7': 'Une semaine', '30': 'Un mois', '365': 'Un an (au plus)' } as const;
/** The procedures an aidant can do online for someone (the parking card asks for the person's own consent). */
export const mandateProcedures: ProcedureId[] = ['changement-adresse', 'acte-naissance'];

export function statusOf(m: Mandate, now = new Date()): MandateStatus {
  if (m.revokedAt) return 'revoque';
  if (m.endsAt <= now) return 'expire';
  return m.confirmedAt ? 'actif' : 'a_confirmer';
}

export const aidantActor = (aidant: Aidant, persona: Pick<Persona, 'givenNames' | 'familyName' | 'preferredName'>): Actor => ({
  kind: 'aidant',
  id: aidant.id,
  label: `${aidant.givenName} ${aidant.familyName} (France Services), pour ${persona.givenNames} ${persona.preferredName ?? persona.familyName}`,
});

export async function createMandate(db: AsyncExecutor, aidant: Aidant, input: { personaId: string; procedures: string[]; days: number }, now = new Date()): Promise<Mandate> {
  const person = await db.select().from(personas).where(and(eq(personas.id, input.personaId), eq(personas.classSessionId, aidant.classSessionId))).get();
  if (!person) throw new CaseError('personne', 'Choisissez la personne que vous accompagnez.');
  const chosen = [...new Set(input.procedures)].filter((p): p is ProcedureId => (mandateProcedures as string[]).includes(p));
  if (chosen.length === 0 || chosen.length !== new Set(input.procedures).size) throw new CaseError('demarches', 'Choisissez au moins une démarche de la liste.');
  if (!Object.keys(mandateDurations).includes(String(input.days))) throw new CaseError('duree', 'Choisissez la durée du mandat.');
  // The same mandate asked twice (double-click, two tabs) while the first waits for the person is that first one: the
  // aidant's requests for one person go one after the other (« waiting » ends with time, no index can hold it).
  return transaction(db, async (tx) => {
    const pending = await tx.select().from(mandates).where(and(eq(mandates.aidantId, aidant.id), eq(mandates.personaId, person.id))).orderBy(desc(mandates.createdAt)).all();
    const same = pending.find((m) => statusOf(m, now) === 'a_confirmer' && [...m.procedures].sort().join() === [...chosen].sort().join());
    if (same) return same;
    return tx
      .insert(mandates)
      .values({ id: crypto.randomUUID(), classSessionId: aidant.classSessionId, aidantId: aidant.id, personaId: person.id, procedures: chosen, createdAt: now, endsAt: new Date(now.getTime() + input.days * 86_400_000) })
      .returning()
      .get();
  }, { lock: `mandats:${aidant.id}:${person.id}` });
}

async function personsMandate(db: AsyncExecutor, personaId: string, mandateId: string): Promise<Mandate> {
  const m = await db.select().from(mandates).where(and(eq(mandates.id, mandateId), eq(mandates.personaId, personaId))).get();
  if (!m) throw new CaseError('introuvable', 'Ce mandat n’existe pas, ou ne vous concerne pas.');
  return m;
}

/** The person, present beside the aidant, confirms the mandate. */
export async function confirmMandate(db: AsyncExecutor, personaId: string, mandateId: string, now = new Date()): Promise<Mandate> {
  const m = await personsMandate(db, personaId, mandateId);
  // Confirmed twice (double-click, two tabs): it is confirmed, once.
  if (statusOf(m, now) === 'actif') return m;
  if (statusOf(m, now) !== 'a_confirmer') throw new CaseError('etat', 'Ce mandat ne peut plus être confirmé.');
  // Guarded: of two confirmations at the same instant the first date stands; a mandate revoked meanwhile stays revoked.
  const confirmed = await db.update(mandates).set({ confirmedAt: now }).where(and(eq(mandates.id, m.id), isNull(mandates.confirmedAt), isNull(mandates.revokedAt))).returning().get();
  return confirmed ?? confirmMandate(db, personaId, mandateId, now);
}

/** The person ends the mandate, at any time; the aidant is refused from then on. */
export async function revokeMandate(db: AsyncExecutor, personaId: string, mandateId: string, now = new Date()): Promise<Mandate> {
  const m = await personsMandate(db, personaId, mandateId);
  if (m.revokedAt) return m;
  // Guarded: of two revocations at the same instant, the first date stands.
  return (await db.update(mandates).set({ revokedAt: now }).where(and(eq(mandates.id, m.id), isNull(mandates.revokedAt))).returning().get()) ?? personsMandate(db, personaId, mandateId);
}

/** The mandate under which this aidant may do this procedure for this person now, or why not. */
export async function usableMandate(db: AsyncExecutor, aidant: Aidant, mandateId: string, procedure: ProcedureId, now = new Date()): Promise<{ mandate: Mandate; persona: Persona }> {
  const m = await db.select().from(mandates).where(and(eq(mandates.id, mandateId), eq(mandates.aidantId, aidant.id))).get();
  if (!m) throw new CaseError('mandat_absent', 'Aucun mandat ne vous lie à cette personne.');
  const status = statusOf(m, now);
  if (status === 'revoque') throw new CaseError('mandat_revoque', 'La personne a révoqué ce mandat : vous ne pouvez plus agir pour elle.');
  if (status === 'expire') throw new CaseError('mandat_expire', 'Ce mandat est arrivé à son terme.');
  if (status === 'a_confirmer') throw new CaseError('mandat_a_confirmer', 'La personne n’a pas encore confirmé ce mandat.');
  if (!m.procedures.includes(procedure)) throw new CaseError('mandat_hors_champ', `Ce mandat ne couvre pas la démarche « ${procedures[procedure].title} ».`);
  const persona = await db.select().from(personas).where(eq(personas.id, m.personaId)).get();
  if (!persona) throw new CaseError('mandat_absent', 'La personne de ce mandat n’existe plus.');
  return { mandate: m, persona };
}

/** Starts a procedure for the person under a mandate. */
export async function startUnderMandate(db: AsyncExecutor, aidant: Aidant, mandateId: string, procedure: ProcedureId, now = new Date()): Promise<CaseRow> {
  const { mandate, persona } = await usableMandate(db, aidant, mandateId, procedure, now);
  const blocked = await startBlocked(db, persona, procedure);
  if (blocked) throw new CaseError('rien_a_demander', blocked.forOther);
  const started = await transaction(db, async (tx) => {
    // Started twice, or the person's own draft: the aidant goes on with that one under the mandate.
    const { c, resumed } = await startCase(tx, { classSessionId: mandate.classSessionId, personaId: persona.id, procedure }, now);
    if (resumed && c.mandateId === mandate.id) return c;
    if (resumed && c.state !== 'brouillon') throw new CaseError('deja_en_cours', `${persona.givenNames} ${persona.familyName} a déjà une demande « ${procedures[procedure].title} » en cours (n° ${c.receiptNumber ?? '—'}).`);
    const withMandate = await tx.update(cases).set({ mandateId: mandate.id }).where(eq(cases.id, c.id)).returning().get();
    await addNote(tx, withMandate, aidantActor(aidant, persona), `Demande commencée par ${aidant.givenName} ${aidant.familyName} (France Services) pour vous, sous mandat.`, now);
    return withMandate;
  });
  return prefillOnce(db, started, persona);
}

/** A draft this aidant is filling in under a mandate still usable (checked at every step). */
export async function aidantDraft(db: AsyncExecutor, aidant: Aidant, caseId: string, now = new Date()): Promise<{ c: CaseRow; persona: Persona }> {
  const c = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.classSessionId, aidant.classSessionId))).get();
  if (!c?.mandateId) throw new CaseError('introuvable', 'Cette demande n’existe pas.');
  const { persona } = await usableMandate(db, aidant, c.mandateId, c.procedure, now);
  if (c.state !== 'brouillon') throw new CaseError('etat_incompatible', 'Cette demande est déjà envoyée.');
  return { c, persona };
}

export function mandatesOfAidant(db: AsyncExecutor, aidant: Aidant) {
  return db.select({ m: mandates, persona: personas }).from(mandates).innerJoin(personas, eq(personas.id, mandates.personaId)).where(eq(mandates.aidantId, aidant.id)).orderBy(desc(mandates.createdAt)).all();
}

// Read by the person's dashboard and "Mes données" on each view: built once (db/prepared.ts).
const ofPerson = prepared((db) => db.select().from(mandates).where(eq(mandates.personaId, sql.placeholder('persona'))).orderBy(desc(mandates.createdAt)));
const byAidantsFor = prepared((db) =>
  db
    .select({ e: caseEvents, c: cases })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(cases.personaId, sql.placeholder('persona')), eq(caseEvents.actorKind, 'aidant')))
    .orderBy(desc(caseEvents.at)),
);

export function mandatesOfPerson(db: AsyncExecutor, personaId: string) {
  return ofPerson(db).execute({ persona: personaId });
}

/** Everything done for the person by an aidant: what "Mes données" shows as "fait par … pour vous". */
export function doneForMe(db: AsyncExecutor, personaId: string) {
  return byAidantsFor(db).execute({ persona: personaId });
}
