// OAuth 2.0 / OpenID Connect errors (RFC 6749 §5.2, OIDC Core §3.1.2.6). The codes are the
// standard ones that any client understands; the descriptions are in French for the class.
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'login_required'
  | 'invalid_token';

export class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
  ) {
    super(description);
  }
}

export function oauthErrorResponse(error: OAuthError): Response {
  const headers: Record<string, string> = { 'Cache-Control': 'no-store' };
  if (error.code === 'invalid_client') headers['WWW-Authenticate'] = 'Basic realm="e-guichet"';
  if (error.code === 'invalid_token') headers['WWW-Authenticate'] = `Bearer error="invalid_token", error_description="${error.code}"`;
  return Response.json({ error: error.code, error_description: error.description }, { status: error.status, headers });
}
