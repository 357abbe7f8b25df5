import { addDays, chinaDayOf } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  addUser,
  as,
  createTestApp,
  everyTableCount,
  login,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

/*
 * 排查 over HTTP, on the demo township 格物街道: 6 communities/villages × 4 unit grids = 24 grids that
 * report (明德社区第1网格's two micro-grids report through it). The test clock starts on Monday
 * 2026-11-23 10:00 Beijing; the default schedule is monthly, so November's report falls due at
 * 2026-12-01 00:00 Beijing (2026-11-30T16:00Z), its reminder at 80 % of the month: 2026-11-25 00:00
 * Beijing (2026-11-24T16:00Z). Every expected figure below is counted by hand from that.
 */

let t: TestApp;
let gridworker: Session;
let gw2: Session;
let gw3: Session;
let gw4: Session;
let gw5: Session;
let dispatcher: Session;
let leader: Session;
let otherCentre: Session;
const grid: Record<1 | 2 | 3 | 4 | 5, string> = { 1: '', 2: '', 3: '', 4: '', 5: '' };
let township: string;
let mingde: string;
let zhizhi: string;
let ip = 0;

const HOUR = 3_600_000;
const signIn = (u: string) => login(t.app, u, undefined, `10.52.${++ip % 250}.1`);

async function signAll() {
  gridworker = await signIn('gridworker');
  gw2 = await signIn('screen_gw2');
  gw3 = await signIn('screen_gw3');
  gw4 = await signIn('screen_gw4');
  gw5 = await signIn('screen_gw5');
  dispatcher = await signIn('dispatcher');
  leader = await signIn('leader');
  otherCentre = await signIn('screen_other_centre');
}

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });

async function gridId(code: string) {
  const [row] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM grids WHERE code = ${code}`);
  return row?.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [username, role, regionCode] of [
    ['screen_gw2', 'grid_worker', '410104001001'],
    ['screen_gw3', 'grid_worker', '410104001001'],
    ['screen_gw4', 'grid_worker', '410104001002'],
    ['screen_gw5', 'grid_worker', '410104001002'],
    ['screen_other_centre', 'dispatcher', '410104002'],
  ] as const)
    await addUser(t.database, { username, role, regionCode });
  for (const n of [1, 2, 3] as const) grid[n] = await gridId(`41010400100100${n}`);
  // 明德社区 has four grids; 4 and 5 are 致知社区's first two.
  grid[4] = await gridId('410104001002001');
  grid[5] = await gridId('410104001002002');
  township = await regionIdByCode(t.database, '410104001');
  mingde = await regionIdByCode(t.database, '410104001001');
  zhizhi = await regionIdByCode(t.database, '410104001002');
  const admin = await signIn('admin');
  for (const [g, username] of [
    [grid[2], 'screen_gw2'],
    [grid[3], 'screen_gw3'],
    [grid[4], 'screen_gw4'],
    [grid[5], 'screen_gw5'],
  ] as const) {
    const [u] = await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`);
    const res = await call(admin, 'POST', `/api/grids/${g}/assignments`, {
      duty: 'grid_worker_part',
      userId: u?.id,
      personName: username,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  await signAll();
});
afterAll(async () => {
  await t.close();
});

const report = (s: Session, body: object) =>
  call(s, 'POST', '/api/screening/reports', { idempotencyKey: crypto.randomUUID(), period: '2026-11-23', ...body });

