import { z } from 'zod';
import { idpNames, type IdpName } from '../../../db/schema';

export { idpNames, type IdpName };
export const idpNameSchema = z.enum(idpNames);

type ProviderConfig = {
  displayName: string;
  /** Scopes a client may ask for, and the claims each gives (aliases group several). */
  scopes: Record<string, string[]>;
  acr: string | null;
  clientId: string;
  clientName: string;
};

// Claims and scopes follow FranceConnect's and ProConnect's published ones, simplified.
export const providers: Record<IdpName, ProviderConfig> = {
  franceconnect: {
    displayName: 'FranceConnect (simulé)',
    scopes: {
      openid: ['sub'],
      given_name: ['given_name'],
      family_name: ['family_name'],
      preferred_name: ['preferred_name'],
      birthdate: ['birthdate'],
      gender: ['gender'],
      birthplace: ['birthplace'],
      birthcountry: ['birthcountry'],
      email: ['email'],
      profile: ['given_name', 'family_name', 'preferred_name', 'birthdate', 'gender'],
      birth: ['birthplace', 'birthcountry'],
      identite_pivot: ['given_name', 'family_name', 'birthdate', 'gender', 'birthplace', 'birthcountry'],
    },
    acr: 'eidas1',
    clientId: 'e-guichet-citoyens',
    clientName: 'e-Guichet (espace citoyen)',
  },
  proconnect: {
    displayName: 'ProConnect (simulé)',
    scopes: {
      openid: ['sub'],
      email: ['email'],
      given_name: ['given_name'],
      usual_name: ['usual_name'],
      uid: ['uid'],
      organizational_unit: ['organizational_unit'],
      belonging_population: ['belonging_population'],
      siret: ['siret'],
    },
    acr: 'eidas1',
    clientId: 'e-guichet-agents',
    clientName: 'e-Guichet (espace agent)',
  },
};

export const lifetimes = {
  interactionMs: 10 * 60_000,
  codeMs: 60_000,
  accessTokenMs: 10 * 60_000,
  idTokenSeconds: 5 * 60,
  sessionMs: 8 * 60 * 60_000,
};

export function issuerFor(baseUrl: string, provider: IdpName): string {
  return `${baseUrl}/api/idp/${provider}`;
}

export function endpointsFor(baseUrl: string, provider: IdpName) {
  const issuer = issuerFor(baseUrl, provider);
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    userinfo_endpoint: `${issuer}/userinfo`,
    jwks_uri: `${issuer}/jwks`,
    end_session_endpoint: `${issuer}/session/end`,
  };
}

export function discoveryDocument(baseUrl: string, provider: IdpName) {
  const config = providers[provider];
  return {
    ...endpointsFor(baseUrl, provider),
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: ['authorization_code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['ES256'],
    userinfo_signing_alg_values_supported: ['none'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: Object.keys(config.scopes),
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nonce', 'auth_time', 'acr', 'at_hash', ...new Set(Object.values(config.scopes).flat())],
    acr_values_supported: config.acr ? [config.acr] : [],
    prompt_values_supported: ['none', 'login', 'select_account'],
    request_parameter_supported: false,
    claims_parameter_supported: false,
    authorization_response_iss_parameter_supported: true,
    frontchannel_logout_supported: false,
    ui_locales_supported: ['fr'],
    service_documentation: `${baseUrl}/plateforme`,
  };
}

/** The claims a set of scopes grants. */
export function claimsForScope(provider: IdpName, scope: string): Set<string> {
  const granted = new Set<string>(['sub']);
  for (const s of scope.split(' ')) for (const claim of providers[provider].scopes[s] ?? []) granted.add(claim);
  return granted;
}
