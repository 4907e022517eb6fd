import type { AgencyId } from '../schema';

// Reference data of the fictitious world. The communes and streets do not exist:
// department "00" and postal codes "00xxx" make it obvious.

export const agencyData: { id: AgencyId; name: string; shortName: string; mission: string }[] = [
  { id: 'dgfip', name: 'Direction générale des Finances publiques (simulée)', shortName: 'DGFiP', mission: 'Calcule et perçoit les impôts. Connaît l’adresse fiscale et les revenus déclarés.' },
  { id: 'siv', name: 'Système d’immatriculation des véhicules (simulé)', shortName: 'SIV', mission: 'Tient le registre des certificats d’immatriculation (cartes grises).' },
  { id: 'caf', name: 'Caisse d’allocations familiales (simulée)', shortName: 'CAF', mission: 'Verse les aides au logement, les allocations familiales, le RSA et la prime d’activité.' },
  { id: 'cpam', name: 'Caisse primaire d’assurance maladie (simulée)', shortName: 'CPAM', mission: 'Rembourse les soins et gère la carte Vitale.' },
  { id: 'france-travail', name: 'France Travail (simulé)', shortName: 'France Travail', mission: 'Accompagne les personnes qui cherchent un emploi (anciennement Pôle emploi, et ANPE avant lui).' },
  { id: 'retraite', name: 'Caisse de retraite (simulée)', shortName: 'Caisse de retraite', mission: 'Verse les pensions de retraite et de réversion.' },
  { id: 'la-poste', name: 'La Poste (simulée)', shortName: 'La Poste', mission: 'Distribue le courrier. La réexpédition du courrier est un service payant.' },
  { id: 'etat-civil', name: 'État civil des communes et service central pour les naissances à l’étranger (simulés)', shortName: 'État civil', mission: 'Tient les registres des naissances, mariages et décès, et délivre les actes.' },
  { id: 'ville', name: 'Ville de Villeneuve-sur-Brenne (fictive)', shortName: 'Ville', mission: 'Délivre la carte de stationnement résidentiel à ses habitants.' },
  { id: 'antai', name: 'Agence nationale de traitement automatisé des infractions (simulée)', shortName: 'ANTAI', mission: 'Envoie les avis de contravention, encaisse les amendes et transmet les contestations à l’officier du ministère public.' },
  { id: 'cada', name: 'Commission d’accès aux documents administratifs (simulée)', shortName: 'CADA', mission: 'Donne son avis quand une administration refuse de communiquer un document administratif.' },
];

export const communeData = [
  { code: '00101', name: 'Villeneuve-sur-Brenne', postalCode: '00100' },
  { code: '00102', name: 'Saint-Aubin-des-Prés', postalCode: '00210' },
  { code: '00103', name: 'Montclar-les-Vignes', postalCode: '00320' },
  { code: '00104', name: 'Bourg-Léger', postalCode: '00430' },
] as const;
export type CommuneCode = (typeof communeData)[number]['code'];

/** The register of births abroad (service central d'état civil, simulated). */
export const foreignBirthsRegistry = 'scec';
export const registryNames: Record<string, string> = {
  '00101': 'État civil de Villeneuve-sur-Brenne',
  '00102': 'État civil de Saint-Aubin-des-Prés',
  '00103': 'État civil de Montclar-les-Vignes',
  '00104': 'État civil de Bourg-Léger',
  [foreignBirthsRegistry]: 'Service central d’état civil (naissances à l’étranger, simulé)',
};

export const streetData: { communeCode: CommuneCode; name: string; firstNumber: number; lastNumber: number; parkingZone: string | null }[] = [
  { communeCode: '00101', name: 'rue des Tanneurs', firstNumber: 1, lastNumber: 80, parkingZone: 'A' },
  { communeCode: '00101', name: 'avenue de la Gare', firstNumber: 1, lastNumber: 150, parkingZone: 'A' },
  { communeCode: '00101', name: 'place du Marché', firstNumber: 1, lastNumber: 30, parkingZone: 'A' },
  { communeCode: '00101', name: 'rue Victor-Hugo', firstNumber: 1, lastNumber: 120, parkingZone: 'B' },
  { communeCode: '00101', name: 'boulevard des Tilleuls', firstNumber: 1, lastNumber: 200, parkingZone: 'B' },
  { communeCode: '00101', name: 'rue du Moulin', firstNumber: 1, lastNumber: 60, parkingZone: 'C' },
  { communeCode: '00101', name: 'allée des Cerisiers', firstNumber: 1, lastNumber: 40, parkingZone: null },
  { communeCode: '00101', name: 'chemin de la Brenne', firstNumber: 1, lastNumber: 90, parkingZone: null },
  { communeCode: '00102', name: 'rue de l’Église', firstNumber: 1, lastNumber: 50, parkingZone: null },
  { communeCode: '00102', name: 'route de Montclar', firstNumber: 1, lastNumber: 120, parkingZone: null },
  { communeCode: '00102', name: 'impasse des Lilas', firstNumber: 1, lastNumber: 20, parkingZone: null },
  { communeCode: '00103', name: 'Grand-Rue', firstNumber: 1, lastNumber: 90, parkingZone: null },
  { communeCode: '00103', name: 'rue des Vignerons', firstNumber: 1, lastNumber: 60, parkingZone: null },
  { communeCode: '00104', name: 'lieu-dit Les Essarts', firstNumber: 1, lastNumber: 15, parkingZone: null },
  { communeCode: '00104', name: 'route de la Forêt', firstNumber: 1, lastNumber: 40, parkingZone: null },
];

/** Countries of birth used in the world, with their code in the style of the COG (99xxx). */
export const countries = {
  france: { code: '99100', name: 'France' },
  senegal: { code: '99341', name: 'Sénégal' },
  portugal: { code: '99139', name: 'Portugal' },
  mali: { code: '99335', name: 'Mali' },
} as const;
