import { addScaled, hasElapsed, type TimeScale } from '../engine/time-scale';

// Access to administrative documents (loi du 17 juillet 1978, now the code des relations entre le public et
// l'administration, CRPA): how a person may see a document (article 4 of the law, L311-9), what the body blacks out
// before giving it (L311-7), on which grounds it refuses (L311-2, L311-5, L311-6), and the deadlines: a month's silence
// is a refusal (R311-13), the CADA may be asked within two months (R343-1) and answers within a month (R343-3).
// Simplified where docs/PROCEDURES.md says so.

export const accessModes = ['consultation', 'courriel', 'copie'] as const;
export type AccessMode = (typeof accessModes)[number];

export const accessModeLabels: Record<AccessMode, string> = {
  consultation: 'Consulter le document sur place, gratuitement',
  courriel: 'Le recevoir par courrier électronique, gratuitement',
  copie: 'Recevoir une copie papier par la poste, à vos frais',
};

/** Arrêté du 1er octobre 2001: a copy costs at most 0,18 € per A4 page in black and white. */
export const pricePerPageCents = 18;
/** The simulation's postage (the real one is La Poste's tariff of the day, by weight). */
export const simulatedPostageCents = (pages: number) => (pages <= 3 ? 150 : pages <= 15 ? 300 : 600);

/** What may be blacked out of a document, or keep it whole from everyone. */
export const protectedGrounds = ['vie_privee', 'secret_medical', 'appreciation_personne', 'secret_affaires', 'securite_publique', 'recherche_infractions'] as const;
export type ProtectedGround = (typeof protectedGrounds)[number];

export const groundLabels: Record<ProtectedGround, { label: string; article: string; toConcerned: boolean }> = {
  vie_privee: { label: 'la protection de la vie privée', article: 'L311-6', toConcerned: true },
  secret_medical: { label: 'le secret médical', article: 'L311-6', toConcerned: true },
  appreciation_personne: { label: 'une appréciation portée sur une personne nommément désignée', article: 'L311-6', toConcerned: true },
  secret_affaires: { label: 'le secret des affaires', article: 'L311-6', toConcerned: true },
  securite_publique: { label: 'la sécurité publique et la sécurité des personnes', article: 'L311-5', toConcerned: false },
  recherche_infractions: { label: 'la recherche des infractions fiscales et douanières', article: 'L311-5', toConcerned: false },
};

/** A part of a document's text; a protected part names its ground and, for L311-6, the person it concerns. */
export type DocumentPart = { text: string; ground?: ProtectedGround; concerns?: string };

export type AdministrativeDocument = {
  id: string;
  title: string;
  format: 'electronique' | 'papier';
  pages: number;
  /** Finished, or still being written, or preparing a decision not yet taken (L311-2). */
  state: 'acheve' | 'inacheve' | 'preparatoire';
  /** An old register that copying would damage: consultation only (article 4 of the law). */
  fragile?: boolean;
  parts: DocumentPart[];
};

export type AccessRequest = {
  mode: AccessMode;
  /** The persona asking (a part about them is theirs to see). */
  requesterId: string;
  /** How many requests this person sent the same body over the last month (scaled). */
  recentRequests: number;
};

/** Past this many requests to one body in a month, the request is abusive by its number (L311-2, last paragraph). */
export const abusiveRequestCount = 10;

export const refusalGrounds = ['inacheve', 'preparatoire', 'demande_abusive', 'protege', 'silence'] as const;
export type RefusalGround = (typeof refusalGrounds)[number];

export type ShownPart = { text: string } | { blackedOut: ProtectedGround; length: number };

export type AccessDecision =
  | { kind: 'communiquer'; mode: AccessMode; parts: ShownPart[]; blackedOut: ProtectedGround[]; costCents: number }
  | { kind: 'refuser'; ground: RefusalGround; motif: string }
  | { kind: 'mode_impossible'; motif: string; alternatives: AccessMode[] }
  | { kind: 'inexistant'; motif: string };

/** What the chosen mode costs: nothing on the spot or by e-mail; a copy, its pages and the postage. */
export function accessCostCents(mode: AccessMode, document: Pick<AdministrativeDocument, 'pages'>): number {
  return mode === 'copie' ? document.pages * pricePerPageCents + simulatedPostageCents(document.pages) : 0;
}

/** Whether the body can give the document that way (article 4: "dans la limite des possibilités techniques"). */
export function modeAvailable(mode: AccessMode, document: AdministrativeDocument): { ok: true } | { ok: false; motif: string; alternatives: AccessMode[] } {
  if (mode === 'courriel' && document.format === 'papier') {
    return { ok: false, motif: 'Ce document n’existe que sur papier : il ne peut pas être envoyé par courrier électronique.', alternatives: document.fragile ? ['consultation'] : ['consultation', 'copie'] };
  }
  if (mode === 'copie' && document.fragile) {
    return { ok: false, motif: 'Une copie abîmerait ce document ancien : il se consulte sur place.', alternatives: ['consultation'] };
  }
  return { ok: true };
}

