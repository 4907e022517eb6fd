import { type AsyncExecutor, getEngine } from '../../../db/engine';
import { eq } from 'drizzle-orm';
import * as oidc from 'openid-client';
import { beforeEach, describe, expect, it } from 'vitest';
import { oidcCodes, oidcInteractions, personas, teachers } from '../../../db/tables';
import { freshDb } from '../../../test/db';
import { idpFetch } from '../../../test/idp-harness';
import { registerClient } from './clients';
import { issuerFor } from './config';
import { completeInteraction } from './provider';
import { deviceCookieName } from '../../classroom/device-cookie';
import { deviceHash, joinSession, newDeviceSecret } from '../../classroom/participants';
import { createSession, demoSession } from '../../classroom/sessions';

const base = 'http://localhost:3999';
const issuer = issuerFor(base, 'franceconnect');
const redirectUri = `${base}/rappel-test`;
const clientId = 'client-de-test';
const clientSecret = 'un-secret-de-test-suffisamment-long-0123456789';

let db: AsyncExecutor;
let personaId: string;

beforeEach(async () => {
  db = await freshDb();
  await registerClient(getEngine().db, { clientId, provider: 'franceconnect', name: 'Client de test', secret: clientSecret, redirectUris: [redirectUri], postLogoutRedirectUris: [`${base}/au-revoir`] });
  const lea = await db.select().from(personas).where(eq(personas.key, 'lea-martin')).get();
  if (!lea) throw new Error('seed missing');
  personaId = lea.id;
});

async function configure() {
  return oidc.discovery(new URL(issuer), clientId, undefined, oidc.ClientSecretBasic(clientSecret), {
    execute: [oidc.allowInsecureRequests],
    [oidc.customFetch]: (url, options) => idpFetch(url, options as RequestInit),
  });
}

/** Plays the browser: authorize → provider page (persona chosen) → back to the client with a code. */
async function signIn(authorizationUrl: URL, cookie?: string) {
  const response = await idpFetch(authorizationUrl, { headers: cookie ? { cookie } : {} });
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get('location') ?? '');
  const interaction = location.searchParams.get('interaction');
  if (!interaction) return { callbackUrl: location, sessionCookie: cookie };
  expect(location.pathname).toBe('/identite/franceconnect');
  const done = (await completeInteraction(db, 'franceconnect', interaction, personaId, base))!;
  return { callbackUrl: new URL(done.location), sessionCookie: `eguichet_idp_franceconnect=${done.sessionCookie}` };
}

async function startLogin(overrides: Record<string, string | null> = {}) {
  const config = await configure();
  const verifier = oidc.randomPKCECodeVerifier();
  const checks = { verifier, state: oidc.randomState(), nonce: oidc.randomNonce() };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope: 'openid given_name family_name birthdate birthplace birthcountry gender email preferred_name',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: checks.state,
    nonce: checks.nonce,
  });
  for (const [key, value] of Object.entries(overrides)) {
    if (value === null) url.searchParams.delete(key);
    else url.searchParams.set(key, value);
  }
  return { config, checks, url };
}

