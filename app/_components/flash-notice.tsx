import { takeFlash } from '@/lib/flash';
import { FlashBanner } from './flash-banner';

/** What the last action said (lib/flash.ts), where the page puts it: once, and not again on reload. */
export async function FlashNotice() {
  return <FlashBanner flash={await takeFlash()} />;
}
