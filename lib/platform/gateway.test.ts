import { type AsyncExecutor, getEngine, postgresEngine } from '../../db/engine';
import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb, onPostgres, rawSql, rowsOfSession, tablesOfSessions, textsSent, tripsOf } from '../../test/db';
import { classSessions, exchangeTraces, journalEntries, personas, platformFaults } from '../../db/tables';
import { seedWorld } from '../../db/seed';
import { demoSession } from '../classroom/sessions';
import { grantConsent, withdrawConsent } from './consents';
import { endFaults, faultRepeatMs, injectFault } from './faults';
import { gatewayTimeoutMs, requestExchange, requestExchangeWithToken, type Caller, type GatewayDeps } from './gateway';
import { journalJwks } from './checkpoints';
import { agencyModules } from '../agencies';
import { verifyJournalChain } from './journal';
import { verifyReceipt } from './receipts';
import { authenticateToken, currentToken, ensurePlatformTokens, maskToken, rotateToken } from './tokens';

let db: AsyncExecutor;
let session: string;
let now: Date;
let slept: number[];
let randomValue: number;
const recordSleep = async (ms: number) => {
  slept.push(ms);
};
const deps: GatewayDeps = { now: () => now, sleep: recordSleep, random: () => randomValue };

const personaId = async (key: string, classSessionId = session) =>
  (await db.select({ id: personas.id }).from(personas).where(and(eq(personas.key, key), eq(personas.classSessionId, classSessionId))).get())!.id;
const caller = async (agency: Caller['agency']): Promise<Caller> => ({ classSessionId: session, agency, token: (await currentToken(getEngine(), session, agency)).token });
const ask = async (agency: Caller['agency'], body: object) => requestExchange(db, await caller(agency), body, deps);
/** The same exchange asked as the HTTP API asks it: with the body's token only. */
const askWithToken = async (agency: Caller['agency'], body: object) => {
  const outcome = await requestExchangeWithToken(db, (await caller(agency)).token, body, deps);
  if (!outcome) throw new Error('token refused');
  return outcome;
};
const doors = [['with its caller', ask], ['with its token (the HTTP API)', askWithToken]] as const;
const parking = async (key: string, provider: 'dgfip' | 'siv' = 'siv') => ({
  fournisseur: provider,
  donnees: [provider === 'siv' ? 'siv.vehicules' : 'dgfip.adresse_fiscale'],
  usager: await personaId(key),
  finalite: 'carte_stationnement_residentiel',
});
const consentTo = async (key: string, provider: 'dgfip' | 'siv' = 'siv', days = 30) =>
  grantConsent(
    db,
    {
      classSessionId: session,
      personaId: await personaId(key),
      consumer: 'ville',
      provider,
      items: [provider === 'siv' ? 'siv.vehicules' : 'dgfip.adresse_fiscale'],
      purpose: 'carte_stationnement_residentiel',
      days,
      shownText: 'texte',
      textVersion: 'test',
    },
    now,
  );

beforeEach(async () => {
  db = await freshDb();
  session = (await demoSession(db))!.id;
  now = new Date('2026-11-23T10:00:00Z');
  slept = [];
  deps.sleep = recordSleep;
  randomValue = 0.5;
});

