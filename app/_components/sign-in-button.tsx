'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

/** Starts next-auth's sign-in with a provider (next-auth needs its CSRF token, hence a client leaf). */
export function SignInButton({ provider, callbackUrl, children, secondary }: { provider: 'franceconnect' | 'proconnect'; callbackUrl: string; children: string; secondary?: boolean }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className={secondary ? 'button button--secondary' : 'button'}
      aria-busy={pending}
      disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(provider, { callbackUrl });
      }}
    >
      {pending ? 'Redirection…' : children}
    </button>
  );
}
