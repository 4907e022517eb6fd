import { takeFlash } from '@/lib/flash';
import { FlashBanner } from './flash-banner';

/** What the last action said (lib/flash.ts), where the page puts it: once, and not again on reload. */
export async function FlashNotice({ path }: { path?: string } = {}) {
  // Pages that refresh themselves in the background pass their path: they take only what is meant for them.
  return <FlashBanner flash={await takeFlash(path)} path={path} />;
}