async function overview(s: Session, query = '') {
  const res = await call(s, 'GET', `/api/screening/overview${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const rowOf = (o: { grids: { gridId: string }[] }, id: string) =>
  o.grids.find((g) => g.gridId === id) as never as {
    status: string;
    workers: string[];
    disputeCount: number;
    late: boolean;
    reportedAt: string | null;
  };

async function notices(where: ReturnType<typeof sql>) {
  return queryRows<{
    kind: string;
    title: string;
    user_id: string | null;
    region_path: string | null;
    role: string | null;
  }>(
    t.database.db,
    sql`SELECT kind, title, user_id, region_path, role FROM notifications WHERE kind LIKE 'screening.%' AND ${where} `,
  ).then(sorted);
}

/** In one order whatever the engine's collation (notices carry no order of their own). */
const sorted = <T>(xs: T[]): T[] => [...xs].sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe('排查: reports, zero reports, the township’s view, the clock', () => {
  it('November end to end: the grid worker’s page, a zero report, 补报, findings, the township’s view, the clock, a late report', async () => {
    t.clock.set(new Date('2026-11-23T02:00:00Z'));
    await signAll();
    let zeroReportId = '';
    let foundDisputeId = '';
    {
      // — the grid worker’s page names their grid and this period; nobody has reported yet
      const mine = await call(gridworker, 'GET', '/api/screening/mine');
      expect(mine.statusCode, mine.body).toBe(200);
      const m = mine.json();
      expect(m.today).toBe('2026-11-23');
      expect(m.grids.map((g: { gridName: string }) => g.gridName)).toEqual(['明德社区第1网格']);
      expect([m.grids[0].period, m.grids[0].report]).toEqual([
        {
          kind: 'month',
          start: '2026-11-01',
          end: '2026-11-30',
          label: '2026年11月',
          dueAt: '2026-11-30T16:00:00.000Z',
        },
        null,
      ]);
      const o = await overview(dispatcher);
      expect([o.township.name, o.period.label, o.due, o.schedule.periodKind, o.schedule.own]).toEqual([
        '格物街道',
        '2026年11月',
        false,
        'month',
        false,
      ]);
      expect(o.counts).toEqual({ grids: 24, reported: 0, zero: 0, missing: 24 });
      expect(o.grids.some((g: { gridCode: string }) => g.gridCode.startsWith('410104002'))).toBe(false);
      // The grid worker responsible, by name (the demo worker holds 明德社区第1网格 full-time).
      expect(rowOf(o, grid[1]).workers).toEqual(['王网格']);
      expect(rowOf(o, grid[2]).workers).toContain('screen_gw2');
    }
    {
      // — a zero report is a report: filed once, a retry gives it back, a second is 409
      const key = crypto.randomUUID();
      const res = await report(gridworker, { gridId: grid[1], zero: true, idempotencyKey: key });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json().report;
      zeroReportId = r.id;
      expect([r.zero, r.disputes, r.late, r.version, r.period.label, r.reporterName]).toEqual([
        true,
        [],
        false,
        1,
        '2026年11月',
        '王网格',
      ]);
      const before = await everyTableCount(t.database);
      const retry = await report(gridworker, { gridId: grid[1], zero: true, idempotencyKey: key });
      expect([retry.statusCode, retry.json().created, retry.json().report.id]).toEqual([200, false, r.id]);
      const second = await report(gridworker, { gridId: grid[1], zero: true });
      expect([second.statusCode, second.json().code]).toEqual([409, 'screening.already_reported']);
      expect(await everyTableCount(t.database)).toEqual(before);

      const o = await overview(dispatcher);
      expect(o.counts).toEqual({ grids: 24, reported: 0, zero: 1, missing: 23 });
      expect(rowOf(o, grid[1])).toMatchObject({ status: 'zero', disputeCount: 0, late: false });
    }
    {
      // — 补报: an amendment adds findings (registered as disputes for the centre); the zero report is one no more
      const stale = await call(gridworker, 'POST', `/api/screening/reports/${zeroReportId}/amend`, {
        version: 2,
        note: '补报',
        newDisputes: [{ typeCode: 'neighbour', summary: '邻里因漏水争吵' }],
      });
      expect([stale.statusCode, stale.json().code]).toEqual([409, 'screening.conflict']);
      const empty = await call(gridworker, 'POST', `/api/screening/reports/${zeroReportId}/amend`, {
        version: 1,
        note: '补报',
      });
      expect([empty.statusCode, empty.json().code]).toEqual([400, 'screening.amend_findings_required']);
      const notMine = await call(gw2, 'POST', `/api/screening/reports/${zeroReportId}/amend`, {
        version: 1,
        note: '补报',
        newDisputes: [{ typeCode: 'neighbour', summary: '邻里因漏水争吵' }],
      });
      expect([notMine.statusCode, notMine.json().code]).toEqual([404, 'screening.report_not_found']);

      const res = await call(gridworker, 'POST', `/api/screening/reports/${zeroReportId}/amend`, {
        version: 1,
        note: '月底走访又发现一起',
        newDisputes: [
          {
            typeCode: 'neighbour',
            summary: '楼上漏水殃及楼下，两户争吵',
            risk: 'serious',
            parties: [{ kind: 'person', side: 'a', name: '刘甲', phone: '13911112222' }],
          },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
      const r = res.json();
      expect([r.zero, r.version, r.disputes.length, r.disputes[0].registeredHere, r.disputes[0].state]).toEqual([
        false,
        2,
        1,
        true,
        'registered',
      ]);
      expect(r.amendments).toEqual([
        { at: '2026-11-23T02:00:00.000Z', byName: '王网格', note: '月底走访又发现一起', added: 1 },
      ]);
      foundDisputeId = r.disputes[0].id;
      // The centre sees a registered dispute from grid screening, at the grid's community, its party masked.
      const d = await call(dispatcher, 'GET', `/api/disputes/${foundDisputeId}`);
      expect(d.statusCode, d.body).toBe(200);
      expect([d.json().source, d.json().regionName, d.json().risk, d.json().state]).toEqual([
        'grid_screening',
        '明德社区',
        'serious',
        'registered',
      ]);
      expect(d.body).not.toContain('13911112222');
      const [told] = await queryRows<{ n: number }>(
        t.database.db,
        sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'dispute.screened' AND subject_id = ${foundDisputeId} AND role = 'dispatcher'`,
      );
      expect(told?.n).toBe(1);
      const o = await overview(dispatcher);
      expect(o.counts).toEqual({ grids: 24, reported: 1, zero: 0, missing: 23 });
    }
    {
      // — a report names registered disputes of its community again, and new ones; not another community’s
      const mine = (await call(gw2, 'GET', '/api/screening/mine')).json();
      expect(mine.grids[0].openDisputes.map((d: { id: string }) => d.id)).toContain(foundDisputeId);
      // A dispute of 致知社区: not one of this grid's community.
      const other = await call(dispatcher, 'POST', '/api/disputes', {
        typeCode: 'neighbour',
        summary: '致知社区邻里纠纷',
        regionId: zhizhi,
        source: 'walk_in',
      });
      const wrong = await report(gw2, { gridId: grid[2], zero: false, disputeIds: [other.json().id] });
      expect([wrong.statusCode, wrong.json().code]).toEqual([400, 'screening.dispute_invalid']);
      const res = await report(gw2, {
        gridId: grid[2],
        zero: false,
        disputeIds: [foundDisputeId],
        newDisputes: [{ typeCode: 'property_management', summary: '物业费纠纷，业主集体拒缴' }],
      });
      expect(res.statusCode, res.body).toBe(201);
      const r = res.json().report;
      expect(r.disputes.map((d: { id: string; registeredHere: boolean }) => d.registeredHere)).toEqual([false, true]);
      expect(r.disputes[0].id).toBe(foundDisputeId);
      const o = await overview(dispatcher);
      expect(o.counts).toEqual({ grids: 24, reported: 2, zero: 0, missing: 22 });
      expect(rowOf(o, grid[2])).toMatchObject({ status: 'reported', disputeCount: 2 });
    }
    {
      // — the clock reminds the grid workers still missing, then tells them and the centre when it falls due
      // 2026-11-25 00:00 Beijing: the reminder.
      t.clock.set(new Date('2026-11-24T16:00:00Z'));
      await sweepDeadlines(t.deps);
      // Those with an account and no report: screen_gw3 (明德社区第3网格), screen_gw4 and screen_gw5 (致知社区第1、2网格).
      const warn = (user: Session, g: string) => ({
        kind: 'screening.warning',
        title: `2026年11月排查报告即将到期，请及时上报（含零报告）：${g}`,
        user_id: user.userId,
        region_path: null,
        role: null,
      });
      expect(await notices(sql`kind = 'screening.warning'`)).toEqual(
        sorted([warn(gw3, '明德社区第3网格'), warn(gw4, '致知社区第1网格'), warn(gw5, '致知社区第2网格')]),
      );
      // Just past 2026-12-01 00:00 Beijing: overdue (red once the due time has passed). 24 grids, 2 reported: 22 missing.
      t.clock.set(new Date('2026-11-30T16:00:01Z'));
      await sweepDeadlines(t.deps);
      const late = (user: Session, g: string) => ({
        kind: 'screening.overdue',
        title: `2026年11月排查报告逾期未报：${g}`,
        user_id: user.userId,
        region_path: null,
        role: null,
      });
      expect(await notices(sql`kind = 'screening.overdue'`)).toEqual(
        sorted([
          {
            kind: 'screening.overdue',
            title: '2026年11月排查：22 个网格逾期未报',
            user_id: null,
            region_path: '/41/4101/410104/410104001/',
            role: 'dispatcher',
          },
          late(gw3, '明德社区第3网格'),
          late(gw4, '致知社区第1网格'),
          late(gw5, '致知社区第2网格'),
        ]),
      );
      // Swept once: a second sweep tells nobody again.
      await sweepDeadlines(t.deps);
      expect((await notices(sql`kind = 'screening.overdue'`)).length).toBe(4);
    }
    {
      // — a late report is taken and marked late; the period’s view shows it
      t.clock.set(new Date('2026-12-01T02:00:00Z'));
      await signAll();
      const res = await report(gw3, { gridId: grid[3], zero: true, period: '2026-11-15' });
      expect(res.statusCode, res.body).toBe(201);
      expect([res.json().report.late, res.json().report.period.label]).toEqual([true, '2026年11月']);
      const nov = await overview(dispatcher, '?day=2026-11-15');
      expect([nov.due, nov.counts]).toEqual([true, { grids: 24, reported: 2, zero: 1, missing: 21 }]);
      expect(rowOf(nov, grid[3])).toMatchObject({ status: 'zero', late: true });
      // This month's view: nothing yet, not due; November is the period before.
      const dec = await overview(dispatcher);
      expect([dec.period.label, dec.due, dec.counts.missing, dec.previousDay, dec.nextDay]).toEqual([
        '2026年12月',
        false,
        24,
        '2026-11-01',
        null,
      ]);
    }
  });

  it('refuses a report that is neither findings nor zero, not the worker’s grid, or out of its period — changing nothing', async () => {
    await signAll();
    const today = chinaDayOf(t.clock.now());
    const before = await everyTableCount(t.database);
    const cases: [object, number, string][] = [
      [
        { gridId: grid[4], zero: true, newDisputes: [{ typeCode: 'neighbour', summary: '邻里争吵' }] },
        400,
        'screening.zero_with_findings',
      ],
      [{ gridId: grid[4], zero: false }, 400, 'screening.findings_required'],
      [{ gridId: grid[3], zero: true }, 404, 'screening.grid_not_found'],
      [{ gridId: grid[4], zero: true, period: addDays(today, 45) }, 422, 'screening.period_not_started'],
      [{ gridId: grid[4], zero: true, period: '2026-10-05' }, 422, 'screening.period_unknown'],
      [
        { gridId: grid[4], zero: false, newDisputes: [{ typeCode: 'no_such_type', summary: '邻里争吵' }] },
        400,
        'dispute.type_unknown',
      ],
      [
        {
          gridId: grid[4],
          zero: false,
          newDisputes: [
            {
              typeCode: 'neighbour',
              summary: '邻里争吵',
              parties: [{ kind: 'person', side: 'a', name: '甲', phone: '123' }],
            },
          ],
        },
        400,
        'dispute.party_invalid',
      ],
    ];
    for (const [body, status, code] of cases) {
      const res = await report(gw4, { period: today, ...body });
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    // Residents and the centre do not file grid reports.
    expect((await report(dispatcher, { gridId: grid[1], zero: true })).statusCode).toBe(403);
    expect(await everyTableCount(t.database)).toEqual(before);
  });

  it('scope: another township’s centre reaches neither the view nor a report; a county leader names the township', async () => {
    await signAll();
    const own = await report(gw5, { gridId: grid[5], zero: true, period: chinaDayOf(t.clock.now()) });
    expect(own.statusCode, own.body).toBe(201);
    const zeroReportId = own.json().report.id as string;
    const foreign = await call(otherCentre, 'GET', `/api/screening/overview?regionId=${township}`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'screening.township_not_found']);
    expect((await call(otherCentre, 'GET', `/api/screening/reports/${zeroReportId}`)).statusCode).toBe(404);
    const ownView = await call(otherCentre, 'GET', '/api/screening/overview');
    expect(ownView.json().grids).toEqual([]);
    const county = await call(leader, 'GET', '/api/screening/overview');
    expect([county.statusCode, county.json().code]).toEqual([400, 'screening.township_required']);
    expect((await overview(leader, `?regionId=${township}`)).counts.grids).toBe(24);
    const village = await call(leader, 'GET', `/api/screening/overview?regionId=${mingde}`);
    expect([village.statusCode, village.json().code]).toEqual([400, 'screening.township_required']);
    expect((await call(leader, 'GET', `/api/screening/reports/${zeroReportId}`)).statusCode).toBe(200);
    expect((await call(gw2, 'GET', `/api/screening/reports/${zeroReportId}`)).statusCode).toBe(404);
    expect((await call(gridworker, 'GET', '/api/screening/overview')).statusCode).toBe(403);
  });

  it('a township changes its schedule: the running period stays, the next ones follow the new kind', async () => {
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    await signAll();
    // 2026-12-01: December (monthly) runs; from January, by 旬.
    const res = await call(dispatcher, 'PUT', `/api/screening/schedules/${township}`, {
      periodKind: 'dekad',
      graceDays: 2,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect([res.json().current.label, res.json().next]).toEqual([
      '2026年12月',
      // 10 January + 1 + 2 grace days: 13 January 00:00 Beijing.
      {
        kind: 'dekad',
        start: '2027-01-01',
        end: '2027-01-10',
        label: '2027年1月上旬',
        dueAt: '2027-01-12T16:00:00.000Z',
      },
    ]);
    const [left] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM clock_deadlines d WHERE kind = 'screening.report'
            AND NOT EXISTS (SELECT 1 FROM screening_rounds r WHERE r.id = d.subject_id)`,
    );
    expect(left?.n).toBe(0);
    const [months] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM screening_rounds
            WHERE region_path = '/41/4101/410104/410104001/' AND period_kind = 'month' AND period_start > '2026-12-01'`,
    );
    expect(months?.n).toBe(0);
    expect((await overview(dispatcher, '?day=2027-01-15')).period.label).toBe('2027年1月中旬');
    expect((await overview(dispatcher)).schedule).toMatchObject({ periodKind: 'dekad', graceDays: 2, own: true });
    const foreign = await call(otherCentre, 'PUT', `/api/screening/schedules/${township}`, { periodKind: 'week' });
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'screening.township_not_found']);
    expect((await call(leader, 'PUT', `/api/screening/schedules/${township}`, { periodKind: 'week' })).statusCode).toBe(
      403,
    );
  });
});

