import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../test/db';
import type { AsyncExecutor } from '../../db/engine';
import { addressNotices, cases, classSessions, documents, personas, sivVehicles, villeParkingCards, cafBeneficiaries } from '../../db/tables';
import { demoSession } from '../classroom/sessions';
import { verifyDocument } from '../documents/documents';
import { applyTransition, caseOf, createCase, saveDraft, timelineOf, type Actor } from './engine/cases';
import { runDueInstruction, submitCase } from './engine/run';
import type { Persona, RawValues } from './engine/types';
import { fileParkingCardWithConsent } from './parking-card/start';
import { firstInvalidStep, procedures } from './registry';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const citizen = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: p.givenNames });
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
});

async function draftWith(p: Persona, procedure: 'acte-naissance' | 'changement-adresse', answers: Record<string, RawValues>) {
  let c = await createCase(db, { classSessionId: session, personaId: p.id, procedure });
  for (const [step, values] of Object.entries(answers)) c = await saveDraft(db, c, step, values);
  return c;
}

const validate = async (key: string, procedure: 'acte-naissance' | 'changement-adresse', step: string, values: RawValues) => {
  const p = await persona(key);
  const def = procedures[procedure].steps.find((s) => s.id === step)!;
  return def.validate(values, { db, persona: p, answers: {} });
};

describe('changement d’adresse', () => {
  it.each([
    [{ voie: '', code_postal: '' }, { voie: 'Saisissez le numéro et le nom de la voie.', code_postal: 'Saisissez le code postal.' }],
    [{ voie: '24 rue des Tanneurs', code_postal: '100' }, { code_postal: 'Le code postal compte 5 chiffres, par exemple 00100.' }],
    [{ voie: 'rue des Tanneurs', code_postal: '00100' }, { voie: expect.stringContaining('Commencez par le numéro') }],
    [{ voie: '12 rue Imaginaire', code_postal: '00100' }, { voie: expect.stringContaining('n’existe pas dans la base des adresses') }],
    [{ voie: '500 rue des Tanneurs', code_postal: '00100' }, { voie: expect.stringContaining('n’existe pas') }],
  ])('refuses an address the base does not know, next to the field (%#)', async (values, errors) => {
    expect(await validate('lea-martin', 'changement-adresse', 'adresse', values)).toEqual({ ok: false, errors });
  });

  it('accepts a known address, and checks the date and the bodies', async () => {
    expect(await validate('lea-martin', 'changement-adresse', 'adresse', { voie: '3 place du Marché', code_postal: '00100' })).toEqual({ ok: true });
    expect(await validate('lea-martin', 'changement-adresse', 'date', { date: '31/02/2026' })).toMatchObject({ ok: false, errors: { date: expect.stringContaining('n’existe pas') } });
    expect(await validate('lea-martin', 'changement-adresse', 'date', { date: '01/01/2020' })).toMatchObject({ ok: false, errors: { date: expect.stringContaining('plus d’un an') } });
    expect(await validate('lea-martin', 'changement-adresse', 'organismes', {})).toMatchObject({ ok: false, errors: { organismes: 'Cochez au moins un organisme à prévenir.' } });
    expect(await validate('lea-martin', 'changement-adresse', 'organismes', { organismes: ['caf', 'nasa'] })).toMatchObject({ ok: false });
  });

  it('sends one notice per body; each body updates its own record or rejects; the case then closes', async () => {
    const lea = await persona('lea-martin');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    const c = await draftWith(lea, 'changement-adresse', { adresse: { voie: '3 place du Marché', code_postal: '00100' }, date: { date: today }, organismes: { organismes: ['caf', 'retraite'] } });
    const submitted = await submitCase(db, c, lea, citizen(lea));
    expect(submitted).toMatchObject({ state: 'depose', receiptNumber: expect.stringMatching(/^EG-\d{4}-[2-9A-Z]{6}$/) });
    expect((await db.select().from(addressNotices).where(eq(addressNotices.caseId, c.id)).all()).map((n) => [n.agency, n.state])).toEqual([['caf', 'a_traiter'], ['retraite', 'a_traiter']]);
    await runDueInstruction(db, session, new Date()); // not yet: the delay has not passed
    expect((await caseOf(db, lea.id, c.id))?.state).toBe('depose');
    await runDueInstruction(db, session, later(60));
    const notices = await db.select().from(addressNotices).where(eq(addressNotices.caseId, c.id)).all();
    expect(notices.map((n) => [n.agency, n.state])).toEqual([['caf', 'appliquee'], ['retraite', 'rejetee']]);
    expect(await db.select().from(cafBeneficiaries).where(eq(cafBeneficiaries.personaId, lea.id)).get()).toMatchObject({ addressLine: '3 place du Marché', postalCode: '00100' });
    expect((await caseOf(db, lea.id, c.id))?.state).toBe('accepte');
    expect((await db.select().from(personas).where(eq(personas.id, lea.id)).get())?.addressLine).toBe('3 place du Marché');
    expect((await timelineOf(db, c.id)).map((e) => e.toState ?? e.kind)).toEqual(['depose', 'en_instruction', 'avis', 'avis', 'accepte', 'avis']);
  });

  it('waits for the students who play a body, and decides the others', async () => {
    await db.update(classSessions).set({ bodiesPlayed: ['caf'] }).where(eq(classSessions.id, session)).run();
    const lea = await persona('lea-martin');
    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    const c = await draftWith(lea, 'changement-adresse', { adresse: { voie: '3 place du Marché', code_postal: '00100' }, date: { date: today }, organismes: { organismes: ['caf', 'cpam'] } });
    await submitCase(db, c, lea, citizen(lea));
    await runDueInstruction(db, session, later(60));
    expect((await db.select().from(addressNotices).where(eq(addressNotices.caseId, c.id)).all()).map((n) => [n.agency, n.state])).toEqual([['caf', 'a_traiter'], ['cpam', 'appliquee']]);
    expect((await caseOf(db, lea.id, c.id))?.state).toBe('en_instruction');
  });
});

