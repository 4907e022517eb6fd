'use client';

import Link from '@/app/_components/link';
import { usePathname } from 'next/navigation';

/** The séance's tabs: links (each tab is a page of its own, reachable by keyboard and without JavaScript). */
export function SessionTabs({ name, tabs }: { name: string; tabs: { href: string; label: string }[] }) {
  const path = usePathname();
  return (
    <nav className="tabs" aria-label={`Séance « ${name} »`}>
      <ul>
        {tabs.map((t) => (
          <li key={t.href}>
            <Link href={t.href} aria-current={path === t.href ? 'page' : undefined}>
              {t.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
