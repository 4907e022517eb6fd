'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef } from 'react';

/**
 * Re-renders the server page when the server says something changed (server-sent events; no polling). `rendered` is
 * what the stream would have sent when the page was rendered: a change made between the render and the stream's
 * opening (another tab, an agent, on a slow computer) then shows too, instead of waiting for the next one.
 */
export function LiveRefresh({ url, event, rendered }: { url: string; event: string; rendered?: string }) {
  const router = useRouter();
  // Read at each event, not a reason to reopen the stream: each refresh renders the page, and this, again.
  const renderedNow = useRef(rendered);
  useEffect(() => {
    renderedNow.current = rendered;
  }, [rendered]);
  useEffect(() => {
    const source = new EventSource(url);
    let first = true;
    source.addEventListener(event, (e) => {
      if (!first || (renderedNow.current !== undefined && (e as MessageEvent<string>).data !== renderedNow.current)) router.refresh();
      first = false;
    });
    return () => source.close();
  }, [url, event, router]);
  return null;
}