describe('one chain per séance', () => {
  it('stays gapless when two app servers journal exchanges at the same moment (PostgreSQL: two pools, one lock)', { timeout: 60_000 }, async () => {
    // On PostgreSQL a second pool on the same database is what a second app server has; on SQLite, one process.
    const second = onPostgres ? postgresEngine(process.env.EGUICHET_DATABASE_URL!, { max: 4 }) : null;
    const before = (await verifyJournalChain(db, session)).entrees;
    const body = { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' };
    const who = await caller('caf');
    try {
      const outcomes = await Promise.all(Array.from({ length: 80 }, (_, i) => requestExchange(i % 2 && second ? second.db : db, who, body, deps)));
      expect(outcomes.every((o) => o.status === 200)).toBe(true);
      const sequences = outcomes.map((o) => o.entry!.sequence).sort((a, b) => a - b);
      expect(sequences).toEqual(Array.from({ length: 80 }, (_, i) => before + i + 1));
      expect(await verifyJournalChain(db, session)).toMatchObject({ valide: true, entrees: before + 80 });
      // Appended together or one by one (PostgreSQL gathers those that arrive together): each has its own receipt and
      // checkpoint, and its trace.
      for (const o of outcomes) expect(verifyReceipt(o.body.recu!, journalJwks().keys)).toMatchObject({ ok: true, checkpoint: { size: o.entry!.sequence } });
      const traced = await db.select({ id: exchangeTraces.journalEntryId, response: exchangeTraces.response }).from(exchangeTraces).where(eq(exchangeTraces.classSessionId, session)).all();
      const byEntry = new Map(traced.map((r) => [r.id, r.response]));
      for (const o of outcomes) expect(byEntry.get(o.entry!.id)).toMatchObject({ statut: 200, corps: { echange: o.entry!.id, recu: { entree: o.entry!.id } } });
    } finally {
      await second?.close();
    }
  });
});

describe('round trips', () => {
  it.runIf(onPostgres)('an exchange asked over HTTP waits for PostgreSQL three times: who asks; the provider’s data beside the lock with the journal’s heads; the writes with COMMIT', async () => {
    const body = { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' };
    const { token } = await caller('caf');
    expect((await requestExchangeWithToken(db, token, body, deps))?.status).toBe(200);
    const trips = await tripsOf(async () => expect((await requestExchangeWithToken(db, token, body, deps))?.status).toBe(200));
    // (Before session 39: six — BEGIN and the lock, the heads, the writes and COMMIT each waited for the one before;
    // before session 42: four — the lock waited for the provider's data.)
    expect(trips.map(({ text, trip }) => [text.replace(/\s+/g, ' ').slice(0, 40), trip])).toEqual([
      ['select "platform_tokens"."class_session_', 1],
      ['select "id", "class_session_id", "person', 2],
      ['BEGIN; SELECT pg_advisory_xact_lock(hash', 2],
      ['select "journal_entries"."sequence", "jo', 2],
      ['WITH w0 AS (insert into "journal_entries', 3],
      ['COMMIT', 3],
    ]);
  });

  it('a provider whose read fails fails its own exchange only: the others asked at the same moment are journaled (gathered on PostgreSQL)', async () => {
    const items = agencyModules.dgfip.items;
    const read = items['dgfip.revenu_fiscal_reference']!;
    const [karim, sophie] = [await personaId('karim-benali'), await personaId('sophie-lefebvre')];
    const before = (await verifyJournalChain(db, session)).entrees;
    items['dgfip.revenu_fiscal_reference'] = async (tx, scope) => {
      if (scope.personaId === karim) throw new Error('le registre de la DGFiP ne répond pas');
      return read(tx, scope);
    };
    try {
      const { token } = await caller('caf');
      const body = (usager: string) => ({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager, finalite: 'calcul_prestations' });
      const outcomes = await Promise.allSettled([sophie, karim, sophie, karim, sophie].map((usager) => requestExchangeWithToken(db, token, body(usager), deps)));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected', 'fulfilled']);
      const granted = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value!] : []));
      expect(granted.map((o) => [o.status, o.entry!.subject])).toEqual([[200, sophie], [200, sophie], [200, sophie]]);
      for (const o of granted) expect(verifyReceipt(o.body.recu!, journalJwks().keys)).toMatchObject({ ok: true, checkpoint: { size: o.entry!.sequence } });
      expect(await verifyJournalChain(db, session)).toMatchObject({ valide: true, entrees: before + 3 });
    } finally {
      items['dgfip.revenu_fiscal_reference'] = read;
    }
  });
});

