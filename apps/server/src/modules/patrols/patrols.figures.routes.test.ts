import { STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { routeCalls } from '../../../test/route-calls.ts';

/*
 * 巡查统计 over HTTP, every figure counted by hand. The test clock stands at 2026-11-23 10:00 Beijing (a
 * Monday). The demo grid worker of 明德社区 (410104001001) patrols grid 410104001001001 the whole week
 * before, 2026-11-16 … 11-22: each day three patrols of 2 h (08:00, 11:00, 14:00 Beijing), each 61 fixes
 * 120 s apart (no gap: a gap is more than 120 s) walking north 0.0001° a step (11.1195 m), so 7,200 s and
 * 60 × 11.1195 = 667 m a patrol; and two problems reported each day during the first patrol — the
 * "7362" norm met every day, so the week is met. gw_next of the next village (410104001002, no grid)
 * patrols 1 h on Wednesday. Today the grid worker has one patrol still open.
 */

let t: TestApp;
let worker: Session;
let other: Session;
let dispatcher: Session;
let villageDispatcher: Session;
let leader: Session;
let handler: Session;
let spot: { lon: number; lat: number; gridId: string };
let workerId: string;
let otherId: string;
let firstPatrol: string;
const { call, ok, refused, rows } = routeCalls(() => t);
const HOUR = 3_600_000;
const bj = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`).getTime();
const walk = (t0: number, n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({
    t: t0 + (from + i) * 120_000,
    lon: spot.lon,
    lat: spot.lat + (from + i) * 0.0001,
    acc: 8,
  }));

async function patrol(s: Session, start: number, hours: number, gridId?: string, end = true): Promise<string> {
  const id = crypto.randomUUID();
  await ok(s, 'POST', '/api/patrols', { id, startedAt: start, ...(gridId ? { gridId } : {}) });
  await ok(s, 'POST', `/api/patrols/${id}/points`, { seq: 0, points: walk(start, hours * 30 + 1) });
  if (end) await ok(s, 'POST', `/api/patrols/${id}/end`, { endedAt: start + hours * HOUR });
  return id;
}

const DAYS = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22'];
const figures = (s: Session, q: string) => ok(s, 'GET', `/api/patrol-figures?${q}`);

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'gw_next', role: 'grid_worker', regionCode: '410104001002' });
  await addUser(t.database, { username: 'disp_next', role: 'dispatcher', regionCode: '410104001002' });
  worker = await login(t.app, 'gridworker', undefined, '10.72.0.1');
  other = await login(t.app, 'gw_next', undefined, '10.72.0.2');
  dispatcher = await login(t.app, 'dispatcher', undefined, '10.72.0.3');
  villageDispatcher = await login(t.app, 'disp_next', undefined, '10.72.0.4');
  leader = await login(t.app, 'leader', undefined, '10.72.0.5');
  handler = await login(t.app, 'handler', undefined, '10.72.0.6');
  spot = await pointInGrid(t.database, '410104001001001');
  const ids = await rows<{ id: string; username: string }>(
    sql`SELECT id, username FROM users WHERE username IN ('gridworker', 'gw_next')`,
  );
  workerId = ids.find((u) => u.username === 'gridworker')!.id;
  otherId = ids.find((u) => u.username === 'gw_next')!.id;

  const [place] = await rows<{ id: string }>(sql`INSERT INTO key_places (region_path, village_id, name, kind, lon, lat)
    SELECT r.path, r.id, '统计小学', 'school', ${spot.lon}, ${spot.lat} FROM regions r WHERE r.code = '410104001001'
    RETURNING id`);
  const item = STARTER_CATALOGUE.find((i) => !i.negativeList && i.publicReport && !i.fields.some((f) => f.required))!;
  for (const day of DAYS) {
    for (const [k, hour] of [8, 11, 14].entries()) {
      // Sunday's last patrol: half its track sent before the end, the rest after it (a day offline).
      const late = day === '2026-11-22' && k === 2;
      const start = bj(day, hour);
      const id = await patrol(worker, start, late ? 1 : 2, spot.gridId, !late);
      if (late) {
        await ok(worker, 'POST', `/api/patrols/${id}/end`, { endedAt: start + 2 * HOUR });
        const before = await figures(worker, 'from=2026-11-22&to=2026-11-22');
        expect(before.totals.onTrackSeconds).toBe(2 * 7200 + 3600);
        await ok(worker, 'POST', `/api/patrols/${id}/points`, { seq: 1, points: walk(start, 30, 31) });
      }
      if (day === DAYS[0] && k === 0) firstPatrol = id;
    }
    for (const minute of [20, 40]) {
      const res = await call(worker, 'POST', '/api/cases', {
        itemCode: item.code,
        description: '巡查发现井盖缺失',
        location: { lon: spot.lon, lat: spot.lat },
        attachmentIds: [],
        idempotencyKey: crypto.randomUUID(),
      });
      expect(res.statusCode, res.body).toBeLessThan(300);
      const at = new Date(bj(day, 8) + minute * 60_000);
      await rows(sql`UPDATE cases SET reported_at = ${at.toISOString()}::timestamptz WHERE id = ${res.json().id}`);
    }
  }
  await ok(worker, 'POST', `/api/patrols/${firstPatrol}/checkins`, {
    id: crypto.randomUUID(),
    placeId: place!.id,
    t: bj(DAYS[0]!, 8) + 60_000,
    lon: spot.lon,
    lat: spot.lat,
    acc: 5,
  });
  await patrol(other, bj('2026-11-18', 9), 1);
  await patrol(worker, bj('2026-11-23', 9), 0.5, spot.gridId, false); // today, still open
}, 300_000);
afterAll(() => t?.close());

describe('patrol figures', () => {
  it('the township centre: totals and a row per worker, the norm met on the whole week', async () => {
    const f = await figures(dispatcher, 'from=2026-11-16&to=2026-11-22&by=worker');
    expect(f).toMatchObject({
      from: '2026-11-16',
      to: '2026-11-22',
      normId: 'gd-7362',
      weeks: 1,
      by: 'worker',
      total: 2,
    });
    expect(f.totals).toMatchObject({
      patrols: 22,
      open: 0,
      onTrackSeconds: 21 * 7200 + 3600,
      distanceM: 21 * 667 + 334, // gw_next: 30 steps × 11.1195 = 333.6 → 334
      checkins: 1,
      problemsReported: 14,
      workers: 2,
      grids: 2, // the grid, and "no grid" for gw_next
    });
    const mine = f.rows.find((r: { id: string }) => r.id === workerId);
    expect(mine).toMatchObject({
      name: '王网格',
      patrols: 21,
      onTrackSeconds: 151_200,
      checkins: 1,
      problemsReported: 14,
      weeksMet: 1,
    });
    const theirs = f.rows.find((r: { id: string }) => r.id === otherId);
    expect(theirs).toMatchObject({ name: 'gw_next', patrols: 1, onTrackSeconds: 3600, coverage: null, weeksMet: 0 });
    // Every patrol walks the same 667 m line in the grid: the mean is that patrol's own coverage.
    const one = (await ok(worker, 'GET', `/api/patrols/${firstPatrol}`)).summary.coverage;
    expect(mine.coverage).toBeCloseTo(one, 4);
    expect(one).toBeGreaterThan(0.001);
    expect(one).toBeLessThan(1);
  });

  it('per grid; a period with the open patrol of today counts it apart; part weeks are not scored', async () => {
    const g = await figures(leader, 'from=2026-11-16&to=2026-11-23&by=grid');
    expect(g.weeks).toBe(1);
    expect(g.rows.map((r: { id: string | null }) => r.id)).toEqual([spot.gridId, null]);
    expect(g.rows[0]).toMatchObject({ patrols: 22, open: 1, onTrackSeconds: 151_200, weeksMet: null });
    const w = await figures(dispatcher, 'from=2026-11-18&to=2026-11-24&by=worker');
    expect(w.weeks).toBe(0);
    expect(w.rows.find((r: { id: string }) => r.id === workerId)).toMatchObject({ patrols: 16, open: 1, weeksMet: 0 });
  });

  it('pages the rows', async () => {
    const p1 = await figures(dispatcher, 'from=2026-11-16&to=2026-11-22&by=worker&pageSize=1');
    const p2 = await figures(dispatcher, 'from=2026-11-16&to=2026-11-22&by=worker&pageSize=1&page=2');
    expect([p1.rows.length, p2.rows.length, p1.total]).toEqual([1, 1, 2]);
    expect(new Set([p1.rows[0].id, p2.rows[0].id])).toEqual(new Set([workerId, otherId]));
  });

  it('scope: a grid worker their own; a region of the area narrows it; out of the area 404; other roles 403', async () => {
    const own = await figures(other, 'from=2026-11-16&to=2026-11-22&by=worker');
    expect(own.totals).toMatchObject({ patrols: 1, workers: 1 });
    const gw = await figures(worker, 'from=2026-11-16&to=2026-11-22');
    expect(gw.totals).toMatchObject({ patrols: 21, workers: 1 });
    const next = await regionIdByCode(t.database, '410104001002');
    const mingde = await regionIdByCode(t.database, '410104001001');
    const narrowed = await figures(dispatcher, `from=2026-11-16&to=2026-11-22&regionId=${next}`);
    expect(narrowed.totals).toMatchObject({ patrols: 1, onTrackSeconds: 3600 });
    const q = `/api/patrol-figures?from=2026-11-16&to=2026-11-22&regionId=${mingde}`;
    await refused(other, 'GET', q, undefined, [404, 'patrol.region_not_found']);
    await refused(villageDispatcher, 'GET', q, undefined, [404, 'patrol.region_not_found']);
    await refused(dispatcher, 'GET', `${q.slice(0, -36)}${crypto.randomUUID()}`, undefined, [
      404,
      'patrol.region_not_found',
    ]);
    await refused(handler, 'GET', q, undefined, [403, 'access.denied']);
  });

  it('bad input: 400 for malformed, 422 for a reversed or too long period', async () => {
    const u = '/api/patrol-figures?';
    await refused(dispatcher, 'GET', `${u}from=2026-11-22&to=2026-11-16`, undefined, [422, 'patrol.period_reversed']);
    await refused(dispatcher, 'GET', `${u}from=2025-01-01&to=2026-01-02`, undefined, [422, 'patrol.period_too_long']);
    const year = await call(dispatcher, 'GET', `${u}from=2024-01-01&to=2024-12-31`);
    expect(year.statusCode, year.body).toBe(200); // 366 days
    for (const bad of [
      'from=2026-02-30&to=2026-03-01',
      'from=2026-11-16',
      'from=2026-11-16&to=2026-11-22&by=team',
      'from=2026-11-16&to=2026-11-22&pageSize=500',
      'from=2026-11-16&to=2026-11-22&regionId=x',
    ])
      await refused(dispatcher, 'GET', `${u}${bad}`, undefined, [400, 'validation.failed']);
  });
});
