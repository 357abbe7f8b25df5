import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storedPlaintexts, type TestApp } from './app.ts';
import { captureLogs, findPersonalData } from './log-capture.ts';
import { createAppWithRoutes, type RouteInfo } from './routes.ts';
import { accountsFor, fuzzRoutes, type Captured } from './fuzz.ts';

// Fuzzes every route's params, query and body (and the raw uploads) with requests shaped by its
// schema whose leaves are adversarial. Fixed seed: a finding names the seed, route and input, so
// `GEWU_FUZZ_SEED=<seed>` reproduces it; GEWU_FUZZ_RUNS raises the requests per route.
const SEED = Number(process.env.GEWU_FUZZ_SEED ?? 20260412);
const RUNS = Number(process.env.GEWU_FUZZ_RUNS ?? 40);

let t: TestApp;
let routes: RouteInfo[];
const logs = captureLogs();
/** Every (route, status, body) the fuzzer saw, for the personal-data scan. */
export let captured: Captured[] = [];

beforeAll(async () => {
  ({ t, routes } = await createAppWithRoutes({}, { logStream: logs.stream }));
});
afterAll(async () => {
  await t.close();
});

describe('fuzzing every route', () => {
  it('every fuzzable route has an account allowed on it', () => {
    const withInput = routes.filter(
      (r) => (r.schema.params || r.schema.querystring || r.schema.body) && r.url.startsWith('/api/'),
    );
    expect(withInput.filter((r) => accountsFor(r).length === 0).map((r) => `${r.method} ${r.url}`)).toEqual([]);
    expect(accountsFor(routes.find((r) => r.method === 'POST' && r.url === '/api/users')!)).toEqual(['admin']);
  });

  it(
    `no 5xx; every 4xx has a code and a Chinese message; 4xx-only batches change no table (seed ${SEED})`,
    { timeout: 240_000 },
    async () => {
      const result = await fuzzRoutes(t, routes, { seed: SEED, runs: RUNS });
      captured = result.captured;
      const byStatus: Record<number, number> = {};
      for (const c of captured) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
      console.log(
        `fuzz seed ${SEED}: ${captured.length} requests to ${result.routesFuzzed.length} routes, by status ${JSON.stringify(byStatus)}`,
      );
      const firstOfEach = [...new Map(result.findings.map((f) => [`${f.route} ${f.problem} ${f.status}`, f])).values()];
      const report = firstOfEach
        .slice(0, 40)
        .map(
          (f) =>
            `[seed ${SEED}] ${f.route}: ${f.problem} — ${f.status} ${f.body}\n  ${f.request.method} ${f.request.url.slice(0, 300)} as ${f.request.account}\n  input ${JSON.stringify(f.request.input)?.slice(0, f.status >= 500 ? 2000 : 300)}`,
        );
      expect(report, `seed ${SEED}`).toEqual([]);
      expect(result.routesFuzzed.length).toBeGreaterThan(70);
      expect(result.captured.length).toBeGreaterThan(2500);
      expect(result.routesFuzzed).toEqual(
        expect.arrayContaining([
          'POST /api/attachments',
          'POST /api/imports',
          'POST /api/grids/import',
          'PATCH /api/users/:id',
        ]),
      );
      expect(result.routesFuzzed).not.toContain('GET /api/notifications/stream');
      // Personal data: no answer (but the audited reveal) and no log line shows a stored number.
      const secrets = await storedPlaintexts(t);
      expect(secrets.size).toBeGreaterThan(2000);
      const shown = captured
        .filter((c) => !c.route.endsWith('/reveal'))
        .flatMap((c) =>
          (c.body.match(/\d{17}[\dXx]|\d{11}/g) ?? [])
            .filter((m) => secrets.has(m))
            .map((m) => `${c.route} ${c.status}: ${m}`),
        );
      expect(shown).toEqual([]);
      expect(findPersonalData(logs.text(), [...secrets])).toEqual([]);
    },
  );
});
