import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import { personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { grantConsent } from '../../platform/consents';
import { injectFault } from '../../platform/faults';
import { lookupAddress, lookupAddresses } from '../../world/addresses';
import { parkingDecisionFor, runParkingLookUps } from './check';
import { decideParkingCard, type FiscalAddress, type Vehicle } from './rules';

const home = { ligne: '24 rue des Tanneurs', code_postal: '00100', commune: 'Villeneuve-sur-Brenne' };
const fiscal = (over: Partial<FiscalAddress> = {}) => ({ ok: true as const, data: { adresse: home, type_residence: 'principale' as const, ...over } });
const car = (over: Partial<Vehicle> = {}): Vehicle => ({ immatriculation: 'GH-482-KT', titulaire: 'BENALI Karim', titulaire_type: 'personne', adresse: home, ...over });
const zoneA = { communeCode: '00101', communeName: 'Villeneuve-sur-Brenne', postalCode: '00100', street: 'rue des Tanneurs', number: 24, parkingZone: 'A' };

describe('the parking card rules', () => {
  it('grant a card when the principal residence is in a zone and a car of the person is registered there', () => {
    expect(decideParkingCard({ fiscal: fiscal(), vehicles: { ok: true, data: [car()] }, street: zoneA })).toEqual({ decision: 'accorde', zone: 'A', immatriculation: 'GH-482-KT', adresse: home });
  });

  it('pick the car registered at the address when another one is not (case and accents aside)', () => {
    const old = car({ immatriculation: 'CK-650-MZ', adresse: { ligne: '21 route de la Forêt', code_postal: '00430', commune: 'Bourg-Léger' } });
    const here = car({ immatriculation: 'EL-117-BD', adresse: { ...home, ligne: '24  RUE DES TANNEURS' } });
    expect(decideParkingCard({ fiscal: fiscal(), vehicles: { ok: true, data: [old, here] }, street: zoneA })).toMatchObject({ decision: 'accorde', immatriculation: 'EL-117-BD' });
  });

  it.each([
    ['a secondary residence', { fiscal: fiscal({ type_residence: 'secondaire' }) }, /résidence secondaire/],
    ['an address outside the zones', { street: { ...zoneA, parkingZone: null } }, /pas dans une zone/],
    ['an address the base does not know', { street: null }, /pas dans une zone/],
    ['no vehicle', { vehicles: { ok: false as const, code: 'usager_inconnu' } }, /Aucun véhicule/],
    ['a company vehicle only', { vehicles: { ok: true as const, data: [car({ titulaire_type: 'societe' })] } }, /société/],
    ['a certificate at the old address', { vehicles: { ok: true as const, data: [car({ adresse: { ligne: '3 Grand-Rue', code_postal: '00320', commune: 'Montclar-les-Vignes' } })] } }, /porte encore l’adresse «\s3 Grand-Rue, 00320 Montclar-les-Vignes\s»/],
    ['a person unknown to the tax office', { fiscal: { ok: false as const, code: 'usager_inconnu' } }, /ne connaissent pas/],
  ])('refuse %s, with the reason and a remedy', (_, over, motif) => {
    const decision = decideParkingCard({ fiscal: fiscal(), vehicles: { ok: true, data: [car()] }, street: zoneA, ...over });
    expect(decision).toMatchObject({ decision: 'refuse', motif: expect.stringMatching(motif), solution: expect.any(String) });
  });

  it.each([['organisme_indisponible'], ['delai_depasse'], ['consentement_absent']])('cannot decide when a look-up failed (%s)', (code) => {
    expect(decideParkingCard({ fiscal: fiscal(), vehicles: { ok: false, code }, street: zoneA })).toMatchObject({ decision: 'impossible' });
  });
});

describe('the address base', () => {
  it('finds a street and its zone, whatever the case, accents and hyphens', async () => {
    const db = await freshDb();
    expect(await lookupAddress(db, '24 rue des Tanneurs', '00100')).toMatchObject({ parkingZone: 'A', communeCode: '00101' });
    expect(await lookupAddress(db, '12 RUE VICTOR HUGO', '00100')).toMatchObject({ parkingZone: 'B' });
    expect(await lookupAddress(db, '5 allee des cerisiers', '00100')).toMatchObject({ parkingZone: null });
    expect(await lookupAddress(db, '500 rue des Tanneurs', '00100')).toBeNull(); // beyond the last number
    expect(await lookupAddress(db, 'rue des Tanneurs', '00100')).toBeNull(); // no number
    expect(await lookupAddress(db, '24 rue des Tanneurs', '00210')).toBeNull(); // another commune
    // Several at once (an agent's notices), in one read: each answer in its place, as one at a time would give it.
    const asked = [
      { line: '24 rue des Tanneurs', postalCode: '00100' },
      { line: 'rue des Tanneurs', postalCode: '00100' },
      { line: '24 rue des Tanneurs', postalCode: '00210' },
      { line: '12 RUE VICTOR HUGO', postalCode: ' 00100 ' },
    ];
    const one = await Promise.all(asked.map((a) => lookupAddress(db, a.line, a.postalCode)));
    expect(await lookupAddresses(db, asked)).toEqual(one);
    expect(one.map((m) => m?.parkingZone ?? null)).toEqual(['A', null, null, 'B']);
    expect(await lookupAddresses(db, [])).toEqual([]);
  });
});

describe('path A end to end through the gateway', () => {
  const setup = async () => {
    const db = await freshDb();
    const classSessionId = (await demoSession(db))!.id;
    const person = async (key: string) => {
      const p = (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, classSessionId))).get())!;
      for (const [provider, item] of [['dgfip', 'dgfip.adresse_fiscale'], ['siv', 'siv.vehicules']] as const) {
        await grantConsent(db, { classSessionId, personaId: p.id, consumer: 'ville', provider, items: [item], purpose: 'carte_stationnement_residentiel', days: 30, shownText: 't', textVersion: 'v' });
      }
      return { id: p.id, classSessionId };
    };
    return { db, classSessionId, person };
  };

  it.each([
    ['karim-benali', { decision: 'accorde', zone: 'A', immatriculation: 'GH-482-KT' }],
    ['sophie-lefebvre', { decision: 'refuse', motif: expect.stringContaining('FN-215-PL porte encore') }],
    ['samir-aziz', { decision: 'refuse', motif: expect.stringContaining('résidence secondaire') }],
    ['hugo-lambert', { decision: 'refuse', motif: expect.stringContaining('société') }],
    ['julie-fontaine', { decision: 'refuse', motif: expect.stringContaining('impôts ne connaissent pas') }],
    ['nicolas-henry', { decision: 'accorde', immatriculation: 'EL-117-BD' }],
  ])('decides for %s from the data the platform returned', async (key, expected) => {
    const { db, person } = await setup();
    const who = await person(key);
    const ids = await runParkingLookUps(db, who);
    expect((await parkingDecisionFor(db, who, ids))?.decision).toMatchObject(expected);
  });

  it('says the check could not be made when the SIV is down, and reads only the person’s own look-ups', async () => {
    const { db, classSessionId, person } = await setup();
    const karim = await person('karim-benali');
    await injectFault(db, classSessionId, { agency: 'siv', kind: 'panne', minutes: 5 });
    const ids = await runParkingLookUps(db, karim);
    expect((await parkingDecisionFor(db, karim, ids))?.decision).toMatchObject({ decision: 'impossible', motif: expect.stringContaining('cartes grises') });
    const sophie = await person('sophie-lefebvre');
    expect(await parkingDecisionFor(db, sophie, ids)).toBeNull();
  });
});
