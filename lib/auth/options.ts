import http from 'node:http';
import https from 'node:https';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import type { OAuthConfig } from 'next-auth/providers/oauth';
import { decodeJwt } from 'jose';
import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { database } from '../../db/engine';
import { aidants } from '../../db/tables';
import { env } from '../env';
import { secrets } from '../secrets';
import { issuerFor, providers, type IdpName } from './idp/config';
import { decodeSessionToken, encodeSessionToken } from './session-token';
import { teacherSignIn } from './teacher';
import type { SessionUser } from './session-user';

type Claims = Record<string, string>;

// The relying party calls the provider on the same server (discovery, token, userinfo). Node 20's default agent keeps
// sockets alive, and the server closes an idle one after 5 s: a reused socket closed at that instant failed a sign-in
// with ECONNRESET in the class-of-30 test. One short connection per call: these calls are few.
const providerAgents = { http: new http.Agent({ keepAlive: false }), https: new https.Agent({ keepAlive: false }) };

/** next-auth as the relying party of a simulated provider: code flow with PKCE, state and nonce. */
function simulatedProvider(id: IdpName, scope: string): OAuthConfig<Claims> {
  const base = env().baseUrl;
  return {
    id,
    name: providers[id].displayName,
    type: 'oauth',
    wellKnown: `${issuerFor(base, id)}/.well-known/openid-configuration`,
    clientId: providers[id].clientId,
    clientSecret: secrets().oidcClientSecrets[id],
    authorization: { params: { scope, acr_values: 'eidas1' } },
    checks: ['pkce', 'state', 'nonce'],
    idToken: true,
    client: { id_token_signed_response_alg: 'ES256', token_endpoint_auth_method: 'client_secret_basic' },
    httpOptions: { timeout: 10_000, agent: base.startsWith('https:') ? providerAgents.https : providerAgents.http },
    // Claims come from userinfo, as FranceConnect's service providers do.
    userinfo: {
      request: async ({ client, tokens }) => {
        const info = (await client.userinfo(tokens.access_token ?? '')) as Claims;
        // OIDC Core §5.3.2: the userinfo subject must be the ID token's (already verified by next-auth).
        if (!tokens.id_token || info.sub !== decodeJwt(tokens.id_token).sub) throw new Error('userinfo subject mismatch');
        return info;
      },
    },
    profile: (claims) => ({ id: claims.sub ?? '', name: [claims.given_name, claims.family_name ?? claims.usual_name].filter(Boolean).join(' ') }),
  };
}

const credentials = z.object({ email: z.string().trim().min(1), password: z.string().min(1) });

export function authOptions(): NextAuthOptions {
  return {
    secret: secrets().authSecret,
    // Sessions live in an encrypted cookie: a restart keeps everyone signed in (the secret persists).
    session: { strategy: 'jwt', maxAge: 12 * 60 * 60 },
    jwt: { encode: encodeSessionToken, decode: decodeSessionToken },
    pages: { signIn: '/connexion', error: '/connexion' },
    // One line per sign-in error in the teacher's terminal, not a stack trace (a cancelled sign-in is ordinary).
    logger: {
      error: (code, metadata) => console.warn(`[connexion] ${code}: ${metadata instanceof Error ? metadata.message : ((metadata as { error?: Error }).error?.message ?? '')}`),
      warn: () => undefined,
      debug: () => undefined,
    },
    providers: [
      simulatedProvider('franceconnect', 'openid given_name family_name preferred_name birthdate gender birthplace birthcountry email'),
      simulatedProvider('proconnect', 'openid email given_name usual_name uid organizational_unit'),
      CredentialsProvider({
        id: 'enseignant',
        name: 'Compte enseignant',
        credentials: { email: { label: 'Adresse e-mail', type: 'email' }, password: { label: 'Mot de passe', type: 'password' } },
        authorize: async (input, req) => {
          const parsed = credentials.safeParse(input);
          if (!parsed.success) return null;
          const forwarded = req?.headers?.['x-forwarded-for'];
          const address = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim() || 'local';
          const outcome = await teacherSignIn(database(), parsed.data.email, parsed.data.password, address);
          // next-auth hands a thrown error's message to the form (`error`): the form says to wait.
          if ('error' in outcome && outcome.error === 'trop_essais') throw new Error('trop_essais');
          if ('error' in outcome) return null;
          const { teacher } = outcome;
          return { id: teacher.id, name: teacher.displayName, email: teacher.email };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, account, user }) {
        if (account && user) {
          // ProConnect serves agents and France Services aidants; the aidants' table tells them apart.
          const isAidant = account.provider === 'proconnect' && Boolean(await database().select({ id: aidants.id }).from(aidants).where(eq(aidants.id, user.id)).get());
          const role: SessionUser['role'] = account.provider === 'franceconnect' ? 'citoyen' : isAidant ? 'aidant' : account.provider === 'proconnect' ? 'agent' : 'enseignant';
          token.role = role;
          token.subject = user.id;
          token.provider = account.provider;
          // Kept to end the provider's session at sign-out (id_token_hint).
          if (account.id_token) token.idToken = account.id_token;
        }
        return token;
      },
      // What the browser may read (GET /api/auth/session): never the ID token.
      session({ session, token }) {
        return { ...session, role: token.role, subject: token.subject };
      },
    },
  };
}
