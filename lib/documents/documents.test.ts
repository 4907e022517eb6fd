import { eq } from 'drizzle-orm';
import { compactVerify, createLocalJWKSet } from 'jose';
import { decodePDFRawStream, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { freshDb, rawSql, rowsOfSession, tablesOfSessions } from '../../test/db';
import { documents, personas } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { prepareDocument, samePdf, storeDocument, verifyDocument, verifyPath } from './documents';
import { env } from '../env';
import { documentJwks } from './keys';
import { qrRuns } from './pdf';

async function issued() {
  const db = await freshDb();
  const classSessionId = (await demoSession(db))!.id;
  const persona = (await db.select().from(personas).where(eq(personas.classSessionId, classSessionId)).get())!;
  const row = await prepareDocument({
    classSessionId,
    personaId: persona.id,
    caseId: null,
    kind: 'carte_stationnement',
    title: 'Carte de stationnement résidentiel',
    issuer: 'ville',
    issuerLabel: 'Ville de Villeneuve-sur-Brenne (fictive)',
    content: { champs: [{ libelle: 'Immatriculation', valeur: 'GH-482-KT' }, { libelle: 'Zone', valeur: 'A' }], donnees: { immatriculation: 'GH-482-KT', zone: 'A' } },
  });
  await storeDocument(db, row);
  return { db, row };
}

describe('issued documents', () => {
  it('a genuine document passes, and its seal verifies with the published JWKS through a standard JWS library', async () => {
    const { db, row } = await issued();
    expect(await verifyDocument(db, row.id)).toMatchObject({ authentique: true, revoque: false, type: 'carte_stationnement', emetteur: 'Ville de Villeneuve-sur-Brenne (fictive)' });
    const { payload, protectedHeader } = await compactVerify(row.jws, createLocalJWKSet(await documentJwks()));
    expect(protectedHeader).toMatchObject({ alg: 'ES256' });
    expect(JSON.parse(new TextDecoder().decode(payload))).toMatchObject({ jti: row.id, sha256: row.contentHash, iss: 'e-guichet:ville' });
  });

  it('fails when one byte of the content changed', async () => {
    const { db, row } = await issued();
    const altered = JSON.stringify(row.content).replace('GH-482-KT', 'GH-482-KU');
    await rawSql('UPDATE documents SET content = ? WHERE id = ?', altered, row.id);
    expect(await verifyDocument(db, row.id)).toMatchObject({ authentique: false, raison: expect.stringContaining('modifié') });
  });

  it('carries the printed data in its seal, shown for the paper to be compared with; a title changed on the server is seen', async () => {
    const { db, row } = await issued();
    expect(await verifyDocument(db, row.id)).toMatchObject({
      authentique: true,
      donnees_scellees: { titre: 'Carte de stationnement résidentiel', emetteur: 'Ville de Villeneuve-sur-Brenne (fictive)', delivre_le: row.issuedAt.toISOString(), champs: row.content.champs },
    });
    await db.update(documents).set({ title: 'Carte de stationnement (tous quartiers)' }).where(eq(documents.id, row.id)).run();
    expect(await verifyDocument(db, row.id)).toMatchObject({ authentique: false, raison: expect.stringMatching(/titre, l’émetteur ou la date/), donnees_scellees: { titre: 'Carte de stationnement résidentiel' } });
  });

  it('fails when one byte of the seal changed', async () => {
    const { db, row } = await issued();
    const [header, payload, signature] = row.jws.split('.');
    const flipped = `${signature!.slice(0, 10)}${signature![10] === 'A' ? 'B' : 'A'}${signature!.slice(11)}`;
    await db.update(documents).set({ jws: `${header}.${payload}.${flipped}` }).where(eq(documents.id, row.id)).run();
    expect(await verifyDocument(db, row.id)).toMatchObject({ authentique: false, raison: expect.stringContaining('signature') });
    await expect(compactVerify(`${header}.${payload}.${flipped}`, createLocalJWKSet(await documentJwks()))).rejects.toThrow();
  });

  it('is revocable: still sealed, no longer authentic', async () => {
    const { db, row } = await issued();
    await db.update(documents).set({ revokedAt: new Date() }).where(eq(documents.id, row.id)).run();
    expect(await verifyDocument(db, row.id)).toMatchObject({ authentique: false, revoque: true });
  });

  it('renders a PDF that opens, carries its data, its id and its seal, and loses its match when one byte changes', async () => {
    const { row } = await issued();
    const bytes = Buffer.from(row.pdf, 'base64');
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getKeywords()).toContain(row.id);
    expect(pdf.getKeywords()).toContain(row.jws);
    expect(pdf.getTitle()).toBe('Carte de stationnement résidentiel (simulation)');
    expect(samePdf(row, bytes)).toBe(true);
    const altered = Buffer.from(bytes);
    const middle = Math.floor(altered.length / 2);
    altered[middle] = altered[middle]! ^ 0x01;
    expect(samePdf(row, altered)).toBe(false);
  });

  it('draws its QR code as the verification address’s modules, as rectangles and not an image', async () => {
    const { row } = await issued();
    const url = `http://127.0.0.1:3000/verifier/${row.id}`;
    const { runs, modules } = qrRuns(url);
    const expected = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
    expect(modules).toBe(expected.size + 2); // a quiet module on each side
    // Each run [row, column, length] paints `length` modules of one row, counted from the quiet zone's corner.
    const drawn = Array.from({ length: expected.size }, () => Array<boolean>(expected.size).fill(false));
    for (const [line, col, length] of runs) {
      expect(line).toBeGreaterThanOrEqual(1);
      expect(col).toBeGreaterThanOrEqual(1);
      expect(col + length - 1).toBeLessThanOrEqual(expected.size);
      for (let i = 0; i < length; i++) {
        expect(drawn[line - 1]![col - 1 + i], `module ${line - 1}, ${col - 1 + i} drawn twice`).toBe(false);
        drawn[line - 1]![col - 1 + i] = true;
      }
    }
    for (let r = 0; r < expected.size; r++) for (let c = 0; c < expected.size; c++) expect(drawn[r]![c], `module ${r}, ${c}`).toBe(Boolean(expected.get(r, c)));
    const pdf = await PDFDocument.load(Buffer.from(row.pdf, 'base64'));
    const images = pdf.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype')) === PDFName.of('Image'));
    expect(images).toHaveLength(0);
    // In the page: one rectangle per run of the document's own address, filled at once.
    const { runs: printed } = qrRuns(`${env().baseUrl}${verifyPath(row.id)}`);
    const streams = pdf.context.enumerateIndirectObjects().flatMap(([, o]) => (o instanceof PDFRawStream ? [o] : []));
    const operators = streams.map((o) => Buffer.from(decodePDFRawStream(o).decode()).toString('latin1')).join('\n');
    expect(operators.match(/ re\n/g)?.length ?? 0).toBe(printed.length);
  });

  it('keeps the same key across restarts (derived from the stored secret)', async () => {
    const first = await documentJwks();
    const second = await documentJwks();
    expect(second).toEqual(first);
    expect(first.keys[0]).not.toHaveProperty('d');
  });
});

describe('derived signing keys', () => {
  it('carry as kid the RFC 7638 thumbprint jose computes (the documents’ kid since the start)', async () => {
    const { calculateJwkThumbprint } = await import('jose');
    const { derivedEs256Keys } = await import('./keys');
    for (const label of ['e-guichet document signing key', 'e-guichet journal checkpoint key']) {
      const keys = derivedEs256Keys('un secret de test', label);
      expect(keys.kid).toBe(await calculateJwkThumbprint(keys.publicJwk));
    }
  });
});
