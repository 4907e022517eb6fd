'use client';

import './globals.css';

/**
 * When even the common frame (header, session) could not be shown: a page of its own, in French. Its words are its
 * own rather than ServerError's: this file's chunk loads with every page, and a second copy of ServerError in it
 * cost every route half a kilobyte.
 */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="fr">
      <body>
        <title>Un problème est survenu — e-Guichet (simulation)</title>
        <header className="site-header">
          <p className="sim-banner">Simulation pédagogique — pas un site officiel. Toutes les données sont fictives.</p>
        </header>
        <main id="contenu" className="page">
          <h1>Un problème est survenu</h1>
          <p>Le serveur n’a pas pu afficher cette page. Ce qui était déjà enregistré est gardé : attendez quelques secondes, puis réessayez.</p>
          <p className="actions">
            <button type="button" className="button" onClick={() => retry()}>
              Réessayer
            </button>
            <a href="/">Revenir à l’accueil</a>
          </p>
          {error.digest && (
            <p className="hint">
              Si le problème continue, donnez ce code à votre enseignant·e : <code>{error.digest}</code>
            </p>
          )}
        </main>
      </body>
    </html>
  );
}
