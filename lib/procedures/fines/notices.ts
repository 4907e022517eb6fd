import crypto from 'node:crypto';
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import { type AsyncExecutor, getEngine, transaction } from '../../../db/engine';
import { prepared } from '../../../db/prepared';
import type { FineState } from '../../../db/schema';
import { antaiNotices, personas } from '../../../db/tables';
import { prepareDocument, storeDocument, type DocumentRow } from '../../documents/documents';
import { formatDateTime, formatEuros } from '../../format';
import { checkTestCard, type CardInput } from '../../payments/card';
import { agencyName } from '../../platform/consent-text';
import { defaultGatewayDeps, requestExchange, type GatewayDeps } from '../../platform/gateway';
import { currentToken } from '../../platform/tokens';
import { CaseError } from '../engine/cases';
import { timeScaleOfSession } from '../engine/session-clock';
import type { TimeScale } from '../engine/time-scale';
import type { Persona } from '../engine/types';
import { amountDue, classAmounts, contestableUntil, fineDeadlines, stageLabels, type FineClass, type FineTerms } from './ladder';
import { recordedOffences, type RecordedOffence } from './offences';
import { sessionById } from '../../classroom/session-by-id';

// The ANTAI's notices of fines (docs/PROCEDURES.md, "Avis de contravention"): sent to the vehicle's holder, found
// through the platform; paid online once; their amount on the séance's clock from the day the person sees them.

export type Notice = typeof antaiNotices.$inferSelect;
export const finePurpose = 'contravention';

const newNoticeNumber = () => Array.from(crypto.randomBytes(10), (b) => String(b % 10)).join('');

/** When the offence was recorded: `daysBefore` days before the séance began, at its hour in France. */
export function recordedAt(offence: RecordedOffence, sessionStart: Date): Date {
  const day = new Date(sessionStart.getTime() - offence.daysBefore * 86_400_000);
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(day);
  const asUtc = new Date(`${date}T${offence.hour}:00Z`);
  // Paris is one or two hours ahead of UTC: the instant whose Paris wall clock reads that hour.
  const wall = (zone: string) => new Date(asUtc.toLocaleString('en-US', { timeZone: zone })).getTime();
  return new Date(asUtc.getTime() - (wall('Europe/Paris') - wall('UTC')));
}

/**
 * The ANTAI processes what the radars recorded: for each offence with no notice yet, it asks the SIV through the
 * platform who holds the vehicle (its legal basis is in the catalogue), then mails the notice to that holder at the
 * certificate's address. The teacher runs it when the class reaches that part (the live map then shows each look-up);
 * a second run sends nothing twice.
 */
export async function issueNotices(db: AsyncExecutor, classSessionId: string, deps: GatewayDeps = defaultGatewayDeps): Promise<number> {
  const session = await sessionById(db, classSessionId);
  if (!session) return 0;
  const caller = { classSessionId, agency: 'antai' as const, token: (await currentToken(getEngine(), classSessionId, 'antai')).token };
  let sent = 0;
  for (const offence of recordedOffences) {
    if (await db.select({ id: antaiNotices.id }).from(antaiNotices).where(and(eq(antaiNotices.classSessionId, classSessionId), eq(antaiNotices.offenceKey, offence.key))).get()) continue;
    const outcome = await requestExchange(db, caller, { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: offence.registration, finalite: finePurpose }, deps);
    const holder = outcome.ok ? (outcome.body.donnees['siv.titulaire'] as { titulaire: string; titulaire_type: 'personne' | 'societe'; adresse: { ligne: string; code_postal: string; commune: string } } | null) : null;
    if (!outcome.ok || !holder || !outcome.entry.subject) continue;
    const inserted = await db
      .insert(antaiNotices)
      .values({
        id: crypto.randomUUID(),
        classSessionId,
        personaId: outcome.entry.subject,
        number: newNoticeNumber(),
        offenceKey: offence.key,
        kind: offence.kind,
        fineClass: offence.fineClass,
        offence: offence.offence,
        place: offence.place,
        offenceAt: recordedAt(offence, session.createdAt),
        registration: offence.registration,
        holderName: holder.titulaire,
        holderKind: holder.titulaire_type,
        addressLine: holder.adresse.ligne,
        postalCode: holder.adresse.code_postal,
        city: holder.adresse.commune,
        journalEntryId: outcome.entry.id,
        createdAt: deps.now(),
      })
      .onConflictDoNothing()
      .returning({ id: antaiNotices.id })
      .all();
    sent += inserted.length;
  }
  return sent;
}

// The person's dashboard reads them on each view: built once (db/prepared.ts).
const noticesOfPersona = prepared((db) => db.select().from(antaiNotices).where(eq(antaiNotices.personaId, sql.placeholder('persona'))).orderBy(asc(antaiNotices.offenceAt)));

