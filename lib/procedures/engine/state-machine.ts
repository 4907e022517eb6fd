import type { ActorKind, CaseState } from '../../../db/schema';
import { lowerFirst } from '../../format';

// The shared life-cycle of a case (docs/PROCEDURES.md) as an explicit state machine:
// each action says from which states, to which state, who may do it, and whether it needs a text.

export type CaseAction = 'deposer' | 'prendre' | 'demander_complement' | 'repondre_complement' | 'accepter' | 'refuser' | 'classer_sans_suite';

type Transition = { from: readonly CaseState[]; to: CaseState; by: readonly ActorKind[]; needsText: boolean; label: string };

export const transitions: Record<CaseAction, Transition> = {
  deposer: { from: ['brouillon'], to: 'depose', by: ['usager', 'aidant', 'agent'], needsText: false, label: 'Demande déposée' },
  prendre: { from: ['depose'], to: 'en_instruction', by: ['agent', 'systeme'], needsText: false, label: 'Demande prise en charge' },
  demander_complement: { from: ['en_instruction'], to: 'complement_demande', by: ['agent'], needsText: true, label: 'Complément demandé' },
  repondre_complement: { from: ['complement_demande'], to: 'en_instruction', by: ['usager', 'aidant'], needsText: true, label: 'Complément envoyé' },
  accepter: { from: ['en_instruction'], to: 'accepte', by: ['agent', 'systeme'], needsText: false, label: 'Demande acceptée' },
  refuser: { from: ['en_instruction'], to: 'refuse', by: ['agent', 'systeme'], needsText: true, label: 'Demande refusée' },
  classer_sans_suite: { from: ['brouillon', 'depose', 'en_instruction', 'complement_demande'], to: 'sans_suite', by: ['usager', 'aidant', 'agent', 'systeme'], needsText: false, label: 'Demande classée sans suite' },
};

export const finalStates: readonly CaseState[] = ['accepte', 'refuse', 'sans_suite'];
/** A request sent and not yet decided. */
export const openStates = ['depose', 'en_instruction', 'complement_demande'] as const satisfies readonly CaseState[];
export const isOpen = (state: CaseState) => (openStates as readonly CaseState[]).includes(state);

export type TransitionCheck = { ok: true; to: CaseState } | { ok: false; code: 'etat_incompatible' | 'acteur_non_autorise' | 'motif_requis'; message: string };

export const stateLabels: Record<CaseState, string> = {
  brouillon: 'Brouillon',
  depose: 'Déposée',
  en_instruction: 'En cours d’instruction',
  complement_demande: 'Complément demandé',
  accepte: 'Acceptée',
  refuse: 'Refusée',
  sans_suite: 'Classée sans suite',
};

/** Whether this actor may apply this action to a case in this state (and with this text). */
export function checkTransition(action: CaseAction, from: CaseState, actor: ActorKind, text?: string | null): TransitionCheck {
  const t = transitions[action];
  if (!t.from.includes(from)) return { ok: false, code: 'etat_incompatible', message: `Impossible : la demande est « ${lowerFirst(stateLabels[from])} ».` };
  if (!t.by.includes(actor)) return { ok: false, code: 'acteur_non_autorise', message: 'Vous ne pouvez pas faire cette action sur cette demande.' };
  if (t.needsText && !text?.trim()) return { ok: false, code: 'motif_requis', message: 'Écrivez un message ou un motif.' };
  return { ok: true, to: t.to };
}
