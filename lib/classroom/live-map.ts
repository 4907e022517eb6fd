// Where the cockpit's map draws each body: the platform in the middle, the bodies in a ring of rows and columns around
// it, each box apart from its neighbours, each name inside its box. Worked out on the server (the map's bodies are the
// séance's, fixed): the cockpit's JavaScript only draws (docs/performance.md, goal 6).

export type MapPlace = { x: number; y: number; /** The name narrowed to this width (SVG `textLength`), when long. */ fit?: number };
export type MapLayout = { width: number; height: number; box: { w: number; h: number }; hub: { x: number; y: number; r: number }; places: Record<string, MapPlace> };

const width = 780; // as wide as the map was (its text as large on the screen)
const box = { w: 152, h: 54 };
/** The width a line of text has inside a box. */
export const boxTextWidth = box.w - 14;
const gap = 10;
const margin = 8;
const hubRadius = 54;
/** About what a letter of a name takes at the map's size (18 px, bold). */
const letter = 10;

/** The places of `ids`, clockwise from the top left: a row at the top, the right column, a row at the bottom, the left. */
export function mapLayout(ids: string[]): MapLayout {
  const n = ids.length;
  const perRow = Math.floor((width - 2 * margin - box.w) / (box.w + gap)) + 1;
  const top = Math.min(perRow, Math.ceil(0.35 * n));
  const side = Math.floor(Math.max(0, n - top - 1) / 3);
  const bottom = Math.min(perRow, n - top - 2 * side);
  const right = side + Math.ceil((n - top - 2 * side - bottom) / 2);
  const left = n - top - right - bottom;
  // As high as the taller column needs, with room for the platform between the rows.
  const height = Math.max(380, 2 * margin + (Math.max(left, right) + 1) * (box.h + gap) + box.h);
  const xs = (k: number) => Array.from({ length: k }, (_, i) => (k === 1 ? width / 2 : margin + box.w / 2 + (i * (width - 2 * margin - box.w)) / (k - 1)));
  const ys = (k: number) => Array.from({ length: k }, (_, i) => margin + box.h / 2 + ((i + 1) * (height - 2 * margin - box.h)) / (k + 1));
  const points = [
    ...xs(top).map((x) => ({ x, y: margin + box.h / 2 })),
    ...ys(right).map((y) => ({ x: width - margin - box.w / 2, y })),
    ...xs(bottom).reverse().map((x) => ({ x, y: height - margin - box.h / 2 })),
    ...ys(left).reverse().map((y) => ({ x: margin + box.w / 2, y })),
  ];
  return { width, height, box, hub: { x: width / 2, y: height / 2, r: hubRadius }, places: Object.fromEntries(ids.map((id, i) => [id, points[i]!])) };
}

/** Each body's place, its name narrowed when it would not fit its box. */
export function bodiesMap(bodies: { id: string; name: string }[]): MapLayout {
  const layout = mapLayout(bodies.map((b) => b.id));
  for (const b of bodies) if (b.name.length * letter > boxTextWidth) layout.places[b.id]!.fit = boxTextWidth;
  return layout;
}
