import type { Metadata } from 'next';
import localFont from 'next/font/local';
import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { getViewer, type Viewer } from '@/lib/auth/guards';
import { playedAccountOf } from '@/lib/auth/viewer';
import { database } from '@/db/engine';
import { notificationsFor, notificationViewerOf } from '@/lib/notifications';
import { markNotificationsReadAction } from './_components/notification-actions';
import { NotificationBell } from './_components/notification-bell';
import { BellIcon } from './_components/bell-icon';
import { currentDeviceHash } from '@/lib/classroom/device';
import { latestParticipation } from '@/lib/classroom/participants';
import { htmlAttributes } from '@/lib/preferences';
import { currentPreferences } from '@/lib/preferences-store';
import { ReadAloud } from './_components/read-aloud';
import './globals.css';

// Atkinson Hyperlegible (SIL OFL), designed for readers with low vision; shipped in app/fonts. Regular and bold
// only: no page sets italics, and each file is preloaded on every page (two more cost a phone 37 Ko before its first
// paint).
const atkinson = localFont({
  src: [
    { path: './fonts/atkinson-hyperlegible-latin-400-normal.woff2', weight: '400', style: 'normal' },
    { path: './fonts/atkinson-hyperlegible-latin-700-normal.woff2', weight: '700', style: 'normal' },
  ],
  variable: '--font-atkinson',
  display: 'swap',
});

export const metadata: Metadata = {
  title: { default: 'e-Guichet — simulateur des services publics en ligne', template: '%s — e-Guichet (simulation)' },
  description: 'Simulation pédagogique des démarches administratives en ligne et des échanges de données entre administrations.',
  robots: { index: false, follow: false },
};

/** Who is signed in, as the header shows it: the name, and the role under it (never an e-mail: screens get projected). */
function describe(viewer: Viewer): { name: string; role: string; home: string } {
  switch (viewer.role) {
    case 'citoyen': {
      const p = viewer.persona;
      return { name: `${p.givenNames} ${p.preferredName ?? p.familyName}`, role: 'citoyen·ne', home: '/citoyen' };
    }
    case 'agent':
      return { name: `${viewer.agent.givenName} ${viewer.agent.familyName}`, role: 'agent', home: '/agent' };
    case 'aidant':
      return { name: `${viewer.aidant.givenName} ${viewer.aidant.familyName}`, role: 'aidant·e France Services', home: '/aidant' };
    case 'enseignant':
      return { name: viewer.teacher.displayName, role: 'espace enseignant', home: '/enseignant' };
  }
}

// The header's and footer's links are on every page; like every link of the app (app/_components/link.tsx) they open
// without reloading the page and are not fetched ahead.

/** The header's account links, once: a "Menu" disclosure on phones, which wide screens show open, in a row, without
 * its summary (app/globals.css, `::details-content`). */
function AccountLinks({ who }: { who: ReturnType<typeof describe> | null }) {
  return (
    <>
      <Link href="/preferences" className="header-prefs">
        Affichage<span className="header-prefs__more"> et accessibilité</span>
      </Link>
      {who ? (
        <>
          <p className="who">
            <span className="visually-hidden">Connecté·e : </span>
            <Link href={who.home} className="who__name" title={who.name}>
              {who.name}
            </Link>
            <span className="who__role">{who.role}</span>
          </p>
          <form action="/api/deconnexion" method="post">
            <button type="submit" className="button button--secondary button--small">
              Se déconnecter
            </button>
          </form>
        </>
      ) : (
        <Link href="/connexion" className="header-signin">
          Se connecter
        </Link>
      )}
    </>
  );
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const viewer = await getViewer();
  const who = viewer ? describe(viewer) : null;
  const reader = notificationViewerOf(viewer);
  const notifications = reader ? await notificationsFor(database(), reader) : null;
  // A student's way back to their role and scenario card, on the device they joined with.
  const device = await currentDeviceHash();
  const student = device ? await latestParticipation(database(), device) : null;
  const prefs = await currentPreferences(viewer);
  // A student signed in as someone else than the role this device plays (the teacher gave them another one mid-way):
  // every page says so, with the way to their séance page, where they sign in as the right one.
  const playing = student?.participant.subjectId;
  const signedInAs = viewer ? playedAccountOf(viewer) : null;
  const strayed = playing && signedInAs && signedInAs !== playing ? student.session : null;
  return (
    <html lang="fr" {...htmlAttributes(prefs)} className={`${atkinson.variable} ${htmlAttributes(prefs).className}`.trim()}>
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <header className="site-header">
          <p className="sim-banner">
            <span className="sim-banner__long">Simulation pédagogique — pas un site officiel. Toutes les données sont fictives.</span>
            <span className="sim-banner__short">Simulation — pas un site officiel, données fictives</span>
          </p>
          <div className="site-header__inner">
            <Link href="/" className="brand">
              <span className="brand__name">e-Guichet</span>
              <span className="brand__tagline">Simulateur des services publics en ligne</span>
            </Link>
            {notifications && <NotificationBell initial={notifications} markRead={markNotificationsReadAction} icon={<BellIcon />} />}
            <details className="header-menu">
              <summary>Menu</summary>
              <nav className="header-nav" aria-label="Compte et affichage">
                <AccountLinks who={who} />
              </nav>
            </details>
          </div>
        </header>
        <main id="contenu" tabIndex={-1} className="page">
          {prefs.lecture && <ReadAloud targetId="contenu" />}
          {strayed && (
            <div className="notice">
              <p>
                Vous n’êtes pas connecté·e sous l’identité de votre rôle dans la séance « {strayed.name} ». <Link href="/seance">Voir mon rôle</Link>
              </p>
            </div>
          )}
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
                <Link href="/accessibilite">Accessibilité : partiellement conforme</Link>
              </li>
            </ul>
          </div>
        </footer>
      </body>
    </html>
  );
}
