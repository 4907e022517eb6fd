import crypto from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { importJWK, jwtVerify, SignJWT } from 'jose';
import { type AsyncExecutor, transaction } from '../../../db/engine';
import { classSessions, idpSessions, oidcAccessTokens, oidcCodes, oidcInteractions } from '../../../db/tables';
import { authenticateClient, findClient } from './clients';
import { claimsForScope, issuerFor, lifetimes, providers, type IdpName } from './config';
import { atHash, pkceChallengeOf, pkceChallengePattern, pkceVerifierPattern, randomToken, sha256 } from './crypto';
import { OAuthError } from './errors';
import { publicJwk, signingKey } from './keys';
import { claimsOf, isSelectableSubject } from './subjects';
import { latestParticipation } from '../../classroom/participants';

// A small OpenID Connect provider (authorization code flow with PKCE S256 only), written on jose.
// Every rule below fails closed and has a test in provider.test.ts.

export type Interaction = typeof oidcInteractions.$inferSelect;

/** Where the browser goes next after the authorize endpoint. */
export type AuthorizeOutcome =
  | { kind: 'error-page'; status: number; message: string }
  | { kind: 'redirect'; location: string }
  | { kind: 'interaction'; interactionId: string };

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

async function activeSession(db: AsyncExecutor, provider: IdpName, cookieValue: string | undefined) {
  if (!cookieValue) return null;
  const session = await db
    .select()
    .from(idpSessions)
    .where(and(eq(idpSessions.id, sha256(cookieValue)), eq(idpSessions.provider, provider), isNull(idpSessions.endedAt), gt(idpSessions.expiresAt, new Date())))
    .get();
  return session ?? null;
}

type CodeRequest = Pick<Interaction, 'clientId' | 'redirectUri' | 'scope' | 'state' | 'nonce' | 'codeChallenge' | 'acr'>;

async function issueCode(db: AsyncExecutor, provider: IdpName, request: CodeRequest, session: { id: string; subject: string; authTime: Date }, issuerBase: string): Promise<string> {
  const code = randomToken();
  await db.insert(oidcCodes)
    .values({
      codeHash: sha256(code),
      provider,
      clientId: request.clientId,
      subject: session.subject,
      redirectUri: request.redirectUri,
      scope: request.scope,
      nonce: request.nonce,
      codeChallenge: request.codeChallenge,
      acr: request.acr,
      sessionId: session.id,
      authTime: session.authTime,
      expiresAt: new Date(Date.now() + lifetimes.codeMs),
    })
    .run();
  return redirectWith(request.redirectUri, { code, state: request.state, iss: issuerFor(issuerBase, provider) });
}

/**
 * Which séance's people the provider's page offers, and who is chosen already. e-Guichet's extension: `seance=<join
 * code>`, with `login_hint`, as the student's séance page sends them. Without it, the séance this device joined, and the
 * student's own character when this provider signs their role in: a student who signs in from the home page or « Se
 * connecter » plays in their class, not in the demonstration séance (whose people the page offers to anyone else).
 */
async function whoseSession(db: AsyncExecutor, provider: IdpName, params: URLSearchParams, deviceHash: string | null): Promise<{ classSessionId: string | null; loginHint: string | null }> {
  const loginHint = params.get('login_hint');
  const joinCode = (params.get('seance') ?? '').toUpperCase();
  if (joinCode) {
    const named = /^[A-Z0-9]{6}$/.test(joinCode) ? await db.select({ id: classSessions.id }).from(classSessions).where(eq(classSessions.joinCode, joinCode)).get() : undefined;
    return { classSessionId: named?.id ?? null, loginHint };
  }
  const mine = deviceHash ? await latestParticipation(db, deviceHash) : null;
  if (!mine) return { classSessionId: null, loginHint };
  const { participant } = mine;
  const signsInTheirRole = provider === 'franceconnect' ? participant.role === 'citoyen' : participant.role === 'agent' || participant.role === 'aidant';
  return { classSessionId: mine.session.id, loginHint: loginHint ?? (signsInTheirRole ? participant.subjectId : null) };
}

