import { eq } from 'drizzle-orm';
import type { AsyncExecutor } from '../../../db/engine';
import { oidcClients } from '../../../db/tables';
import { idpNames, providers, type IdpName } from './config';
import { safeEqual, sha256 } from './crypto';
import { OAuthError } from './errors';

export type OidcClient = typeof oidcClients.$inferSelect;

export type ClientRegistration = {
  clientId: string;
  provider: IdpName;
  name: string;
  secret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
};

/** Registers (or updates) a client. Secrets are high-entropy random strings, so SHA-256 suffices. */
export async function registerClient(db: AsyncExecutor, client: ClientRegistration): Promise<void> {
  const values = {
    provider: client.provider,
    name: client.name,
    secretHash: sha256(client.secret),
    redirectUris: client.redirectUris,
    postLogoutRedirectUris: client.postLogoutRedirectUris,
  };
  await db
    .insert(oidcClients)
    .values({ clientId: client.clientId, ...values })
    .onConflictDoUpdate({ target: oidcClients.clientId, set: values });
}

/** e-Guichet's own next-auth client for each provider; redirect URIs follow the base URL. */
export async function registerAppClients(db: AsyncExecutor, baseUrl: string, clientSecrets: Record<IdpName, string>): Promise<void> {
  for (const provider of idpNames) {
    await registerClient(db, {
      clientId: providers[provider].clientId,
      provider,
      name: providers[provider].clientName,
      secret: clientSecrets[provider],
      redirectUris: [`${baseUrl}/api/auth/callback/${provider}`],
      postLogoutRedirectUris: [`${baseUrl}/`],
    });
  }
}

export async function findClient(db: AsyncExecutor, provider: IdpName, clientId: string): Promise<OidcClient | null> {
  const client = await db.select().from(oidcClients).where(eq(oidcClients.clientId, clientId)).get();
  return client && client.provider === provider ? client : null;
}

function decodeBasicPart(value: string): string {
  // RFC 6749 §2.3.1: client_id and client_secret are form-urlencoded before Basic encoding.
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

/** client_secret_basic or client_secret_post; anything else is invalid_client (401). */
export async function authenticateClient(db: AsyncExecutor, provider: IdpName, authorization: string | null, form: URLSearchParams): Promise<OidcClient> {
  let id: string | null = null;
  let secret: string | null = null;
  if (authorization?.startsWith('Basic ')) {
    const decoded = Buffer.from(authorization.slice(6), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      id = decodeBasicPart(decoded.slice(0, colon));
      secret = decodeBasicPart(decoded.slice(colon + 1));
    }
  } else {
    id = form.get('client_id');
    secret = form.get('client_secret');
  }
  const client = id ? await findClient(db, provider, id) : null;
  if (!client || !secret || !safeEqual(sha256(secret), client.secretHash)) {
    throw new OAuthError('invalid_client', 'Authentification du client refusée : identifiant ou secret incorrect.', 401);
  }
  return client;
}
