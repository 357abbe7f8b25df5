import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppWithRoutes, SCHEMA_PARTS, unsafeLeaves, type RouteInfo } from './routes.ts';
import type { TestApp } from './app.ts';

let t: TestApp;
let routes: RouteInfo[];
beforeAll(async () => {
  ({ t, routes } = await createAppWithRoutes());
});
afterAll(async () => {
  await t.close();
});

/**
 * Values that are checked elsewhere, each with the reason. GeoJSON coordinates are checked number by
 * number by @gewu/geo's validateBoundary; grid-import feature properties are checked one by one by the
 * import (so it can name the feature and field in its report).
 */
const ALLOWED = new Set([
  'POST /api/grids body.boundary.coordinates[]: any',
  'PUT /api/grids/:id/boundary body.boundary.coordinates[]: any',
  'POST /api/grids/import body.features[].geometry: any',
  'POST /api/grids/import body.features[].properties{}: unknown',
]);

describe('every input schema refuses text and numbers the database cannot hold', () => {
  it('finds the routes', () => {
    expect(Object.keys(routes.find((r) => r.method === 'PATCH' && r.url === '/api/users/:id')?.schema ?? {})).toEqual([
      'params',
      'body',
    ]);
    expect(routes.length).toBeGreaterThan(80);
  });

  it('no params/query/body string lacks the safe-text check, no integer exceeds int4, no number is unbounded', () => {
    const found = routes.flatMap((r) =>
      SCHEMA_PARTS.flatMap((part) =>
        r.schema[part] ? unsafeLeaves(r.schema[part]).map((leaf) => `${r.method} ${r.url} ${part}.${leaf}`) : [],
      ),
    );
    const left = [...new Set(found)].filter((f) => !ALLOWED.has(f));
    if (left.length) console.log(left.join('\n'));
    expect(left).toEqual([]);
  });
});
