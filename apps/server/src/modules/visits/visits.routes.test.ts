import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  addUser,
  as,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { REPORT_ITEM, photo } from '../../../test/matrix/world.ts';

let t: TestApp;
let dispatcher: Session;
let gridworker: Session;
let other: Session; // a grid worker of 明德社区 answering for no grid
let mediator: Session;
let mingde: string;
let zhizhi: string;
let grid1: { gridId: string; lon: number; lat: number };
let ip = 0;
const signIn = (u: string) => login(t.app, u, undefined, `10.71.${++ip % 250}.1`);
const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
const count = async (table: string) =>
  (await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]?.n ?? 0;

async function resident(name: string, villageId = mingde, gridId?: string) {
  const r = await call(dispatcher, 'POST', '/api/residents', { villageId, name, ...(gridId ? { gridId } : {}) });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'mdother', role: 'grid_worker', regionCode: '410104001001' });
  dispatcher = await signIn('dispatcher');
  gridworker = await signIn('gridworker'); // 明德社区第1网格's full-time worker
  other = await signIn('mdother');
  mediator = await signIn('mediator');
  mingde = await regionIdByCode(t.database, '410104001001');
  zhizhi = await regionIdByCode(t.database, '410104001002');
  grid1 = await pointInGrid(t.database, '410104001001001');
});
afterAll(async () => {
  await t.close();
});

