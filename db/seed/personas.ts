import type { DigitalProfile } from '../schema';
import { countries, type CommuneCode } from './reference-data';

// The personas of the seeded world: fictitious people, each with a scenario card and the
// records each body holds about them. Addresses at a body default to where the person lives;
// an `address` given for a body is that body's out-of-date copy (a deliberate inconsistency).

export type Address = { line: string; commune: CommuneCode };
type Born = { commune: CommuneCode } | { abroad: { city: string; country: keyof typeof countries } };

export type PersonaSeed = {
  key: string;
  givenNames: string;
  familyName: string;
  /** Nom d'usage (e.g. a married name), when different from the birth name. */
  preferredName?: string;
  gender: 'female' | 'male';
  birthdate: string;
  born: Born;
  phone: string;
  address: Address;
  occupation: string;
  digitalProfile: DigitalProfile;
  /**
   * What the student reads. `moveTo`: the new address of someone who moves; `actOf`: the person whose birth act is
   * asked when it is not the persona's own. Both are shown on the card as facts the forms need (lib/classroom/cards.ts).
   */
  card: {
    title: string;
    situation: string;
    goal: string;
    constraints: string;
    moveTo?: Address;
    actOf?: { link: 'enfant' | 'parent' | 'conjoint'; familyName: string; givenNames: string };
    /** The administrative document asked for (lib/procedures/document-access/documents.ts) and how. */
    documentOf?: { document: string; mode: 'consultation' | 'courriel' | 'copie' };
    /** What the prime d'activité's form needs from the person: who lives with them, the last three months' pay, other income. */
    bonusOf?: { persons: number; household: string; earnings: [number, number, number]; other: number };
    /**
     * The card in the fines preset (lib/procedures/fines): the notice the radars send this person, what they know about
     * it and what to do; `proof`, the fictitious file they join to a contestation (downloaded from their notices).
     */
    fineOf?: { title: string; situation: string; goal: string; constraints: string; facts: { label: string; value: string }[]; proof?: 'recepisse_plainte' };
    /** The card in the identity documents' preset: the title to ask for, and what its pre-request needs. */
    idOf?: { title: string; situation: string; goal: string; constraints: string; facts: { label: string; value: string }[] };
  };
  birthAct: { actNumber: number; year?: number; time: string; father: string | null; mother: string | null; notes?: string[] };
  dgfip?: { address?: Address; residenceType?: 'principale' | 'secondaire'; parts: number; income: number; lastReturnYear?: number };
  siv?: { registration: string; make: string; model: string; firstRegisteredOn: string; address?: Address; company?: string }[];
  caf?: { address?: Address; familySituation: string; benefits: string[]; amount: number };
  cpam?: { address?: Address; doctor?: string };
  franceTravail?: { address?: Address; registeredOn: string; category: string; adviser: string };
  retraite?: { address?: Address; kind: 'droit_propre' | 'reversion'; amount: number; startedOn: string };
  laPoste?: { address?: Address; forwarding?: boolean };
  parkingCard?: { registration: string; zone: string; validFrom: string; validUntil: string };
};

const at = (line: string, commune: CommuneCode): Address => ({ line, commune });