const protectedFromRequester = (part: DocumentPart, requesterId: string) => part.ground !== undefined && !(groundLabels[part.ground].toConcerned && part.concerns === requesterId);

/**
 * The body's decision on a request: refused for the whole document (unfinished, preparatory, abusive, or nothing left
 * once the protected parts are taken out), or given the chosen way with the protected parts blacked out — except,
 * for L311-6, the parts about the person asking.
 */
export function decideAccess(document: AdministrativeDocument | null, request: AccessRequest): AccessDecision {
  if (!document) return { kind: 'inexistant', motif: 'Ce document n’existe pas. L’administration n’a pas à créer un document pour répondre à une demande.' };
  if (request.recentRequests >= abusiveRequestCount) {
    return { kind: 'refuser', ground: 'demande_abusive', motif: `Demande abusive par son nombre : ${request.recentRequests} demandes au même organisme en un mois (article L311-2).` };
  }
  if (document.state === 'inacheve') return { kind: 'refuser', ground: 'inacheve', motif: 'Le document n’est pas terminé : il sera communicable une fois achevé (article L311-2).' };
  if (document.state === 'preparatoire') {
    return { kind: 'refuser', ground: 'preparatoire', motif: 'Le document prépare une décision qui n’est pas encore prise : il sera communicable après la décision (article L311-2).' };
  }
  const hidden = document.parts.filter((part) => protectedFromRequester(part, request.requesterId));
  if (hidden.length === document.parts.length) {
    const ground = hidden[0]?.ground ?? 'securite_publique';
    return { kind: 'refuser', ground: 'protege', motif: `Le document est protégé en entier par ${groundLabels[ground].label} (article ${groundLabels[ground].article}) : rien ne reste une fois ces passages occultés.` };
  }
  const available = modeAvailable(request.mode, document);
  if (!available.ok) return { kind: 'mode_impossible', motif: available.motif, alternatives: available.alternatives };
  const parts: ShownPart[] = document.parts.map((part) => (protectedFromRequester(part, request.requesterId) ? { blackedOut: part.ground!, length: part.text.length } : { text: part.text }));
  const blackedOut = [...new Set(hidden.map((part) => part.ground!))];
  return { kind: 'communiquer', mode: request.mode, parts, blackedOut, costCents: accessCostCents(request.mode, document) };
}

/** The CADA's opinion: would the document be given (whole, or once blacked out), and if not, why. */
export type CadaOpinion = { avis: 'favorable' | 'favorable_partiel' | 'defavorable' | 'sans_objet'; motif: string };

export function cadaOpinion(document: AdministrativeDocument | null, request: AccessRequest): CadaOpinion {
  // The CADA looks at the document, not at how the person wanted it: a refused mode is not a refused document.
  const decision = decideAccess(document, { ...request, mode: 'consultation' });
  switch (decision.kind) {
    case 'inexistant':
      return { avis: 'sans_objet', motif: 'Le document demandé n’existe pas : la commission ne peut que le constater.' };
    case 'refuser':
      return { avis: 'defavorable', motif: decision.motif };
    case 'communiquer':
      return decision.blackedOut.length
        ? { avis: 'favorable_partiel', motif: `Le document est communicable après occultation des passages protégés par ${decision.blackedOut.map((g) => groundLabels[g].label).join(' et ')}.` }
        : { avis: 'favorable', motif: 'Le document est achevé et aucun secret protégé par la loi ne s’y oppose : il est communicable.' };
    case 'mode_impossible':
      return { avis: 'favorable', motif: decision.motif };
  }
}

// Deadlines, counted on the séance's clock.

/** A month's silence after the request is received is a refusal (R311-13). */
export const implicitRefusalAt = (filedAt: Date, scale: TimeScale) => addScaled(filedAt, { months: 1 }, scale);
export const isImplicitlyRefused = (filedAt: Date, answered: boolean, scale: TimeScale, now: Date) => !answered && hasElapsed(filedAt, { months: 1 }, scale, now);

/** The CADA may be asked within two months of the refusal, written or implicit (R343-1). */
export function canReferToCada(refusedAt: Date, scale: TimeScale, now: Date): { ok: true; until: Date } | { ok: false; motif: string } {
  const until = addScaled(refusedAt, { months: 2 }, scale);
  return now.getTime() < until.getTime() ? { ok: true, until } : { ok: false, motif: 'Le délai de deux mois pour saisir la CADA est passé depuis le refus.' };
}

/** The CADA gives its opinion within a month of receiving the matter (R343-3). */
export const cadaOpinionDueAt = (referredAt: Date, scale: TimeScale) => addScaled(referredAt, { months: 1 }, scale);
/** The body says what it does after the opinion within a month; two months of silence from the referral confirm the refusal (R343-5). */
export const refusalConfirmedAt = (referredAt: Date, scale: TimeScale) => addScaled(referredAt, { months: 2 }, scale);
/** Then the administrative court, within two months of the final decision. */
export const courtDeadline = (finalDecisionAt: Date, scale: TimeScale) => addScaled(finalDecisionAt, { months: 2 }, scale);