/** GET /authorize: validates the request; unknown client or redirect URI never redirects. */
export async function authorize(db: AsyncExecutor, provider: IdpName, params: URLSearchParams, sessionCookie: string | undefined, issuerBase: string, deviceHash: string | null = null): Promise<AuthorizeOutcome> {
  const clientId = params.get('client_id') ?? '';
  const redirectUri = params.get('redirect_uri') ?? '';
  const client = clientId ? await findClient(db, provider, clientId) : null;
  if (!client) return { kind: 'error-page', status: 400, message: 'Le service qui vous a envoyé ici n’est pas connu de ce fournisseur d’identité.' };
  // Exact string match (RFC 9700 §2.1): no prefix, no pattern, no normalisation.
  if (!client.redirectUris.includes(redirectUri)) {
    return { kind: 'error-page', status: 400, message: 'L’adresse de retour demandée n’est pas enregistrée pour ce service. Par sécurité, la connexion est arrêtée.' };
  }
  const state = params.get('state') ?? undefined;
  const iss = issuerFor(issuerBase, provider);
  const fail = (error: string, description: string): AuthorizeOutcome => ({
    kind: 'redirect',
    location: redirectWith(redirectUri, { error, error_description: description, state, iss }),
  });

  if (params.get('response_type') !== 'code') return fail('unsupported_response_type', 'Seul le flux « code d’autorisation » est accepté.');
  const scope = (params.get('scope') ?? '').split(' ').filter(Boolean);
  if (!scope.includes('openid')) return fail('invalid_scope', 'La portée « openid » est obligatoire.');
  const knownScope = scope.filter((s) => s in providers[provider].scopes).join(' ');
  if (!state || state.length < 8) return fail('invalid_request', 'Le paramètre « state » est obligatoire (au moins 8 caractères).');
  const nonce = params.get('nonce');
  if (!nonce || nonce.length < 8) return fail('invalid_request', 'Le paramètre « nonce » est obligatoire (au moins 8 caractères).');
  const codeChallenge = params.get('code_challenge') ?? '';
  if (params.get('code_challenge_method') !== 'S256' || !pkceChallengePattern.test(codeChallenge)) {
    return fail('invalid_request', 'PKCE est obligatoire, avec la méthode S256.');
  }

  const request = { clientId, redirectUri, scope: knownScope, state, nonce, codeChallenge, acr: providers[provider].acr };
  const prompt = (params.get('prompt') ?? '').split(' ');
  const { classSessionId, loginHint } = await whoseSession(db, provider, params, deviceHash);
  const session = await activeSession(db, provider, sessionCookie);
  // The session signs in without the page only as the person asked for: the hinted one, or someone of the séance. A
  // student whose teacher gave them another character is shown the page with that character chosen, not signed in
  // again as the one they played before.
  const fits = session !== null && (loginHint ? loginHint === session.subject : !classSessionId || await isSelectableSubject(db, provider, session.subject, classSessionId));
  if (prompt.includes('none')) {
    if (!fits) return fail('login_required', session ? 'La session ouverte chez le fournisseur d’identité est celle d’une autre personne.' : 'Aucune session active chez le fournisseur d’identité.');
    return { kind: 'redirect', location: await issueCode(db, provider, request, session, issuerBase) };
  }
  if (fits && !prompt.includes('login') && !prompt.includes('select_account')) {
    return { kind: 'redirect', location: await issueCode(db, provider, request, session, issuerBase) };
  }
  const id = randomToken();
  await db.insert(oidcInteractions)
    .values({ id, provider, ...request, loginHint, classSessionId, expiresAt: new Date(Date.now() + lifetimes.interactionMs) })
    .run();
  return { kind: 'interaction', interactionId: id };
}

/** A sign-in of this provider that has not expired, pending or completed (signed in: `subject`; cancelled: none). */
export async function liveInteraction(db: AsyncExecutor, provider: IdpName, interactionId: string): Promise<Interaction | null> {
  const interaction = await db.select().from(oidcInteractions).where(eq(oidcInteractions.id, interactionId)).get();
  return interaction && interaction.provider === provider && interaction.expiresAt > new Date() ? interaction : null;
}

/** The pending sign-in shown on the provider's page, if still valid. */
export async function findInteraction(db: AsyncExecutor, provider: IdpName, interactionId: string): Promise<Interaction | null> {
  const interaction = await liveInteraction(db, provider, interactionId);
  return interaction && !interaction.completedAt ? interaction : null;
}

