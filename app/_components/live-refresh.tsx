'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

/** Re-renders the server page when the server says something changed (server-sent events; no polling). */
export function LiveRefresh({ url, event }: { url: string; event: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource(url);
    let first = true;
    source.addEventListener(event, () => {
      if (!first) router.refresh();
      first = false;
    });
    return () => source.close();
  }, [url, event, router]);
  return null;
}