/** The person's notices, oldest first. Those never seen are delivered now: their periods start when the person looks. */
export async function noticesOf(db: AsyncExecutor, persona: Persona, now = new Date()): Promise<Notice[]> {
  const found = await noticesOfPersona(db).execute({ persona: persona.id });
  if (found.every((n) => n.deliveredAt)) return found;
  // Guarded: two pages at once deliver it once, and the first sight stands.
  await db.update(antaiNotices).set({ deliveredAt: now }).where(and(eq(antaiNotices.personaId, persona.id), isNull(antaiNotices.deliveredAt))).run();
  return db.select().from(antaiNotices).where(eq(antaiNotices.personaId, persona.id)).orderBy(asc(antaiNotices.offenceAt)).all();
}

export async function noticeOf(db: AsyncExecutor, persona: Persona, noticeId: string): Promise<Notice | null> {
  return (await noticesOf(db, persona)).find((n) => n.id === noticeId) ?? null;
}

/** The notice's terms: from its first sight, or from the day a rejected contestation gave it back (no reduction then). */
export const termsOf = (n: Notice): FineTerms => ({ fineClass: n.fineClass as FineClass, reducible: n.kind !== 'stationnement' && !n.reopenedAt, sentAt: n.reopenedAt ?? n.deliveredAt ?? n.createdAt });

/** What the notice says today on the séance's clock: the amount due online, until when, and whether it may still be contested. */
export function noticeStatus(n: Notice, scale: TimeScale, now = new Date()) {
  const terms = termsOf(n);
  const due = amountDue(terms, scale, now, true);
  const contestUntil = contestableUntil(terms, scale);
  // A contestation is made once: given back to pay after it, the notice is paid (or goes to court, in real life).
  const contestable = n.state === 'a_payer' && !n.reopenedAt && now.getTime() < contestUntil.getTime();
  return { due, label: stageLabels[due.stage], contestable, contestUntil, deadlines: fineDeadlines(terms, scale, true), amounts: classAmounts[terms.fineClass], scale };
}

export const finesEnVrai = [
  'Les avis des radars sont envoyés par l’Agence nationale de traitement automatisé des infractions (ANTAI) au titulaire de la carte grise : elle le trouve dans le fichier des immatriculations. On paie sur amendes.gouv.fr, par téléphone, au bureau de tabac ou par chèque.',
  'Payée dans les 15 jours, l’amende est minorée (30 jours en ligne) ; elle reste forfaitaire jusqu’à 45 jours (60 en ligne), puis elle est majorée. Il n’y a pas d’amende minorée pour le stationnement. On peut contester, ou désigner le conducteur, dans les 45 jours.',
];

export const fineStateLabels: Record<FineState, string> = {
  a_payer: 'À payer',
  payee: 'Payée',
  contestee: 'Contestée : en attente de la décision',
  designee: 'Conducteur désigné : un nouvel avis lui est envoyé',
  classee: 'Classée sans suite',
};

/**
 * Pays the notice online with the simulated card, once: the amount of the day, a sealed receipt in the vault. A
 * second payment (double-click, another tab, back then again) finds it paid; a contested one cannot be paid.
 */
export async function payNotice(db: AsyncExecutor, persona: Persona, noticeId: string, card: CardInput, now = new Date()): Promise<{ notice: Notice; receipt: DocumentRow | null }> {
  const n = await noticeOf(db, persona, noticeId);
  if (!n) throw new CaseError('introuvable', 'Cet avis de contravention n’existe pas, ou il est adressé à quelqu’un d’autre.');
  if (n.state !== 'a_payer') throw notPayable(n);
  const checked = checkTestCard(card, now);
  if (!checked.ok) throw new PaymentError(checked.errors);
  const { due, label } = noticeStatus(n, await timeScaleOfSession(db, n.classSessionId), now);
  const receipt = await prepareDocument({
    classSessionId: n.classSessionId,
    personaId: persona.id,
    caseId: null,
    kind: 'quittance_amende',
    title: 'Quittance de paiement d’une amende',
    issuer: 'antai',
    issuerLabel: agencyName('antai'),
    issuedAt: now,
    content: {
      champs: [
        { libelle: 'Avis de contravention', valeur: `n° ${n.number}` },
        { libelle: 'Infraction', valeur: n.offence },
        { libelle: 'Date et lieu', valeur: `${formatDateTime(n.offenceAt)}, ${n.place}` },
        { libelle: 'Véhicule', valeur: n.registration },
        { libelle: 'Montant payé', valeur: `${formatEuros(due.cents)} (${label.toLowerCase()})` },
        { libelle: 'Payé le', valeur: formatDateTime(now) },
        { libelle: 'Carte', valeur: `carte de test se terminant par ${checked.last4}` },
      ],
      donnees: { avis: n.number, montant_centimes: due.cents, palier: due.stage },
    },
  });
  return transaction(db, async (tx) => {
    // Guarded: only a notice still to pay is paid (two payments at the same instant: one wins, whole).
    const paid = await tx.update(antaiNotices).set({ state: 'payee', paidAt: now, paidCents: due.cents }).where(and(eq(antaiNotices.id, n.id), eq(antaiNotices.state, 'a_payer'))).returning().get();
    if (!paid) throw notPayable((await tx.select().from(antaiNotices).where(eq(antaiNotices.id, n.id)).get()) ?? n);
    await storeDocument(tx, receipt);
    return { notice: paid, receipt };
  });
}

