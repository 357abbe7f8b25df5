import { STARTER_CATALOGUE, replayCase, type CaseEventData, type CaseEventRecord } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  addUser,
  as,
  createTestApp,
  login,
  pointInGrid,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import { type NewReportedCase, insertReportedCases } from './cases.repository.ts';

let t: TestApp;
let resident: Session;
let gridworker: Session;
let dispatcher: Session;
let handler: Session;
let policeHandler: Session;
let zhixingDispatcher: Session;
let spot: { lon: number; lat: number; gridId: string };
/** 格物街道综合行政执法中队: the unit the item below goes to, the demo handler's. */
let squad: string;

const minorAdmitted = STARTER_CATALOGUE.find((i) => i.minor && i.publicReport) as (typeof STARTER_CATALOGUE)[number];
const notForGrids = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];

/** When everyone last signed in, by the test clock. */
let signedInAt = Number.NEGATIVE_INFINITY;
async function signIn() {
  [resident, gridworker, dispatcher, handler, policeHandler, zhixingDispatcher] = (await Promise.all(
    ['resident', 'gridworker', 'dispatcher', 'handler', 'police1', 'zxdispatcher'].map((u) => login(t.app, u)),
  )) as Session[] as [Session, Session, Session, Session, Session, Session];
  signedInAt = t.clock.now().getTime();
}

