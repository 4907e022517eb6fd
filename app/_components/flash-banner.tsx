'use client';

import { usePathname } from 'next/navigation';
import { useState } from 'react';
import type { Flash } from '@/lib/flash';

/** The text, with its emphasised part (a receipt number) in bold. */
function emphasised({ text, emphasis }: Flash) {
  const at = emphasis ? text.indexOf(emphasis) : -1;
  if (!emphasis || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <strong>{emphasis}</strong>
      {text.slice(at + emphasis.length)}
    </>
  );
}

/**
 * Keeps the message on screen while the page refreshes itself (live pages re-render without it: it was taken once);
 * a new message replaces it. A reload starts without it.
 */
export function FlashBanner({ flash, path: page }: { flash: Flash | null; path?: string }) {
  // The message belongs to the page it was shown on: moving to another tab (a layout that stays) leaves it behind.
  // That page is the one the server rendered it for when it says so — not the address at the instant the banner
  // mounts, which after a server action's redirect may still be the form's for a moment (the aidant's confirmation
  // was lost that way now and then).
  const path = usePathname();
  const [shown, setShown] = useState(flash ? { flash, path: page ?? path } : null);
  if (flash && flash.id !== shown?.flash.id) setShown({ flash, path: page ?? path });
  const current = shown?.path === path ? shown.flash : null;
  if (!current) return null;
  return (
    <div className={`notice ${current.tone === 'erreur' ? 'notice--error' : 'notice--success'}`} role="status">
      <p>{emphasised(current)}</p>
    </div>
  );
}