describe('habilitations', () => {
  it('grants an exchange the law provides for, without consent (CAF → DGFiP, revenu fiscal de référence)', async () => {
    const outcome = await ask('caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' });
    expect(outcome).toMatchObject({ ok: true, status: 200, body: { donnees: { 'dgfip.revenu_fiscal_reference': { revenu_fiscal_reference: 31200, nombre_parts: 1 } } } });
    expect(outcome.entry).toMatchObject({ result: 'accorde', legalBasis: 'mission_de_service_public', consumer: 'caf', provider: 'dgfip' });
  });

  it.each([
    ['an item outside the habilitation', 'caf', { fournisseur: 'dgfip', donnees: ['dgfip.adresse_fiscale'], finalite: 'calcul_prestations' }],
    ['an item beside an allowed one', 'caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference', 'dgfip.adresse_fiscale'], finalite: 'calcul_prestations' }],
    ['another purpose', 'caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], finalite: 'carte_stationnement_residentiel' }],
    ['a consumer without habilitation', 'cpam', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], finalite: 'calcul_prestations' }],
    ['the right items from another provider', 'ville', { fournisseur: 'caf', donnees: ['caf.prestations'], finalite: 'carte_stationnement_residentiel' }],
  ] as const)('refuses %s with 403 habilitation_absente, journaled', async (_, agency, body) => {
    const outcome = await ask(agency, { ...body, usager: await personaId('karim-benali') });
    expect(outcome).toMatchObject({ ok: false, status: 403, body: { erreur: 'habilitation_absente' } });
    expect(outcome.entry).toMatchObject({ result: 'refuse', reason: 'habilitation_absente', consumer: agency, subject: await personaId('karim-benali') });
    expect(JSON.stringify(outcome.body)).not.toContain('31200');
  });
});

describe('receipts', () => {
  it('every journaled answer, granted or refused, carries a receipt that verifies against the published key', async () => {
    const granted = await ask('caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' });
    const refused = await ask('ville', await parking('karim-benali'));
    for (const outcome of [granted, refused]) {
      const receipt = outcome.body.recu!;
      expect(receipt).toMatchObject({ entree: outcome.entry!.id, index: outcome.entry!.sequence - 1, contenu: { resultat: outcome.entry!.result } });
      expect(verifyReceipt(receipt, journalJwks().keys)).toMatchObject({ ok: true, checkpoint: { size: outcome.entry!.sequence } });
    }
  });
});

describe('consent', () => {
  it('refuses without consent, grants with an active one', async () => {
    expect(await ask('ville', await parking('karim-benali'))).toMatchObject({ status: 403, body: { erreur: 'consentement_absent' }, entry: { result: 'refuse', legalBasis: 'consentement' } });
    await consentTo('karim-benali');
    expect(await ask('ville', await parking('karim-benali'))).toMatchObject({ status: 200, entry: { result: 'accorde' } });
  });

  it('is specific: a consent for SIV does not open DGFiP, nor another person', async () => {
    await consentTo('karim-benali', 'siv');
    expect((await ask('ville', await parking('karim-benali', 'dgfip'))).status).toBe(403);
    expect((await ask('ville', await parking('sophie-lefebvre'))).body).toMatchObject({ erreur: 'consentement_absent' });
  });

  it('expires', async () => {
    await consentTo('karim-benali', 'siv', 1);
    now = new Date(now.getTime() + 24 * 3600 * 1000 + 1);
    expect((await ask('ville', await parking('karim-benali'))).body).toMatchObject({ erreur: 'consentement_absent' });
  });

  it('once withdrawn, refuses from the next call', async () => {
    const consent = await consentTo('karim-benali');
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(200);
    await withdrawConsent(db, await personaId('karim-benali'), consent.id, now);
    expect((await ask('ville', await parking('karim-benali'))).body).toMatchObject({ erreur: 'consentement_absent' });
  });

  it('is checked again after the provider’s latency: a consent withdrawn meanwhile is honoured', async () => {
    const consent = await consentTo('karim-benali');
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 5, latencyMs: 1500 }, now);
    deps.sleep = async (ms) => {
      slept.push(ms);
      await withdrawConsent(db, await personaId('karim-benali'), consent.id, now);
    };
    const outcome = await ask('ville', await parking('karim-benali'));
    expect(outcome.body).toMatchObject({ erreur: 'consentement_absent' });
    expect(slept).toEqual([1500]);
  });

  it('cannot be given for an exchange the law provides, nor for one nobody may ask', async () => {
    const base = { classSessionId: session, personaId: await personaId('karim-benali'), days: 30, shownText: 't', textVersion: 'v' };
    await expect((async () => grantConsent(db, { ...base, consumer: 'caf', provider: 'dgfip', items: ['dgfip.revenu_fiscal_reference'], purpose: 'calcul_prestations' }))()).rejects.toThrow(/prévu par la loi/);
    await expect((async () => grantConsent(db, { ...base, consumer: 'ville', provider: 'caf', items: ['caf.prestations'], purpose: 'carte_stationnement_residentiel' }))()).rejects.toThrow(/Aucune habilitation/);
    await expect((async () => grantConsent(db, { ...base, consumer: 'ville', provider: 'siv', items: ['siv.vehicules'], purpose: 'carte_stationnement_residentiel', days: 400 }))()).rejects.toThrow(/1 à 365/);
  });

  it('is withdrawn only by its own person', async () => {
    const consent = await consentTo('karim-benali');
    await expect((async () => withdrawConsent(db, await personaId('sophie-lefebvre'), consent.id, now))()).rejects.toThrow(/n’existe pas/);
  });
});

