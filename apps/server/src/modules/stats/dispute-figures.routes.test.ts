import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/*
 * The dispute figures (DISPUTE_FIGURES) against a fixture built here, in 知行街道 (the demo has no
 * disputes there), for November 2026: [2026-11-01 00:00, 2026-12-01 00:00) Beijing.
 *
 * The fixture (all registered on Mon 2026-11-23; OV = 笃行社区人民调解委员会 with mediator zx_m1,
 * OT = 知行街道人民调解委员会 with zx_m2, OC = 管城回族区人民调解委员会 with zx_m3):
 *   D1 笃行社区 → OV/m1: agreed 11-23, 司法确认 applied and confirmed, follow-up 11-23: fully performed
 *   D2 笃行社区 → OV/m1: agreed 11-23, confirmation waived, follow-up 11-23: partly performed
 *   D3 笃行社区 → OV/m1: mediation failed 11-23
 *   D4 博学村   → OT/m2 (township tier, with a reason): agreed 11-23
 *   D5 笃行社区 → escalated twice to the county → OC/m3: agreed 11-23 (county tier)
 *   D6 笃行社区: registered only
 *   D7 笃行社区 → OV/m1: agreed 12-02 (after the period)
 *   D8 笃行社区 → OV/m1: agreed 11-23, waived, follow-up 12-02 (after the period): fully performed
 * 排查: two grids of 笃行社区 made here, G1 (zx_gw1: zero report 11-23, on time) and G2 (zx_gw2: zero
 * report 12-02, after November's report fell due at 12-01 00:00).
 *
 * Counted by hand for November, the whole township:
 *   registered 8 (D1–D8); agreed 5 (D1 D2 D4 D5 D8); failed 1 (D3); mediated 6;
 *   confirmed 1 (D1); agreed at village 3 (D1 D2 D8), township 1 (D4), county 1 (D5);
 *   followed up 2 (D1 D2 — D8's was in December), fully performed 1 (D1).
 *   调解成功率 5/6; 履行率 1/2; 司法确认率 1/5; 村乡两级化解率 (3+1)/5 = 4/5.
 *   排查: 2 grid-periods due, 1 on time (G1, a zero report), 1 late (G2), 0 missing: 1/2.
 * By organisation (counted with the organisation holding the dispute):
 *   OV: registered 5 (D1 D2 D3 D7 D8), agreed 3 (D1 D2 D8), failed 1, mediated 4, confirmed 1, village 3,
 *       followed up 2, performed 1 → 3/4, 1/2, 1/3, 3/3
 *   OT: registered 1, agreed 1, mediated 1, township 1 → 1/1, 0/0, 0/1, 1/1
 *   OC: registered 1, agreed 1, mediated 1, county 1 → 1/1, 0/0, 0/1, 0/1
 *   none (D6): registered 1, nothing else → 0/0 everywhere
 * By mediator: zx_m1 as OV, zx_m2 as OT, zx_m3 as OC, none as D6.
 */

let t: TestApp;
let centre: Session;
let countyCentre: Session;
let admin: Session;
let leader: Session;
let gewuCentre: Session;
const m: Record<1 | 2 | 3, Session> = {} as never;
let ip = 0;
const signIn = (u: string) => login(t.app, u, undefined, `10.63.${++ip % 250}.1`);
const ids = { duxing: '', boxue: '', zhixing: '', OV: '', OT: '', OC: '' };
const NOVEMBER = `from=${encodeURIComponent('2026-11-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-01T00:00:00+08:00')}`;

const call = (s: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });

async function ok(s: Session, method: 'POST' | 'PUT', url: string, payload: object) {
  const res = await call(s, method, url, payload);
  expect(res.statusCode, `${url} ${JSON.stringify(payload)}: ${res.body}`).toBeLessThan(300);
  return res.json();
}

async function act(s: Session, id: string, body: object) {
  const view = await call(s, 'GET', `/api/disputes/${id}`);
  expect(view.statusCode, view.body).toBe(200);
  return ok(s, 'POST', `/api/disputes/${id}/actions`, { ...body, version: view.json().version });
}

