'use client';

import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Notification } from '@/lib/notifications';
import { agreed } from '@/lib/format';

type Data = { unread: number; items: Notification[] };

/** The notifications badge: pushed by the server (server-sent events), announced politely, no reload needed. */
export function NotificationBell({ initial, markRead, icon }: { initial: Data; markRead: () => Promise<void>; icon: ReactNode }) {
  const [data, setData] = useState(initial);
  const [announce, setAnnounce] = useState('');
  const previous = useRef(initial.unread);
  useEffect(() => {
    const source = new EventSource('/api/notifications/flux');
    source.addEventListener('notifications', (event) => {
      const next = JSON.parse((event as MessageEvent<string>).data) as Data;
      if (next.unread > previous.current && next.items[0]) setAnnounce(`Nouvelle notification : ${next.items[0].text}`);
      previous.current = next.unread;
      setData(next);
    });
    return () => source.close();
  }, []);
  return (
    <details className="notifications">
      <summary>
        {icon}
        <span className="notifications__word">Notifications</span>
        {data.unread > 0 && (
          <span className="count" data-testid="notifications-non-lues">
            {' '}
            {data.unread}
            <span className="visually-hidden"> {agreed(data.unread, 'non lue', 'non lues')}</span>
          </span>
        )}
      </summary>
      <div className="notifications__panel">
        {data.items.length === 0 ? (
          <p>Rien de nouveau.</p>
        ) : (
          <ul>
            {data.items.map((n) => (
              <li key={n.id}>
                <a href={n.href}>{n.text}</a>
              </li>
            ))}
          </ul>
        )}
        {data.unread > 0 && (
          <form action={markRead}>
            <button type="submit" className="button button--link">
              Tout marquer comme lu
            </button>
          </form>
        )}
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
    </details>
  );
}