describe('minimisation', () => {
  it('returns exactly the items asked, and only the fields the catalogue lists', async () => {
    await consentTo('karim-benali', 'siv');
    const outcome = await ask('ville', await parking('karim-benali'));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(Object.keys(outcome.body.donnees)).toEqual(['siv.vehicules']);
    expect(outcome.body.donnees['siv.vehicules']).toEqual([
      { immatriculation: 'GH-482-KT', titulaire: 'BENALI Karim', titulaire_type: 'personne', adresse: { ligne: '24 rue des Tanneurs', code_postal: '00100', commune: 'Villeneuve-sur-Brenne' } },
    ]);
    expect(JSON.stringify(outcome.body)).not.toMatch(/Renault|Clio|31200/);
  });

  it('answers about a person of the caller’s séance only', async () => {
    await db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'ZZZZZZ' }).run();
    await seedWorld(getEngine(), 'autre');
    const outcome = await ask('caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali', 'autre'), finalite: 'calcul_prestations' });
    expect(outcome).toMatchObject({ status: 404, body: { erreur: 'usager_inconnu' }, entry: { result: 'inconnu', subject: null } });
  });

  it('says when the provider does not know the person (Julie is unknown to the DGFiP)', async () => {
    const outcome = await ask('caf', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('julie-fontaine'), finalite: 'calcul_prestations' });
    expect(outcome).toMatchObject({ status: 404, body: { erreur: 'usager_inconnu' }, entry: { result: 'inconnu', reason: 'usager_inconnu' } });
  });
});

describe('request shape', () => {
  it.each([
    [{}, 'fournisseur'],
    [{ fournisseur: 'siv', donnees: [], usager: 'x', finalite: 'f' }, 'donnees'],
    [{ fournisseur: 'nasa', donnees: ['siv.vehicules'], usager: 'x', finalite: 'f' }, 'fournisseur'],
    [{ fournisseur: 'siv', donnees: ['dgfip.adresse_fiscale'], usager: 'x', finalite: 'f' }, 'donnees'],
    [{ fournisseur: 'siv', donnees: ['siv.vehicules'], usager: 'x', finalite: 'f', extra: 1 }, '(corps)'],
  ])('answers 422 requete_invalide with details, and journals nothing (%#)', async (body, field) => {
    const before = (await db.select().from(journalEntries).all()).length;
    const outcome = await ask('ville', body);
    expect(outcome).toMatchObject({ status: 422, body: { erreur: 'requete_invalide' }, entry: null });
    expect((outcome.body as { details: { champ: string }[] }).details.map((d) => d.champ)).toContain(field);
    expect(await db.select().from(journalEntries).all()).toHaveLength(before);
  });
});

