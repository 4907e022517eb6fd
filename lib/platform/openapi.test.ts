import fs from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { openApiDocument } from './openapi';

const root = path.join(__dirname, '..', '..');
const doc = openApiDocument('http://localhost:3000');

/** Every route handler under app/api, as an OpenAPI path ("[id]" → "{id}"). */
function routeFiles(dir = path.join(root, 'app', 'api')): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? ['/' + path.relative(path.join(root, 'app'), dir).split(path.sep).join('/').replace(/\[(\w+)\]/g, '{$1}')] : [];
  });
}

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists every route of docs/API.md that exists, with its method', () => {
    const apiMd = fs.readFileSync(path.join(root, 'docs', 'API.md'), 'utf8');
    const documented = [...apiMd.matchAll(/`(GET|POST|DELETE) (\/api\/[^`\s]+)`/g)].map(([, method, route]) => ({
      method: method!.toLowerCase(),
      route: route!.replace(/<(\w+)>/g, '{$1}'),
    }));
    expect(documented.length).toBeGreaterThan(8);
    const built = new Set(routeFiles());
    const platform = documented.filter(({ route }) => !route.startsWith('/api/idp/')); // the providers: OIDC discovery describes them
    const checked = platform.filter(({ route }) => built.has(route));
    expect(checked).toEqual(platform); // every route of API.md is built
    for (const { method, route } of checked) expect(doc.paths, route).toHaveProperty([route, method]);
  });

  it('describes every platform route the app serves (the identity providers and next-auth are described by OIDC discovery)', () => {
    const served = routeFiles().filter((r) => !r.startsWith('/api/idp/') && !r.startsWith('/api/auth/') && r !== '/api/deconnexion');
    expect(Object.keys(doc.paths).sort()).toEqual(served.sort());
  });
});
