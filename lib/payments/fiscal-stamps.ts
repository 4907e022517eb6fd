import crypto from 'node:crypto';
import { and, eq, isNull, or } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { fiscalStamps } from '../../db/tables';
import { prepareDocument, storeDocument } from '../documents/documents';
import { formatDateTime, formatEuros } from '../format';
import { agencyName } from '../platform/consent-text';
import { CaseError } from '../procedures/engine/cases';
import type { Persona } from '../procedures/engine/types';
import { checkTestCard, type CardInput } from './card';

// Timbres fiscaux électroniques (simulated timbres.impots.gouv.fr): bought with the test card, a 16-digit number and a
// sealed receipt in the vault; a procedure that needs one (a passport) asks for its number and uses it once.

export const stampKinds = [
  { value: 'passeport_majeur', label: 'Passeport d’un adulte', cents: 8_600 },
  { value: 'passeport_15_17', label: 'Passeport d’un mineur de 15 à 17 ans', cents: 4_200 },
  { value: 'passeport_moins_15', label: 'Passeport d’un enfant de moins de 15 ans', cents: 1_700 },
  { value: 'cni_perte_vol', label: 'Carte d’identité perdue ou volée', cents: 2_500 },
] as const;
export type StampKind = (typeof stampKinds)[number]['value'];
export type Stamp = typeof fiscalStamps.$inferSelect;

/** The card's errors, and the kind's, each beside its field. */
export class StampError extends Error {
  constructor(readonly errors: Partial<Record<keyof CardInput | 'timbre', string>>) {
    super('Le timbre n’est pas acheté.');
  }
}

const newStampNumber = () => Array.from(crypto.randomBytes(16), (b) => String(b % 10)).join('');
export const formatStampNumber = (n: string) => n.replace(/(\d{4})(?=\d)/g, '$1 ');
export const stampDigits = (raw: string) => raw.replace(/[\s\u00a0\u202f-]/g, '');

/** Buys a stamp with the simulated card: its number, and its receipt sealed in the vault. */
export async function buyStamp(db: AsyncExecutor, persona: Persona, kind: string, card: CardInput, now = new Date()): Promise<Stamp> {
  const chosen = stampKinds.find((k) => k.value === kind);
  const checked = checkTestCard(card, now);
  // In the form's order (the stamp, then the card): the error summary lists them as the page shows the fields.
  const errors = { ...(chosen ? {} : { timbre: 'Choisissez le timbre à acheter.' }), ...(checked.ok ? {} : checked.errors) };
  if (!checked.ok || !chosen) throw new StampError(errors);
  const number = newStampNumber();
  const receipt = await prepareDocument({
    classSessionId: persona.classSessionId,
    personaId: persona.id,
    caseId: null,
    kind: 'timbre_fiscal',
    title: 'Timbre fiscal électronique',
    issuer: 'dgfip',
    issuerLabel: agencyName('dgfip'),
    issuedAt: now,
    content: {
      champs: [
        { libelle: 'Numéro du timbre', valeur: formatStampNumber(number) },
        { libelle: 'Pour', valeur: chosen.label },
        { libelle: 'Montant', valeur: formatEuros(chosen.cents) },
        { libelle: 'Acheté le', valeur: formatDateTime(now) },
        { libelle: 'Carte', valeur: `carte de test se terminant par ${checked.last4}` },
      ],
      donnees: { timbre: number, montant_centimes: chosen.cents, objet: chosen.value },
    },
  });
  return transaction(db, async (tx) => {
    const stamp = await tx.insert(fiscalStamps).values({ id: crypto.randomUUID(), classSessionId: persona.classSessionId, personaId: persona.id, number, kind: chosen.value, amountCents: chosen.cents, cardLast4: checked.last4, boughtAt: now }).returning().get();
    await storeDocument(tx, receipt);
    return stamp;
  });
}

export function stampsOf(db: AsyncExecutor, persona: Persona): Promise<Stamp[]> {
  return db.select().from(fiscalStamps).where(eq(fiscalStamps.personaId, persona.id)).all();
}

/** Why this number cannot pay `cents` for this case, or null: the person's own, the right amount, not used elsewhere. */
export async function stampProblem(db: AsyncExecutor, persona: Persona, raw: string, cents: number, caseId: string | null): Promise<string | null> {
  const number = stampDigits(raw);
  if (!number) return 'Écrivez le numéro de votre timbre fiscal (16 chiffres).';
  if (!/^\d{16}$/.test(number)) return 'Le numéro du timbre a 16 chiffres.';
  const stamp = await db.select().from(fiscalStamps).where(and(eq(fiscalStamps.classSessionId, persona.classSessionId), eq(fiscalStamps.number, number))).get();
  if (!stamp || stamp.personaId !== persona.id) return 'Ce numéro ne correspond à aucun timbre que vous avez acheté.';
  if (stamp.usedByCaseId && stamp.usedByCaseId !== caseId) return 'Ce timbre a déjà servi pour une autre demande : un timbre ne sert qu’une fois.';
  if (stamp.amountCents !== cents) return `Ce timbre vaut ${formatEuros(stamp.amountCents)} ; il en faut un de ${formatEuros(cents)} pour cette demande.`;
  return null;
}

/** Uses the stamp for the case, once (call it in the filing's transaction): a stamp used meanwhile is refused. */
export async function useStamp(tx: AsyncExecutor, personaId: string, raw: string, caseId: string): Promise<void> {
  const used = await tx
    .update(fiscalStamps)
    .set({ usedByCaseId: caseId })
    .where(and(eq(fiscalStamps.number, stampDigits(raw)), eq(fiscalStamps.personaId, personaId), or(isNull(fiscalStamps.usedByCaseId), eq(fiscalStamps.usedByCaseId, caseId))))
    .returning({ id: fiscalStamps.id })
    .get();
  if (!used) throw new CaseError('timbre_utilise', 'Ce timbre a déjà servi pour une autre demande : un timbre ne sert qu’une fois.');
}