/**
 * The person chose who they are on the provider's page: opens the provider session and
 * returns where to send the browser (the client's redirect URI with a single-use code).
 *
 * Sent twice (a double-click: the browser follows the second answer; back, then the form again), it signs them in again
 * as the one chosen first, with a new code for the same request: the first answer may never have been followed. Null
 * when the sign-in is no longer pending (expired, cancelled, or unknown).
 */
export async function completeInteraction(db: AsyncExecutor, provider: IdpName, interactionId: string, subject: string, issuerBase: string): Promise<{ location: string; sessionCookie: string } | null> {
  return transaction(db, async (tx) => {
    const interaction = await liveInteraction(tx, provider, interactionId);
    if (!interaction || (interaction.completedAt && !interaction.subject)) return null; // unknown, expired or cancelled
    let chosen = interaction.subject ?? subject;
    if (!interaction.completedAt) {
      if (!await claimsOf(tx, provider, subject)) throw new OAuthError('access_denied', 'Identité inconnue.');
      // Only one sending completes it (another server may be completing it at this instant): the other signs in as it did.
      const claimed = await tx.update(oidcInteractions).set({ completedAt: new Date(), subject }).where(and(eq(oidcInteractions.id, interactionId), isNull(oidcInteractions.completedAt))).returning({ id: oidcInteractions.id });
      if (claimed.length === 0) {
        const first = await tx.select({ subject: oidcInteractions.subject }).from(oidcInteractions).where(eq(oidcInteractions.id, interactionId)).get();
        if (!first?.subject) return null;
        chosen = first.subject;
      }
    }
    const cookie = randomToken();
    const session = { id: sha256(cookie), provider, subject: chosen, authTime: new Date(), expiresAt: new Date(Date.now() + lifetimes.sessionMs) };
    await tx.insert(idpSessions).values(session).run();
    return { location: await issueCode(tx, provider, interaction, session, issuerBase), sessionCookie: cookie };
  });
}

/** The person cancelled on the provider's page: back to the client with access_denied (sent twice, the same answer). */
export async function cancelInteraction(db: AsyncExecutor, provider: IdpName, interactionId: string, issuerBase: string): Promise<string | null> {
  const interaction = await liveInteraction(db, provider, interactionId);
  if (!interaction || interaction.subject) return null; // unknown, expired, or signed in already
  if (!interaction.completedAt) await db.update(oidcInteractions).set({ completedAt: new Date() }).where(and(eq(oidcInteractions.id, interactionId), isNull(oidcInteractions.completedAt))).run();
  return redirectWith(interaction.redirectUri, {
    error: 'access_denied',
    error_description: 'La personne a annulé la connexion.',
    state: interaction.state,
    iss: issuerFor(issuerBase, provider),
  });
}

