import { STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  addUser,
  as,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
let admin: Session;
let dispatcher: Session;
let key: string;
let spot: { lon: number; lat: number; gridId: string };

const withFields = STARTER_CATALOGUE.find(
  (i) => i.publicReport && i.fields.some((f) => f.options) && i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];
const plain = STARTER_CATALOGUE.find(
  (i) => i.publicReport && i.fields.length === 0,
) as (typeof STARTER_CATALOGUE)[number];
const hidden = STARTER_CATALOGUE.find((i) => !i.publicReport) as (typeof STARTER_CATALOGUE)[number];

const parser = new XMLParser({
  parseTagValue: false,
  isArray: (name) =>
    ['service', 'request', 'error', 'attribute', 'value', 'request_update', 'endpoint', 'format'].includes(name),
});
/** XML text → its parsed tree, after checking it is well-formed and declares UTF-8. */
function xml(text: string) {
  expect(XMLValidator.validate(text)).toBe(true);
  expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  return parser.parse(text);
}
const get = (url: string) => t.app.inject({ method: 'GET', url });
const form = (fields: Record<string, string | string[]>) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]): [string, string][] =>
      Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
    ),
  ).toString();
const post = (
  suffix: 'json' | 'xml',
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${suffix}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: form(fields),
  });
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  dispatcher = await login(t.app, 'dispatcher');
  spot = await pointInGrid(t.database, '410104001001001');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    ...as(admin),
    payload: {
      name: '城市服务 App（Open311）',
      regionId: await regionIdByCode(t.database, '410104001'),
      source: 'open311',
      ratePerMinute: 1000,
    },
  });
  expect(created.statusCode).toBe(201);
  key = created.json().key;
});
afterAll(async () => {
  await t.close();
});

