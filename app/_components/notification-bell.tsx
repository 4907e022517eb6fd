'use client';

import { useEffect, useRef, useState } from 'react';
import type { Notification } from '@/lib/notifications';
import { agreed } from '@/lib/format';

type Data = { unread: number; items: Notification[] };

/** The notifications badge: pushed by the server (server-sent events), announced politely, no reload needed. */
export function NotificationBell({ initial, markRead }: { initial: Data; markRead: () => Promise<void> }) {
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
        <svg className="notifications__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
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
