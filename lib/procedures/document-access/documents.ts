import type { AgencyId } from '../../../db/schema';
import type { AdministrativeDocument } from './rules';

// The documents each body holds in the simulated world, for requests under the law of 1978: at least one of each kind
// a class should meet (given whole, given blacked out, refused on each ground, paper only, too fragile to copy, and one
// the body leaves unanswered, for the implicit refusal and the CADA). Fictitious, like the world; `concerns` names a
// persona by its seed key (db/seed/personas.ts).

export type HeldDocument = AdministrativeDocument & {
  agency: AgencyId;
  /** The body leaves requests for it unanswered (the scenario of the implicit refusal, then the CADA). */
  unanswered?: true;
};

export const heldDocuments: HeldDocument[] = [
  {
    agency: 'ville',
    id: 'ville-zones-stationnement',
    title: 'Délibération du conseil municipal créant les zones de stationnement résidentiel',
    format: 'electronique',
    pages: 6,
    state: 'acheve',
    parts: [
      { text: 'Le conseil municipal de Villeneuve-sur-Brenne crée trois zones de stationnement résidentiel, A, B et C.' },
      { text: 'La carte de résident est délivrée pour un an aux habitants dont la résidence principale est dans une zone, pour un véhicule immatriculé à leur adresse.' },
      { text: 'Le tarif résident est de 15 € par mois.' },
    ],
  },
  {
    agency: 'ville',
    id: 'ville-reunion-tanneurs',
    title: 'Compte rendu de la réunion publique sur la rue des Tanneurs',
    format: 'electronique',
    pages: 4,
    state: 'acheve',
    parts: [
      { text: 'Une quarantaine d’habitants sont venus à la réunion du 12 septembre, à la salle des fêtes.' },
      { text: 'Le maire présente le projet : la rue des Tanneurs deviendrait piétonne le samedi, de 9 h à 19 h.' },
      { text: 'Mme Jeanne Morel explique qu’elle ne peut plus marcher longtemps depuis son opération de la hanche, et demande une place réservée devant chez elle.', ground: 'secret_medical', concerns: 'jeanne-morel' },
      { text: 'Les commerçants demandent que les livraisons restent possibles avant 10 h. Le maire l’accepte.' },
    ],
  },
  {
    agency: 'ville',
    id: 'ville-permis-tilleuls',
    title: 'Permis de construire d’une véranda au 59 boulevard des Tilleuls',
    format: 'papier',
    pages: 12,
    state: 'acheve',
    parts: [
      { text: 'Le maire accorde le permis de construire une véranda de 18 m² au 59 boulevard des Tilleuls.' },
      { text: 'Le demandeur, M. Paul Bernard, a joint à son dossier son numéro de téléphone personnel et le plan intérieur de son logement.', ground: 'vie_privee', concerns: 'paul-bernard' },
      { text: 'Les travaux doivent commencer dans les trois ans.' },
    ],
  },
  {
    agency: 'ville',
    id: 'ville-etude-circulation',
    title: 'Étude de circulation du centre-ville',
    format: 'electronique',
    pages: 30,
    state: 'acheve',
    unanswered: true,
    parts: [
      { text: 'L’étude compte les passages de véhicules dans le centre-ville pendant deux semaines.' },
      { text: 'Elle propose de rendre la rue des Tanneurs piétonne le samedi.' },
    ],
  },
  {
    agency: 'ville',
    id: 'ville-rapport-securite-marche',
    title: 'Rapport de la police municipale sur la sécurité du marché de Noël',
    format: 'electronique',
    pages: 8,
    state: 'acheve',
    parts: [
      { text: 'Les points d’accès du marché et les horaires des patrouilles.', ground: 'securite_publique' },
      { text: 'Les emplacements des barrières anti-véhicules.', ground: 'securite_publique' },
    ],
  },
  {
    agency: 'ville',
    id: 'ville-projet-budget',
    title: 'Projet de budget de la ville pour l’an prochain',
    format: 'electronique',
    pages: 40,
    state: 'preparatoire',
    parts: [{ text: 'Premières hypothèses de recettes et de dépenses, avant le vote du conseil.' }],
  },
  {
    agency: 'ville',
    id: 'ville-registre-1890',
    title: 'Registre des délibérations de 1890',
    format: 'papier',
    pages: 220,
    state: 'acheve',
    fragile: true,
    parts: [{ text: 'Séance du 3 mars 1890 : le conseil décide de construire un lavoir près de la Brenne.' }],
  },
  {
    agency: 'caf',
    id: 'caf-reglement-action-sociale',
    title: 'Règlement intérieur d’action sociale de la CAF',
    format: 'electronique',
    pages: 20,
    state: 'acheve',
    parts: [
      { text: 'La CAF peut aider les familles qui traversent une difficulté passagère : un prêt ou une aide pour l’équipement du logement.' },
      { text: 'La demande se fait auprès d’un travailleur social.' },
    ],
  },
  {
    agency: 'caf',
    id: 'caf-controle-haddad',
    title: 'Rapport du contrôle du dossier de Mme Nadia Haddad',
    format: 'electronique',
    pages: 3,
    state: 'acheve',
    parts: [
      { text: 'Le contrôle a vérifié la composition du foyer de Mme Haddad et ses ressources des trois derniers mois.', ground: 'vie_privee', concerns: 'nadia-haddad' },
      { text: 'L’agent note que Mme Haddad a envoyé ses justificatifs avec deux semaines de retard.', ground: 'appreciation_personne', concerns: 'nadia-haddad' },
    ],
  },
  {
    agency: 'caf',
    id: 'caf-note-reforme',
    title: 'Note sur le nouveau calcul des aides au logement',
    format: 'electronique',
    pages: 5,
    state: 'inacheve',
    parts: [{ text: 'Brouillon : premières simulations du nouveau calcul.' }],
  },
  {
    agency: 'dgfip',
    id: 'dgfip-bareme',
    title: 'Brochure pratique : le barème de l’impôt sur le revenu',
    format: 'electronique',
    pages: 16,
    state: 'acheve',
    parts: [{ text: 'Le barème est progressif : chaque tranche de revenu a son taux, de 0 % à 45 %.' }],
  },
  {
    agency: 'dgfip',
    id: 'dgfip-programme-controle',
    title: 'Programme de contrôle fiscal du secteur de Villeneuve-sur-Brenne',
    format: 'electronique',
    pages: 10,
    state: 'acheve',
    parts: [{ text: 'Les entreprises et les secteurs qui seront contrôlés l’an prochain.', ground: 'recherche_infractions' }],
  },
  {
    agency: 'dgfip',
    id: 'dgfip-valeur-locative-lambert',
    title: 'Valeur locative du local commercial de la société de M. Hugo Lambert',
    format: 'papier',
    pages: 4,
    state: 'acheve',
    parts: [
      { text: 'Le local de 120 m², rue des Tanneurs, est classé dans la catégorie des ateliers.' },
      { text: 'Le chiffre d’affaires déclaré par la société et ses marges.', ground: 'secret_affaires', concerns: 'hugo-lambert' },
    ],
  },
];

/** The bodies one can ask, in the order of the form. */
export const documentHolders = [...new Set(heldDocuments.map((d) => d.agency))];

export const documentsOf = (agency: AgencyId) => heldDocuments.filter((d) => d.agency === agency);
export const heldDocument = (id: string) => heldDocuments.find((d) => d.id === id) ?? null;
