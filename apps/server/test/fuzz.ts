import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { z } from 'zod';
import { DEMO_USERS } from '../src/seed/demo.ts';
import { queryRows } from '../src/db/client.ts';
import { rolesAllowed, type RouteAccess } from '../src/platform/http/route-access.ts';
import { as, everyTableCount, login, type Session, type TestApp } from './app.ts';
import { type Def, defOf, type RouteInfo } from './routes.ts';

/** One request the fuzzer sent and what came back — kept for the personal-data scan. */
export interface Captured {
  route: string;
  method: string;
  url: string;
  account: string;
  input: unknown;
  status: number;
  body: string;
}

export interface FuzzFinding {
  route: string;
  problem: string;
  request: { method: string; url: string; account: string; input: unknown };
  status: number;
  body: string;
}

// ---------------------------------------------------------------------------------------------
// Adversarial leaves

const LONG = 'x'.repeat(10_000);
const deep = (n: number, wrap: (x: unknown) => unknown): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < n; i++) v = wrap(v);
  return v;
};
const DEEP_ARRAY = deep(1000, (x) => [x]);
const DEEP_OBJECT = deep(1000, (x) => ({ a: x }));

/** Strings that must be refused or handled: NUL, controls, lone surrogates, huge, SQL, LIKE wildcards, odd unicode. */
export const BAD_STRINGS = [
  '\u0000',
  'a\u0000b',
  '\u0001\u0007\u001b',
  '\ud800',
  'x\udc00y',
  '\udfff\ud800',
  LONG,
  "' OR 1=1 --",
  "'; DROP TABLE users; --",
  '%',
  '_',
  '\\',
  '%_%\\%',
  '',
  ' ',
  '\u202e\u200b\ufeff',
  '🏠👨‍👩‍👧',
  'ǅ\u0301\u0345',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-1',
  '1e308',
  '2147483648',
  '-2147483649',
  '00000000-0000-0000-0000-000000000000',
];
const BAD_NUMBERS = [1e308, -1e308, -1, 0, 2147483648, -2147483649, 2147483647, 9007199254740992, 1.5, -0, 1e-308];
const WRONG_TYPES: unknown[] = [null, true, {}, [], { a: 1 }, ['x'], DEEP_ARRAY, DEEP_OBJECT, 'string', 12];

const badString = fc.constantFrom(...BAD_STRINGS);
const badNumber = fc.constantFrom(...BAD_NUMBERS);
const wrongType = fc.constantFrom(...WRONG_TYPES);
const anyBad: fc.Arbitrary<unknown> = fc.oneof(badString, badNumber, wrongType);

// ---------------------------------------------------------------------------------------------
// Values that follow a zod schema, with adversarial leaves

/** Things the seeded database holds, used for ids and codes so requests reach the services. */
export interface Known {
  ids: string[];
  itemCodes: string[];
  regionCodes: string[];
}

/** Plausible strings for a format or pattern, so a request can get past the leaf to the next one. */
function plausibleString(d: Def, known: Known): fc.Arbitrary<string> {
  const formats = [d.format, ...(d.checks ?? []).map((c) => c._zod.def.format)].filter(Boolean);
  const pattern = d.pattern ?? (d.checks ?? []).map((c) => c._zod.def.pattern).find(Boolean);
  if (formats.includes('uuid') || formats.includes('guid')) return fc.oneof(fc.constantFrom(...known.ids), fc.uuid());
  if (formats.includes('datetime'))
    return fc.constantFrom('2026-03-02T09:00:00+08:00', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z');
  if (formats.includes('date')) return fc.constantFrom('2026-03-02', '1900-01-01', '9999-12-31');
  if (pattern) {
    const candidates = [
      '01001',
      '01',
      '001',
      '099',
      '2026-03-02',
      '08:30',
      '24:00',
      'abc',
      'a_b',
      '410104001001',
      '410104001001001',
      ...known.itemCodes,
      ...known.regionCodes,
      '91410100MA44XXXX1X',
      '11010519491231002X',
    ];
    const fits = candidates.filter((c) => pattern.test(c));
    if (fits.length) return fc.constantFrom(...fits);
    return fc.stringMatching(pattern, { maxLength: 40 });
  }
  return fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom("' OR 1=1 --", '%', '_', '\\', '张三', '🏠', 'ab\tc\nd'),
  );
}