beforeAll(async () => {
  // Tests move the clock and sign in again: not rate-limited as a person's logins would be.
  t = await createTestApp({ GEWU_LOGIN_RATE_LIMIT: '1000' });
  await addUser(t.database, { username: 'police1', role: 'handler', regionCode: '410104001', unitName: '格物派出所' });
  await addUser(t.database, { username: 'zxdispatcher', role: 'dispatcher', regionCode: '410104002' });
  spot = await pointInGrid(t.database, '410104001001001');
  const [unit] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM units WHERE name = '格物街道综合行政执法中队'`,
  );
  squad = unit!.id;
});
// Each test starts with live sessions, whatever an earlier test did to the clock (sessions idle out after 2 h).
beforeEach(async () => {
  if (Math.abs(t.clock.now().getTime() - signedInAt) > 3_600_000) await signIn();
});
afterAll(async () => {
  await t.close();
});

const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const act = (s: Session, id: string, version: number, action: string, more: object = {}) =>
  post(s, `/api/cases/${id}/actions`, { action, version, ...more });
const report = (s: Session, body: object) =>
  post(s, '/api/cases', {
    itemCode: notForGrids.code,
    description: '路口有问题需要处理',
    location: { lon: spot.lon, lat: spot.lat },
    idempotencyKey: crypto.randomUUID(),
    ...body,
  });

/** A fresh resident report, with a way to take actions on it that must succeed (keeping its version). */
async function newCase(body: object = {}) {
  const filed = await report(resident, body);
  expect(filed.statusCode, filed.body).toBe(201);
  const c = {
    id: filed.json().id as string,
    version: 1,
    async step(s: Session, action: string, more: object = {}) {
      const res = await act(s, c.id, c.version, action, more);
      expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      c.version = res.json().version;
      return res.json();
    },
  };
  return c;
}
/** A resident's case taken round the loop to closed by the right people: centre, the squad, the grid worker. */
async function closedCase() {
  const c = await newCase();
  await c.step(dispatcher, 'accept', { conditionMet: true });
  await c.step(dispatcher, 'dispatch', { unitId: squad });
  await c.step(handler, 'sign');
  await c.step(handler, 'feed_back', { note: '已处理完毕' });
  await c.step(gridworker, 'verify_pass');
  await c.step(dispatcher, 'close', { conditionMet: true });
  return c;
}

describe('intake', () => {
  it('files a resident report once however often the phone retries', async () => {
    const key = crypto.randomUUID();
    const first = await report(resident, { idempotencyKey: key });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ state: 'reported', created: true, version: 1 });
    const retries = await Promise.all([1, 2, 3].map(() => report(resident, { idempotencyKey: key })));
    for (const r of retries) expect(r.json()).toMatchObject({ id: first.json().id, created: false });
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM cases WHERE idempotency_key = ${key}`,
    );
    expect(n?.n).toBe(1);
    // One statement wrote the case, its numbered report event, the centre's inbox row and the audit row.
    const code = first.json().code as string;
    expect(code).toMatch(/^\d{15}$/);
    const [written] = await queryRows<{ events: number; eventCode: string; inbox: number; audit: string }>(
      t.database.db,
      sql`SELECT (SELECT count(*)::int FROM case_events WHERE case_id = ${first.json().id}) AS events,
        (SELECT data->'report'->>'code' FROM case_events WHERE case_id = ${first.json().id}) AS "eventCode",
        (SELECT count(*)::int FROM notifications WHERE case_id = ${first.json().id} AND role = 'dispatcher' AND region_path LIKE '%/410104001/') AS inbox,
        (SELECT detail->>'code' FROM audit_log WHERE target_id = ${first.json().id} AND action = 'case.report') AS audit`,
    );
    expect(written).toEqual({ events: 1, eventCode: code, inbox: 1, audit: code });
    const detail = (await get(resident, `/api/cases/${first.json().id}`)).json();
    expect(detail).toMatchObject({
      gridId: spot.gridId,
      channel: 'resident_web',
      level: 'township',
      stage: 'accept',
      light: 'green',
    });
  });

  it('files reports that arrive together, a retry among them still only once', async () => {
    const keys = Array.from({ length: 12 }, () => crypto.randomUUID());
    // Each key sent once, the first three three times over, all at once: written in shared statements.
    const sent = [...keys, ...keys.slice(0, 3), ...keys.slice(0, 3)];
    const answers = await Promise.all(sent.map((idempotencyKey) => report(resident, { idempotencyKey })));
    for (const a of answers) expect([200, 201]).toContain(a.statusCode);
    for (const key of keys) {
      const mine = answers
        .filter((_, i) => sent[i] === key)
        .map((a) => a.json() as { id: string; code: string; created: boolean });
      expect(new Set(mine.map((m) => m.id)).size).toBe(1);
      expect(mine.filter((m) => m.created)).toHaveLength(1);
    }
    const [written] = await queryRows<{
      cases: number;
      events: number;
      inbox: number;
      audit: number;
      deadlines: number;
      codes: number;
    }>(
      t.database.db,
      sql`WITH c AS (SELECT id, code FROM cases WHERE idempotency_key IN ${keys})
        SELECT (SELECT count(*)::int FROM c) AS cases, (SELECT count(DISTINCT code)::int FROM c) AS codes,
          (SELECT count(*)::int FROM case_events e JOIN c ON c.id = e.case_id WHERE e.data->'report'->>'code' = c.code) AS events,
          (SELECT count(*)::int FROM notifications n JOIN c ON c.id = n.case_id) AS inbox,
          (SELECT count(*)::int FROM audit_log a JOIN c ON c.id::text = a.target_id WHERE a.detail->>'code' = c.code) AS audit,
          (SELECT count(*)::int FROM clock_deadlines d JOIN c ON c.id = d.subject_id) AS deadlines`,
    );
    expect(written).toEqual({ cases: 12, codes: 12, events: 12, inbox: 12, audit: 12, deadlines: 24 });
  });

  it('writes many reports in one statement, skipping with its rows one whose key is taken', async () => {
    const existing = (await report(resident, {})).json() as { id: string; code: string };
    const [event] = await queryRows<{ data: CaseEventData<'report'>; actor_id: string; actor_name: string }>(
      t.database.db,
      sql`SELECT data, actor_id, actor_name FROM case_events WHERE case_id = ${existing.id}`,
    );
    const [taken] = await queryRows<{ reporter_key: string; idempotency_key: string }>(
      t.database.db,
      sql`SELECT reporter_key, idempotency_key FROM cases WHERE id = ${existing.id}`,
    );
    const fresh = crypto.randomUUID();
    const like = (idempotencyKey: string): NewReportedCase => {
      const id = crypto.randomUUID();
      const data = structuredClone(event!.data);
      const facts = { ...data.report, id, code: '', idempotencyKey };
      data.report = facts;
      return {
        day: '20261128',
        event: {
          type: 'report',
          at: t.clock.now(),
          actor: { id: event!.actor_id, name: event!.actor_name, unitId: null },
          note: null,
          data,
        },
        notification: {
          role: 'dispatcher',
          regionPath: facts.regionPath,
          kind: 'case.reported',
          title: '新上报',
          caseId: id,
          createdAt: t.clock.now(),
        },
        audit: {
          at: t.clock.now(),
          actorRoles: [],
          action: 'case.report',
          targetType: 'case',
          targetId: id,
          outcome: 'success',
          detail: { code: '' },
        },
      };
    };
    const batch = [like(fresh), like(fresh), like(taken!.idempotency_key)];
    const counts = async () =>
      (
        await queryRows<Record<string, number>>(
          t.database.db,
          sql`SELECT (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM case_events) AS events, (SELECT count(*)::int FROM notifications) AS inbox,
            (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM clock_deadlines) AS deadlines`,
        )
      )[0]!;
    const before = await counts();
    const rows = await insertReportedCases(t.database.db, batch);
    expect(rows.map((r) => r?.id ?? null)).toEqual([batch[0]!.event.data.report.id, null, null]);
    expect(rows[0]?.code).toMatch(/^20261128\d{7}$/);
    const after = await counts();
    // One case and only its rows: the second (same key, same statement) and the third (key taken) left nothing.
    expect(Object.fromEntries(Object.entries(after).map(([k, n]) => [k, n - before[k]!]))).toEqual({
      cases: 1,
      events: 1,
      inbox: 1,
      audit: 1,
      deadlines: 2,
    });
    const [mine] = await queryRows<{ code: string; audit: string }>(
      t.database.db,
      sql`SELECT c.code, a.detail->>'code' AS audit FROM cases c JOIN audit_log a ON a.target_id = c.id::text WHERE c.id = ${rows[0]!.id}`,
    );
    expect(mine).toEqual({ code: rows[0]!.code, audit: rows[0]!.code });
  });

  it('refuses an unknown item, a point outside the area and a foreign photo, changing nothing', async () => {
    const before = await tableCounts(t.database);
    const unknown = await report(resident, { itemCode: '99999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'case.unknown_item' });
    expect(unknown.json().message).toMatch(/事项/);
    const outside = await report(resident, { location: { lon: 0.5, lat: 0.5 } });
    expect(outside.json()).toMatchObject({ code: 'case.outside_area' });
    const foreign = await report(resident, { attachmentIds: [crypto.randomUUID()] });
    expect(foreign.statusCode).toBe(400);
    const badField = await report(resident, { fields: { nonsense: 'x' } });
    expect(badField.json()).toMatchObject({ code: 'case.invalid_fields' });
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('takes reports from other systems by API key, idempotently, and refuses a bad key', async () => {
    const admin = await login(t.app, 'admin');
    const regions = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM regions WHERE code = '410104001'`,
    );
    const created = await post(admin, '/api/api-keys', {
      name: '视频告警平台',
      regionId: regions[0]?.id,
      source: 'video',
    });
    expect(created.statusCode).toBe(201);
    const key = created.json().key as string;
    const body = {
      itemCode: notForGrids.code,
      description: '摄像头识别到占道',
      location: { lon: spot.lon, lat: spot.lat },
      idempotencyKey: 'cam-event-0001',
    };
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/intake/cases',
      headers: { 'x-api-key': key },
      payload: body,
    });
    expect(first.statusCode).toBe(201);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/intake/cases',
      headers: { 'x-api-key': key },
      payload: body,
    });
    expect(again.json()).toMatchObject({ id: first.json().id, created: false });
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/intake/cases',
      headers: { 'x-api-key': 'gw_wrong' },
      payload: body,
    });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().code).toBe('api_key.invalid');
  });

  it('holds each key to the rate the admin set for it', async () => {
    const admin = await login(t.app, 'admin');
    const regions = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM regions WHERE code = '410104001'`,
    );
    const keyAt = async (name: string, ratePerMinute: number) =>
      (await post(admin, '/api/api-keys', { name, regionId: regions[0]?.id, source: 'sensor', ratePerMinute })).json()
        .key as string;
    const slow = await keyAt('慢速传感器', 2);
    const other = await keyAt('另一套传感器', 600);
    const send = (key: string, n: number) =>
      t.app.inject({
        method: 'POST',
        url: '/api/intake/cases',
        headers: { 'x-api-key': key },
        payload: {
          itemCode: notForGrids.code,
          description: '水位超警戒',
          location: { lon: spot.lon, lat: spot.lat },
          idempotencyKey: `rate-${key.slice(0, 8)}-${n}`,
        },
      });
    const statuses = [];
    for (let n = 0; n < 3; n++) statuses.push((await send(slow, n)).statusCode);
    expect(statuses).toEqual([201, 201, 429]);
    const limited = await send(slow, 3);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    const cases = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM cases WHERE idempotency_key LIKE ${`rate-${slow.slice(0, 8)}-%`}`,
    );
    expect(cases[0]?.n).toBe(2);
    expect((await send(other, 0)).statusCode).toBe(201);
    // A bad key is refused as such, not counted against anyone's rate.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/intake/cases',
          headers: { 'x-api-key': 'gw_wrong' },
          payload: {},
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the chain: report → accept → dispatch → sign → feed back → verify (rework) → close → rate', () => {
  let id: string;
  let version: number;
  const step = async (s: Session, action: string, more: object = {}) => {
    const res = await act(s, id, version, action, more);
    expect(res.statusCode, res.body).toBe(200);
    version = res.json().version;
    return res.json();
  };

  it('runs the whole loop, each step by the right person, and the case follows from its events', async () => {
    id = (await report(resident, {})).json().id;
    version = 1;
    const queue = (await get(dispatcher, '/api/cases?view=queue')).json();
    expect(queue.items.map((c: { id: string }) => c.id)).toContain(id);
    // The search box finds it by its full number and by words of its description.
    const code = queue.items.find((c: { id: string }) => c.id === id).code as string;
    expect(
      (await get(dispatcher, `/api/cases?view=all&q=${code}`)).json().items.map((c: { id: string }) => c.id),
    ).toEqual([id]);
    expect(
      (await get(dispatcher, `/api/cases?view=all&q=${encodeURIComponent('路口有问题')}`))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).toContain(id);
    expect(
      (await get(dispatcher, `/api/cases?view=all&q=${code.slice(0, 14)}9`))
        .json()
        .items.map((c: { id: string }) => c.id),
    ).not.toContain(id);
    expect((await step(dispatcher, 'accept', { conditionMet: true })).state).toBe('accepted');

    const proposal = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`)).json();
    expect(proposal.recommended).toMatchObject({ kind: 'unit' });
    const unit = proposal.units.find((u: { responsible: boolean }) => u.responsible);
    expect(unit.name).toBe('格物街道综合行政执法中队');

    // Grid workers only get admitted items (网格事项准入).
    const gw = proposal.gridWorkers.find((w: { ownGrid: boolean }) => w.ownGrid);
    const refused = await act(dispatcher, id, version, 'dispatch', { userId: gw.id });
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ code: 'dispatch.item_not_admitted' });
    expect(refused.json().message).toMatch(/准入/);

    expect((await step(dispatcher, 'dispatch', { unitId: unit.id })).state).toBe('dispatched');
    // The police have no business with it; the 城管 squad sees it in its tasks.
    expect((await get(policeHandler, `/api/cases/${id}`)).statusCode).toBe(404);
    expect((await get(policeHandler, '/api/cases?view=tasks')).json().items).toHaveLength(0);
    expect((await get(handler, '/api/cases?view=tasks')).json().items.map((c: { id: string }) => c.id)).toContain(id);
    const signed = await step(handler, 'sign');
    expect(signed).toMatchObject({ state: 'handling', stage: 'handle' });
    await step(handler, 'step', { note: '已到现场，正在处置' });
    const fed = await step(handler, 'feed_back', { note: '已处理完毕' });
    expect(fed.verifierUserId).toBe(gridworker.userId);

    // The grid worker finds it not fixed: back for rework.
    expect((await get(gridworker, '/api/cases?view=verify')).json().items.map((c: { id: string }) => c.id)).toContain(
      id,
    );
    expect((await step(gridworker, 'verify_fail', { note: '现场仍有问题' })).state).toBe('handling');
    await step(handler, 'feed_back', { note: '已重新处理' });
    expect((await step(gridworker, 'verify_pass')).state).toBe('verified');
    expect((await step(dispatcher, 'close', { conditionMet: true })).state).toBe('closed');
    const rated = await step(resident, 'rate', { rating: 'basically_satisfied', resolved: true });
    expect(rated.rating).toBe('basically_satisfied');
    expect(rated.events.map((e: { type: string }) => e.type)).toEqual([
      'report',
      'accept',
      'dispatch',
      'sign',
      'step',
      'feed_back',
      'verify_fail',
      'feed_back',
      'verify_pass',
      'close',
      'rate',
    ]);
    // The resident sees what happened but not which staff member did it.
    const mine = (await get(resident, `/api/cases/${id}`)).json();
    expect(mine.events.filter((e: { actorName: string | null }) => e.actorName && e.actorName !== '李群众')).toEqual(
      [],
    );

    // The row equals the replay of its append-only events.
    const events = await queryRows<{ type: string; at: Date; actor_id: string | null; data: CaseEventRecord['data'] }>(
      t.database.db,
      sql`SELECT type, at, actor_id, data FROM case_events WHERE case_id = ${id} ORDER BY seq`,
    );
    const replayed = replayCase(
      events.map(
        (e) =>
          ({
            type: e.type,
            at: new Date(e.at),
            actorId: e.actor_id,
            data: e.data,
          }) as CaseEventRecord,
      ),
    );
    const [row] = await queryRows<{ state: string; version: number; rework_count: number; rating: string }>(
      t.database.db,
      sql`SELECT state, version, rework_count, rating FROM cases WHERE id = ${id}`,
    );
    expect(row).toMatchObject({
      state: replayed.state,
      version: replayed.version,
      rework_count: replayed.reworkCount,
      rating: replayed.rating,
    });
    await expect(t.database.db.execute(sql`DELETE FROM case_events WHERE case_id = ${id}`)).rejects.toThrow();
  });

  it('refuses an action not allowed in the state or for the role, leaving the case unchanged', async () => {
    const c = await closedCase();
    const wrongState = await act(dispatcher, c.id, c.version, 'dispatch', { unitId: squad });
    expect(wrongState.statusCode).toBe(422);
    expect(wrongState.json()).toMatchObject({
      code: 'case.invalid_state',
      message: '案件当前状态（已结案）不能派遣',
    });
    const wrongRole = await act(handler, c.id, c.version, 'callback', { note: 'x' });
    expect(wrongRole.statusCode).toBe(403);
    expect(wrongRole.json()).toMatchObject({ code: 'case.not_allowed', message: '您无权对该案件回访' });
    const after = (await get(dispatcher, `/api/cases/${c.id}`)).json();
    expect(after).toMatchObject({ state: 'closed', version: 7 });
  });

  it('lets the resident reopen a case that was not fixed', async () => {
    const c = await closedCase();
    await c.step(resident, 'rate', { rating: 'dissatisfied', resolved: false });
    const reopened = await c.step(resident, 'reopen', { note: '问题又出现了' });
    expect(reopened).toMatchObject({
      state: 'accepted',
      rating: null,
      resolved: null,
      closedAt: null,
      assigneeUnitId: null,
      stage: 'dispatch',
      version: 9,
    });
    expect(reopened.counters.reopen).toBe(1);
  });
});

