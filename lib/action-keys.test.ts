import { type AsyncExecutor, getEngine } from '../db/engine';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, uniqueViolation } from '../test/db';
import { actionKeys, cases, consents, journalEntries, mandates, personas } from '../db/tables';
import { newActionKey, once } from './action-keys';
import { demoSession, purgeExpiredSessions } from './classroom/sessions';
import { confirmMandate, createMandate } from './aidants/mandates';
import { aidants } from '../db/tables';
import { grantConsent } from './platform/consents';
import { parkingConsentRequests, fileParkingCardWithConsent } from './procedures/parking-card/start';
import { fileParkingCardWithProofs } from './procedures/parking-card/proofs';
import { saveDraft, startCase, type Actor } from './procedures/engine/cases';
import { submitOnce } from './procedures/engine/run';
import type { Persona } from './procedures/engine/types';
import { consentText, consentTextVersion } from './platform/consent-text';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const citizen = (p: Persona): Actor => ({ kind: 'usager', id: p.id, label: p.givenNames });
const count = (rows: unknown[]) => rows.length;

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
});

describe('once: the same key twice runs once', () => {
  it('a second request with the key gets the first answer, and runs nothing', async () => {
    const key = newActionKey();
    let runs = 0;
    const claim = { key, actor: 'p1', action: 'test', classSessionId: session };
    const first = await once(db, claim, () => ({ path: `/x/${++runs}` }));
    const second = await once(db, claim, () => ({ path: `/x/${++runs}` }));
    expect(first).toEqual({ path: '/x/1' });
    expect(second).toEqual({ path: '/x/1' });
    expect(runs).toBe(1);
    expect(count(await db.select().from(actionKeys).where(eq(actionKeys.key, key)).all())).toBe(1);
  });

  it('a double-click (two requests at once) waits for the first and gets its answer', async () => {
    const key = newActionKey();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const claim = { key, actor: 'p1', action: 'test' };
    const first = once(db, claim, async () => {
      runs++;
      await gate;
      return 'fait';
    });
    const second = once(db, claim, async () => {
      runs++;
      return 'deux fois';
    }, { sleep: async () => release() });
    expect(await Promise.all([first, second])).toEqual(['fait', 'fait']);
    expect(runs).toBe(1);
  });

  it('an answer the person can correct is not kept: the same form can be sent again', async () => {
    const key = newActionKey();
    const claim = { key, actor: 'p1', action: 'test' };
    expect(await once(db, claim, () => ({ error: 'Champ vide' }), { settled: (r: { error?: string }) => !r.error })).toEqual({ error: 'Champ vide' });
    expect(await once(db, claim, () => ({ ok: true }))).toEqual({ ok: true });
  });

  it('a failure frees the key; someone else’s key never replays their answer', async () => {
    const key = newActionKey();
    await expect(once(db, { key, actor: 'p1', action: 'test' }, () => Promise.reject(new Error('panne')))).rejects.toThrow('panne');
    expect(await once(db, { key, actor: 'p1', action: 'test' }, () => 'ok')).toBe('ok');
    expect(await once(db, { key, actor: 'p2', action: 'test' }, () => 'à moi')).toBe('à moi');
  });

  it('a first request that died (its key never answered) is taken over after the wait', async () => {
    const key = newActionKey();
    await db.insert(actionKeys).values({ key, actor: 'p1', action: 'test', result: null, createdAt: new Date() }).run();
    let t = 0;
    const result = await once(db, { key, actor: 'p1', action: 'test' }, () => 'repris', { waitMs: 100, now: () => new Date(1_000_000 + t), sleep: async () => void (t += 60) });
    expect(result).toBe('repris');
  });
});

describe('keys are not kept for ever', () => {
  it('the teacher’s (no séance) go after a day when séances are purged; a séance’s stay with it', async () => {
    const old = new Date(Date.now() - 2 * 24 * 3600_000);
    await db.insert(actionKeys).values({ key: 'enseignant-ancienne-cle', actor: 't', action: 'creer-seance', result: '"/"', createdAt: old }).run();
    await db.insert(actionKeys).values({ key: 'seance-ancienne-cle-1', actor: 'p', action: 'x', classSessionId: session, result: '"/"', createdAt: old }).run();
    await purgeExpiredSessions(getEngine());
    expect((await db.select().from(actionKeys).all()).map((k) => k.key)).toEqual(['seance-ancienne-cle-1']);
  });
});

