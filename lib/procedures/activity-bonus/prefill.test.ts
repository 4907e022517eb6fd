import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { consents, journalEntries, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { askForBonus, bonusPurpose, prefillActivityBonus } from './prefill';

let db: AsyncExecutor;
let session: string;
const person = async (key: string) => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
});

describe('the prime d’activité’s pre-fill through the platform', () => {
  it('asks the DGFiP and France Travail on the CAF’s legal basis, without any consent, and reads the CAF’s own file', async () => {
    const thomas = await person('thomas-girard');
    const { sources, own } = await prefillActivityBonus(db, thomas, 'EG-TEST');
    expect(sources).toEqual([
      { provider: 'dgfip', item: 'dgfip.revenu_fiscal_reference', result: 'accorde', basis: 'mission_de_service_public', entryId: expect.any(String), data: expect.objectContaining({ revenu_fiscal_reference: 9800, nombre_parts: 1 }), code: null },
      { provider: 'france-travail', item: 'france-travail.inscription', result: 'accorde', basis: 'mission_de_service_public', entryId: expect.any(String), data: { inscrit: true, depuis: '2026-03-02', categorie: 'Catégorie A' }, code: null },
    ]);
    expect(own).toMatchObject({ familySituation: 'Célibataire', benefits: ['Revenu de solidarité active'] });
    // The journal the person reads: two exchanges for this purpose, on the law's basis; no consent was asked or kept.
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.caseId, 'EG-TEST')).orderBy(asc(journalEntries.sequence)).all();
    expect(entries.map((e) => [e.consumer, e.provider, e.purpose, e.legalBasis, e.result, e.caseId])).toEqual([
      ['caf', 'dgfip', bonusPurpose, 'mission_de_service_public', 'accorde', 'EG-TEST'],
      ['caf', 'france-travail', bonusPurpose, 'mission_de_service_public', 'accorde', 'EG-TEST'],
    ]);
    expect(await db.select().from(consents).where(eq(consents.personaId, thomas.id)).all()).toEqual([]);
  });

  it('says when a body does not know the person (Karim is not registered at France Travail)', async () => {
    const { sources } = await prefillActivityBonus(db, await person('karim-benali'));
    expect(sources.find((s) => s.provider === 'france-travail')).toMatchObject({ result: 'inconnu', data: null, code: 'usager_inconnu' });
  });

  it('is refused, and journaled, for a body the catalogue gives the CAF no habilitation for (the CPAM, for this purpose)', async () => {
    const thomas = await person('thomas-girard');
    const asked = await askForBonus(db, thomas, 'cpam', 'cpam.droits');
    expect(asked).toMatchObject({ result: 'refuse', basis: null, data: null, code: 'habilitation_absente', entryId: expect.any(String) });
    expect(await db.select().from(journalEntries).where(eq(journalEntries.id, asked.entryId!)).get()).toMatchObject({ consumer: 'caf', provider: 'cpam', result: 'refuse', reason: 'habilitation_absente' });
  });
});
