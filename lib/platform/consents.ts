import crypto from 'node:crypto';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { type AsyncExecutor, transaction } from '../../db/engine';
import { prepared } from '../../db/prepared';
import { type AgencyId } from '../../db/schema';
import { consents, consentWithdrawals } from '../../db/tables';
import { habilitations, type Purpose } from './catalogue';
import { PlatformError } from './errors';

// Consents (docs/ARCHITECTURE.md, rule 8): specific, informed, time-limited, revocable, provable.
// A grant and a withdrawal are each an append-only row.

export const maxConsentDays = 365;

export type ConsentGrant = {
  classSessionId: string;
  personaId: string;
  consumer: AgencyId;
  provider: AgencyId;
  items: string[];
  purpose: string;
  days: number;
  shownText: string;
  textVersion: string;
};

export type Consent = typeof consents.$inferSelect;
export type ConsentStatus = 'actif' | 'expire' | 'retire';
export type ConsentWithStatus = Consent & { status: ConsentStatus; withdrawnAt: Date | null };

const dayMs = 24 * 60 * 60 * 1000;

/** Records a consent. Only for a habilitation whose legal basis is consent and that covers every item. */
export async function grantConsent(db: AsyncExecutor, grant: ConsentGrant, now = new Date()): Promise<Consent> {
  const habilitation = habilitations.find(
    (h) => h.consommateur === grant.consumer && h.fournisseur === grant.provider && h.finalite === grant.purpose && grant.items.every((item) => h.donnees.includes(item)),
  );
  if (!habilitation || grant.items.length === 0) {
    throw new PlatformError('requete_invalide', 'Aucune habilitation ne prévoit cet échange : il n’y a pas d’accord à donner.');
  }
  if (habilitation.base_legale !== 'consentement') {
    throw new PlatformError('requete_invalide', 'Cet échange est prévu par la loi : il ne dépend pas de votre accord.');
  }
  if (!Number.isInteger(grant.days) || grant.days < 1 || grant.days > maxConsentDays) {
    throw new PlatformError('requete_invalide', `La durée d’un accord va de 1 à ${maxConsentDays} jours.`);
  }
  // One active consent per person × consumer × provider × purpose: the same agreement given twice (double-click,
  // two tabs) is the first one, not a second row. A new text version is a new agreement. A person's grants go one
  // after the other: no index can say « active » (it ends with time or a withdrawal), and on PostgreSQL two that
  // each read « none yet » both wrote one (two tabs of the parking card's screen: three or four rows for two).
  return transaction(db, async (tx) => {
    const same = await activeConsentFor(tx, { ...grant, items: grant.items }, now);
    if (same && same.textVersion === grant.textVersion && same.items.length === new Set(grant.items).size) return same;
    return tx
      .insert(consents)
      .values({
        id: crypto.randomUUID(),
        classSessionId: grant.classSessionId,
        personaId: grant.personaId,
        consumer: grant.consumer,
        provider: grant.provider,
        items: [...new Set(grant.items)].sort(),
        purpose: grant.purpose,
        grantedAt: now,
        expiresAt: new Date(now.getTime() + grant.days * dayMs),
        shownText: grant.shownText,
        textVersion: grant.textVersion,
      })
      .returning()
      .get();
  }, { lock: `accords:${grant.personaId}` });
}

/** Withdraws one of the person's consents. Withdrawing twice keeps the first date. */
export async function withdrawConsent(db: AsyncExecutor, personaId: string, consentId: string, now = new Date()): Promise<ConsentWithStatus> {
  const consent = await db.select().from(consents).where(and(eq(consents.id, consentId), eq(consents.personaId, personaId))).get();
  if (!consent) throw new PlatformError('introuvable', 'Cet accord n’existe pas, ou ne vous concerne pas.');
  await db.insert(consentWithdrawals).values({ consentId, classSessionId: consent.classSessionId, withdrawnAt: now }).onConflictDoNothing().run();
  const found = (await consentsOf(db, personaId, now)).find((c) => c.id === consentId);
  if (!found) throw new PlatformError('introuvable');
  return found;
}

export type ConsentQuery = { classSessionId: string; personaId: string; consumer: AgencyId; provider: AgencyId; items: string[]; purpose: Purpose | string };

/** The active consent that covers this exchange (every item asked), if any. */
export async function activeConsentFor(db: AsyncExecutor, q: ConsentQuery, now = new Date()): Promise<Consent | null> {
  const candidates = await db
    .select({ consent: consents })
    .from(consents)
    .leftJoin(consentWithdrawals, eq(consentWithdrawals.consentId, consents.id))
    .where(
      and(
        eq(consents.classSessionId, q.classSessionId),
        eq(consents.personaId, q.personaId),
        eq(consents.consumer, q.consumer),
        eq(consents.provider, q.provider),
        eq(consents.purpose, q.purpose),
        gt(consents.expiresAt, now),
        isNull(consentWithdrawals.consentId),
      ),
    )
    .orderBy(desc(consents.grantedAt))
    .all();
  return candidates.map((c) => c.consent).find((c) => q.items.every((item) => c.items.includes(item))) ?? null;
}

// "Mes données" reads them on each view: built once (db/prepared.ts).
const ofPersona = prepared((db) =>
  db
    .select({ consent: consents, withdrawnAt: consentWithdrawals.withdrawnAt })
    .from(consents)
    .leftJoin(consentWithdrawals, eq(consentWithdrawals.consentId, consents.id))
    .where(eq(consents.personaId, sql.placeholder('persona')))
    .orderBy(desc(consents.grantedAt)),
);

/** All of the person's consents, newest first, with their status. */
export async function consentsOf(db: AsyncExecutor, personaId: string, now = new Date()): Promise<ConsentWithStatus[]> {
  return (await ofPersona(db).execute({ persona: personaId }))
    .map(({ consent, withdrawnAt }) => ({
      ...consent,
      withdrawnAt,
      status: withdrawnAt ? 'retire' : consent.expiresAt <= now ? 'expire' : 'actif',
    }));
}

/** The API's view of a consent (docs/API.md). */
export function consentView(c: ConsentWithStatus) {
  return {
    id: c.id,
    consommateur: c.consumer,
    fournisseur: c.provider,
    donnees: c.items,
    finalite: c.purpose,
    donne_le: c.grantedAt.toISOString(),
    expire_le: c.expiresAt.toISOString(),
    retire_le: c.withdrawnAt?.toISOString() ?? null,
    statut: c.status,
    texte_affiche: c.shownText,
    version_texte: c.textVersion,
  };
}
