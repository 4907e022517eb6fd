'use client';

import { lazy, Suspense } from 'react';

// The reader's code is fetched only on the pages of the people who asked for it (a preference): every other page
// is spared about 1 kB of JavaScript (docs/performance.md). The server renders the button; it works once loaded.
const Controls = lazy(() => import('./read-aloud-controls'));

/** "Écouter la page" (or the question): reads the element `targetId` aloud with the device's own French voice. */
export function ReadAloud(props: { targetId: string; label?: string }) {
  return (
    <Suspense
      fallback={
        <div className="read-aloud" data-lecture-ignore>
          <button type="button" className="button button--secondary" disabled>
            {props.label ?? 'Écouter la page'}
          </button>
        </div>
      }
    >
      <Controls {...props} />
    </Suspense>
  );
}
