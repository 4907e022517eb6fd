import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getEngine, type AsyncExecutor } from '../../db/engine';
import { personas } from '../../db/tables';
import { freshDb } from '../../test/db';
import { demoSession } from '../classroom/sessions';
import { answerExchangeCall } from './exchange-endpoint';
import { maxJsonBytes } from './http';
import { currentToken } from './tokens';

let db: AsyncExecutor;
let token: string;
let body: string;

beforeEach(async () => {
  db = await freshDb();
  const session = (await demoSession(db))!.id;
  token = (await currentToken(getEngine(), session, 'caf')).token;
  const karim = (await db.select({ id: personas.id }).from(personas).where(and(eq(personas.key, 'karim-benali'), eq(personas.classSessionId, session))).get())!.id;
  body = JSON.stringify({ fournisseur: 'dgfip', donnees: ['dgfip.revenu_fiscal_reference'], usager: karim, finalite: 'calcul_prestations' });
});

/** A call as the bodies' systems send it. */
const call = (authorization: string | null, text: string, contentType = 'application/json') =>
  answerExchangeCall({
    header: (name) => ({ authorization, 'content-type': contentType })[name.toLowerCase()] ?? null,
    text: async () => text,
  });

describe('POST /api/plateforme/v1/echanges, whoever serves it', () => {
  it('answers a granted exchange with its data and receipt', async () => {
    expect(await call(`Bearer ${token}`, body)).toMatchObject({ status: 200, body: { donnees: { 'dgfip.revenu_fiscal_reference': { revenu_fiscal_reference: 31200 } }, recu: expect.any(Object) } });
  });

  it('tells a caller without a valid token only that, whatever its body', async () => {
    const unknown = `Bearer ${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const [authorization, text, type] of [
      [null, body, 'application/json'],
      [unknown, body, 'application/json'],
      [unknown, '{ pas du JSON', 'application/json'],
      [unknown, 'x'.repeat(maxJsonBytes + 1), 'application/json'],
      [unknown, body, 'text/plain'],
      ['Basic abc', body, 'application/json'],
    ] as const) {
      expect(await call(authorization, text, type)).toMatchObject({ status: 401, body: { erreur: 'jeton_invalide' } });
    }
  });

  it('tells a caller with a valid token what is wrong with its body', async () => {
    expect(await call(`Bearer ${token}`, '{ pas du JSON')).toMatchObject({ status: 422, body: { erreur: 'requete_invalide' } });
    expect(await call(`Bearer ${token}`, 'x'.repeat(maxJsonBytes + 1))).toMatchObject({ status: 413, body: { erreur: 'requete_trop_grande' } });
    expect(await call(`Bearer ${token}`, body, 'text/plain')).toMatchObject({ status: 415, body: { erreur: 'type_non_supporte' } });
    expect(await call(`Bearer ${token}`, JSON.stringify({ fournisseur: 'nasa' }))).toMatchObject({ status: 422, body: { erreur: 'requete_invalide', details: expect.any(Array) } });
  });
});