describe('a fault asked twice', () => {
  const faultRows = async () => (await db.select().from(platformFaults).where(eq(platformFaults.classSessionId, session)).all()).length;
  it('within two seconds, the same fault is one (a double-click across the refreshed page); another fault, or later, is a new one', async () => {
    const at = (ms: number) => new Date(now.getTime() + ms);
    const first = await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 1500 }, now);
    expect(await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 1500 }, at(faultRepeatMs - 1))).toEqual(first);
    expect(await faultRows()).toBe(1);
    // A failure rate read back from the database is the one asked (a float, on both engines).
    const erratic = await injectFault(db, session, { agency: 'cpam', kind: 'erratique', minutes: 10, failureRate: 0.3 }, now);
    expect(await injectFault(db, session, { agency: 'cpam', kind: 'erratique', minutes: 10, failureRate: 0.3 }, at(500))).toEqual(erratic);
    expect(await faultRows()).toBe(2);
    // Not the same fault: another delay, another duration, another body.
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 3000 }, at(10));
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 5, latencyMs: 3000 }, at(20));
    await injectFault(db, session, { agency: 'dgfip', kind: 'lenteur', minutes: 5, latencyMs: 3000 }, at(30));
    expect(await faultRows()).toBe(5);
    // The same again, two seconds after the last of its body: a new click.
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 5, latencyMs: 3000 }, at(20 + faultRepeatMs + 1));
    expect(await faultRows()).toBe(6);
    // Ended by the teacher, then asked again at once: a new fault (the ended one is shorter than asked).
    await endFaults(db, session, 'dgfip', at(40));
    await injectFault(db, session, { agency: 'dgfip', kind: 'lenteur', minutes: 5, latencyMs: 3000 }, at(50));
    expect(await faultRows()).toBe(7);
  });
});

describe.each(doors)('faults injected by the teacher, asked %s', (_, ask) => {
  beforeEach(async () => {
    await consentTo('karim-benali');
  });

  it('outage → 503 organisme_indisponible, then normal once ended', async () => {
    await injectFault(db, session, { agency: 'siv', kind: 'panne', minutes: 10 }, now);
    expect(await ask('ville', await parking('karim-benali'))).toMatchObject({ status: 503, body: { erreur: 'organisme_indisponible' }, entry: { result: 'echec' } });
    expect((await ask('ville', await parking('karim-benali', 'dgfip'))).body).toMatchObject({ erreur: 'consentement_absent' }); // only SIV is down
    await endFaults(db, session, 'siv', now);
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(200);
  });

  it('an outage ends by itself at its end time', async () => {
    await injectFault(db, session, { agency: 'siv', kind: 'panne', minutes: 10 }, now);
    now = new Date(now.getTime() + 10 * 60_000);
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(200);
  });

  it('latency under the timeout → slower but served; over it → 504 delai_depasse after the timeout', async () => {
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 1200 }, now);
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(200);
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 30_000 }, new Date(now.getTime() + 1));
    now = new Date(now.getTime() + 2);
    expect(await ask('ville', await parking('karim-benali'))).toMatchObject({ status: 504, body: { erreur: 'delai_depasse' } });
    expect(slept).toEqual([1200, gatewayTimeoutMs]);
  });

  it('erratic → fails at the rate set', async () => {
    await injectFault(db, session, { agency: 'siv', kind: 'erratique', minutes: 10, failureRate: 0.5 }, now);
    randomValue = 0.2;
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(503);
    randomValue = 0.8;
    expect((await ask('ville', await parking('karim-benali'))).status).toBe(200);
  });

  it('refuses on the platform’s rules before looking at the provider’s state', async () => {
    await injectFault(db, session, { agency: 'dgfip', kind: 'panne', minutes: 10 }, now);
    expect((await ask('cpam', { fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' })).body).toMatchObject({ erreur: 'habilitation_absente' });
  });

  it('obeys the latest fault in force on the provider, not one not yet started, nor another séance’s', async () => {
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 300 }, new Date(now.getTime() - 2));
    await new Promise((resolve) => setTimeout(resolve, 5)); // the latest is the last set (its creation time, to the millisecond)
    await injectFault(db, session, { agency: 'siv', kind: 'panne', minutes: 10 }, new Date(now.getTime() - 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await injectFault(db, session, { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 30_000 }, new Date(now.getTime() + 60_000));
    await db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'ZZZZZZ' }).run();
    await injectFault(db, 'autre', { agency: 'siv', kind: 'lenteur', minutes: 10, latencyMs: 30_000 }, now);
    expect(await ask('ville', await parking('karim-benali'))).toMatchObject({ status: 503, body: { erreur: 'organisme_indisponible' } });
    expect(slept).toEqual([]);
  });
});

