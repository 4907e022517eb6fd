import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { appointments, cases } from '../../../db/tables';
import { appointmentOf, counterName, counterPlayed, type Appointment } from '../../appointments/appointments';
import { formatDateTime } from '../../format';
import type { Agent } from '../../auth/guards';
import { agentActor } from '../agent';
import { addNote, CaseError, type Actor } from '../engine/cases';
import { transition } from '../engine/transition';
import type { CaseRow, Persona } from '../engine/types';
import { agreedWithTitle, titleOf } from './definition';

// At the counter: the agent of the town hall checks the pre-request, the documents and the fingerprints; later, hands
// the document over. Each once (guarded updates), whatever the clicks; only the agents of the appointment's town hall.

export const counterChecks = [
  { value: 'predemande', label: 'Pré-demande lue', hint: 'Son numéro, ou son code QR : les réponses de la personne s’affichent.' },
  { value: 'pieces', label: 'Pièces vérifiées', hint: 'Photo d’identité de moins de six mois, justificatif de domicile, ancien titre ou déclaration de perte ou de vol.' },
  { value: 'empreintes', label: 'Empreintes relevées (simulé)', hint: 'Deux doigts sur le capteur ; la personne signe sur la tablette.' },
] as const;

async function counterCase(db: AsyncExecutor, agent: Agent, caseId: string): Promise<{ c: CaseRow; appointment: Appointment }> {
  const c = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.classSessionId, agent.classSessionId), eq(cases.procedure, 'titre-identite'))).get();
  const appointment = c ? await appointmentOf(db, c.id) : null;
  if (!c || !appointment || agent.agencyId !== 'etat-civil' || (agent.unit !== null && agent.unit !== appointment.place)) throw new CaseError('introuvable', 'Ce rendez-vous n’existe pas, ou il est pris dans une autre mairie.');
  return { c, appointment };
}

/** The agent checks the person at the counter: every box ticked, at or after the appointment's time; once. */
export async function checkAtCounter(db: AsyncExecutor, agent: Agent, caseId: string, ticked: string[], now = new Date()): Promise<CaseRow> {
  const { c, appointment } = await counterCase(db, agent, caseId);
  if (appointment.checkedAt) throw new CaseError('deja_verifie', 'Ce dépôt est déjà vérifié : le titre est en fabrication.');
  if (now.getTime() < appointment.startsAt.getTime()) throw new CaseError('trop_tot', `Le rendez-vous est le ${formatDateTime(appointment.startsAt)} dans cette séance : la personne n’est pas encore arrivée.`);
  const missing = counterChecks.filter((k) => !ticked.includes(k.value));
  if (missing.length > 0) throw new CaseError('verification_incomplete', `Vérifiez d’abord : ${missing.map((k) => k.label.toLowerCase()).join(', ')}.`);
  const actor = agentActor(agent);
  return transaction(db, async (tx) => {
    const checked = await tx.update(appointments).set({ checkedAt: now }).where(and(eq(appointments.id, appointment.id), isNull(appointments.checkedAt), isNull(appointments.cancelledAt))).returning().get();
    if (!checked) throw new CaseError('deja_verifie', 'Ce dépôt est déjà vérifié : le titre est en fabrication.');
    const current = c.state === 'depose' ? await transition(tx, c, 'prendre', actor, {}, now) : c;
    await addNote(tx, current, actor, `Dépôt vérifié au guichet par ${actor.label} : pré-demande, pièces et empreintes. ${titleOf(c)} part en fabrication.`, now);
    return current;
  });
}

/**
 * The person comes to collect the document once it is ready. If a student plays that town hall, they hand it over;
 * otherwise the counter does at once.
 */
export async function askCollection(db: AsyncExecutor, persona: Persona, caseId: string, now = new Date()): Promise<Appointment> {
  const c = await db.select().from(cases).where(and(eq(cases.id, caseId), eq(cases.personaId, persona.id))).get();
  const appointment = c ? await appointmentOf(db, c.id) : null;
  if (!c || c.procedure !== 'titre-identite' || !appointment) throw new CaseError('introuvable', 'Cette demande n’existe pas.');
  if (c.state !== 'accepte') throw new CaseError('pas_pret', 'Votre titre n’est pas encore prêt : vous serez prévenu·e.');
  if (appointment.collectedAt) return appointment;
  const byStudent = await counterPlayed(db, c.classSessionId, appointment.place);
  const place = await counterName(db, appointment.place);
  return transaction(db, async (tx) => {
    const asked = await tx.update(appointments).set({ collectionAskedAt: now }).where(and(eq(appointments.id, appointment.id), isNull(appointments.collectionAskedAt))).returning().get();
    if (!asked) return (await appointmentOf(tx, c.id))!;
    if (byStudent) return asked;
    return handOverNow(tx, c, asked, { kind: 'systeme', id: null, label: `${place} — accueil automatique` }, now);
  });
}

/** The agent hands the document over to the person who came for it; once. */
export async function handOver(db: AsyncExecutor, agent: Agent, caseId: string, now = new Date()): Promise<Appointment> {
  const { c, appointment } = await counterCase(db, agent, caseId);
  if (!appointment.collectionAskedAt) throw new CaseError('absent', 'La personne n’est pas encore venue chercher son titre.');
  if (appointment.collectedAt) throw new CaseError('deja_remis', 'Ce titre est déjà remis.');
  return transaction(db, async (tx) => handOverNow(tx, c, appointment, agentActor(agent), now));
}

async function handOverNow(tx: AsyncExecutor, c: CaseRow, appointment: Appointment, actor: Actor, now: Date): Promise<Appointment> {
  const given = await tx.update(appointments).set({ collectedAt: now }).where(and(eq(appointments.id, appointment.id), isNull(appointments.collectedAt), isNotNull(appointments.collectionAskedAt))).returning().get();
  if (!given) throw new CaseError('deja_remis', 'Ce titre est déjà remis.');
  await addNote(tx, c, actor, `${titleOf(c)} est ${agreedWithTitle(c, 'remis')} à la personne, au guichet. La démarche est terminée.`, now);
  return given;
}
