import { takeFlash, type Flash } from '@/lib/flash';
import { FlashBanner } from './flash-banner';

/** The text, with its emphasised part (a receipt number) in bold. */
function emphasised({ text, emphasis }: Flash) {
  const at = emphasis ? text.indexOf(emphasis) : -1;
  if (!emphasis || at < 0) return text;
  return (
    <>
      {text.slice(0, at)}
      <strong>{emphasis}</strong>
      {text.slice(at + emphasis.length)}
    </>
  );
}

/** What the last action said (lib/flash.ts), where the page puts it: once, and not again on reload. */
export async function FlashNotice({ path }: { path?: string } = {}) {
  // Pages that refresh themselves in the background pass their path: they take only what is meant for them.
  const flash = await takeFlash(path);
  return (
    <FlashBanner id={flash?.id ?? null} path={path}>
      {flash && (
        <div className={`notice ${flash.tone === 'erreur' ? 'notice--error' : 'notice--success'}`} role="status">
          <p>{emphasised(flash)}</p>
        </div>
      )}
    </FlashBanner>
  );
}
