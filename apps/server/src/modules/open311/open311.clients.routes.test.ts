import { STARTER_CATALOGUE, type TimeLimits, defaultWorkCalendar, expectedCompletion } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  as,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { captureLogs } from '../../../test/log-capture.ts';
import { isoChina } from './open311.format.ts';

/**
 * What real Open311 clients (FixMyStreet's `Open311.pm`, spec checkers) need beyond the first suite:
 * 404 for unknown services and jurisdictions everywhere, an id or a token (not both), their own extra
 * attributes ignored, repeats answered without a new case or a burnt number, the channel shown to
 * staff, names joined as written, the expected completion, the endings as `closed` with a note, and
 * the endpoint with its trailing slash.
 */

let t: TestApp;
let key: string;
let spot: { lon: number; lat: number; gridId: string };
const logs = captureLogs();
const KEY_NAME = '城市服务 App（Open311）';

const plain = STARTER_CATALOGUE.find(
  (i) => i.publicReport && i.fields.length === 0,
) as (typeof STARTER_CATALOGUE)[number];

const parser = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'error'].includes(name) });
const get = (url: string) => t.app.inject({ method: 'GET', url });
const form = (fields: Record<string, string | string[]>) =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([k, v]): [string, string][] =>
      Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]],
    ),
  ).toString();
const post = (suffix: 'json' | 'xml', fields: Record<string, string | string[]>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/requests.${suffix}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
let n = 0;
/** A valid form with its own description (so it is not a repeat of another test's). */
const good = (extra: Record<string, string | string[]> = {}) => ({
  api_key: key,
  service_code: plain.code,
  lat: String(spot.lat),
  long: String(spot.lon),
  description: `第 ${++n} 处：人行道井盖缺失`,
  ...extra,
});
const caseOf = async (code: string) =>
  (
    await queryRows<{ id: string; version: number; reported_at: Date; stage_deadline: Date | null }>(
      t.database.db,
      sql`SELECT id, version, reported_at, stage_deadline FROM cases WHERE code = ${code}`,
    )
  )[0] as { id: string; version: number; reported_at: Date; stage_deadline: Date | null };
/** The centre's dispatcher, signed in afresh (a test may have moved the clock past a session's idle timeout). */
const centre = () => login(t.app, 'dispatcher');
const detailAs = async (s: Session, id: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/cases/${id}`, ...as(s) })).json();

beforeAll(async () => {
  t = await createTestApp({}, { logStream: logs.stream });
  const admin = await login(t.app, 'admin');
  spot = await pointInGrid(t.database, '410104001001001');
  const created = await t.app.inject({
    method: 'POST',
    url: '/api/api-keys',
    ...as(admin),
    payload: {
      name: KEY_NAME,
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

describe('unknown services and jurisdictions', () => {
  it('answers a POST with an unknown service_code with 404 in the spec format, writing nothing', async () => {
    const before = await tableCounts(t.database);
    const j = await post('json', good({ service_code: '99999' }));
    expect(j.statusCode).toBe(404);
    expect(j.json()).toEqual([{ code: 404, description: expect.stringMatching(/99999/) }]);
    const x = await post('xml', good({ service_code: '99999' }));
    expect(x.statusCode).toBe(404);
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(parser.parse(x.body).errors.error[0].code).toBe('404');
    // A missing one is still a 400 (a bad form), not a 404.
    const { service_code: _omit, ...without } = good();
    expect((await post('json', without)).statusCode).toBe(400);
    expect(await tableCounts(t.database)).toMatchObject({ cases: before.cases });
  });

  it('refuses an unknown jurisdiction_id with 404 on every endpoint, and takes an empty one as none', async () => {
    const filed = await post('json', good());
    expect(filed.statusCode).toBe(201);
    const code = filed.json()[0].service_request_id as string;
    const { id } = await caseOf(code);
    const reads = [
      '/open311/v2/',
      '/open311/v2/discovery.json',
      '/open311/v2/services.json',
      `/open311/v2/services/${plain.code}.json`,
      '/open311/v2/requests.json',
      `/open311/v2/requests/${code}.json`,
      `/open311/v2/tokens/${id}.json`,
      '/open311/v2/servicerequestupdates.json',
    ];
    for (const url of reads) {
      const sep = url.includes('?') ? '&' : '?';
      const unknown = await get(`${url}${sep}jurisdiction_id=999999`);
      expect(unknown.statusCode, url).toBe(404);
      expect(unknown.body, url).toMatch(/jurisdiction_id 999999/);
      expect((await get(`${url}${sep}jurisdiction_id=`)).statusCode, url).toBe(200);
      expect((await get(`${url}${sep}jurisdiction_id=410104001`)).statusCode, url).toBe(200);
    }
    const before = await tableCounts(t.database);
    const posted = await post('json', good({ jurisdiction_id: '999999' }));
    expect(posted.statusCode).toBe(404);
    expect(posted.json()).toEqual([{ code: 404, description: expect.stringMatching(/jurisdiction_id 999999/) }]);
    expect(await tableCounts(t.database)).toMatchObject({ cases: before.cases });
    expect((await post('json', good({ jurisdiction_id: '' }))).statusCode).toBe(201);
    // A request of 格物街道 is not found under 知行街道, by its id or by its token.
    expect((await get(`/open311/v2/requests/${code}.json?jurisdiction_id=410104002`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/tokens/${id}.json?jurisdiction_id=410104002`)).statusCode).toBe(404);
  });
});

