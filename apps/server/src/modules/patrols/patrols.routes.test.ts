import { STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';
import { routeCalls } from '../../../test/route-calls.ts';

/*
 * 巡查 over HTTP: the demo grid worker of 明德社区 (410104001001) patrols grid 410104001001001; a grid
 * worker of the next village (410104001002) is "another village". The test clock stands at
 * 2026-11-23 10:00 Beijing (a Monday). One step of 0.0001° of latitude is 11.1195 m anywhere
 * (6,371,008.8 m × π / 180 × 0.0001); every expected figure below is counted by hand.
 */

let t: TestApp;
let worker: Session;
let other: Session;
let dispatcher: Session;
let leader: Session;
let handler: Session;
let spot: { lon: number; lat: number; gridId: string };
let now: number;
const patrolId = crypto.randomUUID();
const { call, ok, refused, rows } = routeCalls(() => t);
/** A point every 10 s from `t0`, walking north 0.0001° a step from `lat0`, accuracy 8 m. */
const walk = (t0: number, lat0: number, n: number) =>
  Array.from({ length: n }, (_, i) => ({ t: t0 + i * 10_000, lon: spot.lon, lat: lat0 + i * 0.0001, acc: 8 }));

async function keyPlace(name: string, dLat: number, radius: number | null = null): Promise<string> {
  const [row] = await rows<{
    id: string;
  }>(sql`INSERT INTO key_places (region_path, village_id, name, kind, lon, lat, radius_m)
    SELECT r.path, r.id, ${name}, 'school', ${spot.lon}, ${spot.lat + dLat}, ${radius} FROM regions r WHERE r.code = '410104001001'
    RETURNING id`);
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'gw_next', role: 'grid_worker', regionCode: '410104001002' });
  worker = await login(t.app, 'gridworker', undefined, '10.71.0.1');
  other = await login(t.app, 'gw_next', undefined, '10.71.0.2');
  dispatcher = await login(t.app, 'dispatcher', undefined, '10.71.0.3');
  leader = await login(t.app, 'leader', undefined, '10.71.0.4');
  handler = await login(t.app, 'handler', undefined, '10.71.0.5');
  spot = await pointInGrid(t.database, '410104001001001');
  now = t.clock.now().getTime();
}, 120_000);
afterAll(() => t?.close());

