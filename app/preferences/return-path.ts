/** A path on this site to go back to (never another site: no `//host` nor a scheme). */
export function safeReturnPath(raw: string | null | undefined): string | null {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\') || raw.startsWith('/preferences')) return null;
  return raw.length > 300 ? null : raw;
}