describe('acte de naissance', () => {
  const file = async (key: string, answers: Record<string, RawValues>) => {
    const p = await persona(key);
    const c = await submitCase(db, await draftWith(p, 'acte-naissance', answers), p, citizen(p));
    await runDueInstruction(db, session, later(60));
    return (await caseOf(db, p.id, c.id))!;
  };

  it('delivers one’s own act, from the birth commune’s register, as a sealed document', async () => {
    const c = await file('karim-benali', { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } });
    expect(c).toMatchObject({ state: 'accepte', agency: 'etat-civil', unit: '00101' });
    const doc = (await db.select().from(documents).where(and(eq(documents.caseId, c.id), eq(documents.kind, 'acte_naissance_copie_integrale'))).get())!;
    expect(doc.content.champs).toEqual(expect.arrayContaining([{ libelle: 'Père', valeur: 'Mourad Benali' }, { libelle: 'Mentions', valeur: 'Aucune' }]));
    expect(await verifyDocument(db, doc.id)).toMatchObject({ authentique: true });
  });

  it('routes a birth abroad to the central service (Amadou, born in Senegal)', async () => {
    const c = await file('amadou-diallo', { demandeur: { lien: 'moi' }, type: { type: 'extrait_filiation' } });
    expect(c).toMatchObject({ unit: 'scec', state: 'accepte' });
  });

  it('gives only an extract without filiation for someone else’s act', async () => {
    const karim = await persona('karim-benali');
    const other = { demandeur: { lien: 'autre' }, personne: { nom: karim.familyName, prenoms: karim.givenNames, date: karim.birthdate.split('-').reverse().join('/'), lieu: '00101' } };
    expect(await file('sophie-lefebvre', { ...other, type: { type: 'copie_integrale' } })).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('seul l’extrait sans filiation') } });
    expect(await file('sophie-lefebvre', { ...other, type: { type: 'extrait_sans_filiation' } })).toMatchObject({ state: 'accepte' });
  });

  it('refuses when the register has no such act, and says what to check', async () => {
    const c = await file('lea-martin', { demandeur: { lien: 'enfant' }, personne: { nom: 'Martin', prenoms: 'Zoé', date: '01/01/2020', lieu: '00102' }, type: { type: 'extrait_filiation' } });
    expect(c).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('Aucun acte ne correspond'), solution: expect.stringContaining('Vérifiez') } });
  });

  it('cannot be submitted with a step skipped or forged (every step is checked again)', async () => {
    const lea = await persona('lea-martin');
    const forged = await draftWith(lea, 'acte-naissance', { demandeur: { lien: 'enfant' }, type: { type: 'copie_integrale' } }); // "personne" never filled
    await expect(submitCase(db, forged, lea, citizen(lea))).rejects.toThrow(/La personne née/);
    expect((await firstInvalidStep(procedures['acte-naissance'], { db, persona: lea, answers: forged.answers }))?.step.id).toBe('personne');
  });

  it('keeps drafts only while they are drafts', async () => {
    const lea = await persona('lea-martin');
    const c = await submitCase(db, await draftWith(lea, 'acte-naissance', { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } }), lea, citizen(lea));
    await expect((async () => saveDraft(db, c, 'type', { type: 'plurilingue' }))()).rejects.toThrow(/déjà envoyée/);
    await expect((async () => applyTransition(db, c, 'prendre', citizen(lea)))()).rejects.toThrow(/ne pouvez pas/);
  });
});

