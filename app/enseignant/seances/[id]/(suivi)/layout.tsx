import Link from '@/app/_components/link';
import type { ReactNode } from 'react';
import { teacherSession } from '../session';
import { SessionTabs } from './session-tabs';

/**
 * Every page of a séance (issue 17): the join code always in sight, then one tab per job — the live view that fits
 * one screen, the students, messages, faults, settings, the bodies' tokens and accounts, the debrief.
 */
export default async function SessionLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { session } = await teacherSession((await params).id);
  const base = `/enseignant/seances/${session.id}`;
  return (
    <div className="session">
      {/* The tabs and, at their right, the join code: always in sight, one line. */}
      <div className="session__bar">
        <SessionTabs
          name={session.name}
          tabs={[
            { href: base, label: 'En direct' },
            { href: `${base}/eleves`, label: 'Élèves' },
            { href: `${base}/messages`, label: 'Messages' },
            { href: `${base}/pannes`, label: 'Pannes' },
            { href: `${base}/reglages`, label: 'Réglages' },
            { href: `${base}/organismes`, label: 'Organismes' },
            { href: `${base}/bilan`, label: 'Bilan' },
          ]}
        />
        <p className="session__code">
          Code : <strong className="join-code">{session.joinCode}</strong>
          <Link href={`${base}/projeter`} className="button button--secondary button--small">
            Projeter le code
          </Link>
        </p>
      </div>
      {children}
    </div>
  );
}
