import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import { caseFiles, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { caseOf } from '../engine/cases';
import { runDueInstruction } from '../engine/run';
import { checkProofForm, fileParkingCardWithProofs, maxProofBytes, sniffMime, type UploadedProof } from './proofs';

const pdf = new TextEncoder().encode('%PDF-1.4\n% justificatif fictif\n');
const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
const fakePdf = new TextEncoder().encode('<html>pas un pdf</html>');

describe('proofs', () => {
  it('are typed by their first bytes, not by their name', () => {
    expect([sniffMime(pdf), sniffMime(png), sniffMime(jpeg), sniffMime(fakePdf)]).toEqual(['application/pdf', 'image/png', 'image/jpeg', null]);
  });

  it('are checked one by one, with the reason next to each', () => {
    const big = new Uint8Array(maxProofBytes + 1);
    big.set(pdf);
    expect(checkProofForm('ab 123 cd', { avis_imposition: { name: 'avis.pdf', bytes: pdf }, certificat_immatriculation: { name: 'cg.pdf', bytes: fakePdf }, justificatif_domicile: { name: 'facture.pdf', bytes: big } })).toEqual({
      certificat_immatriculation: 'Le fichier « cg.pdf » n’est ni un PDF, ni une image JPEG ou PNG.',
      justificatif_domicile: expect.stringContaining('dépasse 2 Mo'),
    });
    expect(checkProofForm('', {})).toEqual({
      immatriculation: 'Saisissez l’immatriculation du véhicule.',
      avis_imposition: 'Ajoutez ce justificatif.',
      certificat_immatriculation: 'Ajoutez ce justificatif.',
      justificatif_domicile: 'Ajoutez ce justificatif.',
    });
    expect(checkProofForm('AB123', {}).immatriculation).toBe('L’immatriculation s’écrit comme AB-123-CD.');
  });

  it('travel with the case, are decided later than data checked through the platform, and go with the séance', async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, classSessionId))).get())!;
    const proofs: UploadedProof[] = [
      { kind: 'avis_imposition', name: 'avis.pdf', bytes: pdf },
      { kind: 'certificat_immatriculation', name: 'carte-grise.png', bytes: png },
      { kind: 'justificatif_domicile', name: 'facture.jpg', bytes: jpeg },
    ];
    const karim = await person('karim-benali');
    const antoine = await person('antoine-mercier');
    const a = await fileParkingCardWithProofs(db, karim, { kind: 'usager', id: karim.id, label: 'Karim' }, 'gh 482 kt', proofs);
    const b = await fileParkingCardWithProofs(db, antoine, { kind: 'usager', id: antoine.id, label: 'Antoine' }, 'EZ-561-QN', proofs);
    expect(a).toMatchObject({ state: 'depose', answers: { vehicule: { immatriculation: 'GH-482-KT' } } });
    expect((await db.select().from(caseFiles).where(eq(caseFiles.caseId, a.id)).all()).map((f) => f.mime).sort()).toEqual(['application/pdf', 'image/jpeg', 'image/png']);

    const delay = (await demoSession(db))!.autoInstructionDelaySeconds * 1000;
    await runDueInstruction(db, classSessionId, new Date(Date.now() + delay * 2)); // enough for data, not for proofs
    expect((await caseOf(db, karim.id, a.id))?.state).toBe('depose');
    await runDueInstruction(db, classSessionId, new Date(Date.now() + delay * 3 + 1000));
    expect(await caseOf(db, karim.id, a.id)).toMatchObject({ state: 'accepte' });
    expect(await caseOf(db, antoine.id, b.id)).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('pas dans une zone') } });
  });
});