describe('asked with a token (the HTTP API)', () => {
  const rfr = async () => ({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: await personaId('karim-benali'), finalite: 'calcul_prestations' });

  it('answers as the body and séance of the token, and reads the person from that séance only', async () => {
    const outcome = await askWithToken('caf', await rfr());
    expect(outcome).toMatchObject({ ok: true, status: 200, entry: { classSessionId: session, consumer: 'caf', subject: await personaId('karim-benali') } });
    await db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'ZZZZZZ' }).run();
    await seedWorld(getEngine(), 'autre');
    expect(await askWithToken('caf', { ...await rfr(), usager: await personaId('karim-benali', 'autre') })).toMatchObject({ status: 404, body: { erreur: 'usager_inconnu' }, entry: { subject: null } });
  });

  it('names a vehicle’s holder from its registration (ANTAI → SIV)', async () => {
    const outcome = await askWithToken('antai', { fournisseur: 'siv', donnees: ['siv.titulaire'], immatriculation: 'GH-482-KT', finalite: 'contravention' });
    expect(outcome).toMatchObject({ status: 200, entry: { subject: await personaId('karim-benali') } });
  });

  it('refuses an unknown, revoked or malformed token whatever the request says; a valid token with a bad request is told what is wrong', async () => {
    const { token } = await caller('caf');
    await rotateToken(getEngine(), session, 'caf');
    const before = (await db.select().from(journalEntries).all()).length;
    for (const refused of [token, `egt_caf_${'A'.repeat(43)}`, 'jeton', '']) {
      expect(await requestExchangeWithToken(db, refused, await rfr(), deps)).toBeNull();
      expect(await requestExchangeWithToken(db, refused, { fournisseur: 'nasa' }, deps)).toBeNull();
    }
    expect(await askWithToken('caf', { fournisseur: 'nasa' })).toMatchObject({ status: 422, body: { erreur: 'requete_invalide' }, entry: null });
    expect(await db.select().from(journalEntries).all()).toHaveLength(before);
  });

  it.runIf(onPostgres)('reads the token, the person and the provider’s state in one statement on PostgreSQL', async () => {
    const body = await rfr();
    const { token } = await caller('caf');
    const sent = await textsSent(() => requestExchangeWithToken(db, token, body, deps));
    // Then the provider's read, and the journal's append (BEGIN with the lock, the heads, the writes, COMMIT).
    expect(sent[0]).toMatch(/from "platform_tokens" left join "personas" .* left join "platform_faults"/);
    expect(sent[1]).toMatch(/from "tax_records"|from "dgfip/);
    expect(sent.slice(2).map((q) => q.slice(0, 12))).toEqual(['BEGIN; SELEC', expect.any(String), expect.any(String), 'COMMIT']);
  });
});