async function tokenRequest(body: Record<string, string>) {
  return idpFetch(`${issuer}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
    body: new URLSearchParams(body),
  });
}

describe('discovery', () => {
  it('publishes a valid OpenID Connect discovery document', async () => {
    const response = await idpFetch(`${issuer}/.well-known/openid-configuration`);
    const doc = await response.json();
    expect(doc.issuer).toBe(issuer);
    for (const endpoint of ['authorization_endpoint', 'token_endpoint', 'userinfo_endpoint', 'jwks_uri', 'end_session_endpoint']) {
      expect(doc[endpoint]).toMatch(new RegExp(`^${issuer}/`));
    }
    expect(doc.code_challenge_methods_supported).toEqual(['S256']);
    expect(doc.id_token_signing_alg_values_supported).toEqual(['ES256']);
    expect(doc.response_types_supported).toEqual(['code']);
    const keys = await (await idpFetch(doc.jwks_uri)).json();
    expect(keys.keys).toHaveLength(1);
    expect(keys.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys.keys[0].d).toBeUndefined();
  });
});

describe('a generic OIDC client (openid-client)', () => {
  it('completes a login: signed ID token, nonce, state, PKCE, then userinfo with FranceConnect claims', async () => {
    const { config, checks, url } = await startLogin();
    const { callbackUrl } = await signIn(url);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
    const claims = tokens.claims();
    expect(claims?.sub).toBe(personaId);
    expect(claims?.acr).toBe('eidas1');
    const info = await oidc.fetchUserInfo(config, tokens.access_token, personaId);
    expect(info).toMatchObject({ sub: personaId, given_name: 'Léa Camille', family_name: 'Martin', birthdate: '2006-03-14', gender: 'female', birthplace: '00101', birthcountry: '99100' });
  });

  it('releases only the claims of the scopes asked', async () => {
    const { config, checks, url } = await startLogin({ scope: 'openid given_name' });
    const { callbackUrl } = await signIn(url);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
    expect(await oidc.fetchUserInfo(config, tokens.access_token, personaId)).toEqual({ sub: personaId, given_name: 'Léa Camille' });
  });

  it('refuses a mismatched state (the client checks what it sent)', async () => {
    const { config, checks, url } = await startLogin();
    const { callbackUrl } = await signIn(url);
    await expect(oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: 'un-autre-etat-que-celui-envoye', expectedNonce: checks.nonce })).rejects.toMatchObject({ code: 'OAUTH_INVALID_RESPONSE', cause: { message: 'unexpected "state" response parameter value' } });
  });

  it('refuses a wrong nonce in the ID token', async () => {
    const { config, checks, url } = await startLogin();
    const { callbackUrl } = await signIn(url);
    await expect(oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: 'nonce-qui-ne-correspond-pas' })).rejects.toMatchObject({ code: 'OAUTH_JWT_CLAIM_COMPARISON_FAILED', cause: { message: expect.stringContaining('"nonce"') } });
  });
});

describe('authorize endpoint fails closed', () => {
  it('never redirects to an unregistered or altered redirect_uri', async () => {
    for (const bad of [`${base}/ailleurs`, `${redirectUri}/plus`, `${redirectUri}?x=1`, 'http://attaquant.test/rappel-test', redirectUri.toUpperCase()]) {
      const { url } = await startLogin({ redirect_uri: bad });
      const response = await idpFetch(url);
      expect(response.status).toBe(400);
      expect(response.headers.get('location')).toBeNull();
      expect(await response.text()).toContain('adresse de retour');
    }
  });

  it('refuses an unknown client without redirecting', async () => {
    const { url } = await startLogin({ client_id: 'inconnu' });
    const response = await idpFetch(url);
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });

  const refusals: [string, Record<string, string | null>, string][] = [
    ['missing state', { state: null }, 'invalid_request'],
    ['missing nonce', { nonce: null }, 'invalid_request'],
    ['missing PKCE', { code_challenge: null, code_challenge_method: null }, 'invalid_request'],
    ['PKCE plain', { code_challenge_method: 'plain' }, 'invalid_request'],
    ['implicit flow', { response_type: 'id_token' }, 'unsupported_response_type'],
    ['no openid scope', { scope: 'email' }, 'invalid_scope'],
  ];
  for (const [name, overrides, error] of refusals) {
    it(`refuses ${name} with ${error}`, async () => {
      const { url } = await startLogin(overrides);
      const response = await idpFetch(url);
      const location = new URL(response.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('code')).toBeNull();
    });
  }
});

describe('token endpoint fails closed', () => {
  async function codeFor() {
    const { checks, url } = await startLogin();
    const { callbackUrl } = await signIn(url);
    return { code: callbackUrl.searchParams.get('code') ?? '', verifier: checks.verifier };
  }

  it('refuses a wrong code_verifier', async () => {
    const { code } = await codeFor();
    const response = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: oidc.randomPKCECodeVerifier() });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('invalid_grant');
  });

  it('refuses a missing code_verifier', async () => {
    const { code } = await codeFor();
    const response = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    expect((await response.json()).error).toBe('invalid_grant');
  });

  it('refuses a replayed code and revokes the tokens of its first use', async () => {
    const { code, verifier } = await codeFor();
    const body = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier };
    const first = await tokenRequest(body);
    expect(first.status).toBe(200);
    const { access_token } = await first.json();
    const userinfoOk = await idpFetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(userinfoOk.status).toBe(200);
    const second = await tokenRequest(body);
    expect(second.status).toBe(400);
    expect((await second.json()).error).toBe('invalid_grant');
    const userinfoAfter = await idpFetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${access_token}` } });
    expect(userinfoAfter.status).toBe(401);
  });

  it('refuses an expired code', async () => {
    const { code, verifier } = await codeFor();
    await db.update(oidcCodes).set({ expiresAt: new Date(Date.now() - 1000) }).run();
    const response = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier });
    expect((await response.json()).error).toBe('invalid_grant');
  });

  it('refuses a redirect_uri different from the one of the authorization request', async () => {
    const { code, verifier } = await codeFor();
    const response = await tokenRequest({ grant_type: 'authorization_code', code, redirect_uri: `${redirectUri}-autre`, code_verifier: verifier });
    expect((await response.json()).error).toBe('invalid_grant');
  });

  it('refuses a wrong client secret with 401', async () => {
    const { code, verifier } = await codeFor();
    const response = await idpFetch(`${issuer}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:mauvais-secret`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('invalid_client');
  });

  it('refuses a code issued by the other provider', async () => {
    const { code, verifier } = await codeFor();
    const response = await idpFetch(`${issuerFor(base, 'proconnect')}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}` },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier }),
    });
    expect(response.status).toBe(401);
  });
});