describe('discovery and services', () => {
  it('describes the endpoint in both formats', async () => {
    const j = await get('/open311/v2/discovery.json');
    expect(j.headers['content-type']).toMatch(/application\/json/);
    expect(j.json().endpoints[0]).toMatchObject({
      specification: 'http://wiki.open311.org/GeoReport_v2',
      type: 'production',
      formats: ['text/xml', 'application/json'],
    });
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toMatch(/text\/xml/);
    expect(xml(x.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists the items open to the public as services, with the spec fields and types', async () => {
    const list = (await get('/open311/v2/services.json')).json() as Record<string, unknown>[];
    expect(list.length).toBe(STARTER_CATALOGUE.filter((i) => i.publicReport).length);
    expect(list.map((s) => s.service_code)).not.toContain(hidden.code);
    const s = list.find((x) => x.service_code === withFields.code) as Record<string, unknown>;
    expect(Object.keys(s).sort()).toEqual(
      ['description', 'group', 'keywords', 'metadata', 'service_code', 'service_name', 'type'].sort(),
    );
    expect(s).toMatchObject({
      service_name: withFields.name,
      metadata: true,
      type: 'realtime',
      keywords: withFields.keywords.join(','),
    });
    expect(typeof s.group).toBe('string');
    expect(list.find((x) => x.service_code === plain.code)?.metadata).toBe(false);
    const x = xml((await get('/open311/v2/services.xml')).body);
    expect(x.services.service).toHaveLength(list.length);
    expect(x.services.service.find((e: { service_code: string }) => e.service_code === withFields.code)).toMatchObject({
      metadata: 'true',
      type: 'realtime',
    });
  });

  it('defines a service by its item fields, in order, with list values', async () => {
    const def = (await get(`/open311/v2/services/${withFields.code}.json`)).json();
    expect(def.service_code).toBe(withFields.code);
    const sorted = [...withFields.fields].sort((a, b) => a.order - b.order);
    expect(def.attributes.map((a: { code: string }) => a.code)).toEqual(sorted.map((f) => f.code));
    for (const a of def.attributes) {
      const f = withFields.fields.find((x) => x.code === a.code) as (typeof withFields.fields)[number];
      expect(a).toMatchObject({
        variable: true,
        datatype: f.type,
        required: f.required,
        order: f.order,
        description: f.label,
      });
      expect(['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist']).toContain(a.datatype);
      if (f.options) expect(a.values).toEqual(f.options.map((o) => ({ key: o.key, name: o.name })));
      else expect(a.values).toBeUndefined();
    }
    const x = xml((await get(`/open311/v2/services/${withFields.code}.xml`)).body);
    expect(x.service_definition.attributes.attribute).toHaveLength(def.attributes.length);
  });

  it('answers unknown things with the spec error body and 404, in both formats', async () => {
    const j = await get('/open311/v2/services/99999.json');
    expect(j.statusCode).toBe(404);
    expect(j.json()).toEqual([{ code: 404, description: expect.stringMatching(/99999/) }]);
    const x = await get(`/open311/v2/services/${hidden.code}.xml`);
    expect(x.statusCode).toBe(404);
    expect(xml(x.body).errors.error[0]).toMatchObject({ code: '404' });
    expect((await get('/open311/v2/requests.json?jurisdiction_id=999999')).statusCode).toBe(404);
    expect((await get('/open311/v2/nothing.json')).json()[0].code).toBe(404);
    expect((await get('/open311/v2/services')).statusCode).toBe(404);
  });
});

describe('requests', () => {
  let first: { service_request_id: string; token: string };
  const good = () => ({
    api_key: key,
    service_code: plain.code,
    lat: String(spot.lat),
    long: String(spot.lon),
    description: '人行道上的井盖缺失，夜间很危险',
    first_name: '小明',
    last_name: '王',
    email: 'wang.xiaoming@example.com',
    phone: '13912345678',
    device_id: 'device-42',
    media_url: 'https://photos.example.com/42.jpg',
  });

  it('refuses a missing or bad key with 403, and lists every other problem with 400, writing nothing', async () => {
    const before = await tableCounts(t.database);
    const none = await post('json', { ...good(), api_key: '' });
    expect(none.statusCode).toBe(403);
    expect(none.json()).toEqual([{ code: 403, description: expect.any(String) }]);
    const bad = await post('xml', { ...good(), api_key: 'gw_not_a_key' });
    expect(bad.statusCode).toBe(403);
    expect(xml(bad.body).errors.error[0].code).toBe('403');
    const several = await post('json', { api_key: key, description: 'x'.repeat(4001), lat: '34.7' });
    expect(several.statusCode).toBe(400);
    expect(several.json().length).toBeGreaterThanOrEqual(3);
    for (const e of several.json()) expect(e).toEqual({ code: 400, description: expect.any(String) });
    const badAttr = await post('json', { ...good(), service_code: withFields.code });
    expect(badAttr.statusCode).toBe(400);
    expect(badAttr.json().some((e: { description: string }) => /请填写/.test(e.description))).toBe(true);
    const outside = await post('json', { ...good(), lat: '1', long: '1' });
    expect(outside.statusCode).toBe(400);
    // The point is in 格物街道: filing it under 知行街道, or under a jurisdiction the key does not cover, is refused.
    const elsewhere = await post('json', { ...good(), jurisdiction_id: '410104002' });
    expect(elsewhere.statusCode).toBe(400);
    expect((await post('json', { ...good(), jurisdiction_id: '999999' })).statusCode).toBe(404);
    expect(await tableCounts(t.database)).toMatchObject({ cases: before.cases });
  });

  it('limits each key to its own rate, answering in the spec format', async () => {
    const slow = await t.app.inject({
      method: 'POST',
      url: '/api/api-keys',
      ...as(admin),
      payload: {
        name: '慢速客户端',
        regionId: await regionIdByCode(t.database, '410104001'),
        source: 'open311',
        ratePerMinute: 2,
      },
    });
    const slowKey = slow.json().key as string;
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push(
        (await post('json', { ...good(), api_key: slowKey, description: `第 ${i} 次：路面破损需要修补` })).statusCode,
      );
    expect(statuses).toEqual([201, 201, 429]);
    const limited = await post('xml', { ...good(), api_key: slowKey });
    expect(limited.statusCode).toBe(429);
    expect(xml(limited.body).errors.error[0].code).toBe('429');
    // Another key is not slowed down by it.
    expect((await post('json', { ...good(), description: '另一个客户端：绿化带杂物堆放' })).statusCode).toBe(201);
  });

  it('files a case through the common intake; a retried POST gets the same request', async () => {
    const res = await post('json', { ...good(), jurisdiction_id: '410104001' });
    expect(res.statusCode).toBe(201);
    const [row] = res.json();
    expect(row).toMatchObject({ service_request_id: expect.stringMatching(/^\d{15}$/), account_id: null });
    // Filed at once: the id, and no token (the spec returns one or the other). Its token is still the case id.
    expect(row).not.toHaveProperty('token');
    const [filed] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM cases WHERE code = ${row.service_request_id}`,
    );
    first = { ...row, token: filed?.id };
    const again = await post('json', { ...good(), jurisdiction_id: '410104001' });
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(row.service_request_id);
    const viaXml = xml((await post('xml', { ...good(), description: '路灯不亮已经三天了' })).body);
    expect(viaXml.service_requests.request[0].service_request_id).toMatch(/^\d{15}$/);
    // The dispatcher sees it in the intake queue, filed by the key's system through the API channel.
    const queue = (await t.app.inject({ method: 'GET', url: '/api/cases?view=queue', ...as(dispatcher) })).json();
    const inQueue = queue.items.find((c: { code: string }) => c.code === row.service_request_id);
    expect(inQueue).toMatchObject({ channel: 'api', state: 'reported' });
    const [stored] = await queryRows<{ source: string; media_url: string; reporter_name: string }>(
      t.database.db,
      sql`SELECT source, media_url, reporter_name FROM cases WHERE code = ${row.service_request_id}`,
    );
    expect(stored).toEqual({
      source: 'open311',
      media_url: 'https://photos.example.com/42.jpg',
      reporter_name: '王小明',
    });
  });

  it('takes attribute values: numbers, and several values of a multi-value list with []', async () => {
    const multi = STARTER_CATALOGUE.find(
      (i) => i.publicReport && i.fields.some((f) => f.type === 'multivaluelist'),
    ) as (typeof STARTER_CATALOGUE)[number];
    const list = multi.fields.find((f) => f.type === 'multivaluelist') as (typeof multi.fields)[number];
    const num = multi.fields.find((f) => f.type === 'number');
    const keys = (list.options ?? []).slice(0, 2).map((o) => o.key);
    const fields = {
      ...good(),
      service_code: multi.code,
      description: '外墙开裂，屋顶漏水',
      [`attribute[${list.code}][]`]: keys,
      ...(num ? { [`attribute[${num.code}]`]: '12' } : {}),
    };
    const res = await post('json', fields);
    expect(res.statusCode, res.body).toBe(201);
    const [event] = await queryRows<{ fields: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT e.data->'fields' AS fields FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.code = ${res.json()[0].service_request_id}`,
    );
    expect(event?.fields).toEqual({ [list.code]: keys, ...(num ? { [num.code]: 12 } : {}) });
    const bad = await post('json', {
      ...fields,
      description: '另一处外墙开裂',
      [`attribute[${list.code}][]`]: [keys[0] as string, 'no_such_key'],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('shows a request with the spec fields and types, and nothing of the reporter', async () => {
    for (const suffix of ['json', 'xml'] as const) {
      const res = await get(`/open311/v2/requests/${first.service_request_id}.${suffix}`);
      expect(res.statusCode).toBe(200);
      for (const secret of ['王', '小明', 'wang.xiaoming', '13912345678', '1234', 'device-42'])
        expect(res.body).not.toContain(secret);
      const r = suffix === 'json' ? res.json()[0] : xml(res.body).service_requests.request[0];
      expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
      expect(r).toMatchObject({
        service_request_id: first.service_request_id,
        status: 'open',
        service_code: plain.code,
        service_name: plain.name,
        media_url: 'https://photos.example.com/42.jpg',
      });
      expect(r.requested_datetime).toMatch(ISO_WITH_OFFSET);
      expect(r.updated_datetime).toMatch(ISO_WITH_OFFSET);
      expect(r.expected_datetime).toMatch(ISO_WITH_OFFSET);
      if (suffix === 'json') {
        expect(typeof r.lat).toBe('number');
        expect(typeof r.long).toBe('number');
      }
    }
    const token = (await get(`/open311/v2/tokens/${first.token}.json`)).json();
    expect(token).toEqual([{ service_request_id: first.service_request_id, token: first.token }]);
    expect(xml((await get(`/open311/v2/tokens/${first.token}.xml`)).body).service_requests.request).toEqual([
      { service_request_id: first.service_request_id, token: first.token },
    ]);
    expect((await get(`/open311/v2/tokens/${crypto.randomUUID()}.json`)).statusCode).toBe(404);
    expect((await get('/open311/v2/requests/000000000000000.xml')).statusCode).toBe(404);
  });

  it('filters: ids override the rest; service_code, status and the date window; bad filters are 400', async () => {
    const all = (await get('/open311/v2/requests.json')).json() as { service_request_id: string; status: string }[];
    expect(all.map((r) => r.service_request_id)).toContain(first.service_request_id);
    const allXml = xml((await get('/open311/v2/requests.xml')).body).service_requests.request as Record<
      string,
      string
    >[];
    expect(allXml.map((r) => r.service_request_id)).toEqual(all.map((r) => r.service_request_id));
    for (const r of allXml) expect(Object.keys(r).sort()).toEqual([...REQUEST_FIELDS].sort());
    const byId = (
      await get(
        `/open311/v2/requests.json?service_request_id=${first.service_request_id},000000000000000&status=closed&service_code=99999`,
      )
    ).json();
    expect(byId.map((r: { service_request_id: string }) => r.service_request_id)).toEqual([first.service_request_id]);
    expect(
      (await get(`/open311/v2/requests.json?service_code=${withFields.code}`))
        .json()
        .map((r: { service_code: string }) => r.service_code),
    ).not.toContain(plain.code);
    expect(
      (await get('/open311/v2/requests.json?status=closed'))
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id),
    ).not.toContain(first.service_request_id);
    expect(
      (await get('/open311/v2/requests.json?status=open'))
        .json()
        .map((r: { service_request_id: string }) => r.service_request_id),
    ).toContain(first.service_request_id);
    const later = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
    expect((await get(`/open311/v2/requests.json?start_date=${encodeURIComponent(later)}`)).json()).toEqual([]);
    expect((await get('/open311/v2/requests.json?page_size=1')).json()).toHaveLength(1);
    expect((await get('/open311/v2/requests.json?jurisdiction_id=410104002')).json()).toEqual([]);
    expect((await get('/open311/v2/requests.json?jurisdiction_id=410104001')).json().length).toBe(all.length);
    const wide = await get(
      '/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z&status=maybe',
    );
    expect(wide.statusCode).toBe(400);
    expect(wide.json()).toHaveLength(2);
    expect((await get('/open311/v2/requests.xml?start_date=yesterday')).statusCode).toBe(400);
    // Parameters of other servers' dialects are ignored, not refused.
    expect((await get('/open311/v2/requests.json?radius=500&locale=zh_CN')).json()).toHaveLength(all.length);
  });

  it('follows status changes made in the console in requests and servicerequestupdates', async () => {
    const since = encodeURIComponent(new Date(t.clock.now().getTime() - 60_000).toISOString());
    const [c] = await queryRows<{ id: string; version: number }>(
      t.database.db,
      sql`SELECT id, version FROM cases WHERE code = ${first.service_request_id}`,
    );
    const rejected = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${c?.id}/actions`,
      ...as(dispatcher),
      payload: { action: 'reject', version: c?.version, note: '经核实不属于本平台受理范围' },
    });
    expect(rejected.statusCode, rejected.body).toBe(200);
    const now = (await get(`/open311/v2/requests/${first.service_request_id}.json`)).json()[0];
    expect(now).toMatchObject({ status: 'closed', status_notes: '已关闭：不予受理', expected_datetime: null });
    expect(JSON.stringify(now)).not.toContain('经核实');
    for (const suffix of ['json', 'xml'] as const) {
      const res = await get(`/open311/v2/servicerequestupdates.${suffix}?start_date=${since}`);
      expect(res.statusCode).toBe(200);
      const updates = suffix === 'json' ? res.json() : xml(res.body).service_request_updates.request_update;
      const mine = updates.filter(
        (u: { service_request_id: string }) => u.service_request_id === first.service_request_id,
      );
      expect(mine).toHaveLength(1);
      expect(Object.keys(mine[0]).sort()).toEqual([
        'description',
        'media_url',
        'service_request_id',
        'status',
        'update_id',
        'updated_datetime',
      ]);
      expect(mine[0]).toMatchObject({ status: 'closed', description: expect.stringMatching(/不予受理/) });
      expect(mine[0].updated_datetime).toMatch(ISO_WITH_OFFSET);
      expect(res.body).not.toContain('经核实');
    }
  });
});

describe('publication', () => {
  let resident: Session;
  const inFeed = async (code: string) =>
    ((await get('/open311/v2/requests.json')).json() as { service_request_id: string }[]).some(
      (r) => r.service_request_id === code,
    );
  const inUpdates = async (code: string, since: string) =>
    (
      (await get(`/open311/v2/servicerequestupdates.json?start_date=${encodeURIComponent(since)}`)).json() as {
        service_request_id: string;
      }[]
    ).some((r) => r.service_request_id === code);
  const fileAsResident = async (publicConsent: boolean | undefined) => {
    resident = await login(t.app, 'resident');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...as(resident),
      payload: {
        itemCode: plain.code,
        description: '我家楼下明德路12号3单元门口的井盖坏了，我是502的住户',
        address: '明德路12号3单元',
        location: { lon: spot.lon, lat: spot.lat },
        idempotencyKey: crypto.randomUUID(),
        ...(publicConsent === undefined ? {} : { publicConsent }),
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; version: number };
  };
  const decide = (s: Session, id: string, payload: object) =>
    t.app.inject({ method: 'PUT', url: `/api/cases/${id}/publication`, ...as(s), payload });
  const publicationRows = async () =>
    (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM case_publications`))[0]?.n;

  it('keeps a resident report off the feed unless they agreed, and then shows no text, no address and a rounded point', async () => {
    const since = new Date(t.clock.now().getTime() - 60_000).toISOString();
    const silent = await fileAsResident(undefined); // the form's default: not agreed
    const refused = await fileAsResident(false);
    const agreed = await fileAsResident(true);
    // Each is accepted: a status change servicerequestupdates would report.
    for (const c of [silent, refused, agreed])
      expect(
        (
          await t.app.inject({
            method: 'POST',
            url: `/api/cases/${c.id}/actions`,
            ...as(dispatcher),
            payload: { action: 'accept', version: 1, conditionMet: true },
          })
        ).statusCode,
      ).toBe(200);
    for (const c of [silent, refused]) {
      expect((await get(`/open311/v2/requests/${c.code}.json`)).statusCode).toBe(404);
      expect(await inFeed(c.code)).toBe(false);
      expect(await inUpdates(c.code, since)).toBe(false);
      expect((await get(`/open311/v2/tokens/${c.id}.json`)).statusCode).toBe(404);
    }
    expect(await inFeed(agreed.code)).toBe(true);
    expect(await inUpdates(agreed.code, since)).toBe(true);
    const shown = (await get(`/open311/v2/requests/${agreed.code}.json`)).json()[0];
    // Its words wait for a staff member's review; the address is never published; the point is rounded to 0.001°.
    expect(shown).toMatchObject({ description: '', address: '' });
    expect(JSON.stringify(shown)).not.toContain('明德路12号');
    for (const [published, exact] of [
      [shown.lat, spot.lat],
      [shown.long, spot.lon],
    ] as [number, number][]) {
      expect(Math.abs(published - exact)).toBeLessThanOrEqual(0.0005);
      expect(Math.abs(published * 1000 - Math.round(published * 1000))).toBeLessThan(1e-6);
    }
    // The dispatcher sees the consent on the case.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${agreed.id}`, ...as(dispatcher) })).json();
    expect(detail.publication).toMatchObject({
      consent: true,
      viaOpen311: false,
      decided: false,
      published: true,
      shown: { description: '' },
    });
  });

  it('lets the centre publish, edit, hide and withdraw the public copy, the original kept, audited', async () => {
    const c = await fileAsResident(false);
    const edited = await decide(dispatcher, c.id, { published: true, publicDescription: '明德社区某处井盖损坏' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      consent: false,
      decided: true,
      published: true,
      publicDescription: '明德社区某处井盖损坏',
      descriptionHidden: false,
      shown: { description: '明德社区某处井盖损坏', address: '' },
    });
    expect((await get(`/open311/v2/requests/${c.code}.json`)).json()[0].description).toBe('明德社区某处井盖损坏');
    const xmlShown = xml((await get(`/open311/v2/requests/${c.code}.xml`)).body).service_requests.request[0];
    expect(xmlShown.description).toBe('明德社区某处井盖损坏');
    // The reporter's words stay as they were, for the staff.
    const detail = (await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}`, ...as(dispatcher) })).json();
    expect(detail.description).toBe('我家楼下明德路12号3单元门口的井盖坏了，我是502的住户');
    const audit = await queryRows<{ detail: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT detail FROM audit_log WHERE action = 'case.publication' AND target_id = ${c.id}`,
    );
    expect(audit.map((a) => a.detail)).toEqual([{ code: c.code, published: true, edited: true, hidden: false }]);

    expect((await decide(dispatcher, c.id, { published: true, hideDescription: true })).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests/${c.code}.json`)).json()[0].description).toBe('');

    expect((await decide(dispatcher, c.id, { published: false })).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests/${c.code}.json`)).statusCode).toBe(404);
    expect(await inFeed(c.code)).toBe(false);
  });

  it('withdraws a request an Open311 client filed, which was public by its own act with its own text and point', async () => {
    const filed = await post('json', {
      api_key: key,
      service_code: plain.code,
      lat: String(spot.lat),
      long: String(spot.lon),
      description: '公交站牌倒了',
      address_string: '明德路公交站',
    });
    expect(filed.statusCode).toBe(201);
    const code = filed.json()[0].service_request_id as string;
    const shown = (await get(`/open311/v2/requests/${code}.json`)).json()[0];
    expect(shown).toMatchObject({
      description: '公交站牌倒了',
      address: '明德路公交站',
      lat: spot.lat,
      long: spot.lon,
    });
    const [c] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM cases WHERE code = ${code}`);
    expect((await decide(dispatcher, c!.id, { published: false })).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests/${code}.json`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/tokens/${c!.id}.json`)).statusCode).toBe(404);
  });

  it('refuses a bad decision and anyone but the centre over the case, changing nothing', async () => {
    const c = await fileAsResident(true);
    const gridworker = await login(t.app, 'gridworker');
    const [zx] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM users WHERE username = 'zxpub'`,
    );
    if (!zx?.n) await addUser(t.database, { username: 'zxpub', role: 'dispatcher', regionCode: '410104002' });
    const otherCentre = await login(t.app, 'zxpub');
    const before = { ...(await tableCounts(t.database)), publications: await publicationRows() };
    for (const payload of [
      { published: 'yes' },
      { published: true, publicDescription: 'x' },
      { published: true, extra: 1 },
      {},
    ]) {
      const res = await decide(dispatcher, c.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().code).toBe('validation.failed');
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const asWorker = await decide(gridworker, c.id, { published: false });
    expect(asWorker.statusCode).toBe(403);
    // The route is declared for the centre: the access check refuses everyone else before the service runs.
    expect(asWorker.json()).toMatchObject({ code: 'access.denied' });
    expect((await decide(resident, c.id, { published: false })).statusCode).toBe(403);
    // Another township's centre does not even see the case.
    const other = await decide(otherCentre, c.id, { published: false });
    expect(other.statusCode).toBe(404);
    expect(other.json().code).toBe('case.not_found');
    expect({ ...(await tableCounts(t.database)), publications: await publicationRows() }).toEqual(before);
    expect(await inFeed(c.code)).toBe(true);
  });
});
