// Starting a sign-in from the browser through next-auth's REST API (GET /api/auth/csrf, then POST
// /api/auth/signin/:provider or /api/auth/callback/:provider), as next-auth/react's signIn does, without its
// client bundle (about 8 kB gzip on each page with a sign-in button: the 5 kB budget above the framework's floor).

export type SignInAnswer = { url: string; error: string | null };

/** Posts a sign-in; `fields` go in the body (callbackUrl, credentials), `query` to the provider (authorization params). */
export async function requestSignIn(kind: 'signin' | 'callback', provider: string, fields: Record<string, string>, query: Record<string, string> = {}): Promise<SignInAnswer> {
  const csrf = (await (await fetch('/api/auth/csrf', { cache: 'no-store' })).json()) as { csrfToken: string };
  const search = Object.keys(query).length ? `?${new URLSearchParams(query)}` : '';
  const answer = await fetch(`/api/auth/${kind}/${encodeURIComponent(provider)}${search}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...fields, csrfToken: csrf.csrfToken, json: 'true' }),
  });
  const { url } = (await answer.json()) as { url?: string };
  const target = url ?? '/api/auth/error';
  return { url: target, error: new URL(target, window.location.href).searchParams.get('error') };
}
