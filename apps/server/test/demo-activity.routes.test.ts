import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { seedDemoActivity } from '../src/seed/demo-activity.ts';
import { as, createTestApp, login, type Session, type TestApp } from './app.ts';

/*
 * The demo's 综治中心 activity (seedDemoActivity, run after the demo township on an empty database): the
 * desk's walk-ins on every track with receipts, this period's 排查 of three grids (one a 零报告) with the
 * other 21 missing, and one 风险研判 meeting — all written through the services, so the screens open on
 * them. The counts below are the seed's stories counted by hand; a second run writes nothing.
 */

let t: TestApp;
let dispatcher: Session;

beforeAll(async () => {
  t = await createTestApp();
  expect(await seedDemoActivity(t.deps)).toEqual({ visits: 5, screeningReports: 3, riskMeetings: 1 });
  dispatcher = await login(t.app, 'dispatcher', undefined, '10.47.0.1');
});
afterAll(async () => {
  await t.close();
});

const get = (url: string) => t.app.inject({ method: 'GET', url, ...as(dispatcher) });

describe('the demo centre’s activity', () => {
  it('lists five walk-ins, one per track, each with its receipt and its record', async () => {
    const res = await get('/api/reception/visits?pageSize=20');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { track: string; receiptNumber: string; trackCode: string | null }[];
    expect(items.map((v) => v.track).sort()).toEqual(['case', 'dispute', 'legal_advice', 'petition', 'referral']);
    for (const v of items) expect(v.receiptNumber).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    const withRecord = items
      .filter((v) => v.trackCode)
      .map((v) => v.track)
      .sort();
    expect(withRecord).toEqual(['case', 'dispute', 'petition']);
  });

  it('shows this period’s screening: 3 of 24 grids reported (one a zero report), 21 missing', async () => {
    const res = await get('/api/screening/overview');
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json();
    expect(o.counts).toEqual({ grids: 24, reported: 2, zero: 1, missing: 21 });
    const rows = o.grids as { gridCode: string; status: string; disputeCount: number; workers: string[] }[];
    const filed = rows
      .filter((g) => g.status !== 'missing')
      .map((g) => [g.gridCode, g.status, g.disputeCount, g.workers[0]])
      .sort();
    expect(filed).toEqual([
      ['410104001001002', 'reported', 1, '刘网格'],
      ['410104001002001', 'zero', 0, '陈网格'],
      ['410104001003001', 'reported', 1, '杨网格'],
    ]);
    // The published grid worker's own grid is left for the visitor to file.
    expect(rows.find((g) => g.gridCode === '410104001001001')?.status).toBe('missing');
  });

  it('records one 风险研判 meeting on three disputes, the leak re-assessed as 较大', async () => {
    const list = await get('/api/risk-meetings');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((m: { topic: string; disputeCount: number; changed: number }) => [
          m.topic,
          m.disputeCount,
          m.changed,
        ]),
    ).toEqual([['本周矛盾纠纷风险研判', 3, 1]]);
    const m = (await get(`/api/risk-meetings/${list.json().items[0].id}`)).json();
    expect(m.decisions.map((d: { kind: string; risk: string | null }) => [d.kind, d.risk])).toEqual([
      ['assess_risk', 'serious'],
      ['watch', null],
      ['watch', null],
    ]);
  });

  it('runs once: a second run writes nothing', async () => {
    const count = async () =>
      queryRows<{ v: number; r: number; m: number; u: number }>(
        t.database.db,
        sql`SELECT (SELECT count(*)::int FROM reception_visits) AS v, (SELECT count(*)::int FROM screening_reports) AS r,
                   (SELECT count(*)::int FROM risk_meetings) AS m, (SELECT count(*)::int FROM users) AS u`,
      );
    const before = await count();
    expect(await seedDemoActivity(t.deps)).toBe(false);
    expect(await count()).toEqual(before);
  });
});