describe('races, scope and self-handling', () => {
  it('of two people acting at once, one wins and the other gets 409 with the new state', async () => {
    const id = (await report(resident, {})).json().id;
    const [a, b] = await Promise.all([
      act(dispatcher, id, 1, 'accept', { conditionMet: true }),
      act(dispatcher, id, 1, 'reject', { note: '重复' }),
    ]);
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes).toEqual([200, 409]);
    const loser = a.statusCode === 409 ? a : b;
    expect(loser.json()).toMatchObject({ code: 'case.conflict', current: { id, version: 2 } });
    const [n] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM case_events WHERE case_id = ${id}`,
    );
    expect(n?.n).toBe(2);
  });

  it('a township sees only its own cases', async () => {
    const id = (await report(resident, {})).json().id;
    expect((await get(zhixingDispatcher, `/api/cases/${id}`)).statusCode).toBe(404);
    const theirs = (await get(zhixingDispatcher, '/api/cases?view=all')).json();
    expect(theirs.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expect((await act(zhixingDispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(404);
  });

  it('a grid worker self-handles an admitted small item in one step, and not a non-admitted one', async () => {
    const done = await report(gridworker, { itemCode: minorAdmitted.code, selfHandle: { note: '已当场劝导清理' } });
    expect(done.statusCode).toBe(201);
    expect(done.json().state).toBe('closed');
    const detail = (await get(gridworker, `/api/cases/${done.json().id}`)).json();
    expect(detail).toMatchObject({ selfHandled: true, level: 'grid', channel: 'grid_worker' });
    const refused = await report(gridworker, { selfHandle: { note: '已处理' } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().code).toBe('case.self_handle_not_allowed');
  });

  it('dispatches an admitted item to the grid worker, who may escalate it to the village tier', async () => {
    const id = (await report(resident, { itemCode: minorAdmitted.code })).json().id;
    await act(dispatcher, id, 1, 'accept', { conditionMet: true });
    const proposal = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`)).json();
    expect(proposal.recommended).toEqual({ kind: 'grid_worker', userId: gridworker.userId });
    const loadOf = async () =>
      (await get(dispatcher, '/api/grid-workers/load'))
        .json()
        .items.find((w: { id: string }) => w.id === gridworker.userId);
    const before = await loadOf();
    expect(before).toMatchObject({ name: '王网格', regionName: '明德社区' });
    expect((await act(dispatcher, id, 2, 'dispatch', { userId: gridworker.userId })).json()).toMatchObject({
      state: 'dispatched',
      level: 'grid',
    });
    await act(gridworker, id, 3, 'sign');
    expect(await loadOf()).toEqual({ ...before, holding: before.holding + 1 });
    const up = await act(gridworker, id, 4, 'escalate', { note: '需要社区协调' });
    expect(up.json()).toMatchObject({ state: 'accepted', level: 'village', assigneeUserId: null });
    // Passed up, the case no longer weighs on the grid worker.
    expect(await loadOf()).toEqual(before);
  });
});