describe('visits (走访)', () => {
  it('records household and business visits linked to a house or an organisation, with photos', async () => {
    const house = (
      await call(dispatcher, 'POST', '/api/houses', { villageId: mingde, address: '明德路 8 号', usage: 'rental' })
    ).json();
    const org = (
      await call(dispatcher, 'POST', '/api/organisations', {
        villageId: mingde,
        name: '明德小吃店',
        kind: 'individual_business',
      })
    ).json();
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      ...as(gridworker, { 'content-type': 'image/jpeg' }),
      body: await photo(),
    });
    expect(up.statusCode, up.body).toBe(201);
    const h = await call(gridworker, 'POST', '/api/visits', {
      houseId: house.id,
      purpose: '出租屋走访',
      note: '租户三人，已登记',
      photoIds: [up.json().id],
    });
    expect(h.statusCode, h.body).toBe(201);
    expect(h.json()).toMatchObject({ counted: null, nextVisitDue: null });
    const b = await call(gridworker, 'POST', '/api/visits', { organisationId: org.id, note: '消防器材齐全' });
    expect(b.statusCode, b.body).toBe(201);
    const stored = await rows<{ kind: string; photo_ids: string[] }>(
      sql`SELECT kind, photo_ids FROM visits WHERE id IN (${h.json().id}, ${b.json().id}) ORDER BY kind DESC`,
    );
    expect(stored.map((s) => s.kind)).toEqual(['household', 'business']);
    expect(stored[0]?.photo_ids).toEqual([up.json().id]);
    // Someone else's photo is refused, and nothing is stored.
    const before = await count('visits');
    const theirs = await call(dispatcher, 'POST', '/api/visits', {
      houseId: house.id,
      note: '复查',
      photoIds: [up.json().id],
    });
    expect(theirs.statusCode).toBe(400);
    const noOrg = await call(gridworker, 'POST', '/api/visits', { kind: 'business', note: '走访企业' });
    expect(noOrg.json()).toMatchObject({ code: 'visit.target_required' });
    expect(await count('visits')).toBe(before);
  });

  it('a client id makes the phone retry idempotent: one visit however often it is sent', async () => {
    const r = await resident('走访对象甲');
    const clientId = crypto.randomUUID();
    const before = await count('visits');
    const body = { clientId, residentId: r, note: '入户走访，家中老人独居', findings: '楼道灯不亮' };
    const first = await call(gridworker, 'POST', '/api/visits', body);
    const again = await call(gridworker, 'POST', '/api/visits', body);
    expect(first.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(await count('visits')).toBe(before + 1);
  });

  it('a visit to a person of another village is 404 and stores nothing', async () => {
    const far = await resident('知止居民', zhizhi);
    const before = await count('visits');
    const res = await call(gridworker, 'POST', '/api/visits', { residentId: far, note: '走访' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'person.not_found' });
    expect(await count('visits')).toBe(before);
  });

  it('a finding becomes a case in one call, linked back; a second call gives the same case', async () => {
    const r = await resident('走访对象乙', mingde, grid1.gridId);
    const v = (
      await call(gridworker, 'POST', '/api/visits', { residentId: r, note: '入户走访', findings: '门前下水道井盖破损' })
    ).json();
    const cases = await count('cases');
    const body = { itemCode: REPORT_ITEM?.code, location: { lon: grid1.lon, lat: grid1.lat } };
    const first = await call(gridworker, 'POST', `/api/visits/${v.id}/case`, body);
    expect(first.statusCode, first.body).toBe(200);
    const second = await call(dispatcher, 'POST', `/api/visits/${v.id}/case`, body);
    expect(second.json()).toEqual(first.json());
    expect(await count('cases')).toBe(cases + 1);
    const [c] = await rows<{ description: string }>(
      sql`SELECT description FROM cases WHERE id = ${first.json().caseId}`,
    );
    expect(c?.description).toBe('门前下水道井盖破损');
    const list = (await call(gridworker, 'GET', `/api/residents/${r}/visits`)).json().items;
    expect(list[0]).toMatchObject({ caseId: first.json().caseId, findings: '门前下水道井盖破损' });
    const none = (await call(gridworker, 'POST', '/api/visits', { residentId: r, note: '回访，一切正常' })).json();
    expect((await call(gridworker, 'POST', `/api/visits/${none.id}/case`, body)).json().code).toBe('visit.no_findings');
  });

  it('a finding becomes a dispute registered by the centre, linked back, once', async () => {
    const r = await resident('走访对象戊', mingde, grid1.gridId);
    const v = (
      await call(gridworker, 'POST', '/api/visits', {
        residentId: r,
        note: '入户走访',
        findings: '与邻居因漏水发生争执',
      })
    ).json();
    expect((await call(gridworker, 'POST', `/api/visits/${v.id}/dispute`, { typeCode: 'neighbour' })).statusCode).toBe(
      403,
    );
    const disputes = await count('disputes');
    const first = await call(dispatcher, 'POST', `/api/visits/${v.id}/dispute`, { typeCode: 'neighbour' });
    expect(first.statusCode, first.body).toBe(200);
    const again = await call(dispatcher, 'POST', `/api/visits/${v.id}/dispute`, { typeCode: 'neighbour' });
    expect(again.json()).toEqual(first.json());
    expect(await count('disputes')).toBe(disputes + 1);
    const [d] = await rows<{ summary: string; source: string }>(
      sql`SELECT summary, source FROM disputes WHERE id = ${first.json().disputeId}`,
    );
    expect(d).toEqual({ summary: '与邻居因漏水发生争执', source: 'grid_screening' });
  });

  it("lists the area's visits newest first, with whom they visited and what their findings became", async () => {
    const early = await call(gridworker, 'POST', '/api/visits', {
      residentId: await resident('走访对象己', mingde, grid1.gridId),
      visitedAt: '2026-11-01T09:00:00+08:00',
      note: '早先的走访',
    });
    expect(early.statusCode, early.body).toBe(201);
    type Row = { id: string; kind: string; residentName: string | null; houseAddress: string | null };
    const list = async (s: Session, q = '') => (await call(s, 'GET', `/api/visits?pageSize=100${q}`)).json();
    // Made in this file so far: the house, the business, 甲 (no grid), 乙 twice and 戊 (grid 1), 己.
    const all = await list(dispatcher);
    expect(all.total).toBe(7);
    expect(all.items.at(-1)).toMatchObject({ id: early.json().id, residentName: '走访对象己', counted: null });
    expect(all.items.find((v: Row) => v.houseAddress === '明德路 8 号')).toMatchObject({
      kind: 'household',
      purpose: '出租屋走访',
      residentName: null,
    });
    expect(all.items.find((v: Row) => v.kind === 'business')).toMatchObject({ organisationName: '明德小吃店' });
    const yi = all.items.filter((v: Row) => v.residentName === '走访对象乙');
    expect(yi.map((v: { caseId: string | null }) => !!v.caseId).sort()).toEqual([false, true]);
    expect(all.items.find((v: Row) => v.residentName === '走访对象戊').disputeId).toBeTruthy();
    expect((await list(dispatcher, '&kind=business')).total).toBe(1);
    expect((await list(dispatcher, `&gridId=${grid1.gridId}`)).total).toBe(4);
    const last = (await call(dispatcher, 'GET', '/api/visits?pageSize=2&page=4')).json();
    expect(last).toEqual({ items: [expect.objectContaining({ id: early.json().id })], total: 7 });
    // The grid worker answers for grid 1 (and the visits of no grid); another worker of the village only the latter.
    expect((await list(gridworker)).total).toBe(7);
    expect((await list(other)).total).toBe(3);
    expect((await call(mediator, 'GET', '/api/visits')).statusCode).toBe(403);
    // The house visit's photo: the centre reading the visit sees it too; a mediator does not.
    const [photoId] = all.items.find((v: Row) => v.houseAddress === '明德路 8 号').photoIds;
    expect((await call(dispatcher, 'GET', `/api/attachments/${photoId}?size=thumb`)).statusCode).toBe(200);
    expect((await call(mediator, 'GET', `/api/attachments/${photoId}?size=thumb`)).statusCode).toBe(404);
    expect((await call(dispatcher, 'GET', '/api/visits?kind=visitor')).statusCode).toBe(400);
  });

  it("gives a worker their own visits with findings (the phone's 已发送 list), nobody else's", async () => {
    const r = await resident('走访对象庚', mingde, grid1.gridId);
    const mineWith = (
      await call(gridworker, 'POST', '/api/visits', { residentId: r, note: '入户', findings: '门口堆放纸箱' })
    ).json();
    await call(gridworker, 'POST', '/api/visits', { residentId: r, note: '回访，一切正常' });
    const noGrid = await resident('走访对象辛'); // of no grid: the other worker answers for it too
    const theirs = await call(other, 'POST', '/api/visits', { residentId: noGrid, note: '走访', findings: '路灯不亮' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    type Row = { id: string; visitorId: string; findings: string | null; residentId: string | null };
    const page = async (s: Session, q: string) =>
      (await call(s, 'GET', `/api/visits?pageSize=100${q}`)).json() as { items: Row[]; total: number };
    const mine = await page(gridworker, '&mine=true&withFindings=true');
    expect(mine.items.filter((v) => v.residentId === r).map((v) => [v.id, v.findings])).toEqual([
      [mineWith.id, '门口堆放纸箱'],
    ]);
    // All by one visitor, the worker: the visit just made is among them.
    expect(new Set(mine.items.map((v) => v.visitorId)).size).toBe(1);
    expect(mine.items.every((v) => !!v.findings)).toBe(true);
    // Without the filters the worker reads both of their visits to 庚; never the other worker's.
    const all = await page(gridworker, '&mine=true');
    expect(all.items.filter((v) => v.residentId === r)).toHaveLength(2);
    expect(all.items.map((v) => v.id)).not.toContain(theirs.json().id);
    expect((await page(other, '&mine=true&withFindings=true')).items.map((v) => v.id)).toContain(theirs.json().id);
    expect((await call(gridworker, 'GET', '/api/visits?mine=yes')).statusCode).toBe(400);
  });
});

describe('special-population visit plans', () => {
  let planId: string;
  let personId: string;

  it("takes the interval from the county's rules; the centre edits them, refused out of risk order", async () => {
    personId = await resident('矫正对象丙', mingde, grid1.gridId);
    const s = await call(gridworker, 'POST', '/api/special-populations', {
      residentId: personId,
      kind: 'severe_mental_disorder',
      riskLevel: 'high',
    });
    expect(s.statusCode, s.body).toBe(201);
    // Today is 2026-11-23 in Beijing: high-risk 严重精神障碍 weekly by default.
    expect(s.json()).toMatchObject({ visitIntervalDays: 7, nextVisitDue: '2026-11-30', overdue: false });
    planId = s.json().id;
    const intervals = (await call(dispatcher, 'GET', '/api/visit-plans/intervals')).json().intervals;
    const countyAdmin = await signIn('admin'); // 管城回族区: the county the intervals belong to
    // The county admin reads what they set (configuration, no personal data), the same as the centre.
    const read = await call(countyAdmin, 'GET', '/api/visit-plans/intervals');
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().intervals).toEqual(intervals);
    const bad = await call(countyAdmin, 'PUT', '/api/visit-plans/intervals', {
      ...intervals,
      drug_user: { high: 30, medium: 15, low: 7 },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'visit.intervals_invalid' });
    expect((await call(gridworker, 'PUT', '/api/visit-plans/intervals', intervals)).statusCode).toBe(403);
    // The township centre would change the whole county's intervals: refused by level, nothing written.
    const township = await call(dispatcher, 'PUT', '/api/visit-plans/intervals', intervals);
    expect(township.statusCode).toBe(403);
    expect(township.json()).toMatchObject({ code: 'visit.intervals_county_only' });
    expect(await count('visit_intervals')).toBe(0);
    const ok = await call(countyAdmin, 'PUT', '/api/visit-plans/intervals', {
      ...intervals,
      drug_user: { high: 5, medium: 15, low: 30 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().intervals.drug_user.high).toBe(5);
    const d = await call(gridworker, 'POST', '/api/special-populations', {
      residentId: await resident('戒毒对象丁', mingde, grid1.gridId),
      kind: 'drug_user',
      riskLevel: 'high',
    });
    expect(d.json()).toMatchObject({ visitIntervalDays: 5, nextVisitDue: '2026-11-28' });
  });

  it('only the grid workers of the person’s grid and the centre see the plan and the visits', async () => {
    const mine = (await call(gridworker, 'GET', '/api/visit-plans?pageSize=500')).json();
    expect(mine.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).toContain(planId);
    const centre = (await call(dispatcher, 'GET', '/api/visit-plans?pageSize=500')).json();
    expect(centre.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).toContain(planId);
    const theirs = (await call(other, 'GET', '/api/visit-plans?pageSize=500')).json();
    expect(theirs.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).not.toContain(planId);
    expect((await call(other, 'GET', `/api/residents/${personId}/visits`)).statusCode).toBe(404);
    const before = await count('visits');
    const visit = { residentId: personId, specialPopulationId: planId, note: '谈话' };
    expect((await call(other, 'POST', '/api/visits', visit)).statusCode).toBe(404);
    expect(await count('visits')).toBe(before);
    expect((await call(mediator, 'GET', '/api/visit-plans')).statusCode).toBe(403);
    const ofGrid = (await call(dispatcher, 'GET', `/api/visit-plans?pageSize=500&gridId=${grid1.gridId}`)).json();
    expect(ofGrid.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).toContain(planId);
    expect(ofGrid.items.every((p: { gridId: string }) => p.gridId === grid1.gridId)).toBe(true);
    const otherGrid = await pointInGrid(t.database, '410104001001002');
    const none = (await call(dispatcher, 'GET', `/api/visit-plans?gridId=${otherGrid.gridId}`)).json();
    expect(none.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).not.toContain(planId);
  });

  it('yellow from the day before, red after the due day ends in Beijing: the worker and the centre are told', async () => {
    t.clock.set(new Date('2026-11-28T16:00:00Z')); // 11-29 00:00 Beijing, the day before 11-30
    await sweepDeadlines(t.deps);
    gridworker = await signIn('gridworker');
    dispatcher = await signIn('dispatcher');
    const light = async () =>
      (await call((gridworker = await signIn('gridworker')), 'GET', '/api/visit-plans?pageSize=500'))
        .json()
        .items.find((p: { specialPopulationId: string }) => p.specialPopulationId === planId).light;
    expect(await light()).toBe('yellow');
    t.clock.set(new Date('2026-11-30T16:00:00Z')); // 24:00 on the due day: not yet overdue
    expect(await light()).toBe('yellow');
    t.clock.set(new Date('2026-11-30T16:00:01Z'));
    expect(await light()).toBe('red');
    await sweepDeadlines(t.deps);
    const told = await rows<{ role: string | null; user_id: string | null; kind: string; title: string }>(
      sql`SELECT role, user_id, kind, title FROM notifications WHERE subject_id = ${planId} ORDER BY kind, role NULLS FIRST`,
    );
    expect(told.map((n) => [n.kind, n.role ?? 'user'])).toEqual([
      ['visits.overdue', 'user'],
      ['visits.overdue', 'dispatcher'],
      ['visits.warning', 'user'],
    ]);
    expect(told.every((n) => !n.title.includes('矫正对象丙'))).toBe(true);
    dispatcher = await signIn('dispatcher');
    const red = (await call(dispatcher, 'GET', '/api/visit-plans?light=red&pageSize=500')).json();
    expect(red.items.map((p: { specialPopulationId: string }) => p.specialPopulationId)).toContain(planId);
  });

  it('a late record needs a reason and counts late; the visit moves the plan on and the figures count it', async () => {
    gridworker = await signIn('gridworker');
    const visit = {
      clientId: crypto.randomUUID(),
      residentId: personId,
      specialPopulationId: planId,
      visitedAt: '2026-11-30T09:00:00+08:00', // made on the due day, synced the next morning
      note: '上门走访，情况稳定',
    };
    const refused = await call(gridworker, 'POST', '/api/visits', visit);
    expect(refused.json()).toMatchObject({ code: 'visit.reason_required' });
    const v = await call(gridworker, 'POST', '/api/visits', { ...visit, lateReason: '山区无信号，次日补录' });
    expect(v.statusCode, v.body).toBe(201);
    expect(v.json()).toMatchObject({ counted: 'late', nextVisitDue: '2026-12-07' });
    const plan = (await call(gridworker, 'GET', '/api/visit-plans?pageSize=500'))
      .json()
      .items.find((p: { specialPopulationId: string }) => p.specialPopulationId === planId);
    expect(plan).toMatchObject({
      nextVisitDue: '2026-12-07',
      light: 'green',
      lastVisitedAt: '2026-11-30T01:00:00.000Z',
    });
    const fig = (await call(gridworker, 'GET', '/api/visit-plans/figures?from=2026-11-30&to=2026-11-30')).json();
    expect(fig).toMatchObject({ done: 1, late: 1, onTime: 0 });
    expect(fig.due).toBeGreaterThanOrEqual(1);
    expect(fig.overdue).toBeGreaterThanOrEqual(1);
    // For a region of the centre's area: 明德社区 has that visit, 致知社区 none; another township's is 404.
    const inRegion = (id: string) =>
      call(dispatcher, 'GET', `/api/visit-plans/figures?from=2026-11-30&to=2026-11-30&regionId=${id}`);
    expect((await inRegion(mingde)).json()).toMatchObject({ done: 1, late: 1, onTime: 0 });
    expect((await inRegion(zhizhi)).json()).toMatchObject({ done: 0, late: 0, due: 0, overdue: 0 });
    const far = await inRegion(await regionIdByCode(t.database, '410104002001'));
    expect([far.statusCode, far.json().code]).toEqual([404, 'visit.region_not_found']);
  });
});

describe("editing the county's intervals re-times its plans", () => {
  it('plans on the old interval take the new one from their last visit, clock entries moved; own intervals stay', async () => {
    t.clock.set(new Date('2026-12-01T02:00:00Z')); // 2026-12-01 10:00 Beijing
    dispatcher = await signIn('dispatcher');
    gridworker = await signIn('gridworker');
    const plan = async (name: string, extra: object) => {
      const r = await call(gridworker, 'POST', '/api/special-populations', {
        residentId: await resident(name, mingde, grid1.gridId),
        kind: 'released_prisoner',
        ...extra,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as { id: string; residentId: string; visitIntervalDays: number; nextVisitDue: string };
    };
    // Medium-risk 刑满释放: 30 days by default, from today.
    const visited = await plan('刑释人员甲', { riskLevel: 'medium' });
    const fresh = await plan('刑释人员乙', { riskLevel: 'medium' });
    const own = await plan('刑释人员丙', { riskLevel: 'medium', visitIntervalDays: 20 });
    expect([visited.nextVisitDue, fresh.nextVisitDue, own.nextVisitDue]).toEqual([
      '2026-12-31',
      '2026-12-31',
      '2026-12-21',
    ]);
    const v = await call(gridworker, 'POST', '/api/visits', {
      clientId: crypto.randomUUID(),
      residentId: visited.residentId,
      specialPopulationId: visited.id,
      visitedAt: '2026-12-01T09:30:00+08:00',
      note: '走访，情况稳定',
    });
    expect(v.statusCode, v.body).toBe(201);
    // The visit counts from 12-01: still 30 days.
    expect(v.json()).toMatchObject({ nextVisitDue: '2026-12-31' });
    t.clock.set(new Date('2026-12-05T02:00:00Z')); // four days later the county shortens it to 10 days
    const current = (await call((dispatcher = await signIn('dispatcher')), 'GET', '/api/visit-plans/intervals')).json();
    const ok = await call(await signIn('admin'), 'PUT', '/api/visit-plans/intervals', {
      ...current.intervals,
      released_prisoner: { high: 7, medium: 10, low: 90 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().retimedPlans).toBe(2);
    const due = await rows<{ id: string; next_visit_due: string; visit_interval_days: number }>(
      sql`SELECT id, next_visit_due::text, visit_interval_days FROM special_populations
           WHERE id IN (${visited.id}, ${fresh.id}, ${own.id})`,
    );
    const of = (id: string) => due.find((d) => d.id === id);
    // From the last visit (12-01) or, never visited, from the plan's start (12-01): 12-11.
    expect(of(visited.id)).toMatchObject({ next_visit_due: '2026-12-11', visit_interval_days: 10 });
    expect(of(fresh.id)).toMatchObject({ next_visit_due: '2026-12-11', visit_interval_days: 10 });
    expect(of(own.id)).toMatchObject({ next_visit_due: '2026-12-21', visit_interval_days: 20 });
    // The engine's pending light changes follow: yellow from 12-10 00:00 Beijing, red after 12-11 ends.
    const pending = await rows<{ light: string; at: Date }>(
      sql`SELECT light, at FROM clock_deadlines WHERE kind = 'visits.plan' AND subject_id = ${visited.id} ORDER BY light`,
    );
    expect(pending.map((p) => [p.light, new Date(p.at).toISOString()])).toEqual([
      ['red', '2026-12-11T16:00:00.000Z'],
      ['yellow', '2026-12-09T16:00:00.000Z'],
    ]);
  });
});

describe('migration 0034', () => {
  it('backfills the plans’ clocks once, however often it runs (hand-written, idempotent)', async () => {
    const fs = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const [plan] = await rows<{ id: string }>(
      sql`SELECT id FROM special_populations WHERE status = 'active' AND visit_deadline > now() LIMIT 1`,
    );
    const id = plan?.id as string;
    await t.database.db.execute(sql`DELETE FROM clock_deadlines WHERE kind = 'visits.plan' AND subject_id = ${id}`);
    const file = fileURLToPath(new URL('../../db/migrations/0034_visits.sql', import.meta.url));
    const backfill = fs
      .readFileSync(file, 'utf8')
      .split('--> statement-breakpoint')
      .filter((s) => /^\s*(--[^\n]*\n\s*)*(UPDATE|INSERT)/.test(s));
    expect(backfill).toHaveLength(4);
    for (let run = 0; run < 2; run++) for (const s of backfill) await t.database.db.execute(sql.raw(s));
    const pending = await rows<{ light: string; at: string; ok: boolean }>(
      sql`SELECT d.light, (d.at = CASE d.light WHEN 'red' THEN p.visit_deadline ELSE p.visit_warn_at END) AS ok
            FROM clock_deadlines d JOIN special_populations p ON p.id = d.subject_id
           WHERE d.kind = 'visits.plan' AND d.subject_id = ${id} ORDER BY d.light`,
    );
    expect(pending.map((p) => [p.light, p.ok])).toEqual([
      ['red', true],
      ['yellow', true],
    ]);
  });
});
