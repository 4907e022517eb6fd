import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../test/db';
import type { AsyncExecutor } from '../../../db/engine';
import { antaiNotices, classSessions, documents, journalEntries, personas } from '../../../db/tables';
import { demoSession } from '../../classroom/sessions';
import { requestExchange } from '../../platform/gateway';
import { currentToken } from '../../platform/tokens';
import { getEngine } from '../../../db/engine';
import { testCardNumber } from '../../payments/card';
import type { Persona } from '../engine/types';
import { timeScaleOfSession } from '../engine/session-clock';
import { designateDriver, issueNotices, noticesOf, noticeStatus, payNotice, PaymentError, recordedAt } from './notices';

let db: AsyncExecutor;
let session: string;
const persona = async (key: string): Promise<Persona> => (await db.select().from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, session))).get())!;
const card = { numero: testCardNumber, expiration: '08/29', cryptogramme: '123', titulaire: 'Nicolas Henry' };

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
  await db.update(classSessions).set({ minutesPerMonth: 30 }).where(eq(classSessions.id, session)).run();
  // The teacher sends the radars' notices (Messages tab).
  expect(await issueNotices(db, session)).toBe(3);
});

describe('avis de contravention', () => {
  it('are sent to the holder the SIV names from the plate, through the platform, at the certificate’s address — once', async () => {
    const nicolas = await persona('nicolas-henry');
    const hugo = await persona('hugo-lambert');
    const [toNicolas] = await noticesOf(db, nicolas);
    // The Kangoo's certificate still shows the old address in Bourg-Léger.
    expect(toNicolas).toMatchObject({ registration: 'CK-650-MZ', holderName: 'HENRY Nicolas', addressLine: '21 route de la Forêt', state: 'a_payer' });
    expect(nicolas.addressLine).not.toBe(toNicolas!.addressLine);
    const [toHugo] = await noticesOf(db, hugo);
    expect(toHugo).toMatchObject({ registration: 'FT-128-HP', holderKind: 'societe', holderName: 'Lambert Plomberie SARL' });
    // The exchange that named the holder is journaled under the person, on the law's basis.
    const entry = await db.select().from(journalEntries).where(eq(journalEntries.id, toNicolas!.journalEntryId!)).get();
    expect(entry).toMatchObject({ consumer: 'antai', provider: 'siv', purpose: 'contravention', legalBasis: 'mission_de_service_public', result: 'accorde', subject: nicolas.id });
    // A second run sends nothing again.
    expect(await issueNotices(db, session)).toBe(0);
    expect(await db.select().from(antaiNotices).where(eq(antaiNotices.classSessionId, session)).all()).toHaveLength(3);
  });

  it('sent by two clicks at the same instant (two tabs, two servers): each notice once', async () => {
    await db.delete(antaiNotices).where(eq(antaiNotices.classSessionId, session)).run();
    const [a, b] = await Promise.all([issueNotices(db, session), issueNotices(db, session)]);
    expect(a + b).toBe(3);
    expect(await db.select().from(antaiNotices).where(eq(antaiNotices.classSessionId, session)).all()).toHaveLength(3);
  });

  it('asked by plate, the SIV gives that certificate only; another body, or a plate nobody holds, is refused and journaled', async () => {
    const caller = (agency: 'antai' | 'ville') => currentToken(getEngine(), session, agency).then((t) => ({ classSessionId: session, agency, token: t.token }));
    const granted = await requestExchange(db, await caller('antai'), { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: 'EL-117-BD', finalite: 'contravention' });
    expect(granted.ok && granted.body.donnees['siv.titulaire']).toEqual({ immatriculation: 'EL-117-BD', titulaire: 'HENRY Nicolas', titulaire_type: 'personne', adresse: expect.any(Object) });
    const city = await requestExchange(db, await caller('ville'), { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: 'EL-117-BD', finalite: 'contravention' });
    expect(city).toMatchObject({ ok: false, status: 403, body: { erreur: 'habilitation_absente' } });
    const nobody = await requestExchange(db, await caller('antai'), { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: 'ZZ-999-ZZ', finalite: 'contravention' });
    expect(nobody).toMatchObject({ ok: false, status: 404, body: { erreur: 'usager_inconnu' } });
    const both = await requestExchange(db, await caller('antai'), { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: 'EL-117-BD', usager: 'x', finalite: 'contravention' });
    expect(both).toMatchObject({ ok: false, status: 422, body: { erreur: 'requete_invalide' } });
    // Neither, and no purpose either: both said at once.
    const neither = await requestExchange(db, await caller('antai'), { fournisseur: 'siv', donnees: ['siv.titulaire'] });
    expect(neither.ok ? [] : (neither.body as { details?: { champ: string }[] }).details?.map((d) => d.champ).sort()).toEqual(['finalite', 'usager']);
  });

  it('counts its periods from the day the person first sees it', async () => {
    const nicolas = await persona('nicolas-henry');
    const seen = new Date();
    const [n] = await noticesOf(db, nicolas, seen);
    expect(n!.deliveredAt).toEqual(seen);
    // 30 minutes a month: a day is a minute. Paid online, the minorée lasts 30 days.
    expect(noticeStatus(n!, await timeScaleOfSession(db, session), new Date(seen.getTime() + 29 * 60_000)).due).toMatchObject({ stage: 'minoree', cents: 4_500 });
    expect(noticeStatus(n!, await timeScaleOfSession(db, session), new Date(seen.getTime() + 30 * 60_000)).due).toMatchObject({ stage: 'forfaitaire', cents: 6_800 });
    // Seen again later: the first sight stands.
    const [again] = await noticesOf(db, nicolas, new Date(seen.getTime() + 60_000));
    expect(again!.deliveredAt).toEqual(seen);
  });

  it('is paid once, at the amount of the day, with a sealed receipt; card errors come back field by field', async () => {
    const nicolas = await persona('nicolas-henry');
    const [n] = await noticesOf(db, nicolas);
    await expect(payNotice(db, nicolas, n!.id, { ...card, numero: '4000 0000 0000 0002', expiration: '13/29', cryptogramme: '12' })).rejects.toSatisfy((e) => e instanceof PaymentError && Object.keys(e.errors).sort().join() === 'cryptogramme,expiration,numero');
    const paid = await payNotice(db, nicolas, n!.id, card);
    expect(paid.notice).toMatchObject({ state: 'payee', paidCents: 4_500 });
    await expect(payNotice(db, nicolas, n!.id, card)).rejects.toMatchObject({ code: 'deja_payee' });
    const receipts = await db.select().from(documents).where(and(eq(documents.personaId, nicolas.id), eq(documents.kind, 'quittance_amende'))).all();
    expect(receipts).toHaveLength(1);
    expect(receipts[0]!.issuer).toBe('antai');
    expect(JSON.stringify(receipts[0]!.content)).not.toContain('4970');
    // Two payments at the same instant: one receipt.
    const hugo = await persona('hugo-lambert');
    const [h] = await noticesOf(db, hugo);
    const results = await Promise.allSettled([payNotice(db, hugo, h!.id, card), payNotice(db, hugo, h!.id, card)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.select().from(documents).where(and(eq(documents.personaId, hugo.id), eq(documents.kind, 'quittance_amende'))).all()).toHaveLength(1);
    // Someone else's notice cannot be paid.
    await expect(payNotice(db, nicolas, h!.id, card)).rejects.toMatchObject({ code: 'introuvable' });
  });

  it('designating the driver moves the notice to that person, and to nobody else; a designated or paid notice cannot move again', async () => {
    const hugo = await persona('hugo-lambert');
    const lea = await persona('lea-martin');
    const karim = await persona('karim-benali');
    const [van] = await noticesOf(db, hugo);
    await expect(designateDriver(db, hugo, van!.id, 'nobody')).rejects.toMatchObject({ code: 'conducteur' });
    // The company names its manager: the notice comes to him, in his own name and at his own address.
    const own = await designateDriver(db, hugo, van!.id, hugo.id);
    expect(own).toMatchObject({ personaId: hugo.id, holderKind: 'personne', holderName: 'LAMBERT Hugo', addressLine: hugo.addressLine, designatedFrom: van!.id, state: 'a_payer', deliveredAt: null });
    await expect(designateDriver(db, hugo, van!.id, lea.id)).rejects.toMatchObject({ code: 'etat_incompatible' });
    expect(await noticesOf(db, lea)).toEqual([]);
    // A person cannot name themself; they name Léa, and Léa alone receives it.
    await expect(designateDriver(db, hugo, own.id, hugo.id)).rejects.toMatchObject({ code: 'conducteur' });
    const [a, b] = await Promise.allSettled([designateDriver(db, hugo, own.id, lea.id), designateDriver(db, hugo, own.id, karim.id)]);
    expect([a, b].filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const receivers = (await db.select().from(antaiNotices).where(and(eq(antaiNotices.classSessionId, session), eq(antaiNotices.offenceKey, van!.offenceKey), eq(antaiNotices.state, 'a_payer'))).all()).map((n) => n.personaId);
    expect(receivers).toHaveLength(1);
    expect([lea.id, karim.id]).toContain(receivers[0]);
    // A paid notice cannot be passed on.
    const nicolas = await persona('nicolas-henry');
    const [kangoo] = await noticesOf(db, nicolas);
    await payNotice(db, nicolas, kangoo!.id, card);
    await expect(designateDriver(db, nicolas, kangoo!.id, lea.id)).rejects.toMatchObject({ code: 'etat_incompatible' });
  });

  it('may be designated within 45 days only (not extended by paying online)', async () => {
    const hugo = await persona('hugo-lambert');
    const lea = await persona('lea-martin');
    const seen = new Date(Date.now() - 46 * 60_000); // 46 days ago at a minute a day
    const [van] = await noticesOf(db, hugo, seen);
    await expect(designateDriver(db, hugo, van!.id, lea.id)).rejects.toMatchObject({ code: 'delai_depasse' });
    expect(noticeStatus(van!, await timeScaleOfSession(db, session)).due).toMatchObject({ stage: 'forfaitaire' }); // 60 days online
  });

  it('dates each offence at its hour in France, summer or winter', () => {
    const offence = { key: 'k', registration: 'AA-000-AA', kind: 'vitesse' as const, fineClass: 3 as const, offence: 'o', place: 'p', daysBefore: 1, hour: '07:42' };
    expect(recordedAt(offence, new Date('2026-12-02T12:00:00Z')).toISOString()).toBe('2026-12-01T06:42:00.000Z');
    expect(recordedAt(offence, new Date('2026-07-02T12:00:00Z')).toISOString()).toBe('2026-07-01T05:42:00.000Z');
  });
});
