import type { AgencyId, ParticipantRole } from '../../db/schema';
import { personaSeeds } from '../../db/seed/personas';
import type { Preset } from './sessions';
import { lowerFirst } from '../format';

// How a séance hands out roles as students join: balanced for the scenario preset (docs/CLASSROOM.md).

type Plan = {
  /** The first roles, in joining order, so that even 3 or 6 students make a séance. */
  head: ParticipantRole[];
  /** Then each newcomer takes the role furthest below its share. */
  shares: Record<ParticipantRole, number>;
  /** Bodies given to agents, in order (then again from the start). */
  agencies: AgencyId[];
  /** Persona keys given to citizens, in order (then the remaining ones). */
  personas: string[];
};

const goal = (p: (typeof personaSeeds)[number]) => lowerFirst(p.card.goal);
const parking = personaSeeds.filter((p) => goal(p).includes('stationnement') && p.digitalProfile === 'autonome').map((p) => p.key);
const moving = personaSeeds.filter((p) => /adresse|déménagement|prévenir/.test(goal(p)) && p.digitalProfile === 'autonome').map((p) => p.key);
const birth = personaSeeds.filter((p) => goal(p).includes('acte de naissance') && p.digitalProfile === 'autonome').map((p) => p.key);
const excluded = personaSeeds.filter((p) => p.digitalProfile !== 'autonome').map((p) => p.key);
const documents = personaSeeds.filter((p) => p.card.documentOf).map((p) => p.key);
const bonus = personaSeeds.filter((p) => p.card.bonusOf).map((p) => p.key);
const fines = personaSeeds.filter((p) => p.card.fineOf).map((p) => p.key);
const identity = personaSeeds.filter((p) => p.card.idOf).map((p) => p.key);

/** Round-robin over several lists, without repeats. */
function interleave(...lists: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; out.length < new Set(lists.flat()).size; i++) for (const l of lists) if (l[i] && !out.includes(l[i]!)) out.push(l[i]!);
  return out;
}

const head: ParticipantRole[] = ['citoyen', 'agent', 'aidant', 'citoyen', 'agent', 'observateur'];

export const rolePlans: Record<Preset, Plan> = {
  tout: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    agencies: ['ville', 'etat-civil', 'caf', 'dgfip', 'siv', 'cpam', 'france-travail', 'retraite', 'la-poste', 'cada'],
    personas: interleave(parking, moving, birth, excluded),
  },
  stationnement: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    agencies: ['ville', 'siv', 'dgfip', 'ville', 'caf', 'cpam', 'etat-civil', 'la-poste'],
    personas: [...parking, ...moving],
  },
  demenagement: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    agencies: ['caf', 'cpam', 'dgfip', 'france-travail', 'retraite', 'la-poste', 'siv', 'ville'],
    personas: [...moving, ...excluded],
  },
  documents: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    // The city answers (or stays silent), the CADA gives its opinion; the CAF and the DGFiP hold documents too.
    agencies: ['ville', 'cada', 'caf', 'dgfip', 'ville', 'cada'],
    personas: [...documents, ...interleave(parking, moving, birth)],
  },
  prime_activite: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    // The CAF instructs; the DGFiP and France Travail see who asks for their data, and on what basis.
    agencies: ['caf', 'dgfip', 'france-travail', 'caf'],
    personas: [...bonus, ...interleave(moving, parking, birth)],
  },
  amendes: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    // The ANTAI's officers decide the contestations; the SIV sees the look-ups by registration; the city its cards.
    agencies: ['antai', 'siv', 'ville', 'antai'],
    personas: [...fines, ...interleave(parking, moving, birth)],
  },
  identite: {
    head,
    shares: { citoyen: 16, agent: 8, aidant: 2, observateur: 4 },
    // The town halls' counters (each état civil agent keeps one town hall), then the city.
    agencies: ['etat-civil', 'etat-civil', 'ville'],
    personas: [...identity, ...interleave(birth, moving, parking)],
  },
  fracture_numerique: {
    head: ['citoyen', 'agent', 'aidant', 'citoyen', 'aidant', 'observateur'],
    shares: { citoyen: 14, agent: 6, aidant: 6, observateur: 4 },
    agencies: ['etat-civil', 'ville', 'caf', 'cpam', 'retraite', 'dgfip'],
    personas: [...excluded, ...interleave(birth, moving)],
  },
};

export type RoleCounts = Record<ParticipantRole, number>;

/** The role of the next student to join, given the roles already held. */
export function nextRole(preset: Preset, counts: RoleCounts): ParticipantRole {
  const plan = rolePlans[preset];
  const joined = Object.values(counts).reduce((a, b) => a + b, 0);
  if (joined < plan.head.length) return plan.head[joined]!;
  const total = Object.values(plan.shares).reduce((a, b) => a + b, 0);
  const roles = Object.keys(plan.shares) as ParticipantRole[];
  // The largest deficit against the share at joined + 1; ties go to the first role listed.
  return roles.reduce((best, role) => {
    const deficit = (r: ParticipantRole) => (plan.shares[r] * (joined + 1)) / total - counts[r];
    return deficit(role) > deficit(best) + 1e-9 ? role : best;
  }, roles[0]!);
}

/** The body for the n-th agent of the séance (n counts from 0). */
export const agencyForAgent = (preset: Preset, n: number): AgencyId => {
  const list = rolePlans[preset].agencies;
  return list[n % list.length]!;
};

/** The order in which the séance's personas are given to citizens. */
export function personaOrder(preset: Preset): string[] {
  const first = rolePlans[preset].personas;
  return [...first, ...personaSeeds.map((p) => p.key).filter((k) => !first.includes(k))];
}

export const roleLabels: Record<ParticipantRole, string> = {
  citoyen: 'Citoyen·ne',
  agent: 'Agent d’un organisme',
  aidant: 'Aidant·e France Services',
  observateur: 'Observateur·rice (audit)',
};