async function register(regionId: string, label: string) {
  const d = await ok(centre, 'POST', '/api/disputes', {
    typeCode: 'neighbour',
    summary: `${label}：邻里纠纷`,
    regionId,
    source: 'walk_in',
    parties: [
      { kind: 'person', side: 'a', name: `${label}甲` },
      { kind: 'person', side: 'b', name: `${label}乙` },
    ],
  });
  return d.id as string;
}

/** Registered, accepted, diverted to `org` and held by mediator `n`. */
async function held(regionId: string, label: string, org: string, n: 1 | 2, note?: string) {
  const id = await register(regionId, label);
  await act(centre, id, { action: 'accept' });
  await act(centre, id, { action: 'divert', path: 'people_mediation', organisationId: org, note });
  await act(centre, id, { action: 'assign', mediatorUserId: m[n].userId });
  return id;
}

async function agree(s: Session, id: string) {
  const parties = (await call(s, 'GET', `/api/disputes/${id}`)).json().parties as { id: string }[];
  return act(s, id, {
    action: 'agree',
    partyIds: parties.map((p) => p.id),
    facts: '双方因通道占用争执',
    terms: [{ text: '乙方三日内清理通道', dueDate: null }],
  });
}

async function orgId(name: string) {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM mediation_organisations WHERE name = ${name}`,
  );
  return row?.id as string;
}

async function grid(seq: string, west: number) {
  const rect = [
    [west, 34.8],
    [west + 0.004, 34.8],
    [west + 0.004, 34.804],
    [west, 34.804],
    [west, 34.8],
  ];
  const g = await ok(admin, 'POST', '/api/grids', {
    villageId: ids.duxing,
    seq,
    name: `笃行社区第${Number(seq)}网格`,
    kind: 'urban_community',
    boundary: { type: 'Polygon', coordinates: [rect] },
  });
  t.deps.gridLocator.invalidate();
  return g.id as string;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const [username, role, regionCode] of [
    ['zx_centre', 'dispatcher', '410104002'],
    ['zx_county', 'dispatcher', '410104'],
    ['zx_m1', 'mediator', '410104002'],
    ['zx_m2', 'mediator', '410104002'],
    ['zx_m3', 'mediator', '410104'],
    ['zx_gw1', 'grid_worker', '410104002001'],
    ['zx_gw2', 'grid_worker', '410104002001'],
  ] as const)
    await addUser(t.database, { username, role, regionCode });
  ids.duxing = await regionIdByCode(t.database, '410104002001');
  ids.boxue = await regionIdByCode(t.database, '410104002201');
  ids.zhixing = await regionIdByCode(t.database, '410104002');
  ids.OV = await orgId('笃行社区人民调解委员会');
  ids.OT = await orgId('知行街道人民调解委员会');
  ids.OC = await orgId('管城回族区人民调解委员会');
  centre = await signIn('zx_centre');
  countyCentre = await signIn('zx_county');
  admin = await signIn('admin');
  leader = await signIn('leader');
  gewuCentre = await signIn('dispatcher');
  for (const n of [1, 2, 3] as const) m[n] = await signIn(`zx_m${n}`);
  for (const [n, org] of [
    [1, ids.OV],
    [2, ids.OT],
    [3, ids.OC],
  ] as const)
    await ok(admin, 'PUT', `/api/mediators/${m[n].userId}`, { organisationId: org });

  // 排查: G1 and G2, each with its grid worker; G1 reports zero now (on time).
  const workers = await queryRows<{ id: string; username: string }>(
    t.database.db,
    sql`SELECT id, username FROM users WHERE username IN ('zx_gw1', 'zx_gw2')`,
  );
  const g1 = await grid('001', 113.8);
  const g2 = await grid('002', 113.805);
  for (const [g, u] of [
    [g1, 'zx_gw1'],
    [g2, 'zx_gw2'],
  ] as const)
    await ok(admin, 'POST', `/api/grids/${g}/assignments`, {
      duty: 'grid_worker_full',
      userId: workers.find((w) => w.username === u)?.id,
      personName: u,
    });
  const report = (s: Session, gridId: string, period: string) =>
    ok(s, 'POST', '/api/screening/reports', { gridId, period, zero: true, idempotencyKey: crypto.randomUUID() });
  await report(await signIn('zx_gw1'), g1, '2026-11-23');

  // November (the test clock: Mon 2026-11-23 10:00 Beijing).
  const d1 = await held(ids.duxing, 'D1', ids.OV, 1);
  await agree(m[1], d1);
  await act(m[1], d1, { action: 'apply_confirmation', court: '管城回族区人民法院' });
  await act(m[1], d1, { action: 'record_confirmation', result: 'confirmed', rulingNo: '（2026）豫0104民特1号' });
  await act(m[1], d1, { action: 'follow_up', performance: 'full', note: '已全部履行' });
  const d2 = await held(ids.duxing, 'D2', ids.OV, 1);
  await agree(m[1], d2);
  await act(m[1], d2, { action: 'waive_confirmation', note: '双方不申请' });
  await act(m[1], d2, { action: 'follow_up', performance: 'partial', note: '部分履行' });
  const d3 = await held(ids.duxing, 'D3', ids.OV, 1);
  await act(m[1], d3, { action: 'fail', guidedPath: 'litigation', note: '双方分歧大，引导诉讼' });
  const d4 = await held(ids.boxue, 'D4', ids.OT, 2, '涉及多户，由街道调处');
  await agree(m[2], d4);
  const d5 = await register(ids.duxing, 'D5');
  await act(centre, d5, { action: 'accept' });
  await act(centre, d5, { action: 'escalate', note: '村级无法化解' });
  await act(centre, d5, { action: 'escalate', note: '街道无法化解' });
  await act(countyCentre, d5, { action: 'divert', path: 'people_mediation', organisationId: ids.OC });
  await act(countyCentre, d5, { action: 'assign', mediatorUserId: m[3].userId });
  await agree(m[3], d5);
  await register(ids.duxing, 'D6');
  const d7 = await held(ids.duxing, 'D7', ids.OV, 1);
  const d8 = await held(ids.duxing, 'D8', ids.OV, 1);
  await agree(m[1], d8);
  await act(m[1], d8, { action: 'waive_confirmation', note: '双方不申请' });

  // December 2nd: after the period.
  t.clock.set(new Date('2026-12-02T02:00:00Z'));
  centre = await signIn('zx_centre');
  leader = await signIn('leader');
  gewuCentre = await signIn('dispatcher');
  for (const n of [1, 2, 3] as const) m[n] = await signIn(`zx_m${n}`);
  await agree(m[1], d7);
  await act(m[1], d8, { action: 'follow_up', performance: 'full', note: '已全部履行' });
  await report(await signIn('zx_gw2'), g2, '2026-11-20');
}, 240_000);
afterAll(async () => {
  await t.close();
});

const rate = (numerator: number, denominator: number, r: number | null) => ({ numerator, denominator, rate: r });
const counts = (c: Partial<Record<string, number>>) => ({
  registered: 0,
  agreed: 0,
  failed: 0,
  mediated: 0,
  confirmed: 0,
  agreedVillage: 0,
  agreedTownship: 0,
  agreedCounty: 0,
  followedUp: 0,
  performed: 0,
  ...c,
});

const OV_COUNTS = counts({
  registered: 5,
  agreed: 3,
  failed: 1,
  mediated: 4,
  confirmed: 1,
  agreedVillage: 3,
  followedUp: 2,
  performed: 1,
});
const OV_RATES = {
  successRate: rate(3, 4, 0.75),
  performanceRate: rate(1, 2, 0.5),
  confirmationRate: rate(1, 3, 0.3333),
  localRate: rate(3, 3, 1),
};
const OT = {
  counts: counts({ registered: 1, agreed: 1, mediated: 1, agreedTownship: 1 }),
  rates: {
    successRate: rate(1, 1, 1),
    performanceRate: rate(0, 0, null),
    confirmationRate: rate(0, 1, 0),
    localRate: rate(1, 1, 1),
  },
};
const OC = {
  counts: counts({ registered: 1, agreed: 1, mediated: 1, agreedCounty: 1 }),
  rates: {
    successRate: rate(1, 1, 1),
    performanceRate: rate(0, 0, null),
    confirmationRate: rate(0, 1, 0),
    localRate: rate(0, 1, 0),
  },
};
const NONE = {
  counts: counts({ registered: 1 }),
  rates: {
    successRate: rate(0, 0, null),
    performanceRate: rate(0, 0, null),
    confirmationRate: rate(0, 0, null),
    localRate: rate(0, 0, null),
  },
};

const byName = (groups: { name: string; counts: unknown; rates: unknown }[]) =>
  Object.fromEntries(groups.map((g) => [g.name, { counts: g.counts, rates: g.rates }]));

describe('dispute figures for November against the hand-counted fixture', () => {
  it('the township centre: totals, 排查, per organisation and per mediator', async () => {
    const res = await call(centre, 'GET', `/api/dispute-figures?${NOVEMBER}`);
    expect(res.statusCode, res.body).toBe(200);
    const f = res.json();
    expect(f.region.name).toBe('知行街道');
    expect(f.total.counts).toEqual(
      counts({
        registered: 8,
        agreed: 5,
        failed: 1,
        mediated: 6,
        confirmed: 1,
        agreedVillage: 3,
        agreedTownship: 1,
        agreedCounty: 1,
        followedUp: 2,
        performed: 1,
      }),
    );
    expect(f.total.rates).toEqual({
      successRate: rate(5, 6, 0.8333),
      performanceRate: rate(1, 2, 0.5),
      confirmationRate: rate(1, 5, 0.2),
      localRate: rate(4, 5, 0.8),
    });
    expect(f.screening).toEqual({
      reportsDue: 2,
      reportedOnTime: 1,
      reportedLate: 1,
      missing: 0,
      zeroOnTime: 1,
      compliance: rate(1, 2, 0.5),
    });
    expect(byName(f.byOrganisation)).toEqual({
      笃行社区人民调解委员会: { counts: OV_COUNTS, rates: OV_RATES },
      知行街道人民调解委员会: OT,
      管城回族区人民调解委员会: OC,
      未分流: NONE,
    });
    expect(byName(f.byMediator)).toEqual({
      zx_m1: { counts: OV_COUNTS, rates: OV_RATES },
      zx_m2: OT,
      zx_m3: OC,
      未指派调解员: NONE,
    });
  });

  it('a county leader naming the township sees the same; a mediator sees their organisation only', async () => {
    const county = await call(leader, 'GET', `/api/dispute-figures?${NOVEMBER}&regionId=${ids.zhixing}`);
    expect(county.statusCode, county.body).toBe(200);
    expect(county.json().total.counts.registered).toBe(8);
    expect(county.json().screening.compliance).toEqual(rate(1, 2, 0.5));
    const mine = await call(m[1], 'GET', `/api/dispute-figures?${NOVEMBER}`);
    expect(mine.statusCode, mine.body).toBe(200);
    expect([mine.json().total.counts, mine.json().total.rates, mine.json().screening]).toEqual([
      OV_COUNTS,
      OV_RATES,
      null,
    ]);
    expect(mine.json().byOrganisation.map((g: { name: string }) => g.name)).toEqual(['笃行社区人民调解委员会']);
  });

  it('a later period counts what happened in it; bad periods and foreign regions are refused', async () => {
    const december = `from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+08:00')}`;
    const dec = (await call(centre, 'GET', `/api/dispute-figures?${december}`)).json();
    // December: D7 agreed (village), D8 followed up (fully); nothing registered; December's 排查 not due yet.
    expect([
      dec.total.counts.registered,
      dec.total.counts.agreed,
      dec.total.rates.performanceRate,
      dec.screening.reportsDue,
    ]).toEqual([0, 1, rate(1, 1, 1), 0]);
    const backwards = await call(
      centre,
      'GET',
      `/api/dispute-figures?from=${encodeURIComponent('2026-12-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-11-01T00:00:00+08:00')}`,
    );
    expect([backwards.statusCode, backwards.json().code]).toEqual([400, 'figures.bad_period']);
    const foreign = await call(gewuCentre, 'GET', `/api/dispute-figures?${NOVEMBER}&regionId=${ids.zhixing}`);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'region.not_found']);
  });
});
