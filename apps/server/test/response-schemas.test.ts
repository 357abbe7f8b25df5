import type { RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './app.ts';

/**
 * Every route that answers JSON declares what it answers: the response schema both documents the
 * route (OpenAPI) and strips anything a service returns beyond it. The routes that answer something
 * else are listed here by hand, each with what it sends.
 */
const NOT_JSON: Record<string, string> = {
  'GET /api/attachments/:id': 'the photo itself (image/jpeg, png, webp)',
  'GET /api/reception/visits/:id/receipt.pdf': 'the visit receipt as a PDF',
  'GET /api/imports/template': 'a CSV or Excel file',
  'GET /api/exports/residents': 'a CSV or Excel file',
  'GET /api/exports/:kind': 'a CSV or Excel file',
  'GET /api/stats/tallies/export': 'an Excel workbook',
  'GET /api/petitions/:id/opinion.pdf': 'a PDF: the written opinion on a petition (处理意见书 / 复查意见书)',
  'GET /api/grids/export.geojson': 'a GeoJSON file download',
  'GET /api/disputes/:id/agreement.pdf': 'the 人民调解协议书 as a PDF',
  'GET /api/notifications/stream': 'a Server-Sent Events stream',
  'GET /api/openapi.json': 'the OpenAPI document itself',
  'GET /api/notice-boards/:regionId/qr.svg': "an SVG image: the QR code of a village's public notices page",
  'GET /p/notices/:regionCode': "a village's public notices page (server-rendered HTML)",
  'GET /open311/v2': 'Open311 service discovery in XML (the endpoint with its trailing slash)',
  'GET /open311/v2/:file': "Open311 XML or JSON by suffix, in the specification's shapes",
  'POST /open311/v2/:file': 'Open311 XML or JSON by suffix',
  'GET /open311/v2/services/:file': 'Open311 XML or JSON by suffix',
  'GET /open311/v2/requests/:file': 'Open311 XML or JSON by suffix',
  'GET /open311/v2/tokens/:file': 'Open311 XML or JSON by suffix',
};

const routes: { key: string; hasResponse: boolean }[] = [];
let t: TestApp;

beforeAll(async () => {
  const onRoute = (r: RouteOptions) => {
    for (const method of [r.method].flat()) {
      if (method === 'HEAD' || r.url.startsWith('/api/docs')) continue;
      routes.push({
        key: `${method} ${r.url}`,
        hasResponse: Boolean((r.schema as { response?: unknown } | undefined)?.response),
      });
    }
  };
  t = await createTestApp({}, { onRoute });
  await t.app.ready();
});
afterAll(async () => {
  await t.close();
});

describe('response contracts', () => {
  it('every JSON route declares its response schema', () => {
    expect(routes.filter((r) => !r.hasResponse && !NOT_JSON[r.key]).map((r) => r.key)).toEqual([]);
  });

  it('the routes listed as not JSON exist', () => {
    expect(Object.keys(NOT_JSON).filter((k) => !routes.some((r) => r.key === k))).toEqual([]);
  });
});
