'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Starts next-auth's sign-in with a provider (next-auth needs its CSRF token, hence a client leaf). */
export function SignInButton({ provider, callbackUrl, children, secondary, joinCode }: { provider: 'franceconnect' | 'proconnect'; callbackUrl: string; children: string; secondary?: boolean; joinCode?: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={secondary ? 'button button--secondary' : 'button'}
      aria-busy={pending}
      disabled={pending}
      onClick={() => {
        setPending(true);
        // The join code goes to the provider, whose page then offers that séance's people.
        void signIn(provider, { callbackUrl }, joinCode ? { seance: joinCode } : undefined);
      }}
    >
      {pending ? 'Redirection…' : children}
    </button>
  );
}