describe('journal and trace of every exchange', () => {
  it('appends one chained entry per call, granted or refused, with a masked trace', async () => {
    await ask('ville', await parking('karim-benali'));
    await consentTo('karim-benali');
    const granted = await ask('ville', { ...await parking('karim-benali'), dossier: 'D-1' });
    const entries = await db.select().from(journalEntries).where(eq(journalEntries.classSessionId, session)).orderBy(asc(journalEntries.sequence)).all();
    expect(entries.map((e) => e.result)).toEqual(['refuse', 'accorde']);
    expect(await verifyJournalChain(db, session)).toMatchObject({ valide: true, entrees: 2 });
    const trace = (await db.select().from(exchangeTraces).where(eq(exchangeTraces.journalEntryId, granted.entry!.id)).get())!;
    const token = (await currentToken(getEngine(), session, 'ville')).token;
    expect(trace.request.entetes.authorization).toBe(`Bearer ${maskToken(token)}`);
    expect(JSON.stringify(trace)).not.toContain(token);
    expect(trace.response).toMatchObject({ statut: 200, corps: { echange: granted.entry!.id } });
    expect(granted.entry).toMatchObject({ caseId: 'D-1', subject: await personaId('karim-benali') });
  });
});

describe('body tokens', async () => {
  it('authenticate their body and séance; a rotated token is refused', async () => {
    const first = await currentToken(getEngine(), session, 'ville');
    expect(await authenticateToken(db, first.token)).toMatchObject({ classSessionId: session, agency: 'ville' });
    expect((await currentToken(getEngine(), session, 'ville')).token).toBe(first.token); // shown again, same token
    const second = await rotateToken(getEngine(), session, 'ville');
    expect(second.token).not.toBe(first.token);
    expect(await authenticateToken(db, first.token)).toBeNull();
    expect(await authenticateToken(db, second.token)).toMatchObject({ agency: 'ville' });
    expect(await authenticateToken(db, `${second.token.slice(0, -1)}${second.token.endsWith('A') ? 'B' : 'A'}`)).toBeNull(); // one character changed
    expect(maskToken(second.token)).toMatch(/^egt_ville_….{4}$/);
  });

  it('are stored hashed, never in clear', async () => {
    const { token } = await currentToken(getEngine(), session, 'siv');
    expect(JSON.stringify(await rawSql('SELECT * FROM platform_tokens'))).not.toContain(token.slice(8));
  });
});

describe('a séance’s platform data', () => {
  it('goes with the séance, to the last row of every table', async () => {
    await db.insert(classSessions).values({ id: 'autre', name: 'Autre', joinCode: 'YYYYYY' }).run();
    await seedWorld(getEngine(), 'autre');
    await ensurePlatformTokens(getEngine(), 'autre');
    const other: Caller = { classSessionId: 'autre', agency: 'ville', token: (await currentToken(getEngine(), 'autre', 'ville')).token };
    const karim = await personaId('karim-benali', 'autre');
    await grantConsent(db, { classSessionId: 'autre', personaId: karim, consumer: 'ville', provider: 'siv', items: ['siv.vehicules'], purpose: 'carte_stationnement_residentiel', days: 3, shownText: 't', textVersion: 'v' }, now);
    await injectFault(db, 'autre', { agency: 'dgfip', kind: 'panne', minutes: 5 }, now);
    expect((await requestExchange(db, other, { ...await parking('karim-benali'), usager: karim }, deps)).status).toBe(200);
    expect((await requestExchange(db, other, { ...await parking('karim-benali', 'dgfip'), usager: karim }, deps)).status).toBe(403);

    const tables = await tablesOfSessions();
    const rowsOf = async () => Object.fromEntries(await Promise.all(tables.map(async (name) => [name, await rowsOfSession(name, 'autre')] as const)));
    expect(await rowsOf()).toMatchObject({ journal_entries: 2, exchange_traces: 2, consents: 1, platform_tokens: 11, platform_faults: 1 });
    await db.delete(classSessions).where(eq(classSessions.id, 'autre')).run();
    // Every table at zero, named (the check once read the promise, not the counts, and asserted nothing).
    expect(await rowsOf()).toEqual(Object.fromEntries(tables.map((name) => [name, 0])));
    expect((await verifyJournalChain(db, session)).valide).toBe(true);
  });
});
