import { PDFDocument, StandardFonts, fill, popGraphicsState, pushGraphicsState, rectangle, rgb, setFillingRgbColor, type PDFFont, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { formatDate } from '../format';
import type { SealedField } from './seal';

// The PDF of an issued document: its data, a QR code to the public verification page, the seal in the metadata.
// Fonts are PDF standard fonts (nothing to download); the text sticks to their character set (WinAnsi).

/** A printed field is what the seal carries (`occulte`: a blacked-out passage, printed as a black band). */
export type DocumentField = SealedField;
export type PdfInput = {
  id: string;
  title: string;
  issuerLabel: string;
  issuedAt: Date;
  fields: DocumentField[];
  verifyUrl: string;
  jws: string;
};

/** Keeps the text within the standard fonts' character set. */
export const pdfText = (text: string) => text.replace(/[\u202f\u00a0]/g, ' ').replace(/[^\x20-\x7e\u00a0-\u00ff’«»œŒ€–—…]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of pdfText(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The QR code to `text` as rectangles, in modules from the quiet zone's corner (a quiet module around it): a row's run of
 * dark modules is one rectangle [row, column, length]. Drawn, not embedded as an image: a PNG's pixels had to be inflated
 * and deflated again in JavaScript (70–100 ms of a server's event loop per document, every other request of the process
 * waiting; docs/performance.md). Drawn as rectangles and not as an SVG path: pdf-lib turned each run into five path
 * operators, which it then compressed — a fifth of a document's time (docs/performance-history.md, session 47).
 */
export function qrRuns(text: string): { runs: [row: number, col: number, length: number][]; modules: number } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const runs: [number, number, number][] = [];
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; ) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      runs.push([row + 1, start + 1, col - start]);
    }
  }
  return { runs, modules: n + 2 };
}

export async function renderDocumentPdf(input: PdfInput): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(pdfText(`${input.title} (simulation)`));
  pdf.setAuthor(pdfText(input.issuerLabel));
  pdf.setSubject('Document fictif délivré par e-Guichet, simulateur pédagogique. Sans aucune valeur.');
  pdf.setKeywords([`e-guichet-document:${input.id}`, `e-guichet-sceau:${input.jws}`]);
  pdf.setProducer('e-Guichet');
  pdf.setCreator('e-Guichet');
  pdf.setCreationDate(input.issuedAt);
  pdf.setModificationDate(input.issuedAt);
  pdf.setLanguage('fr-FR');

  const page: PDFPage = pdf.addPage([595.28, 841.89]); // A4
  const regular = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const margin = 56;
  const width = page.getWidth() - 2 * margin;
  let y = page.getHeight() - margin;
  const write = (text: string, font: PDFFont, size: number, color = rgb(0.1, 0.1, 0.1)) => {
    for (const line of wrap(text, font, size, width)) {
      page.drawText(line, { x: margin, y, size, font, color });
      y -= size * 1.45;
    }
  };

  page.drawRectangle({ x: margin - 8, y: y - 30, width: width + 16, height: 40, color: rgb(1, 0.95, 0.8) });
  write('SIMULATION PÉDAGOGIQUE — DOCUMENT FICTIF, SANS AUCUNE VALEUR', bold, 12, rgb(0.24, 0.18, 0));
  write('Délivré par e-Guichet, simulateur des services publics en ligne.', regular, 10, rgb(0.24, 0.18, 0));
  y -= 24;
  write(input.title, bold, 20);
  write(`${input.issuerLabel} — délivré le ${formatDate(input.issuedAt)}`, regular, 11, rgb(0.29, 0.29, 0.29));
  write(`Numéro du document : ${input.id}`, regular, 9, rgb(0.29, 0.29, 0.29));
  y -= 16;
  for (const field of input.fields) {
    write(field.libelle, bold, 11);
    if (field.occulte) {
      // The band covers the lines of the ground it states; the text itself is not in the file at all.
      const lines = wrap(field.valeur, regular, 12, width).length;
      page.drawRectangle({ x: margin - 4, y: y - 12 * 1.45 * (lines - 1) - 5, width: width + 8, height: 12 * 1.45 * lines + 2, color: rgb(0, 0, 0) });
      write(field.valeur, regular, 12, rgb(1, 1, 1));
    } else write(field.valeur, regular, 12);
    y -= 6;
  }

  const size = 110;
  page.drawRectangle({ x: margin, y: margin + 24, width: size, height: size, color: rgb(1, 1, 1) });
  const qr = qrRuns(input.verifyUrl);
  const unit = size / qr.modules;
  const top = margin + 24 + size;
  page.pushOperators(
    pushGraphicsState(),
    setFillingRgbColor(0, 0, 0),
    ...qr.runs.map(([row, col, length]) => rectangle(margin + col * unit, top - (row + 1) * unit, length * unit, unit)),
    fill(),
    popGraphicsState(),
  );
  const note = [
    'Vérifier ce document :',
    'scannez le code ou ouvrez',
    pdfText(input.verifyUrl),
    'Le document est scellé (signature ES256) :',
    'toute modification se voit à la vérification.',
  ];
  note.forEach((line, i) => page.drawText(pdfText(line), { x: margin + size + 16, y: margin + 24 + size - 14 - i * 16, size: 10, font: i === 0 ? bold : regular, color: rgb(0.1, 0.1, 0.1) }));
  return pdf.save({ useObjectStreams: false });
}

/**
 * Draws a throwaway document, once when a server process starts (instrumentation.ts): the first one of a process loads
 * pdf-lib, the standard fonts' metrics and the QR encoder, about 65 ms of its event loop, which the first student to
 * file a case — and every request of that process meanwhile — would otherwise wait for (docs/performance-history.md,
 * session 47). It warms what the pages, actions and routes use because Node loads pdf-lib and qrcode once per process
 * (next.config.ts, serverExternalPackages); bundled, each layer had its own copy.
 */
export async function warmUpPdf(): Promise<void> {
  await renderDocumentPdf({ id: 'prechauffage', title: 'Préchauffage', issuerLabel: 'e-Guichet', issuedAt: new Date(0), fields: [{ libelle: 'Champ', valeur: 'Valeur' }], verifyUrl: 'http://localhost/verifier/prechauffage', jws: '' });
}