/** A value shaped like `schema` whose leaves are now plausible, now adversarial (`badRate` of the time). */
export function arbFor(schema: z.ZodType, known: Known, badRate: number, depth = 0): fc.Arbitrary<unknown> {
  const d = defOf(schema);
  const leaf = (good: fc.Arbitrary<unknown>) =>
    fc.oneof(
      { weight: Math.round(badRate * 100), arbitrary: anyBad },
      { weight: Math.round((1 - badRate) * 100), arbitrary: good },
    );
  const inner = (s: z.ZodType | undefined) => (s ? arbFor(s, known, badRate, depth + 1) : fc.constant(undefined));
  if (depth > 12) return anyBad;
  switch (d.type) {
    case 'string':
      return leaf(plausibleString(d, known));
    case 'number': {
      const n = schema as unknown as { minValue: number | null; maxValue: number | null };
      // Within ±1e9, unless the declared range lies wholly beyond it (epoch milliseconds: 2000–2100).
      const wide = (n.minValue ?? 0) > 1e9 || (n.maxValue ?? 0) < -1e9;
      const lo = wide ? (n.minValue as number) : Math.max(n.minValue ?? -1e6, -1e9);
      const hi = wide ? (n.maxValue as number) : Math.min(n.maxValue ?? 1e6, 1e9);
      const isInt =
        (d.checks ?? []).some((c) => c._zod.def.format === 'safeint' || c._zod.def.format === 'int32') ||
        d.format === 'safeint';
      return leaf(
        isInt
          ? fc.integer({ min: Math.ceil(lo), max: Math.floor(hi) })
          : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true }),
      );
    }
    case 'boolean':
      return leaf(fc.boolean());
    case 'enum':
      return leaf(fc.constantFrom(...Object.values(d.entries ?? { x: 'x' })));
    case 'literal':
      return leaf(fc.constantFrom(...((d.values ?? ['x']) as (string | number)[])));
    case 'null':
      return leaf(fc.constant(null));
    case 'object': {
      const entries = Object.entries(d.shape ?? {});
      const rec: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [k, v] of entries) rec[k] = inner(v);
      // Sometimes an empty object, sometimes an unknown key: both must be refused cleanly.
      return fc.oneof(
        { weight: 8, arbitrary: fc.record(rec, { requiredKeys: [] }) },
        { weight: 1, arbitrary: fc.constant({}) },
        { weight: 1, arbitrary: fc.record(rec, { requiredKeys: [] }).map((o) => ({ ...o, ['__proto__x']: 1 })) },
      );
    }
    case 'array':
      return leaf(fc.array(inner(d.element), { maxLength: 3 }));
    case 'record':
      return leaf(
        fc.dictionary(
          inner(d.keyType).map((k) => (typeof k === 'string' ? k : String(k))),
          inner(d.valueType),
          { maxKeys: 3 },
        ),
      );
    case 'union':
      return fc.oneof(...(d.options ?? []).map((o) => inner(o)));
    case 'intersection':
      return inner(d.left);
    case 'pipe':
      return inner(d.in);
    case 'optional':
      return fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 3, arbitrary: inner(d.innerType) });
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return inner(d.innerType);
    default:
      // any / unknown (GeoJSON geometry, import properties) and anything else: adversarial only.
      return anyBad;
  }
}

// ---------------------------------------------------------------------------------------------
// Requests

/** Percent-encodes a query value; a lone surrogate (which encodeURIComponent refuses) becomes its CESU-8 bytes. */
function encodeValue(v: unknown): string {
  const s =
    typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : (JSON.stringify(v) ?? '');
  let out = '';
  for (const ch of s) {
    try {
      out += encodeURIComponent(ch);
    } catch {
      const c = ch.charCodeAt(0);
      out += `%${(0xe0 | (c >> 12)).toString(16)}%${(0x80 | ((c >> 6) & 0x3f)).toString(16)}%${(0x80 | (c & 0x3f)).toString(16)}`;
    }
  }
  return out;
}

