import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { classSessions } from './classroom';
import { createdAt, id } from './columns';

// State of the two simulated OpenID Connect providers (lib/auth/idp). Secrets and codes are stored hashed.

export const idpNames = ['franceconnect', 'proconnect'] as const;
export type IdpName = (typeof idpNames)[number];

const ms = (name: string) => integer(name, { mode: 'timestamp_ms' });

export const oidcClients = sqliteTable('oidc_clients', {
  clientId: text('client_id').primaryKey(),
  provider: text('provider', { enum: idpNames }).notNull(),
  name: text('name').notNull(),
  secretHash: text('secret_hash').notNull(),
  redirectUris: text('redirect_uris', { mode: 'json' }).$type<string[]>().notNull(),
  postLogoutRedirectUris: text('post_logout_redirect_uris', { mode: 'json' }).$type<string[]>().notNull(),
  createdAt: createdAt(),
});

/** An authorization request waiting for the person to sign in on the provider's page. */
export const oidcInteractions = sqliteTable('oidc_interactions', {
  id: id(),
  provider: text('provider', { enum: idpNames }).notNull(),
  clientId: text('client_id')
    .notNull()
    .references(() => oidcClients.clientId, { onDelete: 'cascade' }),
  redirectUri: text('redirect_uri').notNull(),
  scope: text('scope').notNull(),
  state: text('state').notNull(),
  nonce: text('nonce').notNull(),
  codeChallenge: text('code_challenge').notNull(),
  acr: text('acr'),
  loginHint: text('login_hint'),
  /** The séance whose people (or agents) the provider's page offers, from the join code; the demonstration séance otherwise. */
  classSessionId: text('class_session_id').references(() => classSessions.id, { onDelete: 'cascade' }),
  createdAt: createdAt(),
  expiresAt: ms('expires_at').notNull(),
  completedAt: ms('completed_at'),
  /** Who the person signed in as (null while pending, or when they cancelled): a form sent twice signs them in again as this one. */
  subject: text('subject'),
});

/** The provider's own sign-in session (single sign-on), ended by end-session. */
export const idpSessions = sqliteTable('idp_sessions', {
  /** SHA-256 of the session cookie's value. */
  id: id(),
  provider: text('provider', { enum: idpNames }).notNull(),
  subject: text('subject').notNull(),
  authTime: ms('auth_time').notNull(),
  expiresAt: ms('expires_at').notNull(),
  endedAt: ms('ended_at'),
});

export const oidcCodes = sqliteTable('oidc_codes', {
  /** SHA-256 of the code: the code itself is never stored. */
  codeHash: text('code_hash').primaryKey(),
  provider: text('provider', { enum: idpNames }).notNull(),
  clientId: text('client_id')
    .notNull()
    .references(() => oidcClients.clientId, { onDelete: 'cascade' }),
  subject: text('subject').notNull(),
  redirectUri: text('redirect_uri').notNull(),
  scope: text('scope').notNull(),
  nonce: text('nonce').notNull(),
  codeChallenge: text('code_challenge').notNull(),
  acr: text('acr'),
  sessionId: text('session_id').notNull(),
  authTime: ms('auth_time').notNull(),
  expiresAt: ms('expires_at').notNull(),
  consumedAt: ms('consumed_at'),
});

export const oidcAccessTokens = sqliteTable(
  'oidc_access_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    provider: text('provider', { enum: idpNames }).notNull(),
    clientId: text('client_id')
      .notNull()
      .references(() => oidcClients.clientId, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    scope: text('scope').notNull(),
    codeHash: text('code_hash').notNull(),
    sessionId: text('session_id').notNull(),
    expiresAt: ms('expires_at').notNull(),
    revokedAt: ms('revoked_at'),
  },
  (t) => [index('oidc_access_tokens_code').on(t.codeHash)],
);
