'use client';

import { useEffect, useRef } from 'react';

/**
 * What a person reads when the server could not finish a page or an action (for example, the database stayed locked
 * while the whole class wrote at once). In production the error's text is hidden; the digest matches the server's log.
 */
export function ServerError({ digest, retry }: { digest?: string; retry: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        Un problème est survenu
      </h1>
      <p>Le serveur n’a pas pu terminer ce que vous avez demandé. Cela peut arriver quand toute la classe agit au même moment.</p>
      <p>Ce qui était déjà enregistré est gardé. Attendez quelques secondes, puis réessayez.</p>
      <p className="actions">
        <button type="button" className="button" onClick={() => retry()}>
          Réessayer
        </button>
        {/* A full load: after an error, the page starts afresh. */}
        <a href="/">Revenir à l’accueil</a>
      </p>
      {digest && (
        <p className="hint">
          Si le problème continue, donnez ce code à votre enseignant·e : <code>{digest}</code>
        </p>
      )}
    </>
  );
}