function queryString(q: unknown): string {
  if (q === undefined) return '';
  if (q === null || typeof q !== 'object' || Array.isArray(q)) return `?${encodeValue(q)}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(q as Record<string, unknown>)) {
    if (v === undefined) continue;
    for (const one of Array.isArray(v) ? v : [v]) parts.push(`${encodeValue(k)}=${encodeValue(one)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

/** Path parameter values: real ids of seeded objects, random uuids, and garbage. */
function paramArb(known: Known): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known.ids) },
    { weight: 1, arbitrary: fc.uuid() },
    { weight: 1, arbitrary: fc.constantFrom(...known.itemCodes) },
    { weight: 3, arbitrary: badString.filter((s) => s.length > 0) },
  );
}

function fillUrl(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => encodeValue(params[name] ?? 'x'));
}

interface Planned {
  method: string;
  url: string;
  input: unknown;
  body?: string | Buffer;
  payload?: unknown;
  contentType?: string;
}

const HUGE_GEOJSON_PROPS = [
  { code: '410104001001098', name: '网格', kind: 'urban_community', households: 1e308 },
  { code: '410104001001098', name: '网格', kind: 'urban_community', households: -2147483649 },
  { code: '410104001001098\u0000', name: '\ud800', kind: 'rural', households: '1e308' },
  { code: "' OR 1=1 --", name: LONG, kind: 'micro', dedicatedKind: '\u0000' },
];
const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [113.6, 34.7],
      [113.61, 34.7],
      [113.61, 34.71],
      [113.6, 34.71],
      [113.6, 34.7],
    ],
  ],
};

/** Raw upload bodies: garbage bytes, NUL-laden and oversized-number CSV, truncated images. */
function uploadArb(route: RouteInfo): fc.Arbitrary<{ body: Buffer; contentType: string }> | null {
  const csvHeader = '姓名,身份证号,联系电话,性别,出生日期,人员类别,村（社区）代码,网格编码,居住地址';
  const csvRows = [
    `${csvHeader}\n张\u0000三,410104199001011234,13800000000,男,1990-01-01,,410104001001,,地址`,
    `${csvHeader}\n\ud800,1e308,-2147483649,x,9999-99-99,%,' OR 1=1 --,410104001001001,${LONG}`,
    `\u0000\u0000\u0000`,
    `${csvHeader}\n"unterminated,1,2`,
    'a,b\n1,2',
  ];
  if (route.url === '/api/imports' && route.method === 'POST') {
    return fc.oneof(
      fc.constantFrom(...csvRows).map((s) => ({ body: Buffer.from(s, 'utf8'), contentType: 'text/csv' })),
      fc
        .uint8Array({ maxLength: 2000 })
        .map((b) => ({ body: Buffer.from(b), contentType: 'application/octet-stream' })),
      fc.uint8Array({ maxLength: 500 }).map((b) => ({
        body: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.from(b)]),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      })),
    );
  }
  if (route.url === '/api/attachments' && route.method === 'POST') {
    const jpegStart = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
    const pngStart = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return fc.oneof(
      fc.uint8Array({ maxLength: 2000 }).map((b) => ({ body: Buffer.from(b), contentType: 'image/jpeg' })),
      fc
        .uint8Array({ maxLength: 500 })
        .map((b) => ({ body: Buffer.concat([jpegStart, Buffer.from(b)]), contentType: 'image/jpeg' })),
      fc
        .uint8Array({ maxLength: 500 })
        .map((b) => ({ body: Buffer.concat([pngStart, Buffer.from(b)]), contentType: 'image/png' })),
      fc.constant({ body: Buffer.from('\u0000'.repeat(100)), contentType: 'image/webp' }),
    );
  }
  return null;
}