describe('patrols', () => {
  const t0 = () => now - 30 * 60_000; // 09:30 Beijing

  it('starts once per client id; a retry returns the same patrol', async () => {
    const body = { id: patrolId, gridId: spot.gridId, startedAt: t0() };
    const a = await ok(worker, 'POST', '/api/patrols', body);
    const b = await ok(worker, 'POST', '/api/patrols', body);
    expect(b).toEqual(a);
    expect(a).toMatchObject({ id: patrolId, gridId: spot.gridId, endedAt: null, points: 0, mine: true });
    expect((await rows(sql`SELECT 1 FROM patrols WHERE id = ${patrolId}`)).length).toBe(1);
    await refused(other, 'POST', '/api/patrols', body, [409, 'patrol.id_taken']);
  });

  it('stores a batch as one packed row; the same seq twice stores once', async () => {
    const points = walk(t0(), spot.lat, 60);
    const first = await ok(worker, 'POST', `/api/patrols/${patrolId}/points`, { seq: 0, points });
    expect(first).toEqual({ patrolId, seq: 0, stored: 60, flagged: 0, duplicate: false });
    const again = await ok(worker, 'POST', `/api/patrols/${patrolId}/points`, { seq: 0, points });
    expect(again.duplicate).toBe(true);
    const seg = await rows<{ n: number; bytes: number }>(
      sql`SELECT n, octet_length(data) AS bytes FROM patrol_segments WHERE patrol_id = ${patrolId}`,
    );
    // First point 1 + 4 + 4 + 1 bytes; then 59 × (10,000 ms: 2, lon step 0: 1, lat step 100 µ°: 2, acc: 1).
    expect(seg).toEqual([{ n: 60, bytes: 10 + 59 * 6 }]);
  });

  it('refuses bad batches whole: out of order, in the future, overlapping, before the start', async () => {
    const url = `/api/patrols/${patrolId}/points`;
    const late = t0() + 20 * 60_000;
    const p = (dt: number) => ({ t: late + dt, lon: spot.lon, lat: spot.lat, acc: 5 });
    await refused(worker, 'POST', url, { seq: 5, points: [p(0), p(10_000), p(10_000)] }, [422, 'patrol.out_of_order']);
    const far = now + 121_000 - late;
    await refused(worker, 'POST', url, { seq: 5, points: [p(0), p(far)] }, [422, 'patrol.future_point']);
    await refused(worker, 'POST', url, { seq: 5, points: [{ ...p(0), t: t0() + 5000 }] }, [422, 'patrol.out_of_order']);
    await refused(worker, 'POST', url, { seq: 5, points: [{ ...p(0), t: t0() - 1 }] }, [422, 'patrol.before_start']);
    const tooMany = Array.from({ length: 601 }, (_, i) => p(i * 1000));
    expect((await call(worker, 'POST', url, { seq: 5, points: tooMany })).statusCode).toBe(400);
    const outside = { ...p(0), lon: 10 };
    expect((await call(worker, 'POST', url, { seq: 5, points: [outside] })).statusCode).toBe(400);
  });

  it('keeps an impossible jump, flagged; a gap stays a gap', async () => {
    // 5 min after batch 0's last point (a gap), 10 points; the 6th jumps 0.01° (1,112 m in 10 s).
    const start = t0() + 59 * 10_000 + 5 * 60_000;
    const points = walk(start, spot.lat, 10).map((q, i) => (i >= 5 ? { ...q, lat: q.lat + 0.01 } : q));
    const res = await ok(worker, 'POST', `/api/patrols/${patrolId}/points`, { seq: 1, points });
    expect(res).toMatchObject({ stored: 10, flagged: 1, duplicate: false });
  });

  it('checks in only within the radius, with the distance', async () => {
    const near = await keyPlace('明德小学', 0.0005); // 55.6 m north
    const far = await keyPlace('明德中学', 0.002); // 222.4 m north
    const url = `/api/patrols/${patrolId}/checkins`;
    const at = { t: t0() + 60_000, lon: spot.lon, lat: spot.lat, acc: 6 };
    const c = await ok(worker, 'POST', url, { id: crypto.randomUUID(), placeId: near, ...at });
    expect(c).toMatchObject({ placeId: near, placeName: '明德小学', distanceM: 56, radiusM: 100 });
    const body = await refused(worker, 'POST', url, { id: crypto.randomUUID(), placeId: far, ...at }, [
      422,
      'patrol.checkin_out_of_radius',
    ]);
    expect(body.message).toContain('222 米');
    const own = await keyPlace('明德幼儿园', 0.0005, 50);
    await refused(worker, 'POST', url, { id: crypto.randomUUID(), placeId: own, ...at }, [
      422,
      'patrol.checkin_out_of_radius',
    ]);
  });

  it('ends once; the summary counts by hand', async () => {
    const item = STARTER_CATALOGUE.find((i) => !i.negativeList && i.publicReport && !i.fields.some((f) => f.required))!;
    const rep = await call(worker, 'POST', '/api/cases', {
      itemCode: item.code,
      description: '巡查发现井盖缺失',
      location: { lon: spot.lon, lat: spot.lat },
      attachmentIds: [],
      idempotencyKey: crypto.randomUUID(),
    });
    expect(rep.statusCode, rep.body).toBeLessThan(300);
    const end = await ok(worker, 'POST', `/api/patrols/${patrolId}/end`, {});
    expect(end.endedAt).toBe(new Date(now).toISOString());
    expect((await ok(worker, 'POST', `/api/patrols/${patrolId}/end`, {})).endedAt).toBe(end.endedAt);
    const d = await ok(worker, 'GET', `/api/patrols/${patrolId}`);
    expect(d.summary).toMatchObject({
      onTrackSeconds: 590 + 90, // 59 steps of batch 0, 9 of batch 1 (the jump counted as time, not distance)
      elapsedSeconds: 1800,
      distanceM: 745, // (59 + 8) × 11.1195 = 745.0
      gaps: 1,
      flagged: 1,
      placesChecked: 1,
      problemsReported: 1,
    });
    expect(d.summary.coverage).toBeGreaterThan(0);
    expect(d.summary.coverage).toBeLessThanOrEqual(1);
    expect(d.lines.map((l: unknown[]) => l.length)).toEqual([60, 5, 5]);
    expect(d.jumps).toHaveLength(1);
    await refused(
      worker,
      'POST',
      `/api/patrols/${patrolId}/points`,
      { seq: 9, points: walk(now + 1000, spot.lat, 1) },
      [409, 'patrol.ended'],
    );
  });

  it('scope: the centre and leaders read it; another village 404; other roles 403', async () => {
    expect((await ok(dispatcher, 'GET', `/api/patrols/${patrolId}`)).id).toBe(patrolId);
    expect((await ok(leader, 'GET', `/api/patrols/${patrolId}`)).id).toBe(patrolId);
    await refused(other, 'GET', `/api/patrols/${patrolId}`, undefined, [404, 'patrol.not_found']);
    await refused(other, 'POST', `/api/patrols/${patrolId}/end`, {}, [404, 'patrol.not_found']);
    await refused(handler, 'GET', `/api/patrols/${patrolId}`, undefined, [403, 'access.denied']);
    await refused(dispatcher, 'POST', '/api/patrols', { id: crypto.randomUUID() }, [403, 'access.denied']);
    expect((await ok(other, 'GET', '/api/patrols')).total).toBe(0);
    expect((await ok(worker, 'GET', '/api/patrols')).items.map((p: { id: string }) => p.id)).toEqual([patrolId]);
    expect((await ok(dispatcher, 'GET', '/api/patrols')).total).toBe(1);
  });

  it("scores the worker's week against 7362", async () => {
    const workerId = (await ok(worker, 'GET', `/api/patrols/${patrolId}`)).workerId as string;
    const s = await ok(dispatcher, 'GET', `/api/patrols/norm?week=2026-11-25&workerId=${workerId}`);
    expect(s.norm.id).toBe('gd-7362');
    expect(s.days.map((d: { day: string }) => d.day)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ]);
    expect(s.days[0]).toMatchObject({ patrols: 1, onTrackSeconds: 680, reports: 1, met: false });
    expect(s).toMatchObject({ daysMet: 0, daysRequired: 7, share: 0, compliant: false });
    expect((await ok(worker, 'GET', '/api/patrols/norm?week=2026-11-23')).workerId).toBe(workerId);
    await refused(other, 'GET', `/api/patrols/norm?week=2026-11-23&workerId=${workerId}`, undefined, [
      404,
      'patrol.worker_not_found',
    ]);
  });
});