export const personaSeeds: PersonaSeed[] = [
  {
    key: 'lea-martin', givenNames: 'Léa Camille', familyName: 'Martin', gender: 'female', birthdate: '2006-03-14',
    born: { commune: '00101' }, phone: '06 00 00 01 01', address: at('8 rue du Moulin', '00101'),
    occupation: 'Étudiante en BTS', digitalProfile: 'autonome',
    card: {
      title: 'Premier appartement',
      situation: 'Vous avez 20 ans. Vous venez de quitter la maison de vos parents à Saint-Aubin-des-Prés pour un studio à Villeneuve-sur-Brenne, près de votre lycée.',
      goal: 'Déclarer votre nouvelle adresse, en une seule fois, aux organismes qui vous connaissent.',
      constraints: 'Vous ne savez pas quels organismes ont votre adresse. Les impôts ne vous connaissent pas encore : vous êtes sur la déclaration de vos parents.',
      moveTo: at('8 rue du Moulin', '00101'),
    },
    birthAct: { actNumber: 112, time: '04:35', father: 'Philippe Martin', mother: 'Nathalie Martin, née Royer' },
    caf: { address: at('14 route de Montclar', '00102'), familySituation: 'Célibataire', benefits: ['Aide personnalisée au logement (demande en cours)'], amount: 0 },
    cpam: { address: at('14 route de Montclar', '00102'), doctor: 'Dr Anne Leclerc' },
    laPoste: { address: at('14 route de Montclar', '00102') },
  },
  {
    key: 'karim-benali', givenNames: 'Karim', familyName: 'Benali', gender: 'male', birthdate: '1991-07-02',
    born: { commune: '00101' }, phone: '06 00 00 01 02', address: at('24 rue des Tanneurs', '00101'),
    occupation: 'Infirmier', digitalProfile: 'autonome',
    card: {
      title: 'Se garer près de chez soi',
      situation: 'Vous habitez rue des Tanneurs, dans la zone A de stationnement. Vous travaillez de nuit à l’hôpital et vous cherchez une place chaque matin.',
      goal: 'Obtenir la carte de stationnement résidentiel en ligne.',
      constraints: 'Aucune : vos informations sont à jour partout. Observez ce que la ville demande aux impôts et au registre des cartes grises.',
    },
    birthAct: { actNumber: 287, time: '16:10', father: 'Mourad Benali', mother: 'Samia Benali, née Kaci' },
    dgfip: { parts: 1, income: 31200 },
    siv: [{ registration: 'GH-482-KT', make: 'Renault', model: 'Clio', firstRegisteredOn: '2019-05-17' }],
    cpam: { doctor: 'Dr Marc Olivier' },
    laPoste: {},
  },
  {
    key: 'sophie-lefebvre', givenNames: 'Sophie Marie', familyName: 'Lefebvre', gender: 'female', birthdate: '1985-11-30',
    born: { commune: '00103' }, phone: '06 00 00 01 03', address: at('57 boulevard des Tilleuls', '00101'),
    occupation: 'Comptable', digitalProfile: 'autonome',
    card: {
      title: 'Une carte grise oubliée',
      situation: 'Vous avez emménagé en août boulevard des Tilleuls, à Villeneuve-sur-Brenne (zone B). Vous avez déjà donné votre nouvelle adresse aux impôts.',
      goal: 'Obtenir la carte de stationnement résidentiel pour votre voiture.',
      constraints: 'Votre carte grise porte encore votre ancienne adresse à Montclar-les-Vignes. Vous ne le savez pas encore.',
    },
    birthAct: { actNumber: 41, time: '09:20', father: 'Didier Lefebvre', mother: 'Brigitte Lefebvre, née Caron' },
    dgfip: { parts: 2.5, income: 52800 },
    siv: [{ registration: 'FN-215-PL', make: 'Peugeot', model: '208', firstRegisteredOn: '2018-09-03', address: at('3 Grand-Rue', '00103') }],
    caf: { address: at('3 Grand-Rue', '00103'), familySituation: 'Mariée, 2 enfants', benefits: ['Allocations familiales'], amount: 151 },
    cpam: { address: at('3 Grand-Rue', '00103'), doctor: 'Dr Paul Henriot' },
    laPoste: { forwarding: true },
  },
  {
    key: 'thomas-girard', givenNames: 'Thomas', familyName: 'Girard', gender: 'male', birthdate: '1998-05-21',
    born: { commune: '00102' }, phone: '06 00 00 01 04', address: at('5 impasse des Lilas', '00102'),
    occupation: 'Demandeur d’emploi (cuisinier)', digitalProfile: 'autonome',
    card: {
      title: 'Un nouveau départ',
      situation: 'Vous cherchez un emploi de cuisinier. Vous emménagez ces jours-ci au 12 rue Victor-Hugo, à Villeneuve-sur-Brenne.',
      goal: 'Prévenir en une seule fois France Travail, la CAF, l’Assurance maladie et les impôts.',
      constraints: 'Votre RSA dépend de votre adresse : un oubli peut retarder un versement.',
      moveTo: at('12 rue Victor-Hugo', '00101'),
      idOf: {
        title: 'Une carte perdue',
        situation: 'Vous avez perdu votre portefeuille au marché, avec votre carte d’identité. Vous en avez besoin pour signer un contrat de travail.',
        goal: 'Refaire votre carte d’identité : pré-demande, rendez-vous au plus tôt, puis retrait en mairie.',
        constraints: 'Une carte perdue se remplace contre un timbre fiscal de 25 €. La mairie de votre ville est pleine pour des jours : une autre est peut-être plus rapide.',
        facts: [
          { label: 'Le titre', value: 'une carte d’identité, pour vous, après une perte' },
          { label: 'Votre taille', value: '178 cm' },
          { label: 'Vos yeux', value: 'verts' },
        ],
      },
    },
    birthAct: { actNumber: 18, time: '22:05', father: 'Laurent Girard', mother: 'Sandrine Girard, née Petitjean' },
    dgfip: { parts: 1, income: 9800 },
    caf: { familySituation: 'Célibataire', benefits: ['Revenu de solidarité active'], amount: 646 },
    cpam: {},
    franceTravail: { registeredOn: '2026-03-02', category: 'Catégorie A', adviser: 'Mme Carpentier' },
    laPoste: {},
  },
  {
    key: 'nadia-haddad', givenNames: 'Nadia', familyName: 'Haddad', gender: 'female', birthdate: '1987-02-09',
    born: { commune: '00103' }, phone: '06 00 00 01 05', address: at('31 avenue de la Gare', '00101'),
    occupation: 'Aide-soignante', digitalProfile: 'autonome',
    card: {
      title: 'Un passeport pour Inès',
      situation: 'Vous avez deux enfants, Inès (née en 2015 à Montclar-les-Vignes) et Yanis. Vous préparez le passeport d’Inès pour un voyage scolaire.',
      goal: 'Demander un extrait d’acte de naissance avec filiation pour votre fille Inès.',
      constraints: 'Vous n’avez que votre pause de midi. Inès est née dans une autre commune que celle où vous vivez.',
      actOf: { link: 'enfant', familyName: 'Haddad', givenNames: 'Inès Sarah' },
      idOf: {
        title: 'Le premier passeport d’Inès',
        situation: 'Votre fille Inès, 11 ans, part en voyage scolaire à Londres au printemps. Elle n’a jamais eu de passeport.',
        goal: 'Faire la pré-demande du premier passeport d’Inès, prendre rendez-vous en mairie, puis aller le chercher.',
        constraints: 'Inès doit venir au rendez-vous avec vous. Le passeport d’un enfant de moins de 15 ans coûte 17 €, en timbre fiscal.',
        facts: [
          { label: 'Le titre', value: 'un passeport, une première demande, pour votre enfant' },
          { label: 'Son nom', value: 'Haddad' },
          { label: 'Ses prénoms', value: 'Inès Sarah' },
          { label: 'Sa date de naissance', value: '18/06/2015' },
          { label: 'Sa taille', value: '142 cm' },
          { label: 'Ses yeux', value: 'marron' },
        ],
      },
    },
    birthAct: { actNumber: 12, time: '11:45', father: 'Rachid Haddad', mother: 'Fatima Haddad, née Bensaïd' },
    dgfip: { parts: 2.5, income: 34500 },
    caf: { familySituation: 'Mariée, 2 enfants', benefits: ['Allocations familiales'], amount: 151 },
    cpam: { doctor: 'Dr Marc Olivier' },
    laPoste: {},
  },
  {
    key: 'marcel-dupuis', givenNames: 'Marcel André', familyName: 'Dupuis', gender: 'male', birthdate: '1938-04-11',
    born: { commune: '00104' }, phone: '05 00 00 01 06', address: at('2 route de la Forêt', '00104'),
    occupation: 'Agriculteur retraité', digitalProfile: 'jamais_internet',
    card: {
      title: 'Jamais d’ordinateur',
      situation: 'Vous avez 88 ans. Vous allez vivre à la résidence autonomie du 12 place du Marché, à Villeneuve-sur-Brenne. Vous n’avez jamais utilisé Internet.',
      goal: 'Signaler votre nouvelle adresse à votre caisse de retraite, à l’Assurance maladie et aux impôts.',
      constraints: 'Vous n’avez ni ordinateur ni smartphone. Vous pouvez vous faire aider par un ou une aidante de France Services, ou aller au guichet.',
      moveTo: at('12 place du Marché', '00101'),
    },
    birthAct: { actNumber: 7, time: '05:00', father: 'Joseph Dupuis', mother: 'Marie Dupuis, née Lemaire', notes: ['Marié le 18 mai 1962 à Bourg-Léger avec Odette Vidal.'] },
    dgfip: { parts: 1, income: 12400 },
    cpam: { doctor: 'Dr Simone Roux' },
    retraite: { kind: 'droit_propre', amount: 1040, startedOn: '1998-05-01' },
    laPoste: {},
  },
  {
    key: 'jeanne-morel', givenNames: 'Jeanne', familyName: 'Morel', gender: 'female', birthdate: '1953-09-02',
    born: { commune: '00102' }, phone: '05 00 00 01 07', address: at('18 rue de l’Église', '00102'),
    occupation: 'Professeure des écoles retraitée', digitalProfile: 'peu_a_l_aise',
    card: {
      title: 'Se rapprocher de sa fille',
      situation: 'Vous avez 73 ans. Vous partez vivre chez votre fille, 9 rue Victor-Hugo à Villeneuve-sur-Brenne.',
      goal: 'Déclarer votre déménagement à votre caisse de retraite, à l’Assurance maladie, aux impôts et à La Poste.',
      constraints: 'Vous utilisez un peu Internet pour vos courriels, mais les démarches vous inquiètent.',
      moveTo: at('9 rue Victor-Hugo', '00101'),
    },
    birthAct: { actNumber: 23, time: '13:30', father: 'René Morel', mother: 'Paulette Morel, née Lambert' },
    dgfip: { parts: 1, income: 21900 },
    cpam: { doctor: 'Dr Anne Leclerc' },
    retraite: { kind: 'droit_propre', amount: 1870, startedOn: '2014-09-01' },
    laPoste: {},
  },
  {
    key: 'amadou-diallo', givenNames: 'Amadou', familyName: 'Diallo', gender: 'male', birthdate: '1994-01-25',
    born: { abroad: { city: 'Dakar', country: 'senegal' } }, phone: '06 00 00 01 08', address: at('72 avenue de la Gare', '00101'),
    occupation: 'Technicien de maintenance', digitalProfile: 'autonome',
    card: {
      title: 'Né à Dakar',
      situation: 'Vous êtes né au Sénégal et vous êtes devenu français en 2020. Vous vous mariez au printemps à Villeneuve-sur-Brenne.',
      goal: 'Demander la copie intégrale de votre acte de naissance pour le dossier de mariage.',
      constraints: 'Votre acte n’est pas tenu par une mairie française : cherchez qui le conserve.',
    },
    birthAct: { actNumber: 5312, year: 2020, time: '08:15', father: 'Ousmane Diallo', mother: 'Aïssatou Diallo, née Sow' },
    dgfip: { parts: 1, income: 27300 },
    siv: [{ registration: 'DK-774-AS', make: 'Toyota', model: 'Yaris', firstRegisteredOn: '2021-02-11' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'lucas-petit', givenNames: 'Lucas', familyName: 'Petit', gender: 'male', birthdate: '2003-08-08',
    born: { commune: '00101' }, phone: '06 00 00 01 09', address: at('4 lieu-dit Les Essarts', '00104'),
    occupation: 'Apprenti mécanicien', digitalProfile: 'zone_blanche',
    card: {
      title: 'Pas de réseau à la maison',
      situation: 'Vous vivez dans un hameau de Bourg-Léger. Le réseau mobile passe mal et il n’y a pas de fibre.',
      goal: 'Demander un extrait de votre acte de naissance pour votre inscription à l’examen.',
      constraints: 'La connexion coupe souvent : vous devez pouvoir reprendre votre demande sans tout retaper.',
    },
    birthAct: { actNumber: 198, time: '19:50', father: 'Franck Petit', mother: 'Céline Petit, née Masson' },
    dgfip: { parts: 1, income: 11000 },
    siv: [{ registration: 'BX-309-LG', make: 'Peugeot', model: '206', firstRegisteredOn: '2007-06-29' }],
    caf: { familySituation: 'Célibataire', benefits: ['Prime d’activité'], amount: 187 },
    cpam: {},
  },
  {
    key: 'claire-rousseau', givenNames: 'Claire', familyName: 'Rousseau', gender: 'female', birthdate: '1981-12-05',
    born: { commune: '00102' }, phone: '06 00 00 01 10', address: at('40 rue Victor-Hugo', '00101'),
    occupation: 'Agente d’entretien', digitalProfile: 'lecture_difficile',
    card: {
      title: 'Les longs textes, c’est difficile',
      situation: 'Vous venez de déménager de Saint-Aubin-des-Prés à Villeneuve-sur-Brenne. Lire de longs textes vous demande beaucoup d’effort.',
      goal: 'Déclarer votre nouvelle adresse à la CAF, à l’Assurance maladie et aux impôts.',
      constraints: 'Utilisez le mode simplifié et la lecture à voix haute si vous en avez besoin.',
      moveTo: at('40 rue Victor-Hugo', '00101'),
    },
    birthAct: { actNumber: 64, time: '07:25', father: 'Alain Rousseau', mother: 'Martine Rousseau, née Gilbert' },
    dgfip: { address: at('6 route de Montclar', '00102'), parts: 1.5, income: 16800 },
    caf: { address: at('6 route de Montclar', '00102'), familySituation: 'Séparée, 1 enfant', benefits: ['Prime d’activité'], amount: 214 },
    cpam: { address: at('6 route de Montclar', '00102') },
    laPoste: {},
  },
  {
    key: 'paul-bernard', givenNames: 'Paul', familyName: 'Bernard', gender: 'male', birthdate: '1973-06-17',
    born: { commune: '00103' }, phone: '06 00 00 01 11', address: at('3 place du Marché', '00101'),
    occupation: 'Standardiste', digitalProfile: 'deficience_visuelle',
    card: {
      title: 'Avec un lecteur d’écran',
      situation: 'Vous êtes aveugle. Vous naviguez sur Internet avec un lecteur d’écran et le clavier.',
      goal: 'Demander un extrait avec filiation de votre acte de naissance pour renouveler votre carte d’identité.',
      constraints: 'Un site mal conçu peut vous bloquer : notez chaque difficulté rencontrée.',
    },
    birthAct: { actNumber: 58, time: '10:40', father: 'Henri Bernard', mother: 'Josiane Bernard, née Colin' },
    dgfip: { parts: 1, income: 19600 },
    caf: { familySituation: 'Célibataire', benefits: ['Allocation aux adultes handicapés'], amount: 412 },
    cpam: { doctor: 'Dr Paul Henriot' },
    laPoste: {},
  },
  {
    key: 'julie-fontaine', givenNames: 'Julie', familyName: 'Fontaine', gender: 'female', birthdate: '2002-10-03',
    born: { commune: '00101' }, phone: '06 00 00 01 12', address: at('15 rue des Tanneurs', '00101'),
    occupation: 'Développeuse web', digitalProfile: 'autonome',
    card: {
      title: 'Inconnue des impôts',
      situation: 'Vous avez votre premier emploi depuis six mois. Vous n’avez encore jamais fait votre propre déclaration de revenus.',
      goal: 'Obtenir la carte de stationnement résidentiel pour votre voiture.',
      constraints: 'Les impôts n’ont pas de dossier à votre nom : la ville ne pourra pas vérifier votre adresse par ce moyen.',
    },
    birthAct: { actNumber: 301, time: '12:00', father: 'Éric Fontaine', mother: 'Valérie Fontaine, née Duval' },
    siv: [{ registration: 'HB-903-XR', make: 'Citroën', model: 'C3', firstRegisteredOn: '2016-04-22' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'antoine-mercier', givenNames: 'Antoine', familyName: 'Mercier', gender: 'male', birthdate: '1989-04-27',
    born: { commune: '00102' }, phone: '06 00 00 01 13', address: at('11 allée des Cerisiers', '00101'),
    occupation: 'Commercial', digitalProfile: 'autonome',
    card: {
      title: 'Juste à côté de la zone',
      situation: 'Vous habitez allée des Cerisiers, à Villeneuve-sur-Brenne, à deux rues du centre.',
      goal: 'Demander la carte de stationnement résidentiel.',
      constraints: 'Toutes les rues ne sont pas dans une zone de stationnement résidentiel.',
    },
    birthAct: { actNumber: 37, time: '03:15', father: 'Gilles Mercier', mother: 'Sylvie Mercier, née Perrot' },
    dgfip: { parts: 1, income: 38900 },
    siv: [{ registration: 'EZ-561-QN', make: 'Volkswagen', model: 'Golf', firstRegisteredOn: '2017-11-08' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'ines-garcia', givenNames: 'Inês', familyName: 'Garcia', gender: 'female', birthdate: '1996-07-12',
    born: { abroad: { city: 'Porto', country: 'portugal' } }, phone: '06 00 00 01 14', address: at('26 boulevard des Tilleuls', '00101'),
    occupation: 'Kinésithérapeute', digitalProfile: 'autonome',
    card: {
      title: 'Née à Porto, installée ici',
      situation: 'Vous êtes née au Portugal d’une mère française. Vous venez de quitter Montclar-les-Vignes pour Villeneuve-sur-Brenne.',
      goal: 'Déclarer votre nouvelle adresse, puis demander un extrait de votre acte de naissance.',
      constraints: 'Votre acte de naissance est conservé par le service central pour les Français nés à l’étranger.',
      moveTo: at('26 boulevard des Tilleuls', '00101'),
    },
    birthAct: { actNumber: 8841, year: 2001, time: '15:55', father: 'João Garcia', mother: 'Hélène Garcia, née Dumas' },
    dgfip: { address: at('12 rue des Vignerons', '00103'), parts: 1, income: 33400 },
    cpam: { address: at('12 rue des Vignerons', '00103') },
    laPoste: { address: at('12 rue des Vignerons', '00103') },
  },
  {
    key: 'hugo-lambert', givenNames: 'Hugo', familyName: 'Lambert', gender: 'male', birthdate: '1990-02-14',
    born: { commune: '00101' }, phone: '06 00 00 01 15', address: at('88 avenue de la Gare', '00101'),
    occupation: 'Artisan plombier', digitalProfile: 'autonome',
    card: {
      title: 'Une camionnette de société',
      situation: 'Vous êtes plombier à votre compte. Votre seul véhicule est la camionnette de votre entreprise.',
      goal: 'Obtenir une carte de stationnement résidentiel pour la camionnette.',
      constraints: 'La carte grise est au nom de votre société, pas au vôtre.',
      fineOf: {
        title: 'Le radar de l’avenue de la Gare',
        situation: 'Un radar a flashé la camionnette de votre entreprise avenue de la Gare, à 57 km/h au lieu de 50. C’est vous qui conduisiez, en rentrant d’un chantier.',
        goal: 'Désigner le conducteur au nom de votre société (vous-même), puis payer l’avis qui arrive alors à votre nom.',
        constraints: 'Une société doit toujours dire qui conduisait, même quand c’est son gérant ; sinon elle paie en plus une amende pour non-désignation, bien plus chère.',
        facts: [{ label: 'Qui conduisait', value: 'vous, Hugo Lambert, gérant de Lambert Plomberie SARL' }],
      },
    },
    birthAct: { actNumber: 54, time: '18:05', father: 'Serge Lambert', mother: 'Corinne Lambert, née Faure' },
    dgfip: { parts: 1, income: 29800 },
    siv: [{ registration: 'FT-128-HP', make: 'Renault', model: 'Kangoo Van', firstRegisteredOn: '2020-01-15', company: 'Lambert Plomberie SARL' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'yasmine-cherif', givenNames: 'Yasmine', familyName: 'Chérif', preferredName: 'Roche', gender: 'female', birthdate: '1997-05-03',
    born: { commune: '00103' }, phone: '06 00 00 01 16', address: at('7 rue du Moulin', '00101'),
    occupation: 'Chargée de communication', digitalProfile: 'autonome',
    card: {
      title: 'Achat d’un appartement',
      situation: 'Vous vous êtes mariée en 2024 et vous utilisez le nom de votre époux, Roche. Vous achetez un appartement.',
      goal: 'Demander la copie intégrale de votre acte de naissance pour le notaire.',
      constraints: 'Votre acte porte votre nom de naissance, Chérif, et la mention de votre mariage.',
      idOf: {
        title: 'Roche sur la carte',
        situation: 'Vous vous êtes mariée en 2024 et vous utilisez le nom de votre époux, Roche. Votre carte d’identité ne porte que « Chérif », et elle expire dans deux mois.',
        goal: 'Renouveler votre carte d’identité en y faisant inscrire votre nom d’usage, Roche.',
        constraints: 'Le nom d’usage s’ajoute à votre nom de naissance : il ne le remplace pas. La carte est gratuite.',
        facts: [
          { label: 'Le titre', value: 'une carte d’identité, pour vous, pour un changement d’état civil' },
          { label: 'Votre taille', value: '165 cm' },
          { label: 'Vos yeux', value: 'noisette' },
          { label: 'Votre nom d’usage', value: 'Roche' },
        ],
      },
    },
    birthAct: { actNumber: 29, time: '06:40', father: 'Nordine Chérif', mother: 'Leïla Chérif, née Amrani', notes: ['Mariée le 14 septembre 2024 à Villeneuve-sur-Brenne avec Julien Roche.'] },
    dgfip: { parts: 2, income: 61200 },
    siv: [{ registration: 'GA-842-YC', make: 'Fiat', model: '500', firstRegisteredOn: '2021-07-01' }],
    cpam: {},
    laPoste: {},
    parkingCard: { registration: 'GA-842-YC', zone: 'C', validFrom: '2026-04-01', validUntil: '2027-03-31' },
  },
  {
    key: 'gerard-blanc', givenNames: 'Gérard', familyName: 'Blanc', gender: 'male', birthdate: '1960-10-19',
    born: { commune: '00104' }, phone: '06 00 00 01 17', address: at('66 rue Victor-Hugo', '00101'),
    occupation: 'Retraité (ancien conducteur de bus)', digitalProfile: 'autonome',
    card: {
      title: 'Retraite à la campagne',
      situation: 'Vous êtes à la retraite depuis 2025. Vous partez vivre ces jours-ci au 30 route de Montclar, à Saint-Aubin-des-Prés.',
      goal: 'Déclarer votre nouvelle adresse à tous vos organismes, y compris pour la carte grise.',
      constraints: 'Vous voulez aussi faire suivre votre courrier : La Poste propose ce service, mais il est payant.',
      moveTo: at('30 route de Montclar', '00102'),
    },
    birthAct: { actNumber: 31, time: '14:20', father: 'Marcel Blanc', mother: 'Yvette Blanc, née Morin' },
    dgfip: { parts: 2, income: 30100 },
    siv: [{ registration: 'DR-447-GB', make: 'Skoda', model: 'Octavia', firstRegisteredOn: '2015-03-30' }],
    cpam: { doctor: 'Dr Simone Roux' },
    retraite: { kind: 'droit_propre', amount: 1680, startedOn: '2025-11-01' },
    laPoste: {},
  },
  {
    key: 'manon-david', givenNames: 'Manon', familyName: 'David', gender: 'female', birthdate: '1995-08-24',
    born: { commune: '00101' }, phone: '06 00 00 01 18', address: at('19 chemin de la Brenne', '00101'),
    occupation: 'Vendeuse à temps partiel', digitalProfile: 'autonome',
    card: {
      title: 'Seule avec Léo',
      situation: 'Vous élevez seule votre fils Léo, né en 2021. Vous emménagez dans un logement plus grand au 44 rue du Moulin, à Villeneuve-sur-Brenne.',
      goal: 'Prévenir la CAF, France Travail, l’Assurance maladie et les impôts de votre nouvelle adresse.',
      constraints: 'Vos aides dépendent de votre logement : la CAF doit avoir la bonne adresse.',
      moveTo: at('44 rue du Moulin', '00101'),
    },
    birthAct: { actNumber: 240, time: '21:35', father: 'Christophe David', mother: 'Isabelle David, née Renard' },
    dgfip: { parts: 2, income: 14200 },
    caf: { familySituation: 'Parent isolé, 1 enfant', benefits: ['Aide personnalisée au logement', 'Prestation d’accueil du jeune enfant'], amount: 412 },
    cpam: {},
    franceTravail: { registeredOn: '2026-01-12', category: 'Catégorie B', adviser: 'M. Benoît' },
    laPoste: {},
  },
  {
    key: 'olivier-chevalier', givenNames: 'Olivier', familyName: 'Chevalier', gender: 'male', birthdate: '1976-01-09',
    born: { commune: '00102' }, phone: '06 00 00 01 19', address: at('45 boulevard des Tilleuls', '00101'),
    occupation: 'Conseiller bancaire', digitalProfile: 'autonome',
    card: {
      title: 'La succession de sa mère',
      situation: 'Votre mère, Monique Chevalier, née Vasseur à Montclar-les-Vignes en 1948, est décédée en septembre.',
      goal: 'Demander la copie intégrale de l’acte de naissance de votre mère pour le notaire.',
      constraints: 'Ce n’est pas votre acte : vous devez indiquer votre lien avec elle.',
      actOf: { link: 'parent', familyName: 'Vasseur', givenNames: 'Monique Odile' },
    },
    birthAct: { actNumber: 4, time: '02:50', father: 'Jean Chevalier', mother: 'Monique Chevalier, née Vasseur' },
    dgfip: { parts: 3, income: 71500 },
    siv: [{ registration: 'FL-390-OC', make: 'Peugeot', model: '3008', firstRegisteredOn: '2019-10-10' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'fatou-ndiaye', givenNames: 'Fatou', familyName: 'Ndiaye', gender: 'female', birthdate: '1970-03-28',
    born: { abroad: { city: 'Bamako', country: 'mali' } }, phone: '06 00 00 01 20', address: at('12 rue des Vignerons', '00103'),
    occupation: 'Auxiliaire de vie', digitalProfile: 'peu_a_l_aise',
    card: {
      title: 'D’habitude, ma fille m’aide',
      situation: 'Vous êtes née au Mali et vous êtes française depuis 2005. D’habitude, votre fille fait vos démarches en ligne, mais elle est partie étudier loin.',
      goal: 'Demander un extrait plurilingue de votre acte de naissance.',
      constraints: 'Vous n’êtes pas à l’aise avec les sites administratifs. France Services peut vous aider.',
    },
    birthAct: { actNumber: 2210, year: 2005, time: '17:30', father: 'Mamadou Ndiaye', mother: 'Awa Ndiaye, née Traoré' },
    dgfip: { parts: 1, income: 17900 },
    caf: { familySituation: 'Veuve', benefits: ['Aide personnalisée au logement'], amount: 233 },
    cpam: {},
    laPoste: {},
  },
  {
    key: 'chloe-fabre', givenNames: 'Chloé', familyName: 'Fabre', gender: 'female', birthdate: '2001-12-11',
    born: { commune: '00103' }, phone: '06 00 00 01 21', address: at('52 rue des Tanneurs', '00101'),
    occupation: 'Étudiante en master, en alternance', digitalProfile: 'autonome',
    card: {
      title: 'Sans voiture à son nom',
      situation: 'Vous habitez en zone A. Votre compagnon vient souvent avec sa voiture, immatriculée à son nom et à son adresse.',
      goal: 'Essayer d’obtenir une carte de stationnement résidentiel.',
      constraints: 'Aucun véhicule n’est immatriculé à votre nom.',
    },
    birthAct: { actNumber: 88, time: '23:10', father: 'Thierry Fabre', mother: 'Karine Fabre, née Besson' },
    dgfip: { parts: 1, income: 14000 },
    caf: { familySituation: 'Célibataire', benefits: ['Aide personnalisée au logement'], amount: 198 },
    cpam: {},
    laPoste: {},
  },
  {
    key: 'nicolas-henry', givenNames: 'Nicolas', familyName: 'Henry', gender: 'male', birthdate: '1987-09-15',
    born: { commune: '00104' }, phone: '06 00 00 01 22', address: at('9 avenue de la Gare', '00101'),
    occupation: 'Demandeur d’emploi (magasinier)', digitalProfile: 'autonome',
    card: {
      title: 'Deux véhicules',
      situation: 'Vous avez quitté Bourg-Léger pour Villeneuve-sur-Brenne en juin. Vous avez deux véhicules.',
      goal: 'Obtenir la carte de stationnement résidentiel pour l’un d’eux.',
      constraints: 'Vous avez mis à jour la carte grise de la Dacia, mais pas celle du Kangoo.',
      fineOf: {
        title: 'Un flash sur la départementale',
        situation: 'Il y a quelques jours, un radar a flashé votre vieux Kangoo à la sortie de Bourg-Léger, à 87 km/h au lieu de 80. C’était bien vous au volant.',
        goal: 'Payer l’amende en ligne au meilleur prix, puis comprendre pourquoi l’avis est parti à votre ancienne adresse.',
        constraints: 'Vous n’avez pas mis à jour la carte grise du Kangoo après votre déménagement : dans la vraie vie, l’avis aurait pu ne jamais vous arriver.',
        facts: [{ label: 'Qui conduisait', value: 'vous' }],
      },
    },
    birthAct: { actNumber: 15, time: '08:55', father: 'Michel Henry', mother: 'Nadine Henry, née Gauthier' },
    dgfip: { parts: 1, income: 15600 },
    siv: [
      { registration: 'EL-117-BD', make: 'Dacia', model: 'Sandero', firstRegisteredOn: '2017-02-20' },
      { registration: 'CK-650-MZ', make: 'Renault', model: 'Kangoo', firstRegisteredOn: '2012-08-06', address: at('21 route de la Forêt', '00104') },
    ],
    cpam: {},
    franceTravail: { registeredOn: '2025-11-03', category: 'Catégorie A', adviser: 'Mme Carpentier' },
    laPoste: {},
  },
  {
    key: 'louise-perrin', givenNames: 'Louise Jeanne', familyName: 'Garnier', preferredName: 'Perrin', gender: 'female', birthdate: '1934-05-30',
    born: { commune: '00101' }, phone: '05 00 00 01 23', address: at('14 place du Marché', '00101'),
    occupation: 'Retraitée, veuve', digitalProfile: 'jamais_internet',
    card: {
      title: 'Une pension de réversion',
      situation: 'Vous avez 92 ans et vous êtes veuve depuis cet été. Vous voyez mal et vous n’avez jamais utilisé Internet.',
      goal: 'Obtenir un extrait avec filiation de votre acte de naissance pour le dossier de réversion.',
      constraints: 'Vous ne pouvez pas faire la démarche seule en ligne : formulaire papier, guichet ou aidant.',
    },
    birthAct: { actNumber: 71, time: '10:15', father: 'Louis Garnier', mother: 'Jeanne Garnier, née Roussel', notes: ['Mariée le 12 juillet 1956 à Villeneuve-sur-Brenne avec Henri Perrin.'] },
    dgfip: { parts: 1, income: 15200 },
    cpam: { doctor: 'Dr Simone Roux' },
    retraite: { kind: 'reversion', amount: 720, startedOn: '2026-09-01' },
    laPoste: {},
  },
  {
    key: 'samir-aziz', givenNames: 'Samir', familyName: 'Aziz', gender: 'male', birthdate: '1982-02-02',
    born: { commune: '00101' }, phone: '06 00 00 01 24', address: at('100 boulevard des Tilleuls', '00101'),
    occupation: 'Chauffeur VTC', digitalProfile: 'autonome',
    card: {
      title: 'Résidence principale ?',
      situation: 'Vous vivez boulevard des Tilleuls depuis un an, mais votre dernière déclaration de revenus indique ce logement comme résidence secondaire.',
      goal: 'Demander la carte de stationnement résidentiel.',
      constraints: 'La carte n’est accordée que pour la résidence principale.',
    },
    birthAct: { actNumber: 19, time: '01:30', father: 'Karim Aziz', mother: 'Nora Aziz, née Belkacem' },
    dgfip: { residenceType: 'secondaire', parts: 1, income: 26400 },
    siv: [{ registration: 'GK-205-SA', make: 'Toyota', model: 'Corolla', firstRegisteredOn: '2022-03-14' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'elodie-marchand', givenNames: 'Élodie', familyName: 'Marchand', gender: 'female', birthdate: '1990-04-04',
    born: { commune: '00102' }, phone: '06 00 00 01 25', address: at('33 rue Victor-Hugo', '00101'),
    occupation: 'Graphiste indépendante', digitalProfile: 'autonome',
    card: {
      title: 'Le guichet, c’est compliqué',
      situation: 'Vous êtes sourde. Au téléphone et au guichet, on vous comprend mal ; en ligne, vous êtes à l’aise. Vous emménagez ces jours-ci au 40 Grand-Rue, à Montclar-les-Vignes.',
      goal: 'Déclarer votre nouvelle adresse en ligne, y compris pour votre carte grise.',
      constraints: 'Pour vous, la démarche en ligne évite un déplacement difficile : comparez avec les personnes qui vont au guichet.',
      moveTo: at('40 Grand-Rue', '00103'),
      fineOf: {
        title: 'Une Zoé qui n’était pas la vôtre',
        situation: 'Vous recevez un avis pour stationnement gênant place du Marché, avec le numéro de votre Zoé. Ce matin-là, vous étiez à Lyon chez un client, avec votre voiture. Quelqu’un roule avec une copie de vos plaques : vous avez porté plainte.',
        goal: 'Contester l’avis en ligne, en joignant le récépissé de votre plainte.',
        constraints: 'Ne payez pas : payer, c’est reconnaître l’infraction. Le récépissé de votre plainte (un PDF fictif) se télécharge depuis la page de vos avis.',
        facts: [
          { label: 'Votre plainte', value: 'déposée à la gendarmerie de Villeneuve-sur-Brenne, pour usurpation de plaques' },
          { label: 'Votre preuve', value: 'le récépissé de la plainte, à télécharger depuis « Mes avis de contravention »' },
        ],
        proof: 'recepisse_plainte',
      },
    },
    birthAct: { actNumber: 26, time: '12:45', father: 'Bruno Marchand', mother: 'Hélène Marchand, née Picard' },
    dgfip: { parts: 1, income: 24700 },
    siv: [{ registration: 'EM-733-EL', make: 'Renault', model: 'Zoé', firstRegisteredOn: '2020-10-02' }],
    cpam: {},
    laPoste: {},
  },
  {
    key: 'bernard-leroy', givenNames: 'Bernard', familyName: 'Leroy', gender: 'male', birthdate: '1962-11-02',
    born: { commune: '00103' }, phone: '06 00 00 01 26', address: at('4 rue des Vignerons', '00103'),
    occupation: 'Demandeur d’emploi (ancien chef d’équipe)', digitalProfile: 'peu_a_l_aise',
    card: {
      title: 'Bientôt la retraite',
      situation: 'Vous avez 64 ans et vous cherchez un emploi en attendant votre retraite. Vous emménagez au 12 rue du Moulin, à Villeneuve-sur-Brenne.',
      goal: 'Prévenir France Travail, l’Assurance maladie et les impôts de votre nouvelle adresse.',
      constraints: 'Vous avez un smartphone, mais vous hésitez à saisir vos informations en ligne.',
      moveTo: at('12 rue du Moulin', '00101'),
    },
    birthAct: { actNumber: 66, time: '09:05', father: 'Raymond Leroy', mother: 'Lucienne Leroy, née Boyer' },
    dgfip: { parts: 1, income: 18300 },
    cpam: {},
    franceTravail: { registeredOn: '2025-04-07', category: 'Catégorie A', adviser: 'M. Benoît' },
    laPoste: {},
  },
  {
    key: 'rose-lemaire', givenNames: 'Rose', familyName: 'Lemaire', gender: 'female', birthdate: '1984-05-21',
    born: { commune: '00101' }, phone: '06 00 00 01 27', address: at('27 rue des Tanneurs', '00101'),
    occupation: 'Fleuriste', digitalProfile: 'autonome',
    card: {
      title: 'La rue des Tanneurs piétonne ?',
      situation: 'Vous tenez une boutique de fleurs rue des Tanneurs. La mairie a organisé une réunion publique sur la rue, le 12 septembre, mais vous étiez au travail.',
      goal: 'Obtenir le compte rendu de la réunion publique sur la rue des Tanneurs, par courrier électronique.',
      constraints: 'Vous voulez savoir ce qui a été dit sur les livraisons : vos fleurs arrivent tôt le matin.',
      documentOf: { document: 'ville-reunion-tanneurs', mode: 'courriel' },
    },
    birthAct: { actNumber: 131, time: '10:15', father: 'Daniel Lemaire', mother: 'Sylvie Lemaire, née Caron' },
    dgfip: { parts: 1, income: 26400 },
    cpam: {},
    laPoste: {},
  },
  {
    key: 'mathis-roux', givenNames: 'Mathis', familyName: 'Roux', gender: 'male', birthdate: '1999-08-30',
    born: { commune: '00102' }, phone: '06 00 00 01 28', address: at('61 avenue de la Gare', '00101'),
    occupation: 'Animateur d’une association de cyclistes', digitalProfile: 'autonome',
    card: {
      title: 'Une étude qui ne vient pas',
      situation: 'Votre association veut des pistes cyclables dans le centre-ville. La mairie a fait faire une étude de circulation, mais ne l’a pas publiée.',
      goal: 'Obtenir l’étude de circulation du centre-ville, par courrier électronique ; sans réponse, saisir la CADA.',
      constraints: 'La mairie tarde à répondre. Comptez le temps : dans la séance, un mois passe en quelques minutes.',
      documentOf: { document: 'ville-etude-circulation', mode: 'courriel' },
    },
    birthAct: { actNumber: 188, time: '18:40', father: 'Stéphane Roux', mother: 'Karine Roux, née Millet' },
    dgfip: { parts: 1, income: 19800 },
    cpam: {},
    laPoste: {},
  },
  {
    key: 'denise-carre', givenNames: 'Denise', familyName: 'Carré', gender: 'female', birthdate: '1958-12-04',
    born: { commune: '00101' }, phone: '06 00 00 01 29', address: at('5 place du Marché', '00101'),
    occupation: 'Retraitée, conseillère de quartier', digitalProfile: 'autonome',
    card: {
      title: 'Le budget avant le vote',
      situation: 'Vous êtes conseillère de quartier. Le conseil municipal votera le budget de l’an prochain dans un mois.',
      goal: 'Obtenir le projet de budget de la ville pour l’an prochain, par courrier électronique, avant le vote.',
      constraints: 'Vous voulez le lire avant le vote : vous avez entendu dire que la salle des fêtes allait fermer.',
      documentOf: { document: 'ville-projet-budget', mode: 'courriel' },
    },
    birthAct: { actNumber: 214, time: '06:55', father: 'Lucien Carré', mother: 'Odette Carré, née Pichon' },
    dgfip: { parts: 1, income: 22600 },
    cpam: {},
    retraite: { kind: 'droit_propre', amount: 1480, startedOn: '2020-01-01' },
    laPoste: {},
  },
  {
    key: 'sarah-meunier', givenNames: 'Sarah', familyName: 'Meunier', gender: 'female', birthdate: '1995-10-12',
    born: { commune: '00101' }, phone: '06 00 00 01 30', address: at('14 rue du Moulin', '00101'),
    occupation: 'Caissière à temps partiel', digitalProfile: 'autonome',
    card: {
      title: 'Un temps partiel',
      situation: 'Vous travaillez 24 heures par semaine dans un supermarché. Vous vivez seule.',
      goal: 'Demander la prime d’activité à la CAF.',
      constraints: 'Vous avez vos trois dernières fiches de paie sous la main.',
      bonusOf: { persons: 1, household: 'vous seule', earnings: [1000, 1000, 1000], other: 0 },
    },
    birthAct: { actNumber: 241, time: '12:20', father: 'Marc Meunier', mother: 'Céline Meunier, née Roy' },
    dgfip: { parts: 1, income: 12000 },
    caf: { familySituation: 'Célibataire', benefits: ['Aide personnalisée au logement'], amount: 180 },
    cpam: {},
    laPoste: {},
  },
  {
    key: 'kevin-morin', givenNames: 'Kévin', familyName: 'Morin', gender: 'male', birthdate: '1992-02-25',
    born: { commune: '00104' }, phone: '06 00 00 01 31', address: at('40 rue Victor-Hugo', '00101'),
    occupation: 'Intérimaire dans la logistique', digitalProfile: 'autonome',
    card: {
      title: 'Moins de missions',
      situation: 'L’an dernier, vous aviez des missions d’intérim toute l’année. Depuis l’été, elles sont rares. Vous vivez avec votre compagne, sans emploi, et votre fils de deux ans.',
      goal: 'Demander la prime d’activité à la CAF, avec vos vrais revenus de ces trois derniers mois.',
      constraints: 'La CAF vous croit encore seul, et les impôts connaissent vos revenus de l’an dernier : vérifiez tout ce qui est pré-rempli.',
      bonusOf: { persons: 3, household: 'vous, votre compagne et votre fils', earnings: [700, 900, 800], other: 0 },
    },
    birthAct: { actNumber: 77, time: '03:45', father: 'Patrice Morin', mother: 'Nadine Morin, née Lefort' },
    dgfip: { parts: 2.5, income: 19200 },
    caf: { familySituation: 'Célibataire', benefits: [], amount: 0 },
    cpam: {},
    franceTravail: { registeredOn: '2026-07-20', category: 'Catégorie C', adviser: 'Mme Carpentier' },
    laPoste: {},
  },
  {
    key: 'alain-gauthier', givenNames: 'Alain', familyName: 'Gauthier', gender: 'male', birthdate: '1980-06-03',
    born: { commune: '00102' }, phone: '06 00 00 01 32', address: at('3 place du Marché', '00101'),
    occupation: 'Responsable d’agence', digitalProfile: 'autonome',
    card: {
      title: 'Un collègue en parle',
      situation: 'Un collègue touche la prime d’activité. Vous vivez seul et vous gagnez bien votre vie.',
      goal: 'Demander la prime d’activité à la CAF, pour voir si vous y avez droit.',
      constraints: 'Vous n’avez jamais demandé d’aide à la CAF.',
      bonusOf: { persons: 1, household: 'vous seul', earnings: [3200, 3200, 3200], other: 0 },
    },
    birthAct: { actNumber: 158, time: '20:10', father: 'Jacques Gauthier', mother: 'Brigitte Gauthier, née Rey' },
    dgfip: { parts: 1, income: 38400 },
    cpam: {},
    laPoste: {},
  },
];

/** Birth acts of people who are not personas (children, late parents) that the scenarios need. */
export const otherBirthActs = [
  { registry: '00103', actNumber: 52, year: 2015, familyName: 'Haddad', givenNames: 'Inès Sarah', sex: 'F' as const, birthDate: '2015-06-18', birthTime: '14:05', father: 'Mehdi Ouali', mother: 'Nadia Haddad', notes: [] },
  { registry: '00101', actNumber: 203, year: 2018, familyName: 'Haddad', givenNames: 'Yanis', sex: 'M' as const, birthDate: '2018-10-02', birthTime: '07:40', father: 'Mehdi Ouali', mother: 'Nadia Haddad', notes: [] },
  { registry: '00101', actNumber: 177, year: 2021, familyName: 'David', givenNames: 'Léo', sex: 'M' as const, birthDate: '2021-04-09', birthTime: '03:20', father: null, mother: 'Manon David', notes: [] },
  { registry: '00103', actNumber: 9, year: 1948, familyName: 'Vasseur', givenNames: 'Monique Odile', sex: 'F' as const, birthDate: '1948-03-22', birthTime: '16:00', father: 'Albert Vasseur', mother: 'Germaine Vasseur, née Delorme', notes: ['Mariée le 6 juin 1970 à Saint-Aubin-des-Prés avec Jean Chevalier.', 'Décédée le 2 septembre 2026 à Villeneuve-sur-Brenne.'] },
];
