import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';
import { REPORT_ITEM } from '../../../test/matrix/world.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';

// The rectify-by date of a listed supervision (挂牌督办) is the clock engine's second kind of clock:
// once it has passed, the assignee and the centre are told, once.

let t: TestApp;
let spot: { lon: number; lat: number };
/** An item residents may report, for a department (not for grids), with no required field: the matrix's. */
const item = REPORT_ITEM as NonNullable<typeof REPORT_ITEM>;
/** The township centre of the demo grid (格物街道). */
const CENTRE = '/41/4101/410104/410104001/';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  spot = await pointInGrid(t.database, '410104001001001');
});
afterAll(async () => {
  await t.close();
});

/** Fresh sessions: they idle out while a test moves the clock. */
const sessions = async () => ({
  resident: await login(t.app, 'resident'),
  dispatcher: await login(t.app, 'dispatcher'),
});
const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const act = (s: Session, id: string, version: number, action: string, more: object = {}) =>
  post(s, `/api/cases/${id}/actions`, { action, version, ...more });

async function reportCase(resident: Session): Promise<string> {
  const res = await post(resident, '/api/cases', {
    itemCode: item.code,
    description: '路口有问题需要处理',
    location: { lon: spot.lon, lat: spot.lat },
    idempotencyKey: crypto.randomUUID(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** Lists a case for supervision with a rectify-by date; returns the case's new version. */
async function list(dispatcher: Session, id: string, version: number, rectifyBy: Date): Promise<number> {
  const res = await act(dispatcher, id, version, 'supervise', {
    note: '挂牌督办，限期整改',
    listed: true,
    rectifyBy: rectifyBy.toISOString(),
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().version as number;
}

const told = (caseId: string) =>
  queryRows<{
    user_id: string | null;
    unit_id: string | null;
    role: string | null;
    region_path: string | null;
    title: string;
  }>(
    t.database.db,
    sql`SELECT user_id, unit_id, role, region_path, title FROM notifications
         WHERE case_id = ${caseId} AND kind = 'case.rectify_due' ORDER BY unit_id NULLS FIRST`,
  );

describe('listed supervision (挂牌督办): the rectify-by clock', () => {
  it('tells the assignee unit and the centre once when the rectify-by date passes, even with two sweeps at once', async () => {
    const { resident, dispatcher } = await sessions();
    const id = await reportCase(resident);
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
    const unit = (await t.app.inject({ method: 'GET', url: `/api/cases/${id}/dispatch-proposal`, ...as(dispatcher) }))
      .json()
      .units.find((u: { responsible: boolean }) => u.responsible);
    expect((await act(dispatcher, id, 2, 'dispatch', { unitId: unit.id })).statusCode).toBe(200);
    const rectifyBy = new Date(t.clock.now().getTime() + 48 * HOUR);
    await list(dispatcher, id, 3, rectifyBy);
    const code = (await queryRows<{ code: string }>(t.database.db, sql`SELECT code FROM cases WHERE id = ${id}`))[0]!
      .code;

    t.clock.set(rectifyBy); // the date itself: not yet passed
    await sweepDeadlines(t.deps);
    expect(await told(id)).toEqual([]);

    t.clock.set(new Date(rectifyBy.getTime() + 1000));
    await Promise.all([sweepDeadlines(t.deps), sweepDeadlines(t.deps)]);
    await sweepDeadlines(t.deps);
    expect(await told(id)).toEqual([
      { user_id: null, unit_id: null, role: 'dispatcher', region_path: CENTRE, title: `${code}：挂牌督办整改到期` },
      { user_id: null, unit_id: unit.id, role: null, region_path: null, title: `${code}：挂牌督办整改到期` },
    ]);
  });

  it('counts from the latest rectify-by date, tells only the centre when nobody holds the case, and nobody once it is voided', async () => {
    const { resident, dispatcher } = await sessions();
    const moved = await reportCase(resident);
    const voided = await reportCase(resident);
    const first = new Date(t.clock.now().getTime() + 24 * HOUR);
    const later = new Date(t.clock.now().getTime() + 72 * HOUR);
    const v = await list(dispatcher, moved, 1, first);
    await list(dispatcher, moved, v, later); // a new date replaces the first
    const w = await list(dispatcher, voided, 1, first);
    expect((await act(dispatcher, voided, w, 'void', { note: '重复上报' })).statusCode).toBe(200);

    t.clock.set(new Date(first.getTime() + 1000));
    await sweepDeadlines(t.deps);
    expect(await told(moved)).toEqual([]);
    expect(await told(voided)).toEqual([]);

    t.clock.set(new Date(later.getTime() + 1000));
    await sweepDeadlines(t.deps);
    expect((await told(moved)).map((n) => [n.role, n.region_path, n.unit_id])).toEqual([['dispatcher', CENTRE, null]]);
    expect(await told(voided)).toEqual([]);
    const [left] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE kind = 'case.rectify' AND subject_id IN (${moved}, ${voided})`,
    );
    expect(left).toEqual({ n: 0 });
  });
});
