import type { DocumentField } from '../../documents/pdf';
import { formatEuros } from '../../format';
import { groundLabels, type AccessDecision, type AccessMode, type AdministrativeDocument } from './rules';

// The document as the body gives it: its title, how it is given and at what cost, then each passage — word for word,
// or a black band that says on which ground it was taken out (what the CADA asks bodies to do).

const givenAs: Record<AccessMode, string> = {
  consultation: 'À consulter sur place, gratuitement',
  courriel: 'Envoyé par courrier électronique, gratuitement',
  copie: 'Copie papier envoyée par la poste',
};

export function communicatedFields(document: AdministrativeDocument, decision: Extract<AccessDecision, { kind: 'communiquer' }>): DocumentField[] {
  return [
    { libelle: 'Document', valeur: document.title },
    { libelle: 'Communication', valeur: givenAs[decision.mode] },
    ...(decision.costCents > 0 ? [{ libelle: 'Frais de copie et d’envoi', valeur: formatEuros(decision.costCents) }] : []),
    ...decision.parts.map((part, i): DocumentField =>
      'text' in part
        ? { libelle: `Passage ${i + 1}`, valeur: part.text }
        : { libelle: `Passage ${i + 1}`, valeur: `Occulté : ${groundLabels[part.blackedOut].label} (article ${groundLabels[part.blackedOut].article})`, occulte: true },
    ),
  ];
}