describe('natural keys: two different forms for the same thing make one', () => {
  it('two starts of a procedure are one draft; a card or a change of address has one open request', async () => {
    const lea = await persona('lea-martin');
    const input = { classSessionId: session, personaId: lea.id, procedure: 'changement-adresse' as const };
    const a = await startCase(db, input);
    const b = await startCase(db, input);
    expect(a.resumed).toBe(false);
    expect(b).toEqual({ c: a.c, resumed: true });
    // The database refuses a second draft even if the code forgot to look.
    await expect((async () => db.insert(cases).values({ id: 'x', classSessionId: session, personaId: lea.id, procedure: 'changement-adresse', answers: {}, updatedAt: new Date() }).run())()).rejects.toMatchObject(uniqueViolation);
  });

  it('the parking card with consent, answered twice: one case, one consent per body, one exchange each', async () => {
    const karim = await persona('karim-benali');
    const first = await fileParkingCardWithConsent(db, karim, citizen(karim));
    const second = await fileParkingCardWithConsent(db, karim, citizen(karim));
    expect(second.id).toBe(first.id);
    expect(count(await db.select().from(cases).where(eq(cases.personaId, karim.id)).all())).toBe(1);
    expect(count(await db.select().from(consents).where(eq(consents.personaId, karim.id)).all())).toBe(parkingConsentRequests.length);
    const exchanges = await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, session)).all();
    expect(exchanges.length).toBe(parkingConsentRequests.length);
  });

  it('two tabs answering the consent screen at the same instant still make one case', async () => {
    const karim = await persona('karim-benali');
    const [a, b] = await Promise.all([fileParkingCardWithConsent(db, karim, citizen(karim)), fileParkingCardWithConsent(db, karim, citizen(karim))]);
    expect(a.id).toBe(b.id);
    expect(count(await db.select().from(cases).where(eq(cases.personaId, karim.id)).all())).toBe(1);
    // …and one row for each consent the screen asked for (PostgreSQL made three or four of the two, session 31).
    expect(count(await db.select().from(consents).where(eq(consents.personaId, karim.id)).all())).toBe(parkingConsentRequests.length);
  });

  it('two tabs answering the consent screen, again and again: one case and one set of consents each time', async () => {
    // The race needs the two requests to interleave just so; one try proves little on PostgreSQL.
    for (let i = 0; i < 8; i++) {
      db = await freshDb();
      session = (await demoSession(db))!.id;
      const karim = await persona('karim-benali');
      const [a, b] = await Promise.all([fileParkingCardWithConsent(db, karim, citizen(karim)), fileParkingCardWithConsent(db, karim, citizen(karim))]);
      expect(a.id).toBe(b.id);
      expect(count(await db.select().from(cases).where(eq(cases.personaId, karim.id)).all())).toBe(1);
      expect(count(await db.select().from(consents).where(eq(consents.personaId, karim.id)).all())).toBe(parkingConsentRequests.length);
    }
  }, 60_000);

  it('proofs sent twice: one case with one set of proofs', async () => {
    const sophie = await persona('sophie-lefebvre');
    const pdf = new TextEncoder().encode('%PDF-1.4 justificatif');
    const proofs = (['avis_imposition', 'certificat_immatriculation', 'justificatif_domicile'] as const).map((kind) => ({ kind, name: `${kind}.pdf`, bytes: pdf }));
    const a = await fileParkingCardWithProofs(db, sophie, citizen(sophie), 'AB-123-CD', proofs);
    const b = await fileParkingCardWithProofs(db, sophie, citizen(sophie), 'AB-123-CD', proofs);
    expect(b.id).toBe(a.id);
    expect(count(await db.select().from(cases).where(eq(cases.personaId, sophie.id)).all())).toBe(1);
  });

  it('two tabs saving two steps at the same instant keep both; a draft sent meanwhile is not written over', async () => {
    const karim = await persona('karim-benali');
    const { c } = await startCase(db, { classSessionId: session, personaId: karim.id, procedure: 'acte-naissance' });
    // Each tab read the draft before the other saved: each writes onto what the database holds, not onto its copy.
    await Promise.all([saveDraft(db, c, 'demandeur', { lien: 'moi' }), saveDraft(db, c, 'type', { type: 'copie_integrale' })]);
    const saved = (await db.select().from(cases).where(eq(cases.id, c.id)).get())!;
    expect(saved.answers).toEqual({ demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } });
    await submitOnce(db, saved, karim, citizen(karim));
    await expect(saveDraft(db, saved, 'type', { type: 'extrait_filiation' })).rejects.toMatchObject({ code: 'etat_incompatible' });
    expect((await db.select().from(cases).where(eq(cases.id, c.id)).get())!.answers).toEqual(saved.answers);
  });

  it('a case sent twice is deposited once', async () => {
    const karim = await persona('karim-benali');
    const { c } = await startCase(db, { classSessionId: session, personaId: karim.id, procedure: 'acte-naissance', answers: { demandeur: { lien: 'moi' }, type: { type: 'copie_integrale' } } });
    const [a, b] = await Promise.all([submitOnce(db, c, karim, citizen(karim)), submitOnce(db, c, karim, citizen(karim))]);
    expect(a.receiptNumber ?? b.receiptNumber).toBeTruthy();
    const rows = await db.select().from(cases).where(eq(cases.personaId, karim.id)).all();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.state).toBe('depose');
  });

  it('the same consent given twice is one row; a withdrawn one can be given again', async () => {
    const karim = await persona('karim-benali');
    const h = parkingConsentRequests[0]!;
    const grant = { classSessionId: session, personaId: karim.id, consumer: h.consommateur, provider: h.fournisseur, items: h.donnees, purpose: h.finalite, days: 30, shownText: consentText(h.consommateur, h.fournisseur, h.donnees, h.finalite, 30), textVersion: consentTextVersion };
    expect((await grantConsent(db, grant)).id).toBe((await grantConsent(db, grant)).id);
    expect(count(await db.select().from(consents).where(eq(consents.personaId, karim.id)).all())).toBe(1);
    // Twice at the same instant (two tabs, two servers): still one.
    const sophie = await persona('sophie-lefebvre');
    const [x, y] = await Promise.all([grantConsent(db, { ...grant, personaId: sophie.id }), grantConsent(db, { ...grant, personaId: sophie.id })]);
    expect(x.id).toBe(y.id);
    expect(count(await db.select().from(consents).where(eq(consents.personaId, sophie.id)).all())).toBe(1);
  });

  it('a mandate asked twice is one; confirmed twice, it is confirmed once', async () => {
    const aidant = (await db.select().from(aidants).where(eq(aidants.classSessionId, session)).get())!;
    const marcel = await persona('marcel-dupuis');
    const asAidant = { id: aidant.id, classSessionId: session, givenName: aidant.givenName, familyName: aidant.familyName } as Parameters<typeof createMandate>[1];
    const input = { personaId: marcel.id, procedures: ['acte-naissance'], days: 7 };
    const a = await createMandate(db, asAidant, input);
    const b = await createMandate(db, asAidant, input);
    expect(b.id).toBe(a.id);
    expect(count(await db.select().from(mandates).where(eq(mandates.personaId, marcel.id)).all())).toBe(1);
    // Two tabs at the same instant: one mandate as well.
    const other = { ...input, procedures: ['changement-adresse'] };
    const [x, y] = await Promise.all([createMandate(db, asAidant, other), createMandate(db, asAidant, other)]);
    expect(x.id).toBe(y.id);
    expect(count(await db.select().from(mandates).where(eq(mandates.personaId, marcel.id)).all())).toBe(2);
    // Confirmed from two tabs at the same instant: one date, the one that was written first.
    const [k1, k2] = await Promise.all([confirmMandate(db, marcel.id, x.id), confirmMandate(db, marcel.id, x.id, new Date(Date.now() + 60_000))]);
    expect(k2.confirmedAt).toEqual(k1.confirmedAt);
    const c1 = await confirmMandate(db, marcel.id, a.id);
    const c2 = await confirmMandate(db, marcel.id, a.id);
    expect(c2.confirmedAt).toEqual(c1.confirmedAt);
  });
});
