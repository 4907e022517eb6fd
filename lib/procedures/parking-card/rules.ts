import { sameAddress, type StreetMatch } from '../../world/addresses';
import { unavailable } from '../../platform/errors';

// The city's rules for a resident parking card, applied to what the platform returned (path A).
// Each refusal carries the exact reason and what the person can do about it.

export const parkingCommuneCode = '00101'; // Villeneuve-sur-Brenne

type Address = { ligne: string; code_postal: string; commune: string };
export type FiscalAddress = { adresse: Address; type_residence: 'principale' | 'secondaire' };
export type Vehicle = { immatriculation: string; titulaire: string; titulaire_type: 'personne' | 'societe'; adresse: Address };

/** What one look-up gave: the data, or why there is none. */
export type LookUp<T> = { ok: true; data: T } | { ok: false; code: string };

export type ParkingDecision =
  | { decision: 'accorde'; zone: string; immatriculation: string; adresse: Address }
  | { decision: 'refuse'; motif: string; solution: string }
  | { decision: 'impossible'; motif: string; solution: string };

export type ParkingInput = {
  fiscal: LookUp<FiscalAddress>;
  vehicles: LookUp<Vehicle[]>;
  /** The address base's answer for the fiscal address (the street and its zone), if known. */
  street: StreetMatch | null;
};

export function decideParkingCard({ fiscal, vehicles, street }: ParkingInput): ParkingDecision {
  for (const [lookUp, body] of [[fiscal, 'les impôts'], [vehicles, 'le registre des cartes grises']] as const) {
    if (!lookUp.ok && unavailable(lookUp.code)) {
      return { decision: 'impossible', motif: `La vérification n’a pas pu se faire : ${body} ne répondent pas pour le moment.`, solution: 'Réessayez dans quelques minutes, ou déposez vos justificatifs.' };
    }
    if (!lookUp.ok && lookUp.code === 'consentement_absent') {
      return { decision: 'impossible', motif: `Vous n’avez pas (ou plus) donné votre accord pour consulter ${body}.`, solution: 'Donnez votre accord, ou déposez vos justificatifs.' };
    }
  }
  if (!fiscal.ok) {
    return { decision: 'refuse', motif: 'Les impôts ne connaissent pas d’adresse à votre nom.', solution: 'Déposez un justificatif de domicile et votre certificat d’immatriculation : un agent de la ville les vérifiera.' };
  }
  if (fiscal.data.type_residence !== 'principale') {
    return { decision: 'refuse', motif: 'Pour les impôts, cette adresse est une résidence secondaire. La carte est réservée à la résidence principale.', solution: 'Si vous y habitez vraiment, mettez à jour votre situation auprès des impôts, puis refaites la demande.' };
  }
  if (!street || street.communeCode !== parkingCommuneCode || !street.parkingZone) {
    return { decision: 'refuse', motif: 'Votre adresse fiscale n’est pas dans une zone de stationnement résidentiel de la ville.', solution: 'Seuls les habitants des zones A, B et C peuvent obtenir la carte. Si vous avez déménagé, déclarez votre nouvelle adresse.' };
  }
  if (!vehicles.ok) {
    return { decision: 'refuse', motif: 'Aucun véhicule n’est immatriculé à votre nom.', solution: 'La carte est liée à un véhicule dont vous êtes titulaire. Si vous venez d’en acheter un, faites d’abord établir la carte grise.' };
  }
  const own = vehicles.data.filter((v) => v.titulaire_type === 'personne');
  if (own.length === 0) {
    return { decision: 'refuse', motif: 'Vos véhicules sont immatriculés au nom d’une société.', solution: 'La carte résidentielle est réservée aux véhicules des particuliers. Renseignez-vous sur les cartes professionnelles.' };
  }
  const here = own.find((v) => sameAddress(v.adresse, fiscal.data.adresse));
  if (!here) {
    const shown = own[0]!;
    return {
      decision: 'refuse',
      motif: `Le certificat d’immatriculation ${shown.immatriculation} porte encore l’adresse « ${shown.adresse.ligne}, ${shown.adresse.code_postal} ${shown.adresse.commune} », pas votre adresse actuelle.`,
      solution: 'Déclarez votre changement d’adresse (il met aussi à jour la carte grise), puis refaites la demande.',
    };
  }
  return { decision: 'accorde', zone: street.parkingZone, immatriculation: here.immatriculation, adresse: fiscal.data.adresse };
}
