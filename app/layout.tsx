import type { Metadata } from 'next';
import localFont from 'next/font/local';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getViewer, type Viewer } from '@/lib/auth/guards';
import { getDb } from '@/db/client';
import { notificationsFor } from '@/lib/notifications';
import { markNotificationsReadAction } from './_components/notification-actions';
import { NotificationBell } from './_components/notification-bell';
import { currentDeviceHash } from '@/lib/classroom/device';
import { latestParticipation } from '@/lib/classroom/participants';
import { htmlAttributes } from '@/lib/preferences';
import { currentPreferences } from '@/lib/preferences-store';
import { ReadAloud } from './_components/read-aloud';
import './globals.css';

// Atkinson Hyperlegible (SIL OFL), designed for readers with low vision; shipped in app/fonts.
const atkinson = localFont({
  src: [
    { path: './fonts/atkinson-hyperlegible-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/atkinson-hyperlegible-latin-400-italic.woff2', weight: '400', style: 'italic' },
    { path: './fonts/atkinson-hyperlegible-latin-700-normal.woff2', weight: '700', style: 'normal' },
    { path: './fonts/atkinson-hyperlegible-latin-700-italic.woff2', weight: '700', style: 'italic' },
  ],
  variable: '--font-atkinson',
  display: 'swap',
});

export const metadata: Metadata = {
  title: { default: 'e-Guichet — simulateur des services publics en ligne', template: '%s — e-Guichet (simulation)' },
  description: 'Simulation pédagogique des démarches administratives en ligne et des échanges de données entre administrations.',
  robots: { index: false, follow: false },
};

function describe(viewer: Viewer): { label: string; home: string } {
  switch (viewer.role) {
    case 'citoyen': {
      const p = viewer.persona;
      return { label: `${p.givenNames} ${p.preferredName ?? p.familyName} (citoyen·ne)`, home: '/citoyen' };
    }
    case 'agent':
      return { label: `${viewer.agent.givenName} ${viewer.agent.familyName} (agent)`, home: '/agent' };
    case 'aidant':
      return { label: `${viewer.aidant.givenName} ${viewer.aidant.familyName} (aidant·e France Services)`, home: '/aidant' };
    case 'enseignant':
      return { label: `${viewer.teacher.displayName} (${viewer.teacher.email})`, home: '/enseignant' };
  }
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const who = viewer ? describe(viewer) : null;
  const reader = viewer?.role === 'citoyen' ? { kind: 'usager' as const, persona: viewer.persona } : viewer?.role === 'agent' ? { kind: 'agent' as const, agent: viewer.agent } : null;
  const notifications = reader ? notificationsFor(getDb(), reader) : null;
  // A student's way back to their role and scenario card, on the device they joined with.
  const device = await currentDeviceHash();
  const student = device ? latestParticipation(getDb(), device) : null;
  const prefs = await currentPreferences(viewer);
  return (
    <html lang="fr" {...htmlAttributes(prefs)} className={`${atkinson.variable} ${htmlAttributes(prefs).className}`.trim()}>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <p className="sim-banner">Simulation pédagogique — pas un site officiel. Toutes les données sont fictives.</p>
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__name">e-Guichet</span>
              <span className="brand__tagline">Simulateur des services publics en ligne</span>
            </Link>
            <Link href="/preferences" className="header-prefs">
              Affichage et accessibilité
            </Link>
            {who ? (
              <div className="who">
                <p>
                  Connecté·e : <Link href={who.home}>{who.label}</Link>
                </p>
                {notifications && <NotificationBell initial={notifications} markRead={markNotificationsReadAction} />}
                <form action="/api/deconnexion" method="post">
                  <button type="submit" className="button button--secondary">
                    Se déconnecter
                  </button>
                </form>
              </div>
            ) : (
              <p className="who">
                <Link href="/connexion">Se connecter</Link>
              </p>
            )}
          </div>
        </header>
        <main id="contenu" tabIndex={-1} className="page">
          {prefs.lecture && <ReadAloud targetId="contenu" />}
          {children}
        </main>
        <footer className="site-footer">
          <div className="site-footer__inner">
            <p>
              e-Guichet est un logiciel libre pour la classe. Les personnes, les communes et les organismes sont fictifs. Aucun
              organisme public n’est relié à ce site.
            </p>
            <ul>
              <li>
                <Link href="/">Accueil</Link>
              </li>
              <li>
                <Link href="/plateforme">L’État plateforme</Link>
              </li>
              {student && (
                <li>
                  <Link href="/seance">Ma séance ({student.participant.pseudonym})</Link>
                </li>
              )}
              <li>{who ? <Link href={who.home}>Mon espace</Link> : <Link href="/connexion">Se connecter</Link>}</li>
              <li>
                <Link href="/accessibilite">Accessibilité : partiellement conforme</Link>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
