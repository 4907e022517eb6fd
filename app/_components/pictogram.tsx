import type { Pictogram } from '@/lib/procedures/engine/types';

// Simple pictograms for the simplified mode (drawn here, shipped with the app: nothing is downloaded).
// Decorative next to their text, which always says the same thing: hidden from screen readers.
const paths: Record<Pictogram, string> = {
  maison: 'M8 30 L32 10 L56 30 M14 26 V54 H50 V26 M27 54 V38 H37 V54',
  calendrier: 'M10 16 H54 V54 H10 Z M10 26 H54 M22 10 V20 M42 10 V20 M18 34 H24 M30 34 H36 M42 34 H48 M18 44 H24 M30 44 H36',
  organismes: 'M8 54 H56 M12 54 V28 M24 54 V28 M40 54 V28 M52 54 V28 M6 28 H58 L32 10 Z',
  personne: 'M32 10 A9 9 0 1 1 31.9 10 M14 54 C14 40 22 32 32 32 C42 32 50 40 50 54 Z',
  document: 'M16 8 H40 L50 18 V56 H16 Z M40 8 V18 H50 M22 28 H44 M22 36 H44 M22 44 H36',
};

export function PictogramIcon({ name }: { name: Pictogram }) {
  return (
    <svg className="pictogram" viewBox="0 0 64 64" width="64" height="64" aria-hidden="true" focusable="false">
      <path d={paths[name]} />
    </svg>
  );
}
