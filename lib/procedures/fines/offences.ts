import type { FineClass } from './ladder';

// What the simulated radars and officers recorded before the séance began: a registration, an offence, a place.
// Whose vehicle it is, the ANTAI learns through the platform (the SIV's register): the notice goes to the holder on
// the registration certificate, at the address printed on it — which may be out of date or a company's.

export type RecordedOffence = {
  key: string;
  registration: string;
  kind: 'stationnement' | 'vitesse';
  fineClass: FineClass;
  offence: string;
  place: string;
  /** How many days before the séance it was recorded. */
  daysBefore: number;
  hour: string;
};

export const recordedOffences: RecordedOffence[] = [
  {
    // Nicolas Henry's Kangoo: its certificate still shows his old address in Bourg-Léger.
    key: 'radar-rd12',
    registration: 'CK-650-MZ',
    kind: 'vitesse',
    fineClass: 3,
    offence: 'Excès de vitesse de moins de 20 km/h (vitesse retenue 87 km/h, vitesse autorisée 80 km/h)',
    place: 'Route départementale 12, sortie de Bourg-Léger (radar fixe)',
    daysBefore: 4,
    hour: '07:42',
  },
  {
    // Hugo Lambert's van belongs to his company: the company must name who drove.
    key: 'radar-gare',
    registration: 'FT-128-HP',
    kind: 'vitesse',
    fineClass: 4,
    offence: 'Excès de vitesse de moins de 20 km/h (vitesse retenue 57 km/h, vitesse autorisée 50 km/h)',
    place: 'Avenue de la Gare, Villeneuve-sur-Brenne (radar fixe)',
    daysBefore: 3,
    hour: '16:18',
  },
  {
    key: 'stationnement-marche',
    registration: 'EM-733-EL',
    kind: 'stationnement',
    fineClass: 2,
    offence: 'Stationnement gênant sur un emplacement de livraison',
    place: 'Place du Marché, Villeneuve-sur-Brenne (relevé par un agent)',
    daysBefore: 2,
    hour: '10:05',
  },
];
