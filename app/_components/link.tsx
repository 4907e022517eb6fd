'use client';

import { useRouter } from 'next/navigation';
import type { AnchorHTMLAttributes } from 'react';

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/** Whether a click is the browser's to handle: a new tab or window, a download, another site, an anchor on this page. */
function leftToTheBrowser(event: React.MouseEvent<HTMLAnchorElement>, anchor: HTMLAnchorElement): boolean {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return true;
  if ((anchor.target && anchor.target !== '_self') || anchor.hasAttribute('download')) return true;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return true;
  return url.hash !== '' && url.pathname === location.pathname && url.search === location.search;
}

/**
 * A link inside the app: it opens the page through Next's router, without reloading (as `next/link` does), for a tenth of
 * its JavaScript (about 2 kB gzip on every page: docs/performance.md). No prefetching: for a class of 30, every link in
 * view would be one more request to the server on each page view. Without JavaScript, a plain link.
 */
export default function Link({ onClick, ...props }: Props) {
  const router = useRouter();
  return (
    <a
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (leftToTheBrowser(event, event.currentTarget)) return;
        event.preventDefault();
        const url = new URL(event.currentTarget.href);
        router.push(url.pathname + url.search + url.hash);
      }}
    />
  );
}
