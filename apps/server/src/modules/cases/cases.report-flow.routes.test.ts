import { COMMON_ITEMS, STARTER_CATALOGUE } from '@gewu/domain';
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
  type Session,
  type TestApp,
} from '../../../test/app.ts';

/*
 * The report form without dead ends (issue 14), over HTTP: the catalogue's initials and 不确定/其他,
 * the common categories, the open reports nearby, 我也遇到, classification at acceptance and 待评价.
 */
let t: TestApp;
let resident: Session;
let neighbour: Session;
let farResident: Session;
let gridworker: Session;
let dispatcher: Session;
let handler: Session;
let zhixingDispatcher: Session;
let spot: { lon: number; lat: number };
let squad: string;

const urban = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible && i.publicReport && i.departmentKind === 'urban_management' && !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];
/** 1 m of latitude in degrees. */
const M = 1 / 111_320;

beforeAll(async () => {
  t = await createTestApp({ GEWU_LOGIN_RATE_LIMIT: '1000' });
  await addUser(t.database, { username: 'neighbour', role: 'resident', regionCode: '410104001001' });
  await addUser(t.database, { username: 'far', role: 'resident', regionCode: '410104002001' });
  await addUser(t.database, { username: 'zxdispatcher', role: 'dispatcher', regionCode: '410104002' });
  spot = await pointInGrid(t.database, '410104001001001');
  [squad] = (
    await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM units WHERE name = '格物街道综合行政执法中队'`)
  ).map((r) => r.id) as [string];
  [resident, neighbour, farResident, gridworker, dispatcher, handler, zhixingDispatcher] = (await Promise.all(
    ['resident', 'neighbour', 'far', 'gridworker', 'dispatcher', 'handler', 'zxdispatcher'].map((u) => login(t.app, u)),
  )) as [Session, Session, Session, Session, Session, Session, Session];
});
afterAll(async () => {
  await t.close();
});

const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
async function report(s: Session, itemCode: string, at = spot, description = '这里有问题需要处理') {
  const res = await post(s, '/api/cases', {
    itemCode,
    description,
    location: { lon: at.lon, lat: at.lat },
    idempotencyKey: crypto.randomUUID(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}
const act = (s: Session, id: string, version: number, action: string, more: object = {}) =>
  post(s, `/api/cases/${id}/actions`, { action, version, ...more });
const nearby = (s: Session, itemCode: string, at: { lon: number; lat: number }) =>
  get(s, `/api/cases/nearby?itemCode=${itemCode}&lon=${at.lon}&lat=${at.lat}`);

describe('the catalogue for the phone', () => {
  it('carries pinyin initials of the name and keywords, and the 不确定/其他 item', async () => {
    const res = await get(resident, '/api/items?publicOnly=true');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { code: string; keywords: string[]; initials: string[]; unclassified: boolean }[];
    const drain = items.find((i) => i.code === '02007')!;
    expect(drain.initials[0]).toBe('psbclmjs'); // 排水不畅路面积水
    expect(drain.initials[drain.keywords.indexOf('积水') + 1]).toBe('js');
    expect(drain.initials[drain.keywords.indexOf('下水道堵') + 1]).toBe('xsdd');
    expect(items.filter((i) => i.unclassified).map((i) => i.code)).toEqual(['99000']);
  });
});

describe('common items', () => {
  it('are the default list until the area has enough reports, then the most reported there', async () => {
    const before = await get(resident, '/api/cases/common-items');
    expect(before.statusCode).toBe(200);
    expect(before.json().source).toBe('default');
    expect(before.json().items.map((i: { code: string }) => i.code)).toEqual(COMMON_ITEMS.defaults);

    for (let i = 0; i < 3; i++) await report(resident, '04002', { lon: spot.lon + i * 0.0005, lat: spot.lat });
    for (let i = 0; i < 2; i++) await report(resident, '02002', { lon: spot.lon - i * 0.0005, lat: spot.lat });
    const after = await get(neighbour, '/api/cases/common-items');
    expect(after.json().source).toBe('usage');
    expect(after.json().items.map((i: { code: string; count: number }) => [i.code, i.count])).toEqual([
      ['04002', 3],
      ['02002', 2],
    ]);
    // Another township's centre sees its own area's figures: none there yet.
    expect((await get(zhixingDispatcher, '/api/cases/common-items')).json().source).toBe('default');
  });
});

describe('nearby open reports and 我也遇到', () => {
  it('shows the same kind of open report within 200 m, without its reporter or its words', async () => {
    const c = await report(resident, '02007', spot, '李群众家门口积水很深');
    const at120 = { lon: spot.lon, lat: spot.lat + 120 * M };
    const res = await nearby(neighbour, '02007', at120);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .items.map((i: { id: string; distanceM: number; publicDescription: string | null }) => [
          i.id,
          i.distanceM,
          i.publicDescription,
        ]),
    ).toEqual([[c.id, 120, null]]);
    expect(res.body).not.toContain('李群众');
    expect(res.body).not.toContain(String(spot.lon));
    // 250 m away, another item, another township: nothing.
    expect((await nearby(neighbour, '02007', { lon: spot.lon, lat: spot.lat + 250 * M })).json().items).toEqual([]);
    expect((await nearby(neighbour, '02002', at120)).json().items.filter((i: { id: string }) => i.id === c.id)).toEqual(
      [],
    );
    expect((await nearby(zhixingDispatcher, '02007', at120)).json().items).toEqual([]);
    expect((await nearby(farResident, '02007', at120)).json().items).toEqual([]);
  });

  it('refuses a bad query with a clear 400', async () => {
    const res = await get(resident, `/api/cases/nearby?itemCode=abc&lon=1&lat=1`);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('adds a supplement once per key; the centre sees who added it; strangers and other townships cannot', async () => {
    const c = await report(resident, '02007', { lon: spot.lon + 0.003, lat: spot.lat });
    const body = { note: '今天早上还在积水', idempotencyKey: `sup-${crypto.randomUUID()}` };
    const first = await post(neighbour, `/api/cases/${c.id}/supplements`, body);
    expect(first.statusCode, first.body).toBe(201);
    const again = await post(neighbour, `/api/cases/${c.id}/supplements`, body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const listed = await get(dispatcher, `/api/cases/${c.id}/supplements`);
    expect(listed.json().items.map((s: { note: string; authorName: string | null }) => [s.note, s.authorName])).toEqual(
      [['今天早上还在积水', 'neighbour']],
    );
    // The reporter sees the words, not who added them.
    const own = await get(resident, `/api/cases/${c.id}/supplements`);
    expect(own.json().items.map((s: { authorName: string | null; mine: boolean }) => [s.authorName, s.mine])).toEqual([
      [null, false],
    ]);
    // The nearby list counts it.
    expect(
      (await nearby(neighbour, '02007', { lon: spot.lon + 0.003, lat: spot.lat })).json().items[0].supplements,
    ).toBe(1);
    // Someone of another township: the case does not exist for them. A dispatcher does not add supplements.
    const far = await post(farResident, `/api/cases/${c.id}/supplements`, { ...body, idempotencyKey: 'far-12345678' });
    expect([far.statusCode, far.json().code]).toEqual([404, 'case.not_found']);
    expect((await post(dispatcher, `/api/cases/${c.id}/supplements`, body)).statusCode).toBe(403);
    // The neighbour does not see the case itself.
    expect((await get(neighbour, `/api/cases/${c.id}/supplements`)).statusCode).toBe(404);
  });

  it('names who added to a case only where its reporter is named: the centre, not the unit handling it', async () => {
    const c = await report(resident, urban.code, { lon: spot.lon - 0.003, lat: spot.lat });
    const added = await post(neighbour, `/api/cases/${c.id}/supplements`, {
      note: '路口的建材还堆着',
      idempotencyKey: `sup-${crypto.randomUUID()}`,
    });
    expect(added.statusCode, added.body).toBe(201);
    const accepted = await act(dispatcher, c.id, 1, 'accept', { conditionMet: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const sent = await act(dispatcher, c.id, accepted.json().version, 'dispatch', { unitId: squad });
    expect(sent.statusCode, sent.body).toBe(200);

    const byCentre = await get(dispatcher, `/api/cases/${c.id}/supplements`);
    expect(
      byCentre.json().items.map((s: { note: string; authorName: string | null }) => [s.note, s.authorName]),
    ).toEqual([['路口的建材还堆着', 'neighbour']]);
    // The handling unit sees the words (it needs them), never who wrote them — as with the reporter.
    const byHandler = await get(handler, `/api/cases/${c.id}/supplements`);
    expect(byHandler.statusCode).toBe(200);
    expect(
      byHandler
        .json()
        .items.map((s: { note: string; authorName: string | null; mine: boolean }) => [s.note, s.authorName, s.mine]),
    ).toEqual([['路口的建材还堆着', null, false]]);
    expect(byHandler.body).not.toContain('neighbour');
    expect((await get(handler, `/api/cases/${c.id}`)).json().reporterName).toBeNull();
    // Another township's centre: the case does not exist for it.
    expect((await get(zhixingDispatcher, `/api/cases/${c.id}/supplements`)).statusCode).toBe(404);
  });

  it('does not name the anonymous reporter adding to their own report, not even to the centre', async () => {
    const res = await post(resident, '/api/cases', {
      itemCode: urban.code,
      description: '匿名反映门口的问题',
      location: { lon: spot.lon, lat: spot.lat },
      anonymous: true,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    for (const [s, note] of [
      [resident, '东西已经堆到台阶上了'],
      [neighbour, '我家门口也有'],
    ] as const) {
      const r = await post(s, `/api/cases/${id}/supplements`, { note, idempotencyKey: `sup-${crypto.randomUUID()}` });
      expect(r.statusCode, r.body).toBe(201);
      t.clock.advance(60_000); // listed in the order they were added
    }
    const pairs = (s: Session) =>
      get(s, `/api/cases/${id}/supplements`).then((r) =>
        r
          .json()
          .items.map((i: { note: string; authorName: string | null; mine: boolean }) => [i.note, i.authorName, i.mine]),
      );
    expect(await pairs(dispatcher)).toEqual([
      ['东西已经堆到台阶上了', null, false],
      ['我家门口也有', 'neighbour', false],
    ]);
    // The reporter sees their own name on their own words, and nobody else's.
    expect(await pairs(resident)).toEqual([
      ['东西已经堆到台阶上了', '李群众', true],
      ['我家门口也有', null, false],
    ]);
  });

  it('refuses a supplement to an ended case and a bad body, changing nothing', async () => {
    const c = await report(resident, '02007', { lon: spot.lon + 0.005, lat: spot.lat });
    expect((await act(dispatcher, c.id, 1, 'reject', { note: '不属于受理范围' })).statusCode).toBe(200);
    const counts = await everyTableCount(t.database);
    const ended = await post(neighbour, `/api/cases/${c.id}/supplements`, {
      note: '还在积水',
      idempotencyKey: 'ended-12345678',
    });
    expect([ended.statusCode, ended.json().code]).toEqual([422, 'case.supplement_closed']);
    const bad = await post(neighbour, `/api/cases/${c.id}/supplements`, { note: 'x', idempotencyKey: 'short' });
    expect(bad.statusCode).toBe(400);
    expect(await everyTableCount(t.database)).toEqual(counts);
  });
});

describe('不确定/其他: the centre classifies at acceptance', () => {
  it('refuses to accept or dispatch without an item, then files it under the item named', async () => {
    const c = await report(resident, '99000', { lon: spot.lon, lat: spot.lat - 0.004 }, '不知道算什么问题');
    const counts = await everyTableCount(t.database);
    const bare = await act(dispatcher, c.id, 1, 'accept', { conditionMet: true });
    expect([bare.statusCode, bare.json().code]).toEqual([400, 'case.classification_required']);
    const still = await act(dispatcher, c.id, 1, 'accept', { conditionMet: true, itemCode: '99000' });
    expect([still.statusCode, still.json().code]).toEqual([400, 'case.classification_required']);
    const unknown = await act(dispatcher, c.id, 1, 'accept', { conditionMet: true, itemCode: '98765' });
    expect([unknown.statusCode, unknown.json().code]).toEqual([400, 'case.classification_invalid']);
    expect(await everyTableCount(t.database)).toEqual(counts);

    const accepted = await act(dispatcher, c.id, 1, 'accept', { conditionMet: true, itemCode: urban.code });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const detail = accepted.json();
    expect([detail.itemCode, detail.itemName, detail.state]).toEqual([urban.code, urban.name, 'accepted']);
    const event = detail.events.find((e: { type: string }) => e.type === 'accept');
    expect(event.data.classified).toMatchObject({ itemCode: urban.code, fromItemCode: '99000' });
    expect(event.data.filing.text).toBe(urban.filingCondition);
    const sent = await act(dispatcher, c.id, detail.version, 'dispatch', { unitId: squad });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json().assigneeUnitId).toBe(squad);
  });

  it('offers accept to the centre on a 不确定 case (the button asks for the item)', async () => {
    const c = await report(resident, '99000', { lon: spot.lon, lat: spot.lat - 0.006 }, '说不清是什么问题');
    expect((await get(dispatcher, `/api/cases/${c.id}`)).json().actions).toContain('accept');
  });
});

describe('my reports: 待评价', () => {
  it('lists closed, unrated reports only', async () => {
    const c = await report(resident, urban.code, spot);
    let v = 1;
    const step = async (s: Session, action: string, more: object = {}) => {
      const res = await act(s, c.id, v, action, more);
      expect(res.statusCode, `${action} ${res.body}`).toBe(200);
      v = res.json().version;
    };
    await step(dispatcher, 'accept', { conditionMet: true });
    await step(dispatcher, 'dispatch', { unitId: squad });
    await step(handler, 'sign');
    await step(handler, 'feed_back', { note: '已处理完毕' });
    await step(gridworker, 'verify_pass');
    await step(dispatcher, 'close', { conditionMet: true });
    const awaiting = await get(resident, '/api/cases?view=mine&awaiting=rating&pageSize=100');
    expect(awaiting.statusCode).toBe(200);
    expect(awaiting.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
    await step(resident, 'rate', { rating: 'satisfied' });
    expect((await get(resident, '/api/cases?view=mine&awaiting=rating')).json().items).toEqual([]);
    expect((await get(resident, '/api/cases?view=mine&awaiting=later')).statusCode).toBe(400);
  });
});