describe('filing', () => {
  it('answers with the service_request_id and no token, in both formats', async () => {
    const j = await post('json', good());
    expect(j.statusCode).toBe(201);
    expect(Object.keys(j.json()[0]).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    const x = await post('xml', good());
    expect(x.statusCode).toBe(201);
    const row = parser.parse(x.body).service_requests.request[0];
    expect(row.service_request_id).toMatch(/^\d{15}$/);
    expect(row).not.toHaveProperty('token');
  });

  it('ignores attributes and fields the service does not define, logging their names only', async () => {
    logs.clear();
    const res = await post(
      'json',
      good({
        'attribute[fms_extra]': 'secret-value-1',
        'attribute[13912345678]': 'secret-value-2',
        'attribute[multi][]': ['secret-value-3', 'secret-value-4'],
        fixmystreet_id: 'secret-value-5',
      }),
    );
    expect(res.statusCode, res.body).toBe(201);
    const entry = logs.entries().find((e) => Array.isArray(e.ignoredFields)) as { ignoredFields: string[] };
    expect(entry.ignoredFields.sort()).toEqual(
      ['attribute[fms_extra]', 'attribute[###########]', 'attribute[multi][]', 'fixmystreet_id'].sort(),
    );
    expect(logs.text()).not.toMatch(/secret-value|13912345678/);
    const [event] = await queryRows<{ fields: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT e.data->'fields' AS fields FROM case_events e JOIN cases c ON c.id = e.case_id WHERE c.code = ${res.json()[0].service_request_id}`,
    );
    expect(event?.fields).toEqual({});
  });

  it('answers an identical POST within 24 hours with the earlier request, using up no case number', async () => {
    const fields = good({ first_name: '小明', last_name: '王', 'attribute[x][]': ['b', 'a'] });
    const first = await post('json', fields);
    expect(first.statusCode).toBe(201);
    const id = first.json()[0].service_request_id as string;
    // The same form, its fields in another order and a multi-value list's values too.
    const reordered = Object.fromEntries(Object.entries({ ...fields, 'attribute[x][]': ['a', 'b'] }).reverse());
    const before = await tableCounts(t.database);
    const again = await post('json', reordered);
    expect(again.statusCode).toBe(200);
    expect(again.json()[0].service_request_id).toBe(id);
    t.clock.advance(23 * 3_600_000);
    const later = await post('json', fields);
    expect(later.statusCode).toBe(200);
    expect(later.json()[0].service_request_id).toBe(id);
    expect(await tableCounts(t.database)).toMatchObject({ cases: before.cases });
    // The next new case takes the very next number: the repeats took none.
    t.clock.advance(2 * 3_600_000);
    const next = await post('json', good());
    expect(next.statusCode).toBe(201);
    expect(BigInt(next.json()[0].service_request_id.slice(8))).toBe(BigInt(id.slice(8)) + 1n);
    // A day and more after the first, the same form is a new report.
    const dayAfter = await post('json', fields);
    expect(dayAfter.statusCode).toBe(201);
    expect(dayAfter.json()[0].service_request_id).not.toBe(id);
  });

  it('takes no case number for a retried report in the resident channel either', async () => {
    const resident = await login(t.app, 'resident');
    const report = (idempotencyKey: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/cases',
        ...as(resident),
        payload: {
          itemCode: plain.code,
          description: '楼下井盖松动',
          location: { lon: spot.lon, lat: spot.lat },
          idempotencyKey,
        },
      });
    const k = crypto.randomUUID();
    const a = await report(k);
    expect(a.statusCode).toBe(201);
    for (let i = 0; i < 3; i++) expect((await report(k)).statusCode).toBe(200);
    const b = await report(crypto.randomUUID());
    expect(b.statusCode).toBe(201);
    expect(BigInt(b.json().code.slice(8))).toBe(BigInt(a.json().code.slice(8)) + 1n);
  });

  it('joins first and last names as they are written', async () => {
    const table: [string, string, string][] = [
      ['小明', '王', '王小明'],
      ['John', 'Smith', 'John Smith'],
    ];
    const dispatcher = await centre();
    for (const [first_name, last_name, expected] of table) {
      const res = await post('json', good({ first_name, last_name }));
      expect(res.statusCode).toBe(201);
      const { id } = await caseOf(res.json()[0].service_request_id);
      expect((await detailAs(dispatcher, id)).reporterName).toBe(expected);
    }
  });
});

describe('what staff and clients see', () => {
  it('shows staff the channel, the client key and the media_url; residents see no origin', async () => {
    const res = await post('json', good({ media_url: 'https://photos.example.com/7.jpg' }));
    const { id } = await caseOf(res.json()[0].service_request_id);
    const dispatcher = await centre();
    expect(await detailAs(dispatcher, id)).toMatchObject({
      channel: 'api',
      origin: { source: 'open311', clientName: KEY_NAME, mediaUrl: 'https://photos.example.com/7.jpg' },
    });
    const resident = await login(t.app, 'resident');
    const own = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...as(resident),
      payload: {
        itemCode: plain.code,
        description: '路灯不亮',
        location: { lon: spot.lon, lat: spot.lat },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect((await detailAs(resident, own.json().id)).origin).toBeNull();
    expect((await detailAs(dispatcher, own.json().id)).origin).toEqual({
      source: null,
      clientName: null,
      mediaUrl: null,
    });
  });

  it("gives the item's expected completion as expected_datetime, not the current stage's deadline", async () => {
    const res = await post('json', good());
    const code = res.json()[0].service_request_id as string;
    const row = await caseOf(code);
    const shown = (await get(`/open311/v2/requests/${code}.json`)).json()[0];
    const expected = isoChina(
      expectedCompletion(
        { reportedAt: new Date(row.reported_at), handleDeadline: null },
        plain.limits as TimeLimits,
        defaultWorkCalendar(),
      ),
    );
    expect(shown.expected_datetime).toBe(expected);
    const stageDeadline = new Date(row.stage_deadline as Date);
    expect(shown.expected_datetime).not.toBe(isoChina(stageDeadline));
    expect(new Date(shown.expected_datetime).getTime()).toBeGreaterThan(stageDeadline.getTime());
  });

  it('shows voided, merged and rejected requests as closed, with a note saying which', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 4; i++) codes.push((await post('json', good())).json()[0].service_request_id);
    const [voided, merged, rejected, target] = await Promise.all(codes.map(caseOf));
    const dispatcher = await centre();
    const act = (id: string, payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions`, ...as(dispatcher), payload });
    expect(
      (await act(voided!.id, { action: 'void', version: voided!.version, note: '测试数据，作废' })).statusCode,
    ).toBe(200);
    const m = await act(merged!.id, {
      action: 'merge',
      version: merged!.version,
      targetCaseId: target!.id,
      note: '同一井盖重复上报',
    });
    expect(m.statusCode, m.body).toBe(200);
    expect(
      (await act(rejected!.id, { action: 'reject', version: rejected!.version, note: '不属于受理范围' })).statusCode,
    ).toBe(200);
    const expected: [string, string, string][] = [
      [codes[0] as string, 'closed', '已关闭：已作废'],
      [codes[1] as string, 'closed', '已关闭：与其他上报重复，已并案处理'],
      [codes[2] as string, 'closed', '已关闭：不予受理'],
      [codes[3] as string, 'open', '待受理'],
    ];
    for (const [code, status, notes] of expected) {
      const r = (await get(`/open311/v2/requests/${code}.json`)).json()[0];
      expect([r.status, r.status_notes], code).toEqual([status, notes]);
      if (status === 'closed') expect(r.expected_datetime).toBeNull();
      const x = parser.parse((await get(`/open311/v2/requests/${code}.xml`)).body).service_requests.request[0];
      expect([x.status, x.status_notes]).toEqual([status, notes]);
    }
    const since = encodeURIComponent(new Date(t.clock.now().getTime() - 60_000).toISOString());
    const updates = (await get(`/open311/v2/servicerequestupdates.json?start_date=${since}`)).json() as {
      service_request_id: string;
      status: string;
      description: string;
    }[];
    for (const [code, status, notes] of expected.slice(0, 3)) {
      const u = updates.filter((x) => x.service_request_id === code).at(-1);
      expect(u).toMatchObject({ status, description: expect.stringContaining(notes) });
    }
  });
});

describe('the endpoint with its trailing slash', () => {
  it('serves service discovery at /open311/v2/ and names the endpoint with its slash', async () => {
    for (const url of ['/open311/v2/', '/open311/v2']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/xml/);
      expect(XMLValidator.validate(res.body)).toBe(true);
      expect(res.body).toMatch(/<url>http:\/\/[^<]+\/open311\/v2\/<\/url>/);
    }
    // What FixMyStreet asks next, the endpoint as given plus the resource.
    expect((await get('/open311/v2/services.xml')).statusCode).toBe(200);
    expect((await get('/open311/v2/discovery.json')).json().endpoints[0].url).toMatch(/\/open311\/v2\/$/);
  });
});
