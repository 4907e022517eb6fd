'use client';

import { usePathname } from 'next/navigation';
import { useState, type ReactNode } from 'react';

/**
 * Keeps the message (drawn by the server, flash-notice.tsx) on screen while the page refreshes itself (live pages
 * re-render without it: it was taken once); a new message replaces it. A reload starts without it.
 */
export function FlashBanner({ id, path: page, children }: { id: string | null; path?: string; children: ReactNode }) {
  // The message belongs to the page it was shown on: moving to another tab (a layout that stays) leaves it behind.
  // That page is the one the server rendered it for when it says so — not the address at the instant the banner
  // mounts, which after a server action's redirect may still be the form's for a moment (the aidant's confirmation
  // was lost that way now and then).
  const path = usePathname();
  const [shown, setShown] = useState(id ? { id, children, path: page ?? path } : null);
  if (id && id !== shown?.id) setShown({ id, children, path: page ?? path });
  return shown?.path === path ? shown.children : null;
}