describe('a patrol without its grid named', () => {
  it('a patrol started without its grid is counted against the one grid its worker holds, or none', async () => {
    // The demo's 王网格 (gridworker) is the full-time worker of grid 410104001001001; gw_next holds no grid.
    const mine = await ok(worker, 'POST', '/api/patrols', { id: crypto.randomUUID(), startedAt: now - 30 * 60_000 });
    expect(mine.gridId).toBe(spot.gridId);
    const none = await ok(other, 'POST', '/api/patrols', { id: crypto.randomUUID(), startedAt: now - 30 * 60_000 });
    expect(none.gridId).toBeNull();
  });
});

describe("a region's duty norm (巡查履职标准)", () => {
  it('the county admin sets its own figures; the week is scored against them; bounds and levels refused', async () => {
    await addUser(t.database, { username: 'admin_town', role: 'admin', regionCode: '410104001' });
    const county = await login(t.app, 'admin');
    const town = await login(t.app, 'admin_town');
    dispatcher = await login(t.app, 'dispatcher');
    // Nothing set anywhere: 7362.
    const before = await ok(dispatcher, 'GET', '/api/patrols/norm-setting');
    expect(before).toMatchObject({ setAt: null, norm: { id: 'gd-7362', daysPerWeek: 7, patrolsPerDay: 3 } });
    const own = {
      normId: 'custom',
      name: '管城区巡查标准',
      daysPerWeek: 5,
      patrolsPerDay: 1,
      hoursPerDay: 4.5,
      reportsPerDay: 1,
    };
    await refused(town, 'PUT', '/api/patrols/norm-setting', own, [403, 'patrol.norm_level']);
    await refused(county, 'PUT', '/api/patrols/norm-setting', { ...own, hoursPerDay: 13 }, [
      422,
      'patrol.norm_out_of_range',
    ]);
    await refused(county, 'PUT', '/api/patrols/norm-setting', { ...own, hoursPerDay: 4.2 }, [
      422,
      'patrol.norm_out_of_range',
    ]);
    await refused(county, 'PUT', '/api/patrols/norm-setting', { ...own, daysPerWeek: 0 }, [
      422,
      'patrol.norm_out_of_range',
    ]);
    await refused(county, 'PUT', '/api/patrols/norm-setting', { normId: 'sd-1234' }, [422, 'patrol.norm_unknown']);
    await refused(dispatcher, 'PUT', '/api/patrols/norm-setting', own, [403, 'access.denied']);
    expect((await ok(dispatcher, 'GET', '/api/patrols/norm-setting')).setAt).toBeNull();
    const set = await ok(county, 'PUT', '/api/patrols/norm-setting', own);
    expect(set.norm).toMatchObject({ id: 'custom', name: '管城区巡查标准', daysPerWeek: 5, hoursPerDay: 4.5 });
    // The township centre under the county reads the county's setting.
    const there = await ok(dispatcher, 'GET', '/api/patrols/norm-setting');
    expect(there.setAt).toBe(set.regionPath);
    expect(there.norm.name).toBe('管城区巡查标准');
    // 11-23: one patrol of 680 s and one report — against 1 patrol / 1 report a day both met, 4.5 h not.
    const workerId = (await ok((worker = await login(t.app, 'gridworker')), 'GET', '/api/patrols?pageSize=100'))
      .items[0].workerId as string;
    const s = await ok(dispatcher, 'GET', `/api/patrols/norm?week=2026-11-25&workerId=${workerId}`);
    expect(s.norm.id).toBe('custom');
    expect(s.normSetAt).toBe(set.regionPath);
    expect(s.days[0]).toMatchObject({ patrols: 1, reports: 1, patrolsMet: true, reportsMet: true, hoursMet: false });
    expect(s).toMatchObject({ daysMet: 0, daysRequired: 5, compliant: false });
    // Back to a defined norm, then to what the level above sets (nothing: 7362 again).
    expect((await ok(county, 'PUT', '/api/patrols/norm-setting', { normId: 'gd-7362' })).norm.id).toBe('gd-7362');
    expect((await ok(county, 'PUT', '/api/patrols/norm-setting', { normId: 'inherit' })).setAt).toBeNull();
  });
});
