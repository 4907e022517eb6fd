import { PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { personaSeeds } from '../../../db/seed/personas';
import { pdfText } from '../../documents/pdf';
import { elided, formatDate } from '../../format';
import type { Persona } from '../engine/types';

// The papers a persona's story gives them (a complaint's receipt), as a file the student can join to a form: in class,
// nobody has a real one at hand, and nobody should use a real one. Fictitious, marked as such, unsigned.

export type FictitiousProof = { fileName: string; title: string };

/** The proof this person's fines card gives them (its name, what it is), or null. */
export function fictitiousProofOf(persona: Persona): FictitiousProof | null {
  const fine = personaSeeds.find((s) => s.key === persona.key)?.card.fineOf;
  return fine?.proof === 'recepisse_plainte' ? { fileName: 'recepisse-plainte.pdf', title: 'le récépissé de votre plainte' } : null;
}

/** That proof as a PDF, marked fictitious; null when the card gives none. */
export async function renderFictitiousProof(persona: Persona, now = new Date()): Promise<(FictitiousProof & { bytes: Uint8Array }) | null> {
  const proof = fictitiousProofOf(persona);
  if (!proof) return null;
  const lodged = new Date(now.getTime() - 86_400_000);
  const lines = [
    'Gendarmerie nationale (simulation) — brigade de Villeneuve-sur-Brenne',
    '',
    `Nous attestons ${elided('que', `${persona.givenNames} ${persona.familyName}`)}, né${persona.gender === 'female' ? 'e' : ''} le ${persona.birthdate.split('-').reverse().join('/')},`,
    `demeurant ${persona.addressLine}, ${persona.postalCode} ${persona.city},`,
    `a déposé plainte le ${formatDate(lodged)} pour usurpation de plaques d’immatriculation`,
    '(article 434-23 du code pénal, article L317-4-1 du code de la route).',
    '',
    'Selon la déclaration, le véhicule se trouvait à Lyon le jour de l’infraction relevée à Villeneuve-sur-Brenne.',
    '',
    'Ce récépissé est à joindre à toute contestation d’avis de contravention liée à ces plaques.',
  ];
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfText('Récépissé de dépôt de plainte (fictif, simulation e-Guichet)'));
  pdf.setLanguage('fr-FR');
  pdf.setProducer('e-Guichet');
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const page = pdf.addPage([595.28, 841.89]);
  let y = page.getHeight() - 60;
  const write = (text: string, font = regular, size = 11) => {
    page.drawText(pdfText(text), { x: 50, y, size, font, color: rgb(0.1, 0.1, 0.1), maxWidth: page.getWidth() - 100 });
    y -= size * 1.6;
  };
  write('SIMULATION PÉDAGOGIQUE — DOCUMENT FICTIF, SANS AUCUNE VALEUR', bold, 11);
  y -= 10;
  write('Récépissé de dépôt de plainte', bold, 18);
  y -= 6;
  for (const line of lines) write(line);
  return { ...proof, bytes: await pdf.save() };
}