describe('dispatching to a person', () => {
  it('refuses a grid worker of another township, above the centre, of another village, a disabled one and a handler, writing nothing', async () => {
    await addUser(t.database, { username: 'zxgrid', role: 'grid_worker', regionCode: '410104002001' });
    await addUser(t.database, { username: 'countygrid', role: 'grid_worker', regionCode: '410104' });
    await addUser(t.database, { username: 'zzgrid', role: 'grid_worker', regionCode: '410104001002' });
    await addUser(t.database, { username: 'offgrid', role: 'grid_worker', regionCode: '410104001001' });
    await t.database.db.execute(sql`UPDATE users SET status = 'disabled' WHERE username = 'offgrid'`);
    const people = await queryRows<{ username: string; id: string }>(
      t.database.db,
      sql`SELECT username, id FROM users WHERE username IN ('zxgrid', 'countygrid', 'zzgrid', 'offgrid', 'handler')`,
    );
    const idOf = (u: string) => people.find((p) => p.username === u)!.id;
    const id = (await report(resident, { itemCode: minorAdmitted.code })).json().id;
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);

    // The proposal lists only people a dispatch would accept: the own village's active worker.
    const proposal = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`)).json();
    expect(proposal.gridWorkers.map((w: { id: string }) => w.id)).toEqual([gridworker.userId]);

    const before = await tableCounts(t.database);
    const expected: [string, string][] = [
      ['zxgrid', 'dispatch.not_grid_worker'], // 知行街道: outside the dispatcher's township
      ['countygrid', 'dispatch.not_grid_worker'], // covers the place, but above the township centre's area
      ['zzgrid', 'dispatch.worker_outside_area'], // 致知社区: inside the township, not where the case is
      ['offgrid', 'dispatch.not_grid_worker'], // the right village, but a disabled account
      ['handler', 'dispatch.not_grid_worker'], // a unit's person: units are dispatched as units
    ];
    for (const [username, code] of expected) {
      const res = await act(dispatcher, id, 2, 'dispatch', { userId: idOf(username) });
      expect(res.statusCode, username).toBe(400);
      expect(res.json(), username).toMatchObject({ code });
      expect(res.json().message).toMatch(/网格员/);
    }
    expect(await tableCounts(t.database)).toEqual(before);
    expect((await get(dispatcher, `/api/cases/${id}`)).json()).toMatchObject({
      state: 'accepted',
      version: 2,
      assigneeUserId: null,
    });
    // The neighbouring township's worker never gets to read it.
    expect((await get(await login(t.app, 'zxgrid'), `/api/cases/${id}`)).statusCode).toBe(404);

    // The own village's worker is accepted.
    expect((await act(dispatcher, id, 2, 'dispatch', { userId: gridworker.userId })).json()).toMatchObject({
      state: 'dispatched',
      assigneeUserId: gridworker.userId,
    });
  });
});

describe('returning a case', () => {
  it('a unit returns a case that is not theirs: the centre gets it back, the unit sees the result once', async () => {
    const id = (await report(resident, {})).json().id;
    await act(dispatcher, id, 1, 'accept', { conditionMet: true });
    const squad = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`))
      .json()
      .units.find((u: { responsible: boolean }) => u.responsible);
    await act(dispatcher, id, 2, 'dispatch', { unitId: squad.id });
    const returned = await act(handler, id, 3, 'return', { note: '不属于本单位职责' });
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ state: 'accepted', actions: [], assigneeUnitId: null });
    expect((await get(handler, `/api/cases/${id}`)).statusCode).toBe(404);
    expect((await get(dispatcher, `/api/cases/${id}`)).json().counters.return).toBe(1);
  });
});

