'use client';

import { ServerError } from './_components/server-error';
import './globals.css';

/** When even the common frame (header, session) could not be shown: a page of its own, in French. */
export default function GlobalError({ error, retry }: { error: Error & { digest?: string }; retry: () => void }) {
  return (
    <html lang="fr">
      <body>
        <title>Un problème est survenu — e-Guichet (simulation)</title>
        <header className="site-header">
          <p className="sim-banner">Simulation pédagogique — pas un site officiel. Toutes les données sont fictives.</p>
        </header>
        <main id="contenu" className="page">
          <ServerError digest={error.digest} retry={retry} />
        </main>
      </body>
    </html>
  );
}
