import { PDFArray, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';

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
      return [...ops.matchAll(/<([0-9A-F]+)>/g)].map((m) => Buffer.from(m[1]!, 'hex').toString('latin1')).join(' ');
    })
    .join('\n');
}
