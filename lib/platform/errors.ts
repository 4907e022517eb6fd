// The platform's stable error codes (docs/API.md): each with its HTTP status and a French message.

export const platformErrors = {
  non_authentifie: { status: 401, message: 'Connectez-vous, ou présentez le jeton de votre organisme.' },
  non_participant: { status: 401, message: 'Rejoignez d’abord une séance avec son code.' },
  jeton_invalide: { status: 401, message: 'Le jeton présenté est inconnu ou a été révoqué.' },
  acces_refuse: { status: 403, message: 'Vous n’avez pas accès à cette ressource.' },
  origine_refusee: { status: 403, message: 'Cette requête vient d’un autre site : elle est refusée.' },
  habilitation_absente: { status: 403, message: 'Cet organisme n’est pas habilité à demander ces données pour cette finalité.' },
  consentement_absent: { status: 403, message: 'La personne n’a pas donné son accord, ou l’a retiré, ou il a expiré.' },
  usager_inconnu: { status: 404, message: 'Cette personne est inconnue.' },
  seance_inconnue: { status: 404, message: 'Cette séance n’existe pas ou n’est pas l’une des vôtres.' },
  introuvable: { status: 404, message: 'Cette ressource n’existe pas.' },
  methode_non_autorisee: { status: 405, message: 'Cette adresse n’accepte pas cette méthode HTTP.' },
  requete_trop_grande: { status: 413, message: 'La requête est trop volumineuse (64 Ko au plus).' },
  type_non_supporte: { status: 415, message: 'Le corps de la requête doit être du JSON (en-tête Content-Type: application/json).' },
  requete_invalide: { status: 422, message: 'La requête est incomplète ou mal formée.' },
  organisme_indisponible: { status: 503, message: 'L’organisme qui détient ces données ne répond pas pour le moment. Réessayez plus tard.' },
  site_indisponible: { status: 503, message: 'Le site ne répond pas pour l’instant : réessayez dans un moment.' },
  base_occupee: { status: 503, message: 'Le service est très sollicité en ce moment. Réessayez dans un instant : rien n’a été enregistré.' },
  delai_depasse: { status: 504, message: 'L’organisme qui détient ces données a mis trop de temps à répondre.' },
} as const;
export type PlatformErrorCode = keyof typeof platformErrors;

export type PlatformErrorBody = { erreur: PlatformErrorCode; message: string; details?: unknown; echange?: string; recu?: import('./journal').JournalReceipt };

export class PlatformError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    message: string = platformErrors[code].message,
    readonly details?: unknown,
  ) {
    super(message);
  }
  get status(): number {
    return platformErrors[this.code].status;
  }
  body(): PlatformErrorBody {
    return { erreur: this.code, message: this.message, ...(this.details === undefined ? {} : { details: this.details }) };
  }
}

/** Whether an exchange failed because the body did not answer (an outage, too slow): asking again later may work. */
export const unavailable = (code: string | null) => code === 'organisme_indisponible' || code === 'delai_depasse';

/** Who reads an exchange: the person it is about ("vous"), or someone else (agent, auditor, teacher). */
export type ExchangeReader = 'personne' | 'tiers';

const reasons: Record<string, Record<ExchangeReader, string>> = {
  habilitation_absente: { personne: 'l’organisme n’y était pas habilité', tiers: 'l’organisme n’y était pas habilité' },
  consentement_absent: { personne: 'vous n’aviez pas donné votre accord (ou vous l’aviez retiré)', tiers: 'la personne n’avait pas donné son accord (ou l’avait retiré)' },
  usager_inconnu: { personne: 'l’organisme ne vous connaît pas', tiers: 'l’organisme ne connaît pas la personne' },
  organisme_indisponible: { personne: 'l’organisme était indisponible', tiers: 'l’organisme était indisponible' },
  delai_depasse: { personne: 'l’organisme a mis trop de temps à répondre', tiers: 'l’organisme a mis trop de temps à répondre' },
};

/** French label of a result code, written for its reader. */
export const reasonLabel = (code: string | null, reader: ExchangeReader) => (code ? (reasons[code]?.[reader] ?? code) : '');
