import type { JWK } from 'jose';
import { PDFDocument } from 'pdf-lib';
import { formatDate } from '../format';
import { pdfText } from './pdf';
import { verifySealSignature, type PrintedData, type SealClaims } from './seal';

// `npm run document:verifier`: a PDF checked offline, as a 2D-Doc reader does. The seal (a JWS in the PDF's metadata)
// is verified against a key set; the text printed on the page is read back (PDF.js, Mozilla's PDF reader) and set
// beside the data the seal carries, field by field. Revocation is not in the file: it stays an online check.

export type FieldComparison = { libelle: string; scelle: string; page: string | null; identique: boolean };
export type PdfCheck =
  | { ok: false; raison: string; claims?: SealClaims }
  | { ok: boolean; raison?: string; claims: SealClaims; kid: string | undefined; champs: FieldComparison[]; differences: number };

type Line = { text: string; size: number; x: number; y: number };

/** The page's text as lines (top to bottom), each with its font size: how e-Guichet lays a document out. */
async function pageLines(bytes: Uint8Array): Promise<Line[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const content = await (await pdf.getPage(1)).getTextContent();
    const lines: Line[] = [];
    for (const item of content.items) {
      if (!('str' in item) || item.str.trim() === '') continue;
      const [a, b, , , x, y] = item.transform as number[];
      const size = Math.round(Math.hypot(a!, b!));
      // Pieces of one line (an edited stream may split it) join up: same baseline, same size.
      const same = lines.find((l) => Math.abs(l.y - y!) < 0.5 && l.size === size);
      if (same) same.text += item.str;
      else lines.push({ text: item.str, size, x: x!, y: y! });
    }
    return lines.sort((p, q) => q.y - p.y || p.x - q.x);
  } finally {
    await pdf.destroy();
  }
}

const normal = (text: string) => pdfText(text).replace(/\s+/g, ' ').trim();

/** The blocks of an e-Guichet document page: title (20 pt), issuer line (11 pt), then label (11 pt) / value (12 pt). */
function readLayout(lines: Line[]) {
  const left = lines.filter((l) => l.x < 100); // the QR code's note sits to its right
  const runs: { size: number; text: string }[] = [];
  for (const line of left) {
    const last = runs.at(-1);
    if (last && last.size === line.size) last.text += ` ${line.text}`;
    else runs.push({ size: line.size, text: line.text });
  }
  const titleAt = runs.findIndex((r) => r.size === 20);
  const title = titleAt >= 0 ? runs[titleAt]!.text : null;
  const issuerLine = titleAt >= 0 && runs[titleAt + 1]?.size === 11 ? runs[titleAt + 1]!.text : null;
  const idAt = runs.findIndex((r, i) => i > titleAt && r.size === 9);
  const fields: { libelle: string; valeur: string }[] = [];
  for (let i = idAt + 1; idAt >= 0 && i < runs.length; i++) {
    const run = runs[i]!;
    if (run.size === 11) fields.push({ libelle: run.text, valeur: '' });
    else if (run.size === 12 && fields.length > 0) fields.at(-1)!.valeur += `${fields.at(-1)!.valeur ? ' ' : ''}${run.text}`;
  }
  return { title, issuerLine, fields };
}

function compare(sealed: PrintedData, layout: ReturnType<typeof readLayout>): FieldComparison[] {
  const row = (libelle: string, scelle: string, page: string | null): FieldComparison => ({ libelle, scelle, page, identique: page !== null && normal(page) === normal(scelle) });
  const issuer = `${sealed.emetteur} — délivré le ${formatDate(new Date(sealed.delivre_le))}`;
  const rows = [row('Document', sealed.titre, layout.title), row('Émetteur et date', issuer, layout.issuerLine)];
  const count = Math.max(sealed.champs.length, layout.fields.length);
  for (let i = 0; i < count; i++) {
    const expected = sealed.champs[i];
    const found = layout.fields[i];
    if (!expected) rows.push({ libelle: found!.libelle, scelle: '(absent du sceau)', page: found!.valeur, identique: false });
    else if (!found) rows.push(row(expected.libelle, expected.valeur, null));
    else if (normal(found.libelle) !== normal(expected.libelle)) rows.push({ libelle: expected.libelle, scelle: `${expected.libelle} : ${expected.valeur}`, page: `${found.libelle} : ${found.valeur}`, identique: false });
    else rows.push(row(expected.libelle, expected.valeur, found.valeur));
  }
  return rows;
}

/** Checks an e-Guichet PDF against a key set: its seal, then its page against the data the seal carries. */
export async function checkDocumentPdf(bytes: Uint8Array, keys: JWK[]): Promise<PdfCheck> {
  let keywords: string;
  try {
    keywords = (await PDFDocument.load(bytes, { updateMetadata: false })).getKeywords() ?? '';
  } catch {
    return { ok: false, raison: 'ce fichier n’est pas un PDF lisible.' };
  }
  const jws = /e-guichet-sceau:(\S+)/.exec(keywords)?.[1];
  if (!jws) return { ok: false, raison: 'ce PDF ne porte aucun sceau e-Guichet (métadonnées « Keywords »).' };
  const signature = await verifySealSignature(jws, keys);
  if (!signature.ok) return { ok: false, raison: 'la signature du sceau ne se vérifie pas avec ces clés : le sceau a été modifié, ou il ne vient pas de ce serveur e-Guichet.' };
  const { claims, kid } = signature;
  if (!claims.imprime) return { ok: false, raison: 'ce sceau date d’avant les sceaux qui portent les données imprimées : comparez le fichier en ligne, sur la page de vérification.', claims };
  const champs = compare(claims.imprime, readLayout(await pageLines(bytes)));
  const differences = champs.filter((c) => !c.identique).length;
  return { ok: differences === 0, claims, kid, champs, differences };
}
