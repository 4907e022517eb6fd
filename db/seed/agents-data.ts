import type { AgencyId } from '../schema';

// Agent accounts seeded in every séance: at least one per body (and per état civil register).
export type AgentSeed = { agencyId: AgencyId; unit?: string; givenName: string; familyName: string; jobTitle: string };

export const agentSeeds: AgentSeed[] = [
  { agencyId: 'ville', givenName: 'Camille', familyName: 'Vasseur', jobTitle: 'Instructrice, service du stationnement' },
  { agencyId: 'ville', givenName: 'Mehdi', familyName: 'Roger', jobTitle: 'Instructeur, service du stationnement' },
  { agencyId: 'etat-civil', unit: '00101', givenName: 'Sandrine', familyName: 'Lemoine', jobTitle: 'Officière d’état civil, Villeneuve-sur-Brenne' },
  { agencyId: 'etat-civil', unit: '00102', givenName: 'Patrick', familyName: 'Noël', jobTitle: 'Officier d’état civil, Saint-Aubin-des-Prés' },
  { agencyId: 'etat-civil', unit: '00103', givenName: 'Agnès', familyName: 'Marty', jobTitle: 'Officière d’état civil, Montclar-les-Vignes' },
  { agencyId: 'etat-civil', unit: '00104', givenName: 'Julien', familyName: 'Perret', jobTitle: 'Secrétaire de mairie, Bourg-Léger' },
  { agencyId: 'etat-civil', unit: 'scec', givenName: 'Hélène', familyName: 'Tessier', jobTitle: 'Agente du service central d’état civil' },
  { agencyId: 'caf', givenName: 'Nathalie', familyName: 'Brun', jobTitle: 'Gestionnaire conseil' },
  { agencyId: 'caf', givenName: 'Yannick', familyName: 'Colas', jobTitle: 'Gestionnaire conseil' },
  { agencyId: 'cpam', givenName: 'Sylvie', familyName: 'Arnaud', jobTitle: 'Technicienne de l’Assurance maladie' },
  { agencyId: 'cpam', givenName: 'Bruno', familyName: 'Gaillard', jobTitle: 'Technicien de l’Assurance maladie' },
  { agencyId: 'france-travail', givenName: 'Isabelle', familyName: 'Carpentier', jobTitle: 'Conseillère emploi' },
  { agencyId: 'dgfip', givenName: 'Frédéric', familyName: 'Marchal', jobTitle: 'Agent du service des impôts des particuliers' },
  { agencyId: 'dgfip', givenName: 'Laure', familyName: 'Dumont', jobTitle: 'Agente du service des impôts des particuliers' },
  { agencyId: 'siv', givenName: 'Olivier', familyName: 'Bertin', jobTitle: 'Agent du centre d’expertise des titres' },
  { agencyId: 'retraite', givenName: 'Martine', familyName: 'Joly', jobTitle: 'Conseillère retraite' },
  { agencyId: 'la-poste', givenName: 'Kevin', familyName: 'Rolland', jobTitle: 'Conseiller clientèle' },
  { agencyId: 'cada', givenName: 'Claire', familyName: 'Fontaine', jobTitle: 'Rapporteure de la commission' },
  { agencyId: 'cada', givenName: 'Bastien', familyName: 'Aubry', jobTitle: 'Rapporteur de la commission' },
  { agencyId: 'antai', givenName: 'Nadia', familyName: 'Benhamou', jobTitle: 'Officière du ministère public' },
  { agencyId: 'antai', givenName: 'Thomas', familyName: 'Leclerc', jobTitle: 'Officier du ministère public' },
];

/** Login of a seeded agent in the simulated ProConnect: firstname.lastname@<body>.e-guichet.test */
export function agentEmail(agent: Pick<AgentSeed, 'agencyId' | 'givenName' | 'familyName' | 'unit'>): string {
  const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]+/g, '-');
  const domain = agent.unit ? `${agent.agencyId}-${agent.unit}` : agent.agencyId;
  return `${slug(agent.givenName)}.${slug(agent.familyName)}@${domain}.e-guichet.test`;
}

/** France Services aidants of every séance (they act for a person under a mandate). */
export const aidantSeeds = [
  { givenName: 'Sarah', familyName: 'Benoît', structure: 'Espace France Services de Villeneuve-sur-Brenne (fictif)' },
  { givenName: 'Thierry', familyName: 'Lopez', structure: 'France Services itinérant du canton de Bourg-Léger (fictif)' },
] as const;

export const aidantEmail = (a: { givenName: string; familyName: string }) =>
  `${a.givenName}.${a.familyName}@france-services.test`.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
