'use client';

import { useState } from 'react';
import { requestSignIn } from '../../lib/auth/sign-in-request';
import { useHydrated } from './hydrated';

/** Starts next-auth's sign-in with a provider (next-auth needs its CSRF token, hence a client leaf). */
export function SignInButton({ provider, callbackUrl, children, secondary, joinCode, loginHint }: { provider: 'franceconnect' | 'proconnect'; callbackUrl: string; children: string; secondary?: boolean; joinCode?: string; loginHint?: string }) {
  const [pending, setPending] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className={secondary ? 'button button--secondary' : 'button'}
      aria-busy={pending}
      disabled={pending || !hydrated}
      onClick={() => {
        setPending(true);
        // The join code goes to the provider, whose page then offers that séance's people.
        // With a login hint, the student's character is already chosen there.
        const params: Record<string, string> = {};
        if (joinCode) params.seance = joinCode;
        if (loginHint) params.login_hint = loginHint;
        requestSignIn('signin', provider, { callbackUrl }, params).then(
          ({ url }) => window.location.assign(url),
          () => setPending(false), // the network failed: the button comes back
        );
      }}
    >
      {pending ? 'Redirection…' : children}
    </button>
  );
}
