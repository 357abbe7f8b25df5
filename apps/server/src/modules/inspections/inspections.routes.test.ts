import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  addUser,
  as,
  createTestApp,
  everyTableCount,
  login,
  pointInGrid,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { routeCalls } from '../../../test/route-calls.ts';
import { photo } from '../../../test/matrix/world.ts';

/*
 * 隐患排查 over HTTP in the demo's 明德社区 (410104001001, grid …001): its grid worker inspects a
 * market (key place) as a 小餐饮, with 致知社区's grid worker as another village and 知行街道's centre as
 * another township. The clock starts at 2026-11-23 10:00 Beijing. Counts are by hand.
 */

let t: TestApp;
let gw: Session;
let gw2: Session;
let dispatcher: Session;
let dispatcher2: Session;
let leader: Session;
let admin: Session;
let placeId: string;
let houseId: string;
let photoId: string;
let point: { lon: number; lat: number };
let ip = 0;
let n = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
const signIn = (u: string) => login(t.app, u, undefined, `10.63.${++ip % 250}.1`);
const { call, ok, refused } = routeCalls(() => t);

let fireId: string;
/** All nine fire items pass except the ones overridden. */
const fireAnswers = (over: Record<string, object> = {}) =>
  ['exits_clear', 'no_residence', 'ebike_indoor', 'hydrant_ok', 'no_hazchem']
    .map((key) => ({
      key,
      result: 'pass',
      ...over[key],
    }))
    .concat([{ key: 'extinguishers', value: 4, ...over.extinguishers } as never]);
const inspection = (over: object = {}) => ({
  clientId: uuid(),
  templateId: fireId,
  place: { kind: 'key_place', id: placeId },
  placeType: 'small_restaurant',
  location: point,
  performedAt: '2026-11-23T01:30:00Z',
  answers: fireAnswers({ exits_clear: { result: 'fail', note: '后门被纸箱堵住', photoIds: [photoId] } }),
  ...over,
});

/** A photo uploaded by `s` (its attachment id). */
async function uploadPhoto(s: Session): Promise<string> {
  const up = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(s, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  expect(up.statusCode, up.body).toBe(201);
  return up.json().id;
}

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'gw_zhizhi', role: 'grid_worker', regionCode: '410104001002' });
  await addUser(t.database, { username: 'centre_zhixing', role: 'dispatcher', regionCode: '410104002' });
  [gw, gw2, dispatcher, dispatcher2, leader, admin] = (await Promise.all(
    ['gridworker', 'gw_zhizhi', 'dispatcher', 'centre_zhixing', 'leader', 'admin'].map(signIn),
  )) as [Session, Session, Session, Session, Session, Session];
  const grid = await pointInGrid(t.database, '410104001001001');
  point = { lon: grid.lon, lat: grid.lat };
  const villageId = await regionIdByCode(t.database, '410104001001');
  placeId = (
    await ok(dispatcher, 'POST', '/api/key-places', {
      villageId,
      gridId: grid.gridId,
      name: '明德农贸市场',
      kind: 'market',
      ...point,
    })
  ).id;
  houseId = (
    await ok(dispatcher, 'POST', '/api/houses', {
      villageId,
      gridId: grid.gridId,
      address: '明德路 8 号 2 单元 301',
      usage: 'rental',
    })
  ).id;
  photoId = await uploadPhoto(gw);
}, 120_000);
afterAll(async () => t?.close());