/** The township centre of the demo cases (格物街道). */
const CENTRE = '/41/4101/410104/410104001/';
const recipients = (caseId: string) =>
  queryRows<{
    kind: string;
    user_id: string | null;
    unit_id: string | null;
    role: string | null;
    region_path: string | null;
  }>(
    t.database.db,
    sql`SELECT kind, user_id, unit_id, role, region_path FROM notifications WHERE case_id = ${caseId} AND kind IN ('case.overdue', 'case.warning') ORDER BY kind, unit_id NULLS FIRST`,
  );

describe('deadline sweep', () => {
  it('turns stages yellow then red once each, even when run twice (two instances)', async () => {
    const id = (await report(resident, {})).json().id;
    const notes = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM notifications WHERE case_id = ${id} AND kind IN ('case.overdue','case.warning')`,
        )
      )[0]?.n ?? 0;
    await sweepDeadlines(t.deps);
    expect(await notes()).toBe(0);
    t.clock.advance(3 * 3_600_000); // past the 2-working-hour acceptance limit
    const [a, b] = await Promise.all([sweepDeadlines(t.deps), sweepDeadlines(t.deps)]);
    expect(a.overdue + b.overdue).toBeGreaterThanOrEqual(1);
    const after = await notes();
    expect(after).toBeGreaterThanOrEqual(2); // warning + overdue (centre)
    await sweepDeadlines(t.deps);
    expect(await notes()).toBe(after);
    await signIn(); // the sessions idled out while the clock moved
    const detail = (await get(dispatcher, `/api/cases/${id}`)).json();
    expect(detail.light).toBe('red');
    // Every case reported so far turned red at the same moment (the test clock): ask for them all.
    const red = (await get(dispatcher, '/api/cases?view=supervision&light=red&pageSize=100')).json();
    expect(red.total).toBeLessThan(100);
    expect(red.items.map((c: { id: string }) => c.id)).toContain(id);
    // Every open case turned red at once: ask for a page that holds all their notices, whichever order the two sweeps wrote them in.
    const inbox = (await get(dispatcher, '/api/notifications?limit=100')).json();
    expect(
      inbox.items.some((n: { caseId: string; kind: string }) => n.caseId === id && n.kind === 'case.overdue'),
    ).toBe(true);
    // Nobody holds it yet: the township centre is told both times.
    expect(await recipients(id)).toEqual([
      { kind: 'case.overdue', user_id: null, unit_id: null, role: 'dispatcher', region_path: CENTRE },
      { kind: 'case.warning', user_id: null, unit_id: null, role: 'dispatcher', region_path: CENTRE },
    ]);
  });
});

describe('figures', () => {
  it('counts the period per unit with the formulas of domain.md', async () => {
    // A period of its own, a month after anything earlier tests did.
    t.clock.advance(30 * 86_400_000);
    await signIn();
    const from = t.clock.now().toISOString();
    // The squad gets two cases: it returns one (not theirs) and handles the other, which fails the check once.
    const returned = await newCase();
    await returned.step(dispatcher, 'accept', { conditionMet: true });
    await returned.step(dispatcher, 'dispatch', { unitId: squad });
    await returned.step(handler, 'return', { note: '不属于本单位职责' });
    const handled = await newCase();
    await handled.step(dispatcher, 'accept', { conditionMet: true });
    await handled.step(dispatcher, 'dispatch', { unitId: squad });
    await handled.step(handler, 'sign');
    await handled.step(handler, 'feed_back', { note: '已处理' });
    await handled.step(gridworker, 'verify_fail', { note: '现场仍有问题' });
    await handled.step(handler, 'feed_back', { note: '已重新处理' });
    await handled.step(gridworker, 'verify_pass');
    await handled.step(dispatcher, 'close', { conditionMet: true });
    const to = new Date(t.clock.now().getTime() + 86_400_000).toISOString();

    const res = await get(dispatcher, `/api/case-figures?from=${from}&to=${to}&by=unit`);
    expect(res.statusCode).toBe(200);
    const row = res.json().items.find((i: { name: string }) => i.name === '格物街道综合行政执法中队');
    expect(row.counts).toMatchObject({
      reported: 1, // the returned case is the centre's again
      accepted: 1,
      closed: 1,
      closedOnTime: 1,
      dispatched: 2,
      returned: 1,
      handled: 1,
      reworked: 1,
    });
    // 准确派遣率 = (dispatched − returned) / dispatched; 返工率 = reworked / handled.
    expect(row.rates).toMatchObject({ dispatchAccuracy: 0.5, rework: 1 });
    const bad = await get(dispatcher, `/api/case-figures?from=${to}&to=${from}`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'figures.bad_period', message: '统计时段的开始应早于结束' });
    // A unit sees its own row only.
    const own = (await get(handler, `/api/case-figures?from=${from}&to=${to}&by=unit`)).json();
    expect(own.items.map((i: { name: string }) => i.name)).toEqual(['格物街道综合行政执法中队']);
    expect((await get(handler, `/api/case-figures?from=${from}&to=${to}&by=grid`)).statusCode).toBe(403);
  });
});

describe('sweep across stages', () => {
  it("replaces the taken light changes with the next stage's, which turns red on its own deadline", async () => {
    const filed = await report(resident, {});
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id;
    const pending = async () =>
      queryRows<{ light: string; stage: string }>(
        t.database.db,
        sql`SELECT light, stage FROM clock_deadlines WHERE subject_id = ${id} AND kind = 'case.stage' ORDER BY light`,
      );
    expect(await pending()).toEqual([
      { light: 'red', stage: 'accept' },
      { light: 'yellow', stage: 'accept' },
    ]);
    const pastDeadline = async () => {
      const { stageDeadline } = (await get(dispatcher, `/api/cases/${id}`)).json();
      t.clock.advance(new Date(stageDeadline).getTime() - t.clock.now().getTime() + 60_000);
      await signIn(); // the sessions idled out while the clock moved
    };
    await pastDeadline();
    await sweepDeadlines(t.deps);
    expect(await pending()).toEqual([]);
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
    expect(await pending()).toEqual([
      { light: 'red', stage: 'dispatch' },
      { light: 'yellow', stage: 'dispatch' },
    ]);
    const notes = async () =>
      (
        await queryRows<{ n: number }>(
          t.database.db,
          sql`SELECT count(*)::int AS n FROM notifications WHERE case_id = ${id} AND kind = 'case.overdue'`,
        )
      )[0]?.n ?? 0;
    const before = await notes();
    await sweepDeadlines(t.deps);
    expect(await notes()).toBe(before);
    await pastDeadline();
    const [c, d] = await Promise.all([sweepDeadlines(t.deps), sweepDeadlines(t.deps)]);
    expect(c.overdue + d.overdue).toBeGreaterThanOrEqual(1);
    expect(await notes()).toBe(before + 1);
    expect(await pending()).toEqual([]);
    expect((await get(dispatcher, `/api/cases/${id}`)).json()).toMatchObject({ stage: 'dispatch', light: 'red' });
  });

  it('catches up in small batches, two instances at once, still telling each case once', async () => {
    const ids: string[] = [];
    for (let k = 0; k < 5; k++) ids.push((await report(resident, {})).json().id);
    const deadlines = await Promise.all(
      ids.map(async (id) => new Date((await get(dispatcher, `/api/cases/${id}`)).json().stageDeadline).getTime()),
    );
    t.clock.advance(Math.max(...deadlines) - t.clock.now().getTime() + 60_000);
    // Batches of 1 and of 2: each instance loops, skipping the rows the other holds.
    const [a, b] = await Promise.all([sweepDeadlines(t.deps, 1), sweepDeadlines(t.deps, 2)]);
    expect(a.overdue + b.overdue).toBeGreaterThanOrEqual(ids.length);
    expect(a.warned + b.warned).toBeGreaterThanOrEqual(ids.length);
    const counts = await queryRows<{ case_id: string; kind: string; n: number }>(
      t.database.db,
      sql`SELECT case_id, kind, count(*)::int AS n FROM notifications WHERE case_id IN ${ids} AND kind IN ('case.overdue','case.warning') GROUP BY 1, 2`,
    );
    // Reported, not yet accepted: no assignee, so the centre gets one warning and one overdue notice.
    expect(counts).toHaveLength(2 * ids.length);
    expect(counts.every((c) => c.n === 1)).toBe(true);
    const left = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE subject_id IN ${ids}`,
    );
    expect(left[0]?.n).toBe(0);
    expect(await sweepDeadlines(t.deps, 1)).toEqual({ overdue: 0, warned: 0 });
  });
});