describe('userinfo and sessions', () => {
  it('accepts the access token only in the Authorization header', async () => {
    const { config, checks, url } = await startLogin();
    const { callbackUrl } = await signIn(url);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
    const inQuery = await idpFetch(`${issuer}/userinfo?access_token=${tokens.access_token}`);
    expect(inQuery.status).toBe(401);
  });

  it('signs in again without the page while the provider session lasts, and not after end-session', async () => {
    const first = await startLogin();
    const { callbackUrl, sessionCookie } = await signIn(first.url);
    const tokens = await oidc.authorizationCodeGrant(first.config, callbackUrl, { pkceCodeVerifier: first.checks.verifier, expectedState: first.checks.state, expectedNonce: first.checks.nonce });

    const silent = await startLogin({ prompt: 'none' });
    const again = await idpFetch(silent.url, { headers: { cookie: sessionCookie ?? '' } });
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();

    const logout = new URL(`${issuer}/session/end`);
    logout.searchParams.set('id_token_hint', tokens.id_token ?? '');
    logout.searchParams.set('post_logout_redirect_uri', `${base}/au-revoir`);
    logout.searchParams.set('state', 'etat-de-sortie');
    const ended = await idpFetch(logout, { headers: { cookie: sessionCookie ?? '' } });
    expect(ended.headers.get('location')).toBe(`${base}/au-revoir?state=etat-de-sortie`);
    expect((await idpFetch(`${issuer}/userinfo`, { headers: { authorization: `Bearer ${tokens.access_token}` } })).status).toBe(401);

    const afterLogout = await startLogin({ prompt: 'none' });
    const refused = await idpFetch(afterLogout.url, { headers: { cookie: sessionCookie ?? '' } });
    expect(new URL(refused.headers.get('location') ?? '').searchParams.get('error')).toBe('login_required');
  });

  it('does not redirect after logout to an unregistered address', async () => {
    const { config, checks, url } = await startLogin();
    const { callbackUrl, sessionCookie } = await signIn(url);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
    const logout = new URL(`${issuer}/session/end`);
    logout.searchParams.set('id_token_hint', tokens.id_token ?? '');
    logout.searchParams.set('post_logout_redirect_uri', 'http://attaquant.test/');
    const response = await idpFetch(logout, { headers: { cookie: sessionCookie ?? '' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('the séance whose people the provider’s page offers', () => {
  /** The interaction the authorize endpoint opened for `url` (sent with `cookie`). */
  async function interactionOf(url: URL, cookie?: string) {
    const response = await idpFetch(url, { headers: cookie ? { cookie } : {} });
    const id = new URL(response.headers.get('location') ?? '').searchParams.get('interaction');
    expect(id).toBeTruthy();
    return (await db.select().from(oidcInteractions).where(eq(oidcInteractions.id, id!)).get())!;
  }

  it('is the séance this device joined when the request names none, with the student’s own character chosen', async () => {
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Classe', preset: 'tout', expectedStudents: 4 });
    const secret = newDeviceSecret();
    const joined = await joinSession(db, session, 'Renard', deviceHash(secret));
    if (!joined.ok) throw new Error(joined.error);
    expect(joined.participant.role).toBe('citoyen');
    const device = `${deviceCookieName}=${secret}`;

    // From the home page or « Se connecter »: no `seance` in the request, the device's séance all the same.
    expect(await interactionOf((await startLogin()).url, device)).toMatchObject({ classSessionId: session.id, loginHint: joined.participant.subjectId });
    // A hint sent by the client is kept.
    expect(await interactionOf((await startLogin({ login_hint: personaId })).url, device)).toMatchObject({ classSessionId: session.id, loginHint: personaId });
    // A séance named in the request wins; an unknown one is no séance (the page offers the demonstration's people).
    const demo = (await demoSession(db))!;
    expect(await interactionOf((await startLogin({ seance: demo.joinCode.toLowerCase() })).url, device)).toMatchObject({ classSessionId: demo.id, loginHint: null });
    expect(await interactionOf((await startLogin({ seance: 'ZZZZZZ' })).url, device)).toMatchObject({ classSessionId: null, loginHint: null });
    // No device cookie, or one that is not ours: the demonstration séance, nobody chosen.
    expect(await interactionOf((await startLogin()).url)).toMatchObject({ classSessionId: null, loginHint: null });
    expect(await interactionOf((await startLogin()).url, `${deviceCookieName}=pas-un-secret`)).toMatchObject({ classSessionId: null, loginHint: null });

    // An agent's device signing in with FranceConnect: their séance's people, nobody chosen (they play an agent).
    const agentSecret = newDeviceSecret();
    const agent = await joinSession(db, session, 'Hibou', deviceHash(agentSecret));
    if (!agent.ok) throw new Error(agent.error);
    expect(agent.participant.role).toBe('agent');
    expect(await interactionOf((await startLogin()).url, `${deviceCookieName}=${agentSecret}`)).toMatchObject({ classSessionId: session.id, loginHint: null });
  });
});

describe('a provider session signs in without the page only as the person asked for', () => {
  it('shows the page when the hint or the device’s séance names someone else (a student given another character)', async () => {
    const { sessionCookie } = await signIn((await startLogin()).url);
    const cookie = sessionCookie ?? '';
    const silent = async (overrides: Record<string, string> = {}, extra = '') => {
      const response = await idpFetch((await startLogin(overrides)).url, { headers: { cookie: `${cookie}${extra}` } });
      const location = new URL(response.headers.get('location') ?? '');
      return location.searchParams.get('code') ? 'code' : location.searchParams.get('interaction') ? 'page' : location.searchParams.get('error');
    };
    // The same person: no page, as before.
    expect(await silent()).toBe('code');
    expect(await silent({ login_hint: personaId })).toBe('code');
    // Another person hinted: the page, with them chosen; without a page to show, login_required.
    const other = (await db.select().from(personas).where(eq(personas.key, 'karim-benali')).get())!;
    expect(await silent({ login_hint: other.id })).toBe('page');
    expect(await silent({ login_hint: other.id, prompt: 'none' })).toBe('login_required');
    expect(await silent({ prompt: 'none' })).toBe('code');

    // A device that joined a séance: Léa of the demonstration is not one of its people, even without a hint.
    const teacher = (await db.select().from(teachers).get())!;
    const session = await createSession(getEngine(), teacher.id, { name: 'Classe', preset: 'tout', expectedStudents: 4 });
    const secret = newDeviceSecret();
    const joined = await joinSession(db, session, 'Renard', deviceHash(secret));
    if (!joined.ok) throw new Error(joined.error);
    expect(await silent({}, `; ${deviceCookieName}=${secret}`)).toBe('page');
    // Signed in as the séance's character, the next sign-in needs no page.
    const response = await idpFetch((await startLogin()).url, { headers: { cookie: `${deviceCookieName}=${secret}` } });
    const interaction = new URL(response.headers.get('location') ?? '').searchParams.get('interaction')!;
    const done = (await completeInteraction(db, 'franceconnect', interaction, joined.participant.subjectId!, base))!;
    const again = await idpFetch((await startLogin()).url, { headers: { cookie: `eguichet_idp_franceconnect=${done.sessionCookie}; ${deviceCookieName}=${secret}` } });
    expect(new URL(again.headers.get('location') ?? '').searchParams.get('code')).toBeTruthy();
  });
});

describe('the provider’s form sent twice (a double-click, back then again)', () => {
  /** The provider's page's form, as a browser sends it. */
  const send = (interaction: string, subject: string, action = 'connecter') =>
    idpFetch(`${issuer}/interaction`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ interaction, action, subject }) });
  const interactionOf = async (url: URL) => new URL((await idpFetch(url)).headers.get('location') ?? '').searchParams.get('interaction')!;
  const karim = async () => (await db.select().from(personas).where(eq(personas.key, 'karim-benali')).get())!.id;

  it('signs in once, as chosen first; whichever answer the browser follows is a code that works', async () => {
    const { config, checks, url } = await startLogin();
    const interaction = await interactionOf(url);
    // The second click chose someone else meanwhile: the first choice stands.
    const answers = [await send(interaction, personaId), await send(interaction, await karim())];
    for (const answer of answers) {
      expect(answer.status).toBe(303);
      const location = new URL(answer.headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      const tokens = await oidc.authorizationCodeGrant(config, location, { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce });
      expect(tokens.claims()?.sub).toBe(personaId);
    }
    expect((await db.select().from(oidcInteractions).where(eq(oidcInteractions.id, interaction)).get())).toMatchObject({ subject: personaId });
  });

  it('at the same instant: both answers sign in the same person', async () => {
    const { config, checks, url } = await startLogin();
    const interaction = await interactionOf(url);
    const answers = await Promise.all([send(interaction, personaId), send(interaction, await karim())]);
    const subjects = await Promise.all(answers.map(async (answer) => (await oidc.authorizationCodeGrant(config, new URL(answer.headers.get('location') ?? ''), { pkceCodeVerifier: checks.verifier, expectedState: checks.state, expectedNonce: checks.nonce })).claims()?.sub));
    expect(subjects[0]).toBe(subjects[1]);
    expect([personaId, await karim()]).toContain(subjects[0]);
  });

  it('« Annuler » sent twice cancels, twice alike; after it, or once expired, « Me connecter » shows the page again (which says the sign-in is no longer valid)', async () => {
    const cancelled = await interactionOf((await startLogin()).url);
    // « Annuler » sent twice: the same answer each time (the browser follows the second).
    for (let i = 0; i < 2; i++) {
      const location = new URL((await send(cancelled, '', 'annuler')).headers.get('location') ?? '');
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect(location.searchParams.get('error')).toBe('access_denied');
    }
    const again = await send(cancelled, personaId);
    expect(again.headers.get('location')).toBe(`${base}/identite/franceconnect?interaction=${cancelled}`);
    const expired = await interactionOf((await startLogin()).url);
    await db.update(oidcInteractions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(oidcInteractions.id, expired)).run();
    expect((await send(expired, personaId)).headers.get('location')).toBe(`${base}/identite/franceconnect?interaction=${expired}`);
  });
});
