import { describe, expect, it } from 'vitest';
import { bodiesMap, mapLayout } from './live-map';

const overlap = (a: { x: number; y: number }, b: { x: number; y: number }, box: { w: number; h: number }) => Math.abs(a.x - b.x) < box.w && Math.abs(a.y - b.y) < box.h;

describe('the cockpit map’s layout', () => {
  it('places every body inside the map, none over another or over the platform, for any number of bodies up to sixteen', () => {
    for (let n = 1; n <= 16; n++) {
      const layout = mapLayout(Array.from({ length: n }, (_, i) => `b${i}`));
      const places = Object.values(layout.places);
      expect(places, `${n} bodies`).toHaveLength(n);
      for (const [i, p] of places.entries()) {
        expect(p.x - layout.box.w / 2, `${n}: ${i} left`).toBeGreaterThanOrEqual(0);
        expect(p.x + layout.box.w / 2, `${n}: ${i} right`).toBeLessThanOrEqual(layout.width);
        expect(p.y - layout.box.h / 2, `${n}: ${i} top`).toBeGreaterThanOrEqual(0);
        expect(p.y + layout.box.h / 2, `${n}: ${i} bottom`).toBeLessThanOrEqual(layout.height);
        // The platform's circle is clear of every box.
        const dx = Math.max(Math.abs(p.x - layout.hub.x) - layout.box.w / 2, 0);
        const dy = Math.max(Math.abs(p.y - layout.hub.y) - layout.box.h / 2, 0);
        expect(Math.hypot(dx, dy), `${n}: ${i} and the platform`).toBeGreaterThan(layout.hub.r);
        for (const q of places.slice(i + 1)) expect(overlap(p, q, layout.box), `${n}: ${i} over another`).toBe(false);
      }
    }
  });

  it('narrows a name only when it is longer than its box holds', () => {
    const layout = bodiesMap([
      { id: 'dgfip', name: 'DGFiP' },
      { id: 'retraite', name: 'Caisse de retraite' },
    ]);
    expect(layout.places.dgfip!.fit).toBeUndefined();
    expect(layout.places.retraite!.fit).toBe(layout.box.w - 14);
  });
});