describe('deadline sweep recipients', () => {
  it('tells the unit holding a case at yellow, and the unit and the centre at red', async () => {
    const id = (await report(resident, {})).json().id;
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
    const unit = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`))
      .json()
      .units.find((u: { responsible: boolean }) => u.responsible);
    const dispatched = await act(dispatcher, id, 2, 'dispatch', { unitId: unit.id });
    expect(dispatched.statusCode, dispatched.body).toBe(200);
    const [times] = await queryRows<{ warn: string; deadline: string }>(
      t.database.db,
      sql`SELECT stage_warn_at AS warn, stage_deadline AS deadline FROM cases WHERE id = ${id}`,
    );
    t.clock.set(new Date(new Date(times!.warn).getTime() + 1000));
    await sweepDeadlines(t.deps);
    expect(await recipients(id)).toEqual([
      { kind: 'case.warning', user_id: null, unit_id: unit.id, role: null, region_path: null },
    ]);
    t.clock.set(new Date(new Date(times!.deadline).getTime() + 1000));
    await sweepDeadlines(t.deps);
    expect(await recipients(id)).toEqual([
      { kind: 'case.overdue', user_id: null, unit_id: null, role: 'dispatcher', region_path: CENTRE },
      { kind: 'case.overdue', user_id: null, unit_id: unit.id, role: null, region_path: null },
      { kind: 'case.warning', user_id: null, unit_id: unit.id, role: null, region_path: null },
    ]);
  });
});
