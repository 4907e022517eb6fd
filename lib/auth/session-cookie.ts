import { secrets } from '../secrets';
import { decodeSessionToken } from './session-token';
import type { SessionUser } from './session-user';

// Who a request's session cookie names, read the way next-auth reads it (its cookie name, its chunks, its key), without
// going through getServerSession: that builds next-auth's whole handler and encrypts the session again for a cookie it
// cannot set from a page (docs/performance.md). Used by every page and route (lib/auth/guards.ts) and by the live
// streams served beside Next (scripts/worker.ts).

/** next-auth's cookie: `__Secure-` when its URL is https (next-auth's own rule: NEXTAUTH_URL decides). */
export function sessionCookieName(nextAuthUrl = process.env.NEXTAUTH_URL): string {
  return `${nextAuthUrl?.startsWith('https://') ? '__Secure-' : ''}next-auth.session-token`;
}

/** The cookie's value, joined from its chunks (`name.0`, `name.1`… when next-auth had to split a large one). */
export function sessionCookieValue(cookies: Iterable<[string, string]>, name = sessionCookieName()): string | undefined {
  const parts: [number, string][] = [];
  for (const [key, value] of cookies) {
    if (key === name) return value;
    if (key.startsWith(`${name}.`)) parts.push([Number.parseInt(key.slice(name.length + 1), 10), value]);
  }
  return parts.length ? parts.sort((a, b) => a[0] - b[0]).map(([, v]) => v).join('') : undefined;
}

/** The role and subject a session cookie carries, or null (none, expired, not ours). */
export async function sessionOfCookie(value: string | undefined): Promise<Pick<SessionUser, 'role' | 'subject'> | null> {
  if (!value) return null;
  try {
    const token = await decodeSessionToken({ token: value, secret: secrets().authSecret });
    return token?.role && token.subject ? { role: token.role, subject: token.subject } : null;
  } catch {
    return null; // expired or tampered: signed out, as next-auth would say
  }
}

/** The pairs of a `Cookie` header (for requests that do not come through Next). */
export function cookiePairs(header: string | undefined): [string, string][] {
  if (!header) return [];
  return header.split(/;\s*/).flatMap((pair) => {
    const at = pair.indexOf('=');
    if (at <= 0) return [];
    const raw = pair.slice(at + 1).trim();
    try {
      return [[pair.slice(0, at).trim(), decodeURIComponent(raw)] as [string, string]];
    } catch {
      return [[pair.slice(0, at).trim(), raw] as [string, string]];
    }
  });
}
