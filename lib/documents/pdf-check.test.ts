import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFArray, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from './documents';
import { derivedEs256Keys, documentJwks } from './keys';
import { checkDocumentPdf } from './pdf-check';

// Issue 18: a PDF whose holder's name was changed in its content stream still carries a valid seal; the seal now
// carries the printed data, so the change shows offline, field by field.

async function issuedPdf() {
  const row = await prepareDocument({
    classSessionId: 's1',
    personaId: 'p1',
    caseId: null,
    kind: 'carte_stationnement',
    title: 'Carte de stationnement résidentiel',
    issuer: 'ville',
    issuerLabel: 'Ville de Villeneuve-sur-Brenne (fictive)',
    content: {
      champs: [
        { libelle: 'Titulaire', valeur: 'Karim Benali' },
        { libelle: 'Immatriculation', valeur: 'GH-482-KT' },
        { libelle: 'Adresse', valeur: '12 rue des Tilleuls, 99100 Villeneuve-sur-Brenne — une adresse assez longue pour passer à la ligne sur la page' },
      ],
      donnees: {},
    },
  });
  return { row, bytes: new Uint8Array(Buffer.from(row.pdf, 'base64')) };
}

/** What someone with a PDF tool does: decode the page's content stream, change a text, store it again. */
async function editText(bytes: Uint8Array, from: string, to: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes);
  const contents = pdf.context.lookup(pdf.getPage(0).node.get(PDFName.of('Contents')));
  const refs = contents instanceof PDFArray ? contents.asArray() : [pdf.getPage(0).node.get(PDFName.of('Contents'))];
  const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();
  const found = refs.filter((ref) => {
    const stream = pdf.context.lookup(ref);
    if (!(stream instanceof PDFRawStream)) return false;
    const text = Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
    if (!text.includes(`<${hex(from)}>`)) return false;
    const edited = pdf.context.flateStream(Buffer.from(text.replace(`<${hex(from)}>`, `<${hex(to)}>`), 'latin1'));
    pdf.context.assign(ref as PDFRef, edited);
    return true;
  });
  expect(found).toHaveLength(1);
  return pdf.save({ useObjectStreams: false });
}

describe('document:verifier (offline, against the published keys)', () => {
  it('a genuine PDF: the seal verifies and every printed field matches it', async () => {
    const { row, bytes } = await issuedPdf();
    const result = await checkDocumentPdf(bytes, (await documentJwks()).keys);
    expect(result).toMatchObject({ ok: true, differences: 0, claims: { jti: row.id, imprime: { titre: 'Carte de stationnement résidentiel' } } });
    expect('champs' in result && result.champs.map((c) => [c.libelle, c.identique])).toEqual([
      ['Document', true],
      ['Émetteur et date', true],
      ['Titulaire', true],
      ['Immatriculation', true],
      ['Adresse', true],
    ]);
  });

  it('the holder’s name changed in the content stream: the seal still verifies, the page differs from it', async () => {
    const { bytes } = await issuedPdf();
    const edited = await editText(bytes, 'Karim Benali', 'Kevin Bernard');
    // The seal itself is untouched and still verifies: only the comparison with what it carries shows the change.
    const result = await checkDocumentPdf(edited, (await documentJwks()).keys);
    expect(result).toMatchObject({ ok: false, differences: 1 });
    expect('champs' in result && result.champs.find((c) => !c.identique)).toEqual({ libelle: 'Titulaire', scelle: 'Karim Benali', page: 'Kevin Bernard', identique: false });
  });

  it('a seal signed with another key, or a PDF without a seal, is refused', async () => {
    const { bytes } = await issuedPdf();
    const other = derivedEs256Keys('un autre serveur', 'e-guichet document signing key');
    expect(await checkDocumentPdf(bytes, [other.publicJwk])).toMatchObject({ ok: false, raison: expect.stringMatching(/signature du sceau ne se vérifie pas/) });
    const bare = await PDFDocument.create();
    bare.addPage();
    expect(await checkDocumentPdf(await bare.save(), (await documentJwks()).keys)).toMatchObject({ ok: false, raison: expect.stringMatching(/aucun sceau/) });
    expect(await checkDocumentPdf(new TextEncoder().encode('pas un PDF'), (await documentJwks()).keys)).toMatchObject({ ok: false, raison: expect.stringMatching(/pas un PDF/) });
  });

  it('the command, offline with a saved key set: exit 0 for the genuine PDF, 1 and the differing field for the edited one', async () => {
    const { bytes } = await issuedPdf();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'e-guichet-document-'));
    fs.writeFileSync(path.join(dir, 'cles.json'), JSON.stringify(await documentJwks()));
    fs.writeFileSync(path.join(dir, 'vrai.pdf'), bytes);
    fs.writeFileSync(path.join(dir, 'retouche.pdf'), await editText(bytes, 'Karim Benali', 'Kevin Bernard'));
    const run = (file: string) => spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/document-verifier.ts', path.join(dir, file), '--cles', path.join(dir, 'cles.json')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env } });
    const genuine = run('vrai.pdf');
    expect(genuine.stdout).toMatch(/rien n’est demandé en ligne[\s\S]*Sceau valide[\s\S]*✓ Titulaire\s: « Karim Benali »[\s\S]*la page correspond à son sceau[\s\S]*non vérifiée \(hors ligne\)/);
    expect(genuine.status).toBe(0);
    const edited = run('retouche.pdf');
    expect(edited.stdout).toMatch(/✗ Titulaire\s: le sceau dit « Karim Benali », la page « Kevin Bernard »/);
    expect(edited.stdout).toMatch(/ÉCHEC\s: la page ne correspond pas à son sceau \(1\sdifférence\)/);
    expect(edited.status).toBe(1);
  }, 60_000);
});
