'use client';

import { useSyncExternalStore } from 'react';

const never = () => () => {};

/**
 * False in the server's HTML and until React has taken the page over, then true. A control that works only with
 * JavaScript stays disabled until then: a click on a slow phone is not lost, and a form is never sent by the browser
 * alone (the teacher's password would go into the address).
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