describe('风险研判 meetings', () => {
  async function register(regionId: string, summary: string) {
    const res = await call(dispatcher, 'POST', '/api/disputes', {
      typeCode: 'neighbour',
      summary,
      regionId,
      source: 'walk_in',
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; code: string; version: number };
  }
  async function dispute(id: string, s = dispatcher) {
    const res = await call(s, 'GET', `/api/disputes/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  }
  const meeting = (body: object, s = dispatcher) =>
    call(s, 'POST', '/api/risk-meetings', {
      heldAt: t.clock.now().toISOString(),
      topic: '12月矛盾纠纷风险研判',
      place: '街道综治中心会议室',
      participants: ['张受理（综治中心）', '孙调解（街道调委会）', '派出所民警'],
      minutes: '逐件研判本月排查发现的纠纷。',
      ...body,
    });

  it('records the meeting; each change goes through the dispute’s own action; watching changes nothing', async () => {
    t.clock.set(new Date('2026-12-01T02:00:00Z'));
    await signAll();
    const a = await register(mingde, '宅基地边界争执，有肢体冲突苗头');
    const b = await register(mingde, '婚姻家庭矛盾反复');
    const c = await register(zhizhi, '楼道堆物争吵');
    const accepted = await call(dispatcher, 'POST', `/api/disputes/${b.id}/actions`, { action: 'accept', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const res = await meeting({
      decisions: [
        {
          disputeId: a.id,
          kind: 'assess_risk',
          note: '有民转刑风险，列为重大，落实稳控',
          risk: 'major',
          civilToCriminal: true,
          stabilityUserId: dispatcher.userId,
        },
        { disputeId: b.id, kind: 'escalate', note: '村级难以化解，上交街道' },
        { disputeId: c.id, kind: 'watch', note: '持续关注' },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(
      m.decisions.map((d: { disputeCode: string; kind: string; disputeEventSeq: number | null }) => [
        d.disputeCode,
        d.kind,
        d.disputeEventSeq,
      ]),
    ).toEqual([
      [a.code, 'assess_risk', 2],
      [b.code, 'escalate', 3],
      [c.code, 'watch', null],
    ]);
    expect(m.decisions[0].stabilityUserName).toBe('张受理');
    const da = await dispute(a.id);
    expect([da.risk, da.civilToCriminal, da.stabilityUser?.name, da.events.at(-1).type]).toEqual([
      'major',
      true,
      '张受理',
      'assess_risk',
    ]);
    expect(da.events.at(-1).note).toBe(
      '2026-12-01风险研判会议（12月矛盾纠纷风险研判）：有民转刑风险，列为重大，落实稳控',
    );
    const db = await dispute(b.id);
    expect([db.tier, db.state, db.events.at(-1).type]).toEqual(['township', 'accepted', 'escalate']);
    expect((await dispute(c.id)).version).toBe(1);

    const list = await call(leader, 'GET', '/api/risk-meetings');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((i: { id: string; disputeCount: number; changed: number }) => [i.id, i.disputeCount, i.changed]),
    ).toEqual([[m.id, 3, 2]]);
    expect((await call(leader, 'GET', `/api/risk-meetings/${m.id}`)).json().participants).toHaveLength(3);
    expect((await call(otherCentre, 'GET', `/api/risk-meetings/${m.id}`)).statusCode).toBe(404);
    expect((await call(otherCentre, 'GET', '/api/risk-meetings')).json().items).toEqual([]);
  });

  it('one refused decision refuses the meeting, and nothing is written', async () => {
    await signAll();
    const a = await register(mingde, '噪音扰民争吵');
    const b = await register(mingde, '借款纠纷');
    const foreignDispute = await call(otherCentre, 'POST', '/api/disputes', {
      typeCode: 'neighbour',
      summary: '知行街道邻里纠纷',
      regionId: await regionIdByCode(t.database, '410104002001'),
      source: 'walk_in',
    });
    expect(foreignDispute.statusCode, foreignDispute.body).toBe(201);
    await call(dispatcher, 'POST', `/api/disputes/${b.id}/actions`, { action: 'accept', version: 1 });
    const before = await everyTableCount(t.database);
    const refusals: [object, number, string][] = [
      // The first decision is fine; the second (重大 without its 稳控责任人) is refused by the dispute's own rule.
      [
        {
          decisions: [
            { disputeId: b.id, kind: 'escalate', note: '上交' },
            { disputeId: a.id, kind: 'assess_risk', note: '重大', risk: 'major', civilToCriminal: false },
          ],
        },
        400,
        'dispute.stability_required',
      ],
      [{ decisions: [{ disputeId: a.id, kind: 'assess_risk', note: '调整' }] }, 400, 'meeting.decision_incomplete'],
      [{ decisions: [{ disputeId: foreignDispute.json().id, kind: 'watch', note: '关注' }] }, 404, 'dispute.not_found'],
      [
        { regionId: zhizhi, decisions: [{ disputeId: a.id, kind: 'watch', note: '关注' }] },
        400,
        'meeting.dispute_outside',
      ],
      [
        {
          heldAt: new Date(t.clock.now().getTime() + HOUR).toISOString(),
          decisions: [{ disputeId: a.id, kind: 'watch', note: '关注' }],
        },
        400,
        'meeting.held_at_invalid',
      ],
    ];
    for (const [body, status, code] of refusals) {
      const res = await meeting(body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    expect((await meeting({ decisions: [{ disputeId: a.id, kind: 'watch', note: '关注' }] }, leader)).statusCode).toBe(
      403,
    );
    expect(await everyTableCount(t.database)).toEqual(before);
    expect([(await dispute(b.id)).tier, (await dispute(b.id)).version]).toEqual(['village', 2]);
  });
});
