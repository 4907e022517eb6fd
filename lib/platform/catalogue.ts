import { z } from 'zod';
import { agencyIds, type AgencyId } from '../../db/schema';

// The État plateforme's catalogue: the data items each body can provide, and the habilitations
// (who may ask which items from whom, for which purpose, on which legal basis). In the real world
// habilitations are granted case by case (for API Particulier, through DataPass); here they are fixed data.

export const legalBases = ['consentement', 'mission_de_service_public'] as const;
export type LegalBasis = (typeof legalBases)[number];

export const dataItemSchema = z.object({
  id: z.string().regex(/^[a-z-]+\.[a-z_]+$/),
  fournisseur: z.enum(agencyIds),
  libelle: z.string().min(5),
  detail: z.string().min(5),
});
export type DataItem = z.infer<typeof dataItemSchema>;

export const dataItems: DataItem[] = [
  { id: 'dgfip.adresse_fiscale', fournisseur: 'dgfip', libelle: 'Adresse fiscale', detail: 'L’adresse déclarée aux impôts, et s’il s’agit de la résidence principale ou secondaire.' },
  { id: 'dgfip.revenu_fiscal_reference', fournisseur: 'dgfip', libelle: 'Revenu fiscal de référence', detail: 'Le revenu fiscal de référence et le nombre de parts du foyer, pour la dernière année déclarée.' },
  { id: 'siv.vehicules', fournisseur: 'siv', libelle: 'Véhicules immatriculés', detail: 'Pour chaque certificat d’immatriculation : le numéro, le titulaire et l’adresse inscrite sur le certificat.' },
  { id: 'siv.titulaire', fournisseur: 'siv', libelle: 'Titulaire d’un véhicule', detail: 'Pour une immatriculation donnée : le titulaire du certificat (une personne ou une société) et l’adresse inscrite dessus.' },
  { id: 'caf.prestations', fournisseur: 'caf', libelle: 'Prestations de la CAF', detail: 'Les prestations versées et leur montant mensuel.' },
  { id: 'cpam.droits', fournisseur: 'cpam', libelle: 'Droits à l’Assurance maladie', detail: 'Si la personne est bien assurée, et sa caisse de rattachement.' },
  { id: 'france-travail.inscription', fournisseur: 'france-travail', libelle: 'Inscription à France Travail', detail: 'Si la personne est inscrite comme demandeuse d’emploi, depuis quand et dans quelle catégorie.' },
  { id: 'retraite.pension', fournisseur: 'retraite', libelle: 'Pension de retraite', detail: 'Le type de pension versée (droit propre ou réversion) et son montant mensuel.' },
  { id: 'etat-civil.acte_naissance', fournisseur: 'etat-civil', libelle: 'Données de l’acte de naissance', detail: 'Nom, prénoms, date et lieu de naissance, filiation et mentions inscrites sur l’acte.' },
  { id: 'la-poste.adresse', fournisseur: 'la-poste', libelle: 'Adresse de distribution', detail: 'L’adresse où La Poste distribue le courrier de la personne.' },
];

export const purposes = {
  carte_stationnement_residentiel: 'Délivrer la carte de stationnement résidentiel',
  calcul_prestations: 'Calculer le droit aux prestations sociales',
  pension_reversion: 'Instruire une demande de pension de réversion',
  prime_activite: 'Calculer la prime d’activité',
  contravention: 'Envoyer un avis de contravention au titulaire du véhicule',
} as const;
export type Purpose = keyof typeof purposes;

export const habilitationSchema = z.object({
  consommateur: z.enum(agencyIds),
  fournisseur: z.enum(agencyIds),
  donnees: z.array(z.string()).min(1),
  finalite: z.enum(Object.keys(purposes) as [Purpose, ...Purpose[]]),
  base_legale: z.enum(legalBases),
  justification: z.string().min(10),
});
export type Habilitation = z.infer<typeof habilitationSchema>;

export const habilitations: Habilitation[] = [
  {
    consommateur: 'ville', fournisseur: 'dgfip', donnees: ['dgfip.adresse_fiscale'], finalite: 'carte_stationnement_residentiel', base_legale: 'consentement',
    justification: 'La ville vérifie que la personne habite dans la zone, à titre de résidence principale, seulement si elle l’accepte.',
  },
  {
    consommateur: 'ville', fournisseur: 'siv', donnees: ['siv.vehicules'], finalite: 'carte_stationnement_residentiel', base_legale: 'consentement',
    justification: 'La ville vérifie qu’un véhicule est immatriculé au nom de la personne, à son adresse, seulement si elle l’accepte.',
  },
  {
    consommateur: 'caf', fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], finalite: 'calcul_prestations', base_legale: 'mission_de_service_public',
    justification: 'La loi permet à la CAF de connaître les revenus déclarés pour calculer les aides, sans les redemander.',
  },
  {
    consommateur: 'caf', fournisseur: 'france-travail', donnees: ['france-travail.inscription'], finalite: 'calcul_prestations', base_legale: 'mission_de_service_public',
    justification: 'Certaines aides dépendent de l’inscription comme demandeur d’emploi : la CAF la vérifie directement.',
  },
  {
    consommateur: 'caf', fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], finalite: 'prime_activite', base_legale: 'mission_de_service_public',
    justification: 'Pour la prime d’activité, la CAF pré-remplit la demande avec les revenus déclarés aux impôts : la personne les vérifie au lieu de les chercher.',
  },
  {
    consommateur: 'caf', fournisseur: 'france-travail', donnees: ['france-travail.inscription'], finalite: 'prime_activite', base_legale: 'mission_de_service_public',
    justification: 'Pour la prime d’activité, la CAF vérifie directement si la personne est inscrite comme demandeuse d’emploi.',
  },
  {
    consommateur: 'antai', fournisseur: 'siv', donnees: ['siv.titulaire'], finalite: 'contravention', base_legale: 'mission_de_service_public',
    justification: 'Le code de la route permet à l’ANTAI de connaître le titulaire d’un véhicule contrôlé par un radar, pour lui envoyer l’avis de contravention à l’adresse de sa carte grise.',
  },
  {
    consommateur: 'retraite', fournisseur: 'etat-civil', donnees: ['etat-civil.acte_naissance'], finalite: 'pension_reversion', base_legale: 'mission_de_service_public',
    justification: 'La caisse de retraite vérifie l’état civil (mariage, décès) sans demander d’acte papier à la personne.',
  },
];

/** The habilitation that allows a consumer to ask these items from this provider for this purpose, if any. */
export function findHabilitation(consumer: AgencyId, provider: AgencyId, items: string[], purpose: string): Habilitation | null {
  return (
    habilitations.find(
      (h) => h.consommateur === consumer && h.fournisseur === provider && h.finalite === purpose && items.length > 0 && items.every((item) => h.donnees.includes(item)),
    ) ?? null
  );
}

export const legalBasisLabels: Record<LegalBasis, string> = {
  consentement: 'Votre accord (consentement)',
  mission_de_service_public: 'La loi (mission de service public)',
};
