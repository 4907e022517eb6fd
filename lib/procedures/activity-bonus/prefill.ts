import { type AsyncExecutor, getEngine } from '../../../db/engine';
import type { AgencyId, ExchangeResult } from '../../../db/schema';
import { cafFile } from '../../agencies/caf';
import { findHabilitation, type LegalBasis } from '../../platform/catalogue';
import { defaultGatewayDeps, requestExchange, type GatewayDeps } from '../../platform/gateway';
import { currentToken } from '../../platform/tokens';

// "Dites-le-nous une fois": the CAF pre-fills a prime d'activité request with what other bodies already know, through
// the platform, on the legal basis the catalogue gives it (no consent screen: the law is the basis), and with its own
// file. Each figure keeps its source, its basis and its journal entry, for the page that shows it and for the person.

export const bonusPurpose = 'prime_activite';
export const bonusLookUps: { provider: AgencyId; item: string }[] = [
  { provider: 'dgfip', item: 'dgfip.revenu_fiscal_reference' },
  { provider: 'france-travail', item: 'france-travail.inscription' },
];

/** What one body said, and on what basis (null when the platform refused or could not serve the exchange). */
export type PrefillSource = {
  provider: AgencyId;
  item: string;
  result: ExchangeResult;
  basis: LegalBasis | null;
  /** The journal entry the person reads in "Mes données". */
  entryId: string | null;
  data: Record<string, unknown> | null;
  /** The platform's error code when it did not answer with data (habilitation_absente, usager_inconnu…). */
  code: string | null;
};

/** The CAF asks one body through the platform for this purpose; the journal records it, whatever the answer. */
export async function askForBonus(db: AsyncExecutor, person: { id: string; classSessionId: string }, provider: AgencyId, item: string, caseId?: string, deps: GatewayDeps = defaultGatewayDeps): Promise<PrefillSource> {
  const caller = { classSessionId: person.classSessionId, agency: 'caf' as const, token: (await currentToken(getEngine(), person.classSessionId, 'caf')).token };
  const outcome = await requestExchange(db, caller, { fournisseur: provider, donnees: [item], usager: person.id, finalite: bonusPurpose, ...(caseId ? { dossier: caseId } : {}) }, deps);
  const basis = findHabilitation('caf', provider, [item], bonusPurpose)?.base_legale ?? null;
  if (outcome.ok) {
    return { provider, item, result: 'accorde', basis, entryId: outcome.entry.id, data: (outcome.body.donnees[item] as Record<string, unknown> | undefined) ?? null, code: null };
  }
  return { provider, item, result: outcome.entry?.result ?? 'refuse', basis, entryId: outcome.entry?.id ?? null, data: null, code: outcome.body.erreur };
}

/** Everything the CAF knows before the person types anything: the other bodies' answers and its own file. */
export async function prefillActivityBonus(db: AsyncExecutor, person: { id: string; classSessionId: string }, caseId?: string, deps: GatewayDeps = defaultGatewayDeps) {
  const sources: PrefillSource[] = [];
  for (const { provider, item } of bonusLookUps) sources.push(await askForBonus(db, person, provider, item, caseId, deps));
  const own = await cafFile(db, { classSessionId: person.classSessionId, personaId: person.id });
  return { sources, own };
}
