import { firstLoadJs, frameworkFloor, ownJsBudgetKb } from '../scripts/js-budget';
import { expect, test } from './support';

// Issue 20, goal 6: on top of what Next and React load on their own (the empty route), each route loads at most 5 kB
// gzip of our JavaScript. Read from the build the test server runs (a size, not a time: speed is the bench's).
test('chaque route charge au plus 5 kB de notre JavaScript au-dessus de la route vide du cadre', () => {
  const routes = firstLoadJs();
  const floor = frameworkFloor(routes);
  expect(floor?.route).toBe('/_global-error');
  expect(routes.length).toBeGreaterThan(40);
  const heavy = routes.filter((r) => r.kb - floor!.kb > ownJsBudgetKb).map((r) => `${r.route} +${(r.kb - floor!.kb).toFixed(1)} kB`);
  expect(heavy).toEqual([]);
});
