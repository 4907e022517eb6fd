import { z } from 'zod';
import { idpContext, idpRoute, idpSessionCookieHeader } from '@/lib/auth/idp/http';
import { cancelInteraction, completeInteraction, findInteraction } from '@/lib/auth/idp/provider';
import { isSelectableSubject } from '@/lib/auth/idp/subjects';
import { demoSession } from '@/lib/classroom/sessions';

export const dynamic = 'force-dynamic';

const form = z.object({
  interaction: z.string().min(1).max(100),
  action: z.enum(['connecter', 'annuler']),
  subject: z.string().max(100).optional(),
});

const seeOther = (location: string, cookie?: string) =>
  new Response(null, { status: 303, headers: { Location: location, ...(cookie ? { 'Set-Cookie': cookie } : {}) } });

/**
 * The provider's sign-in form (a plain HTML form: it works without JavaScript). The interaction id,
 * 256 random bits bound to this sign-in, is what a forged cross-site post cannot know.
 */
export const POST = idpRoute(async (request, provider) => {
  const { db, issuerBase } = idpContext();
  // A browser posts this form url-encoded; anything else is not that form, and goes back to sign-in.
  const fields = await request.formData().then(Object.fromEntries, () => null);
  const parsed = form.safeParse(fields);
  if (!parsed.success) return seeOther(`${issuerBase}/connexion`);
  const { interaction, action, subject } = parsed.data;
  const page = `${issuerBase}/identite/${provider}?interaction=${encodeURIComponent(interaction)}`;
  if (action === 'annuler') return seeOther(await cancelInteraction(db, provider, interaction, issuerBase) ?? `${issuerBase}/connexion`);
  const pending = await findInteraction(db, provider, interaction);
  if (pending) {
    // The people of the séance named by the join code (or of the demonstration séance).
    const sessionId = pending.classSessionId ?? (await demoSession(db))?.id;
    if (!subject || !sessionId || !await isSelectableSubject(db, provider, subject, sessionId)) return seeOther(`${page}&erreur=choix`);
  }
  // Not pending: completed already (the form sent twice signs in again as the first one chose), or no longer valid.
  const done = await completeInteraction(db, provider, interaction, subject ?? '', issuerBase);
  if (!done) return seeOther(page);
  return seeOther(done.location, idpSessionCookieHeader(provider, done.sessionCookie, issuerBase));
});
