import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { methodAllowed, methodsAt, routeMethods } from './route-methods';

/** Every route handler of the app, as its URL pattern (route groups removed) and the methods its file exports. */
function routeFiles(dir = 'app', url = ''): [string, string[]][] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry): [string, string[]][] => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full, /^\(.*\)$/.test(entry.name) ? url : `${url}/${entry.name}`);
    if (entry.name !== 'route.ts') return [];
    const source = fs.readFileSync(full, 'utf8');
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]!);
    for (const m of source.matchAll(/export \{([^}]*)\}/g)) for (const n of m[1]!.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(n[1]!);
    return [[url, [...methods].sort()]];
  });
}

describe('the route-method table', () => {
  it('lists every route handler with exactly the methods its file exports', () => {
    const files = Object.fromEntries(routeFiles());
    expect(Object.keys(files).length).toBeGreaterThan(30);
    expect(Object.fromEntries(Object.entries(routeMethods).map(([k, v]) => [k, [...v].sort()]))).toEqual(files);
  });

  it('matches paths as Next.js routes them', () => {
    expect(methodsAt('/api/plateforme/v1/echanges')).toEqual(['POST']);
    expect(methodsAt('/api/plateforme/v1/echanges/')).toEqual(['POST']);
    expect(methodsAt('/api/plateforme/v1/echanges/abc')).toEqual(['GET']);
    expect(methodsAt('/api/plateforme/v1/journal/cles')).toEqual(['GET']);
    expect(methodsAt('/api/plateforme/v1/journal/arbre/s1/inclusion')).toEqual(['GET']);
    expect(methodsAt('/api/auth/callback/franceconnect')).toEqual(['GET', 'POST']);
    expect(methodsAt('/enseignant/seances/s1/bilan/export')).toEqual(['GET']);
    expect(methodsAt('/api/auth')).toBeNull();
    expect(methodsAt('/api/inconnue')).toBeNull();
    expect(methodsAt('/citoyen/mes-donnees')).toBeNull();
  });

  it('lets HEAD through with GET and OPTIONS always', () => {
    expect(methodAllowed('HEAD', ['GET'])).toBe(true);
    expect(methodAllowed('HEAD', ['POST'])).toBe(false);
    expect(methodAllowed('OPTIONS', ['POST'])).toBe(true);
    expect(methodAllowed('PUT', ['GET', 'POST'])).toBe(false);
  });
});
