'use client';

import { useFormStatus } from 'react-dom';
import type { ReactNode } from 'react';

/**
 * A form's submit button that ignores a second click while the first is on its way (and says so to screen readers).
 * Comfort only: the server makes every action happen once anyway (lib/action-keys.ts), also without JavaScript.
 */
export function SubmitButton({ children, className = 'button', name, value }: { children: ReactNode; className?: string; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} name={name} value={value} disabled={pending} aria-busy={pending}>
      {children}
    </button>
  );
}
