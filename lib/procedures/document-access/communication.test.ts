import { pdfText } from '../../../test/pdf-text';
import { describe, expect, it } from 'vitest';
import { prepareDocument } from '../../documents/documents';
import { documentJwks } from '../../documents/keys';
import { checkDocumentPdf } from '../../documents/pdf-check';
import { communicatedFields } from './communication';
import { heldDocument } from './documents';
import { decideAccess } from './rules';

/** Every text shown on the PDF's one page. */
async function pageText(bytes: Uint8Array): Promise<string> {
  const text = await pdfText(bytes);
  expect(text.length).toBeGreaterThan(0);
  return text;
}

describe('a document given with a passage blacked out', () => {
  it('prints the ground on a black band, keeps the protected text out of the file, and verifies like any sealed document', async () => {
    const permit = heldDocument('ville-permis-tilleuls')!;
    const decision = decideAccess(permit, { mode: 'copie', requesterId: 'karim-benali', recentRequests: 0 });
    if (decision.kind !== 'communiquer') throw new Error(decision.kind);
    const champs = communicatedFields(permit, decision);
    expect(champs).toEqual([
      { libelle: 'Document', valeur: permit.title },
      { libelle: 'Communication', valeur: 'Copie papier envoyée par la poste' },
      { libelle: 'Frais de copie et d’envoi', valeur: '5,16\u00a0€' },
      { libelle: 'Passage 1', valeur: permit.parts[0]!.text },
      { libelle: 'Passage 2', valeur: 'Occulté\u00a0: la protection de la vie privée (article L311-6)', occulte: true },
      { libelle: 'Passage 3', valeur: permit.parts[2]!.text },
    ]);
    const row = await prepareDocument({ classSessionId: 's1', personaId: 'p1', caseId: null, kind: 'document_administratif', title: 'Communication d’un document administratif', issuer: 'ville', issuerLabel: 'Ville de Villeneuve-sur-Brenne (fictive)', content: { champs, donnees: {} } });
    const bytes = new Uint8Array(Buffer.from(row.pdf, 'base64'));
    const text = await pageText(bytes);
    expect(text).toContain('Occulté');
    expect(text).not.toContain('téléphone');
    expect(text).not.toContain('Bernard');
    expect(text).toContain('véranda');
    const check = await checkDocumentPdf(bytes, (await documentJwks()).keys);
    expect(check).toMatchObject({ ok: true, differences: 0 });
    expect('claims' in check && check.claims?.imprime?.champs[4]).toEqual({ libelle: 'Passage 2', valeur: 'Occulté\u00a0: la protection de la vie privée (article L311-6)', occulte: true });
  });
});
