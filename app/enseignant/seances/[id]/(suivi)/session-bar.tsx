import Link from '@/app/_components/link';

const tabs = [
  { path: '', label: 'En direct' },
  { path: '/eleves', label: 'Élèves' },
  { path: '/messages', label: 'Messages' },
  { path: '/pannes', label: 'Pannes' },
  { path: '/reglages', label: 'Réglages' },
  { path: '/organismes', label: 'Organismes' },
  { path: '/bilan', label: 'Bilan' },
] as const;

export type SessionTab = (typeof tabs)[number]['path'];

/**
 * The séance's tabs, one page per job (each a plain link, without JavaScript too), and at their right the join code,
 * always in sight on one line. Each page renders it with its own tab marked: a server component, no script.
 */
export function SessionBar({ session, current }: { session: { id: string; name: string; joinCode: string }; current: SessionTab }) {
  const base = `/enseignant/seances/${session.id}`;
  return (
    <div className="session__bar">
      <nav className="tabs" aria-label={`Séance « ${session.name} »`}>
        <ul>
          {tabs.map((t) => (
            <li key={t.path}>
              <Link href={base + t.path} aria-current={t.path === current ? 'page' : undefined}>
                {t.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="session__code">
        Code : <strong className="join-code">{session.joinCode}</strong>
        <Link href={`${base}/projeter`} className="button button--secondary button--small">
          Projeter le code
        </Link>
      </p>
    </div>
  );
}