/** POST /token: exchanges a code for tokens. */
export async function exchangeCode(db: AsyncExecutor, provider: IdpName, authorization: string | null, form: URLSearchParams, issuerBase: string) {
  const client = await authenticateClient(db, provider, authorization, form);
  if (form.get('grant_type') !== 'authorization_code') throw new OAuthError('unsupported_grant_type', 'Seul grant_type=authorization_code est accepté.');
  const code = form.get('code');
  if (!code) throw new OAuthError('invalid_request', 'Le paramètre « code » manque.');
  const codeHash = sha256(code);

  const record = await transaction(db, async (tx) => {
    const row = await tx.select().from(oidcCodes).where(eq(oidcCodes.codeHash, codeHash)).get();
    if (!row || row.provider !== provider || row.clientId !== client.clientId) throw new OAuthError('invalid_grant', 'Code d’autorisation inconnu.');
    if (row.consumedAt) {
      // A replayed code: refuse, and revoke what the first use obtained (RFC 6749 §4.1.2).
      await tx.update(oidcAccessTokens).set({ revokedAt: new Date() }).where(eq(oidcAccessTokens.codeHash, codeHash)).run();
      return { replayed: true as const };
    }
    await tx.update(oidcCodes).set({ consumedAt: new Date() }).where(eq(oidcCodes.codeHash, codeHash)).run();
    return { replayed: false as const, row };
  });
  if (record.replayed) throw new OAuthError('invalid_grant', 'Ce code d’autorisation a déjà été utilisé.');
  const row = record.row;
  if (row.expiresAt <= new Date()) throw new OAuthError('invalid_grant', 'Ce code d’autorisation a expiré.');
  if (form.get('redirect_uri') !== row.redirectUri) throw new OAuthError('invalid_grant', 'L’adresse de retour ne correspond pas à celle de la demande.');
  const verifier = form.get('code_verifier') ?? '';
  if (!pkceVerifierPattern.test(verifier) || pkceChallengeOf(verifier) !== row.codeChallenge) {
    throw new OAuthError('invalid_grant', 'La vérification PKCE a échoué (code_verifier incorrect).');
  }

  const accessToken = randomToken();
  await db.insert(oidcAccessTokens)
    .values({
      tokenHash: sha256(accessToken),
      provider,
      clientId: client.clientId,
      subject: row.subject,
      scope: row.scope,
      codeHash,
      sessionId: row.sessionId,
      expiresAt: new Date(Date.now() + lifetimes.accessTokenMs),
    })
    .run();

  const { key, kid } = await signingKey(provider);
  const idToken = await new SignJWT({
    nonce: row.nonce,
    auth_time: Math.floor(row.authTime.getTime() / 1000),
    at_hash: atHash(accessToken),
    ...(row.acr ? { acr: row.acr } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', kid, typ: 'JWT' })
    .setIssuer(issuerFor(issuerBase, provider))
    .setSubject(row.subject)
    .setAudience(client.clientId)
    .setIssuedAt()
    .setExpirationTime(`${lifetimes.idTokenSeconds}s`)
    .setJti(crypto.randomUUID())
    .sign(key);

  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: Math.floor(lifetimes.accessTokenMs / 1000),
    id_token: idToken,
    scope: row.scope,
  };
}

/** GET or POST /userinfo with a Bearer access token (never in the URL). */
export async function userinfo(db: AsyncExecutor, provider: IdpName, authorization: string | null): Promise<Record<string, string>> {
  const token = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
  const row = token ? await db.select().from(oidcAccessTokens).where(eq(oidcAccessTokens.tokenHash, sha256(token))).get() : undefined;
  if (!row || row.provider !== provider || row.revokedAt || row.expiresAt <= new Date()) {
    throw new OAuthError('invalid_token', 'Jeton d’accès absent, invalide, expiré ou révoqué.', 401);
  }
  const claims = await claimsOf(db, provider, row.subject);
  if (!claims) throw new OAuthError('invalid_token', 'La personne liée à ce jeton n’existe plus.', 401);
  const allowed = claimsForScope(provider, row.scope);
  return Object.fromEntries(Object.entries(claims).filter(([name]) => allowed.has(name)));
}

/**
 * GET /session/end: ends the provider session (and the tokens it issued), then returns to the client
 * if the post-logout URI is registered for the client named by id_token_hint.
 */
export async function endSession(db: AsyncExecutor, provider: IdpName, params: URLSearchParams, sessionCookie: string | undefined, issuerBase: string): Promise<{ location: string | null }> {
  const session = await activeSession(db, provider, sessionCookie);
  if (session) {
    await transaction(db, async (tx) => {
      await tx.update(idpSessions).set({ endedAt: new Date() }).where(eq(idpSessions.id, session.id)).run();
      await tx.update(oidcAccessTokens).set({ revokedAt: new Date() }).where(eq(oidcAccessTokens.sessionId, session.id)).run();
    });
  }
  const hint = params.get('id_token_hint');
  const target = params.get('post_logout_redirect_uri');
  if (!hint || !target) return { location: null };
  try {
    const jwk = await publicJwk(provider);
    const { payload } = await jwtVerify(hint, await importJWK(jwk, 'ES256'), {
      issuer: issuerFor(issuerBase, provider),
      // An expired ID token still names its client: accept it for logout only.
      clockTolerance: lifetimes.sessionMs / 1000,
    });
    const clientId = typeof payload.aud === 'string' ? payload.aud : payload.aud?.[0];
    const client = clientId ? await findClient(db, provider, clientId) : null;
    if (!client || !client.postLogoutRedirectUris.includes(target)) return { location: null };
    return { location: redirectWith(target, { state: params.get('state') ?? undefined }) };
  } catch {
    return { location: null };
  }
}