function plan(route: RouteInfo, known: Known, seed: number, runs: number): Planned[] {
  const s = route.schema;
  const upload = uploadArb(route);
  const reqArb = fc.record({
    params: s.params
      ? fc.dictionary(fc.constantFrom(...[...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)), paramArb(known), {
          minKeys: 0,
        })
      : fc.constant({}),
    query: s.querystring ? arbFor(s.querystring, known, 0.3) : fc.constant(undefined),
    body: upload ? upload : s.body ? arbFor(s.body, known, 0.3) : fc.constant(undefined),
  });
  const geo =
    route.url === '/api/grids/import'
      ? fc
          .record({
            commit: fc.constantFrom('true', 'false'),
            props: fc.constantFrom(...HUGE_GEOJSON_PROPS),
            geometry: fc.oneof(fc.constant(SQUARE as unknown), anyBad),
          })
          .map(({ commit, props, geometry }) => ({
            params: {},
            query: { commit },
            body: { type: 'FeatureCollection', features: [{ type: 'Feature', geometry, properties: props }] },
          }))
      : null;
  const arb = geo ? fc.oneof(reqArb, geo) : reqArb;
  return fc.sample(arb, { seed, numRuns: runs }).map((r) => {
    const url = fillUrl(route.url, r.params as Record<string, string>) + queryString(r.query);
    const input = { params: r.params, query: r.query, body: upload ? '(upload)' : r.body };
    if (upload && r.body && typeof r.body === 'object' && 'contentType' in r.body) {
      const u = r.body as { body: Buffer; contentType: string };
      return {
        method: route.method,
        url,
        input: {
          ...input,
          body: `${u.contentType}: ${u.body.length} bytes ${JSON.stringify(u.body.subarray(0, 60).toString('utf8'))}`,
        },
        body: u.body,
        contentType: u.contentType,
      };
    }
    if (r.body === undefined) return { method: route.method, url, input };
    // Bodies that JSON cannot carry (a bare undefined) are sent as they serialize.
    return {
      method: route.method,
      url,
      input,
      body: JSON.stringify(r.body) ?? 'null',
      contentType: 'application/json',
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Accounts

/** Demo accounts by username, with their roles. */
const ACCOUNTS = DEMO_USERS.map((u) => ({ username: u.username, roles: [u.role] }));

/**
 * The accounts whose roles pass the route's declared role check (`config.access`); `anonymous`
 * for a public route. Scope is the service's part: requests for objects outside an account's
 * scope are 404s, which the fuzzer also wants.
 */
export function accountsFor(route: RouteInfo): string[] {
  const access = route.config.access as RouteAccess | undefined;
  if (!access) return [];
  if ('public' in access) return ['anonymous'];
  return ACCOUNTS.filter((a) => rolesAllowed(access, a.roles)).map((a) => a.username);
}

// ---------------------------------------------------------------------------------------------
// The run

/**
 * The event stream never ends (it is hijacked and held open until the client goes), so an
 * injected request would hang; its only input is a numeric `after`, covered by queryInt's tests.
 */
const SKIPPED = new Set(['GET /api/notifications/stream']);

export async function loadKnown(t: TestApp): Promise<Known> {
  const ids: string[] = [];
  for (const table of [
    'users',
    'regions',
    'grids',
    'units',
    'residents',
    'houses',
    'cases',
    'items',
    'admissions',
    'api_keys',
    'attachments',
    'special_populations',
    'visits',
    'grid_assignments',
    'organisations',
    'buildings',
    'key_places',
    'disputes',
    'dispute_parties',
    'mediation_organisations',
    'petitions',
    'petition_petitioners',
    'patrols',
  ]) {
    try {
      const rows = await queryRows<{ id: string }>(
        t.database.db,
        sql.raw(`SELECT id::text AS id FROM "${table}" ORDER BY id LIMIT 2`),
      );
      ids.push(...rows.map((r) => r.id));
    } catch {
      // a table this version does not have
    }
  }
  const itemCodes = (
    await queryRows<{ code: string }>(t.database.db, sql`SELECT code FROM items ORDER BY code LIMIT 3`)
  ).map((r) => r.code);
  const regionCodes = (
    await queryRows<{ code: string }>(t.database.db, sql`SELECT code FROM regions ORDER BY code LIMIT 4`)
  ).map((r) => r.code);
  return {
    ids: ids.length ? ids : ['00000000-0000-4000-8000-000000000000'],
    itemCodes: itemCodes.length ? itemCodes : ['01001'],
    regionCodes,
  };
}

const CHINESE = /[\u4e00-\u9fa5]/;

/**
 * Sends `runs` generated requests to every route with a params/query/body schema (and the raw
 * uploads), each as one account allowed on the route (rotating through them). Returns what it
 * found and every (route, status, body) it saw.
 */
export async function fuzzRoutes(
  t: TestApp,
  routes: RouteInfo[],
  opts: { seed: number; runs: number },
): Promise<{ findings: FuzzFinding[]; captured: Captured[]; routesFuzzed: string[] }> {
  const known = await loadKnown(t);
  const sessions = new Map<string, Session>();
  const sessionOf = async (username: string): Promise<Session | null> => {
    if (username === 'anonymous') return null;
    let s = sessions.get(username);
    if (!s) sessions.set(username, (s = await login(t.app, username)));
    return s;
  };
  const findings: FuzzFinding[] = [];
  const captured: Captured[] = [];
  const routesFuzzed: string[] = [];
  let routeNo = 0;
  for (const route of routes) {
    const name = `${route.method} ${route.url}`;
    routeNo++;
    const hasInput = route.schema.params || route.schema.querystring || route.schema.body || uploadArb(route);
    if (!hasInput || SKIPPED.has(name) || route.url === '/api/auth/logout' || !route.url.startsWith('/')) continue;
    const accounts = accountsFor(route);
    if (!accounts.length) continue;
    routesFuzzed.push(name);
    const planned = plan(route, known, opts.seed + routeNo, opts.runs);
    // Batches of requests: the table counts must not move across a batch answered only 4xx.
    for (let start = 0; start < planned.length; start += 10) {
      const batch = planned.slice(start, start + 10);
      for (const a of accounts) await sessionOf(a); // any logging in again happens before the counts
      const before = await everyTableCount(t.database);
      let all4xx = true;
      for (const [i, p] of batch.entries()) {
        const account = accounts[(start + i) % accounts.length]!;
        const session = await sessionOf(account);
        const headers: Record<string, string> = {
          ...(session ? as(session).headers : {}),
          ...(p.contentType ? { 'content-type': p.contentType } : {}),
        };
        const res = await t.app.inject({
          method: p.method as 'GET',
          url: p.url,
          headers,
          ...(p.body !== undefined ? { body: p.body } : {}),
          remoteAddress: `10.9.${routeNo % 250}.${(start + i) % 250}`,
        });
        const request = { method: p.method, url: p.url, account, input: p.input };
        captured.push({
          route: name,
          method: p.method,
          url: p.url,
          account,
          input: p.input,
          status: res.statusCode,
          body: res.body,
        });
        if (res.statusCode === 401 && session) {
          // A fuzzed request may have ended this session (a revoke with a real id): log in again,
          // and leave this batch's table counts alone (the login adds a session).
          const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', ...as(session) });
          if (me.statusCode === 401) {
            sessions.delete(account);
            all4xx = false;
          }
        }
        if (res.statusCode >= 500) {
          findings.push({ route: name, problem: '5xx', request, status: res.statusCode, body: res.body.slice(0, 300) });
        } else if (res.statusCode >= 400) {
          let body: { code?: unknown; message?: unknown } = {};
          try {
            body = res.json();
          } catch {
            /* not JSON */
          }
          const open311 = route.url.startsWith('/open311');
          if (
            !open311 &&
            (typeof body.code !== 'string' || typeof body.message !== 'string' || !CHINESE.test(body.message))
          ) {
            findings.push({
              route: name,
              problem: '4xx without code and Chinese message',
              request,
              status: res.statusCode,
              body: res.body.slice(0, 300),
            });
          }
        }
        if (res.statusCode < 400 || res.statusCode >= 500) all4xx = false;
      }
      if (all4xx) {
        const after = await everyTableCount(t.database);
        const moved = Object.keys(after).filter((k) => after[k] !== before[k]);
        if (moved.length)
          findings.push({
            route: name,
            problem: `4xx-only batch changed table counts: ${moved.join(', ')}`,
            request: {
              method: route.method,
              url: batch.map((b) => b.url).join(' | '),
              account: '',
              input: batch.map((b) => b.input),
            },
            status: 0,
            body: '',
          });
      }
    }
  }
  return { findings, captured, routesFuzzed };
}