/** Why a notice cannot be paid, by its state (paid already, contested, passed on to the driver, dropped). */
export function notPayable(n: Notice): CaseError {
  switch (n.state) {
    case 'payee':
      return new CaseError('deja_payee', 'Cette amende est déjà payée : la quittance est dans votre coffre-fort.');
    case 'contestee':
      return new CaseError('contestee', 'Vous avez contesté cette amende : elle ne peut pas être payée tant que l’officier du ministère public n’a pas décidé.');
    case 'designee':
      return new CaseError('designee', 'Vous avez désigné le conducteur : c’est à lui de payer, avec l’avis qu’il a reçu.');
    default:
      return new CaseError('classee', 'Cette amende est classée sans suite : vous n’avez rien à payer.');
  }
}

/** The card's errors, each beside its field. */
export class PaymentError extends Error {
  constructor(readonly errors: Partial<Record<keyof CardInput, string>>) {
    super('Le paiement n’a pas pu être fait.');
  }
}

/**
 * The holder names who was driving (CPP 529-10; a company must, L121-6 of the code de la route): the notice goes to
 * that person, at their address, and this one is closed. Once: a second designation, or a paid or contested notice,
 * is refused; the driver must be another person of the séance (or the company's own manager).
 */
export async function designateDriver(db: AsyncExecutor, persona: Persona, noticeId: string, driverId: string, now = new Date()): Promise<Notice> {
  const n = await noticeOf(db, persona, noticeId);
  if (!n) throw new CaseError('introuvable', 'Cet avis de contravention n’existe pas, ou il est adressé à quelqu’un d’autre.');
  if (n.state !== 'a_payer') throw new CaseError('etat_incompatible', `Le conducteur ne peut plus être désigné : ${fineStateLabels[n.state].toLowerCase()}.`);
  const { contestable } = noticeStatus(n, await timeScaleOfSession(db, n.classSessionId), now);
  if (!contestable) throw new CaseError('delai_depasse', 'Le délai de 45 jours pour désigner le conducteur est passé.');
  const driver = await db.select().from(personas).where(and(eq(personas.id, driverId), eq(personas.classSessionId, persona.classSessionId))).get();
  if (!driver) throw new CaseError('conducteur', 'Choisissez la personne qui conduisait.');
  if (driver.id === persona.id && n.holderKind === 'personne') throw new CaseError('conducteur', 'C’est vous qui conduisiez ? Alors payez l’amende, ou contestez-la : on ne se désigne pas soi-même.');
  return transaction(db, async (tx) => {
    const closed = await tx.update(antaiNotices).set({ state: 'designee' }).where(and(eq(antaiNotices.id, n.id), eq(antaiNotices.state, 'a_payer'))).returning().get();
    if (!closed) throw new CaseError('etat_incompatible', 'Cet avis a déjà été traité : rechargez la page.');
    const already = await tx.select({ id: antaiNotices.id }).from(antaiNotices).where(and(eq(antaiNotices.classSessionId, n.classSessionId), eq(antaiNotices.offenceKey, n.offenceKey), eq(antaiNotices.personaId, driver.id), ne(antaiNotices.id, n.id))).get();
    if (already) throw new CaseError('conducteur', 'Cette personne a déjà reçu l’avis pour cette infraction.');
    return tx
      .insert(antaiNotices)
      .values({
        ...n,
        id: crypto.randomUUID(),
        personaId: driver.id,
        number: newNoticeNumber(),
        holderName: `${driver.familyName.toUpperCase()} ${driver.givenNames}`,
        holderKind: 'personne',
        addressLine: driver.addressLine,
        postalCode: driver.postalCode,
        city: driver.city,
        deliveredAt: null,
        state: 'a_payer',
        paidAt: null,
        paidCents: null,
        journalEntryId: null,
        designatedFrom: n.id,
        createdAt: now,
      })
      .returning()
      .get();
  });
}