describe('inspections (隐患排查)', () => {
  it('gives the grid worker the four default templates, version 1', async () => {
    const { items } = await ok(gw, 'GET', '/api/inspection-templates');
    expect(items.map((i: { key: string; version: number }) => `${i.key}@${i.version}`)).toEqual([
      'fire_small_place@1',
      'gas@1',
      'old_building@1',
      'rental_housing@1',
    ]);
    fireId = items[0].id;
  });

  it('records an inspection with a failed item and its photo once, however often the phone retries', async () => {
    expect(
      (await ok(gw, 'GET', `/api/inspections/last?placeKind=key_place&placeId=${placeId}&templateKey=fire_small_place`))
        .last,
    ).toBe(null);
    const body = inspection();
    const first = await call(gw, 'POST', '/api/inspections', body);
    expect(first.statusCode, first.body).toBe(201);
    const v = first.json();
    expect(v).toMatchObject({ placeName: '明德农贸市场', templateVersion: 1, failedCount: 1, inspectorName: '王网格' });
    expect(v.answers.map((a: { key: string; result: string }) => `${a.key}:${a.result}`)).toEqual([
      'exits_clear:fail',
      'no_residence:pass',
      'ebike_indoor:pass',
      'hydrant_ok:pass',
      'no_hazchem:pass',
      'extinguishers:pass',
    ]);
    const before = await everyTableCount(t.database);
    const again = await call(gw, 'POST', '/api/inspections', body);
    expect([again.statusCode, again.json().id]).toEqual([200, v.id]);
    expect(await everyTableCount(t.database)).toEqual(before);
    const last = (
      await ok(gw, 'GET', `/api/inspections/last?placeKind=key_place&placeId=${placeId}&templateKey=fire_small_place`)
    ).last;
    expect([last.id, last.answers[0].note]).toEqual([v.id, '后门被纸箱堵住']);
  });

  it('refuses unknown and missing items, a failure without its photo, a wrong place type, a future time', async () => {
    const p = '/api/inspections';
    await refused(gw, 'POST', p, inspection({ answers: [...fireAnswers(), { key: 'no_such_item', result: 'pass' }] }), [
      422,
      'inspection.unknown_item',
    ]);
    await refused(gw, 'POST', p, inspection({ answers: fireAnswers().slice(1) }), [422, 'inspection.missing_items']);
    await refused(gw, 'POST', p, inspection({ answers: fireAnswers({ hydrant_ok: { result: 'fail' } }) }), [
      422,
      'inspection.photo_required',
    ]);
    // 1 extinguisher is below the range (at least 2): a failure, and it needs a photo.
    await refused(gw, 'POST', p, inspection({ answers: fireAnswers({ extinguishers: { value: 1 } }) }), [
      422,
      'inspection.photo_required',
    ]);
    await refused(gw, 'POST', p, inspection({ answers: fireAnswers({ extinguishers: { value: undefined } }) }), [
      422,
      'inspection.bad_answer',
    ]);
    await refused(gw, 'POST', p, inspection({ placeType: 'rental_housing' }), [
      422,
      'inspection.template_not_for_place',
    ]);
    await refused(gw, 'POST', p, inspection({ performedAt: '2026-11-23T03:00:00Z' }), [
      422,
      'inspection.performed_in_future',
    ]);
    await refused(gw, 'POST', p, inspection({ place: { kind: 'house', id: placeId } }), [
      404,
      'inspection.place_not_found',
    ]);
  });

  it("keeps another village's worker and another township's centre out (404, empty lists)", async () => {
    const [{ id }] = (await ok(gw, 'GET', '/api/inspections')).items;
    await refused(gw2, 'GET', `/api/inspections/${id}`, undefined, [404, 'inspection.not_found']);
    await refused(gw2, 'POST', '/api/inspections', inspection(), [404, 'inspection.place_not_found']);
    await refused(gw2, 'POST', `/api/inspections/${id}/items/exits_clear/case`, undefined, [
      404,
      'inspection.not_found',
    ]);
    expect((await ok(gw2, 'GET', '/api/inspections')).total).toBe(0);
    expect((await ok(dispatcher2, 'GET', '/api/inspections')).total).toBe(0);
    expect((await ok(dispatcher, 'GET', '/api/inspections')).total).toBe(1);
    expect((await ok(leader, 'GET', '/api/inspections?failedOnly=true')).total).toBe(1);
    await refused(leader, 'POST', `/api/inspections/${id}/items/exits_clear/case`, undefined, [403, 'access.denied']);
  });

  it('makes a failed item a case through the report, pre-filled, once', async () => {
    const [{ id }] = (await ok(gw, 'GET', '/api/inspections')).items;
    const url = `/api/inspections/${id}/items/exits_clear/case`;
    const first = await call(gw, 'POST', url);
    expect(first.statusCode, first.body).toBe(201);
    const made = first.json();
    const second = await call(gw, 'POST', url);
    expect([second.statusCode, second.json()]).toEqual([200, { ...made, created: false }]);
    const [c] = await queryRows<{ item_code: string; description: string; channel: string; grid_id: string }>(
      t.database.db,
      sql`SELECT item_code, description, channel, grid_id FROM cases WHERE id = ${made.caseId}`,
    );
    expect(c?.item_code).toBe('08002');
    expect(c?.channel).toBe('grid_worker');
    expect(c?.description).toBe(
      '隐患排查（九小场所消防安全检查）不合格：疏散通道、安全出口畅通，未被占用、堵塞、封闭；场所：明德农贸市场；后门被纸箱堵住',
    );
    const [ev] = await queryRows<{ ids: string[] }>(
      t.database.db,
      sql`SELECT attachment_ids AS ids FROM case_events WHERE case_id = ${made.caseId}`,
    );
    expect(ev?.ids).toEqual([photoId]);
    const detail = await ok(gw, 'GET', `/api/inspections/${id}`);
    expect(detail.answers[0]).toMatchObject({ caseId: made.caseId, caseCode: made.caseCode });
    await refused(gw, 'POST', `/api/inspections/${id}/items/hydrant_ok/case`, undefined, [
      422,
      'inspection.item_not_failed',
    ]);
    await refused(gw, 'POST', `/api/inspections/${id}/items/roof_ok/case`, undefined, [
      404,
      'inspection.item_not_found',
    ]);
  });

  it('edits a template copy-on-write: new inspections use version 2, the old one still reads version 1', async () => {
    const v1 = await ok(gw, 'GET', `/api/inspection-templates/${fireId}`);
    const items = [
      ...v1.items,
      {
        key: 'exit_signs',
        text: '安全出口标志、应急照明完好',
        answer: { kind: 'pass_fail' },
        required: true,
        photoOnFail: true,
        caseItem: { code: '08002' },
        source: LOCAL,
      },
    ];
    await refused(gw, 'POST', '/api/inspection-templates/fire_small_place/versions', { ...v1, items }, [
      403,
      'access.denied',
    ]);
    const edit = { name: v1.name, placeTypes: v1.placeTypes, items };
    await refused(
      dispatcher,
      'POST',
      '/api/inspection-templates/fire_small_place/versions',
      { ...edit, items: [...items.slice(0, -1), { ...items.at(-1), caseItem: { code: '77777' } }] },
      [422, 'inspection.template_item_unknown'],
    );
    await refused(
      dispatcher,
      'POST',
      '/api/inspection-templates/fire_small_place/versions',
      { ...edit, items: [...items, items[0]] },
      [422, 'inspection.template_invalid'],
    );
    const v2 = await ok(dispatcher, 'POST', '/api/inspection-templates/fire_small_place/versions', edit);
    expect([v2.version, v2.items.length]).toEqual([2, 7]);
    // The township's version is in force for its grid worker, not for 知行街道.
    expect((await ok(gw, 'GET', '/api/inspection-templates')).items[0].id).toBe(v2.id);
    expect((await ok(dispatcher2, 'GET', '/api/inspection-templates')).items[0].id).toBe(fireId);
    await refused(dispatcher2, 'GET', `/api/inspection-templates/${v2.id}`, undefined, [
      404,
      'inspection.template_not_found',
    ]);
    // The county admin may edit for the county: version 3.
    expect(
      (
        await ok(admin, 'POST', '/api/inspection-templates/gas/versions', {
          ...(await ok(admin, 'GET', '/api/inspection-templates')).items[1],
          id: undefined,
          key: undefined,
          version: undefined,
          regionPath: undefined,
          createdAt: undefined,
        })
      ).version,
    ).toBe(2);
    const newer = await ok(
      gw,
      'POST',
      '/api/inspections',
      inspection({
        templateId: v2.id,
        answers: fireAnswers().concat([{ key: 'exit_signs', result: 'pass' } as never]),
        performedAt: '2026-11-23T01:50:00Z',
      }),
    );
    expect([newer.templateVersion, newer.failedCount]).toEqual([2, 0]);
    const [old] = (await ok(gw, 'GET', '/api/inspections?failedOnly=true')).items;
    expect((await ok(gw, 'GET', `/api/inspections/${old.id}`)).templateVersion).toBe(1);
    const last = (
      await ok(gw, 'GET', `/api/inspections/last?placeKind=key_place&placeId=${placeId}&templateKey=fire_small_place`)
    ).last;
    expect(last.id).toBe(newer.id);
  });

  it('inspects a rental house and counts the figures of the area by China day', async () => {
    const rental = await ok(gw, 'GET', '/api/inspection-templates').then((r) =>
      r.items.find((i: { key: string }) => i.key === 'rental_housing'),
    );
    await ok(gw, 'POST', '/api/inspections', {
      clientId: uuid(),
      templateId: rental.id,
      place: { kind: 'house', id: houseId },
      placeType: 'rental_housing',
      location: point,
      performedAt: '2026-11-23T01:55:00Z',
      answers: [
        { key: 'registered', result: 'fail' },
        { key: 'no_partition', result: 'fail', photoIds: [photoId] },
        { key: 'area_per_person', value: 4.5, photoIds: [] },
        { key: 'ebike_indoor', result: 'na' },
        { key: 'exits_clear', result: 'pass' },
      ],
    });
    const day = await ok(dispatcher, 'GET', '/api/inspection-figures?from=2026-11-23&to=2026-11-23');
    expect(day).toEqual({
      inspections: 3,
      withFailures: 2,
      failedItems: 4,
      casesMade: 1,
      byTemplate: [
        { templateKey: 'fire_small_place', inspections: 2, failedItems: 1 },
        { templateKey: 'rental_housing', inspections: 1, failedItems: 3 },
      ],
    });
    expect((await ok(dispatcher, 'GET', '/api/inspection-figures?from=2026-11-22&to=2026-11-22')).inspections).toBe(0);
    expect((await ok(dispatcher2, 'GET', '/api/inspection-figures?from=2026-11-23&to=2026-11-23')).inspections).toBe(0);
    // For a region: 明德社区 holds all three; 致知社区 none; a community of another township is not the centre's.
    const region = async (code: string) =>
      call(
        dispatcher,
        'GET',
        `/api/inspection-figures?from=2026-11-23&to=2026-11-23&regionId=${await regionIdByCode(t.database, code)}`,
      );
    expect((await region('410104001001')).json()).toMatchObject({ inspections: 3, failedItems: 4 });
    expect((await region('410104001002')).json()).toMatchObject({ inspections: 0, failedItems: 0, byTemplate: [] });
    const far = await region('410104002001');
    expect([far.statusCode, far.json().code]).toEqual([404, 'inspection.region_not_found']);
  });

  it('filters the list by period (China days, both included), template and failures', async () => {
    const total = async (q: string) => (await ok(dispatcher, 'GET', `/api/inspections?${q}`)).total;
    // 2026-11-23 (Beijing): two fire inspections (one with a failed item) and one rental house with three.
    expect(await total('from=2026-11-23&to=2026-11-23')).toBe(3);
    expect(await total('from=2026-11-22&to=2026-11-22')).toBe(0);
    expect(await total('from=2026-11-24')).toBe(0);
    expect(await total('to=2026-11-23')).toBe(3);
    expect(await total('templateKey=rental_housing')).toBe(1);
    expect(await total('templateKey=fire_small_place&failedOnly=true')).toBe(1);
    expect(await total('templateKey=gas')).toBe(0);
    expect(await total('placeKind=house&from=2026-11-23')).toBe(1);
    expect((await ok(dispatcher2, 'GET', '/api/inspections?from=2026-11-23&to=2026-11-23')).total).toBe(0);
    const bad = await call(dispatcher, 'GET', '/api/inspections?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/日期/);
  });

  it("lets the township centre make a failed item a case at its desk; another township's centre gets 404", async () => {
    const [rental] = (await ok(dispatcher, 'GET', '/api/inspections?templateKey=rental_housing')).items;
    const url = `/api/inspections/${rental.id}/items/registered/case`;
    await refused(leader, 'POST', url, undefined, [403, 'access.denied']);
    await refused(dispatcher2, 'POST', url, undefined, [404, 'inspection.not_found']);
    const made = await call(dispatcher, 'POST', url);
    expect(made.statusCode, made.body).toBe(201);
    const [c] = await queryRows<{ item_code: string; description: string }>(
      t.database.db,
      sql`SELECT item_code, description FROM cases WHERE id = ${made.json().caseId}`,
    );
    expect(c).toEqual({
      item_code: '06003',
      description: '隐患排查（出租房屋安全检查）不合格：出租房屋及承租人已登记；场所：明德路 8 号 2 单元 301',
    });
    // The grid worker's phone, retrying later, finds the same case.
    const again = await call(gw, 'POST', url);
    expect([again.statusCode, again.json()]).toEqual([200, { ...made.json(), created: false }]);
  });
});

const LOCAL = 'local practice';

describe('a case from a colleague’s inspection', () => {
  it("a colleague makes the case from another worker's inspection: the item's photos go with it", async () => {
    await addUser(t.database, { username: 'gw_mingde_b', role: 'grid_worker', regionCode: '410104001001' });
    const colleague = await signIn('gw_mingde_b');
    gw = await signIn('gridworker');
    const gwPhoto = await uploadPhoto(gw);
    const made = await call(
      gw,
      'POST',
      '/api/inspections',
      inspection({
        answers: fireAnswers({ hydrant_ok: { result: 'fail', note: '消火栓无水', photoIds: [gwPhoto] } }),
      }),
    );
    expect(made.statusCode, made.body).toBe(201);
    const inspectionId: string = made.json().id;
    const before = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM cases`);
    const res = await call(colleague, 'POST', `/api/inspections/${inspectionId}/items/hydrant_ok/case`);
    expect(res.statusCode, res.body).toBe(201);
    const { caseId } = res.json();
    const after = await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM cases`);
    expect(after[0]?.n).toBe((before[0]?.n ?? 0) + 1);
    // The case's report event links gw's photo, and the colleague is its reporter.
    const [ev] = await queryRows<{ ids: string[]; actor_id: string; type: string }>(
      t.database.db,
      sql`SELECT attachment_ids AS ids, actor_id, type FROM case_events WHERE case_id = ${caseId} ORDER BY seq LIMIT 1`,
    );
    expect(ev?.type).toBe('report');
    expect(ev?.ids).toEqual([gwPhoto]);
    const [me] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM users WHERE username = 'gw_mingde_b'`,
    );
    expect(ev?.actor_id).toBe(me?.id);
    // A retry by the inspector gets the same case, photos unchanged.
    const again = await call(gw, 'POST', `/api/inspections/${inspectionId}/items/hydrant_ok/case`);
    expect([again.statusCode, again.json().caseId]).toEqual([200, caseId]);
    // Still not a way to attach someone else's photo that no record links: refused, nothing made.
    const stray = await uploadPhoto(gw);
    const foreign = await call(colleague, 'POST', '/api/cases', {
      itemCode: '08002',
      description: '借用他人未关联的照片上报',
      location: { ...point, crs: 'WGS84' },
      attachmentIds: [stray],
      idempotencyKey: 'stray-photo',
    });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().code).toBe('attachment.unknown');
  });
});
