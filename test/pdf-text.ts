import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

// The standard fonts' WinAnsi encoding: Latin-1, except 0x80–0x9F, where it puts €, ’, —, œ… (Node's TextDecoder
// drops those bytes without full ICU).
const winAnsiHigh: Record<number, string> = { 0x80: '€', 0x82: '‚', 0x84: '„', 0x85: '…', 0x8c: 'Œ', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x9c: 'œ' };
const winAnsi = (bytes: Buffer) => [...bytes].map((b) => winAnsiHigh[b] ?? String.fromCharCode(b)).join('');

/**
 * Every text drawn on a PDF's pages, as their content streams hold it (pdf-lib writes the standard fonts' text as hex
 * strings): what a reader sees, without a PDF renderer. Pages joined by a new line, texts by a space.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await PDFDocument.load(bytes);
  return pdf
    .getPages()
    .map((page) => {
      const contents = page.node.get(PDFName.of('Contents'));
      const looked = pdf.context.lookup(contents);
      const refs = looked instanceof PDFArray ? looked.asArray() : [contents];
      const ops = refs
        .map((ref) => pdf.context.lookup(ref))
        .filter((stream): stream is PDFRawStream => stream instanceof PDFRawStream)
        .map((stream) => Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1'))
        .join('\n');
      return [...ops.matchAll(/<([0-9A-F]+)>/g)].map((m) => winAnsi(Buffer.from(m[1]!, 'hex'))).join(' ');
    })
    .join('\n');
}
