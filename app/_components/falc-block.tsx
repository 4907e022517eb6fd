import { viewerPreferences } from '@/lib/preferences-store';

/** A page's plain-language summary (FALC), shown in the simplified mode only, above the rest. */
export async function FalcBlock({ lines }: { lines: readonly string[] }) {
  if (!(await viewerPreferences()).simplifie) return null;
  return (
    <ul className="falc">
      {lines.map((line) => (
        <li key={line}>{line}</li>
      ))}
    </ul>
  );
}