describe('carte de stationnement: the cross-scenario', () => {
  it('refused for the old address on the registration → change of address → retry → card issued', async () => {
    const sophie = await persona('sophie-lefebvre');
    const first = await fileParkingCardWithConsent(db, sophie, citizen(sophie));
    expect(first).toMatchObject({ state: 'refuse', outcome: { motif: expect.stringContaining('FN-215-PL porte encore'), solution: expect.stringContaining('changement d’adresse') } });

    const today = new Date().toISOString().slice(0, 10).split('-').reverse().join('/');
    const move = await draftWith(sophie, 'changement-adresse', { adresse: { voie: '57 boulevard des Tilleuls', code_postal: '00100' }, date: { date: today }, organismes: { organismes: ['siv', 'caf'] } });
    await submitCase(db, move, sophie, citizen(sophie));
    await runDueInstruction(db, session, later(60));
    expect(await db.select().from(sivVehicles).where(eq(sivVehicles.personaId, sophie.id)).get()).toMatchObject({ addressLine: '57 boulevard des Tilleuls', city: 'Villeneuve-sur-Brenne' });

    const retry = await fileParkingCardWithConsent(db, sophie, citizen(sophie));
    expect(retry).toMatchObject({ state: 'accepte' });
    expect(await db.select().from(villeParkingCards).where(eq(villeParkingCards.personaId, sophie.id)).get()).toMatchObject({ registration: 'FN-215-PL', zone: 'B' });
    const card = (await db.select().from(documents).where(and(eq(documents.caseId, retry.id), eq(documents.kind, 'carte_stationnement'))).get())!;
    expect(card.content.donnees).toMatchObject({ immatriculation: 'FN-215-PL', zone: 'B' });
    expect(await verifyDocument(db, card.id)).toMatchObject({ authentique: true });
    expect(await db.select().from(documents).where(and(eq(documents.caseId, retry.id), eq(documents.kind, 'accuse_reception'))).all()).toHaveLength(1);
    expect(await db.select().from(cases).where(eq(cases.personaId, sophie.id)).all()).toHaveLength(3);
  });
});

describe('every step of every procedure', () => {
  it('says which field each error is about: no two fields of a step share a message (the error summary lists them apart)', async () => {
    const thomas = await persona('thomas-girard');
    let checked = 0;
    for (const def of Object.values(procedures)) {
      for (const step of def.steps) {
        const ctx = { db, persona: thomas, answers: {} };
        const fields = await step.fields(ctx);
        for (const typed of ['', 'zzz']) {
          const result = await step.validate(Object.fromEntries(fields.map((f) => [f.name, typed])), ctx);
          if (result.ok) continue;
          const messages = Object.values(result.errors);
          expect(new Set(messages).size, `${def.id}, ${step.id}, « ${typed} » : ${messages.join(' | ')}`).toBe(messages.length);
          checked += messages.length;
        }
      }
    }
    expect(checked).toBeGreaterThan(40);
  });
});

describe('every procedure’s summary', () => {
  it('is labelled for whoever reads it (the person, their aidant, the body’s agent): no label says « votre » or « vos »', async () => {
    const thomas = await persona('thomas-girard');
    let read = 0;
    for (const def of Object.values(procedures)) {
      const labels = (await def.summary({ db, persona: thomas, answers: {} })).map((line) => line.label);
      for (const label of labels) expect(label, def.id).not.toMatch(/\b(votre|vos)\b/i);
      read += labels.length;
    }
    expect(read).toBeGreaterThan(20);
  });
});
