import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { addUser, as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';

/*
 * The paths of the case chain besides the main loop, driven over HTTP: extension and suspension
 * (request, approve, refuse), resume, merge, void, co-handling feedback, supervision, the duplicates
 * list and the conditions the centre confirms. Each test sets its own clock and builds its own cases;
 * every expected value is written out by hand.
 *
 * The working calendar is the demo's: Monday to Friday, 08:30–12:00 and 14:00–17:30 (UTC+8), no
 * holidays in December 2026. Item 01005 户外广告招牌破损 is handled within 5 working days (ending at
 * 17:30 of the fifth working day after the one it starts on).
 */

let t: TestApp;
let spot: { lon: number; lat: number; gridId: string };
/** 格物街道综合行政执法中队 (the demo handler's unit) and 格物派出所 (police1's). */
let squad: string;
let police: string;

const SIGNBOARD = '01005'; // 户外广告招牌破损: urban management, 5 working days to handle
const STREETLIGHT = '02002'; // 路灯不亮: used only by the duplicates test
/** The township centre of the demo cases (格物街道). */
const CENTRE = '/41/4101/410104/410104001/';

beforeAll(async () => {
  // Tests set the clock days apart and sign everyone in again (below): sessions last 30 days, idle out
  // after a day, and the logins are not rate-limited as a person's would be.
  t = await createTestApp({
    GEWU_SESSION_TTL_HOURS: '720',
    GEWU_SESSION_IDLE_MINUTES: '1440',
    GEWU_LOGIN_RATE_LIMIT: '1000',
  });
  await addUser(t.database, { username: 'police1', role: 'handler', regionCode: '410104001', unitName: '格物派出所' });
  spot = await pointInGrid(t.database, '410104001001001');
  const units = await queryRows<{ id: string; name: string }>(
    t.database.db,
    sql`SELECT id, name FROM units WHERE name IN ('格物街道综合行政执法中队', '格物派出所')`,
  );
  squad = units.find((u) => u.name === '格物街道综合行政执法中队')!.id;
  police = units.find((u) => u.name === '格物派出所')!.id;
});
afterAll(async () => {
  await t.close();
});

interface People {
  resident: Session;
  gridworker: Session;
  dispatcher: Session;
  handler: Session;
  police1: Session;
  leader: Session;
}
let people: { signedInAt: number; sessions: People } | null = null;
/**
 * Sets the test clock (a local time in UTC+8 written as ISO) and returns everyone's sessions, signed
 * in again when the clock moved more than half a day from the last sign-in (sessions idle out).
 */
async function at(localTime: string): Promise<People> {
  t.clock.set(new Date(`${localTime}+08:00`));
  const now = t.clock.now().getTime();
  if (people && Math.abs(now - people.signedInAt) < 12 * 3_600_000) return people.sessions;
  const names = ['resident', 'gridworker', 'dispatcher', 'handler', 'police1', 'leader'] as const;
  const sessions: Session[] = [];
  for (const n of names) sessions.push(await login(t.app, n));
  people = {
    signedInAt: now,
    sessions: Object.fromEntries(names.map((n, i) => [n, sessions[i]])) as unknown as People,
  };
  return people.sessions;
}
/** Moves the clock on within a test. */
const later = at;

const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });

/** A case and the version the next action must name. */
interface Flow {
  id: string;
  version: number;
}
/** Takes an action that must succeed; returns the case as it now is. */
async function step(f: Flow, s: Session, action: string, more: object = {}) {
  const res = await post(s, `/api/cases/${f.id}/actions`, { action, version: f.version, ...more });
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  f.version = res.json().version;
  return res.json();
}
/** Tries an action; returns the answer as it is. */
const attempt = (f: Flow, s: Session, action: string, more: object = {}) =>
  post(s, `/api/cases/${f.id}/actions`, { action, version: f.version, ...more });
const detail = async (f: Flow, s: Session) => (await get(s, `/api/cases/${f.id}`)).json();

async function report(p: People, more: object = {}): Promise<Flow> {
  const res = await post(p.resident, '/api/cases', {
    itemCode: SIGNBOARD,
    description: '临街门头招牌松动有坠落风险',
    location: { lon: spot.lon, lat: spot.lat },
    idempotencyKey: crypto.randomUUID(),
    ...more,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { id: res.json().id, version: res.json().version };
}
/** A resident's signboard case taken up to `upTo`, every step at the current clock. */
async function caseUpTo(
  p: People,
  upTo: 'reported' | 'accepted' | 'dispatched' | 'handling',
  dispatch: object = { unitId: squad },
): Promise<Flow> {
  const f = await report(p);
  if (upTo === 'reported') return f;
  await step(f, p.dispatcher, 'accept', { conditionMet: true });
  if (upTo === 'accepted') return f;
  await step(f, p.dispatcher, 'dispatch', dispatch);
  if (upTo === 'dispatched') return f;
  await step(f, p.handler, 'sign');
  return f;
}

/** Who was told of an action on the case (kind `case.<action>`). */
const told = (f: Flow, action: string) =>
  queryRows<{ user_id: string | null; unit_id: string | null; role: string | null; region_path: string | null }>(
    t.database.db,
    sql`SELECT user_id, unit_id, role, region_path FROM notifications WHERE case_id = ${f.id} AND kind = ${`case.${action}`} ORDER BY unit_id NULLS FIRST, user_id NULLS FIRST`,
  );
const centreInbox = { user_id: null, unit_id: null, role: 'dispatcher', region_path: CENTRE };
const unitInbox = (unitId: string) => ({ user_id: null, unit_id: unitId, role: null, region_path: null });

describe('extension (延期)', () => {
  it('the handler asks for more time; the centre approves and the handling deadline becomes the date asked for', async () => {
    const p = await at('2026-12-07T09:00:00'); // Monday
    const f = await caseUpTo(p, 'handling');
    // Signed Monday 09:00: five working days on, Monday 14 December at 17:30.
    expect(await detail(f, p.dispatcher)).toMatchObject({
      stage: 'handle',
      stageDeadline: '2026-12-14T09:30:00.000Z',
      handleDeadline: '2026-12-14T09:30:00.000Z',
    });
    const earlier = await attempt(f, p.handler, 'request_extension', {
      note: '需协调产权单位',
      until: '2026-12-11T09:30:00.000Z',
    });
    expect(earlier.statusCode).toBe(400);
    expect(earlier.json()).toMatchObject({ code: 'case.extension_until', message: '延期后的期限应晚于当前期限' });

    const p2 = await later('2026-12-09T10:00:00'); // Wednesday
    const asked = await step(f, p2.handler, 'request_extension', {
      note: '需协调产权单位拆除',
      until: '2026-12-18T09:30:00.000Z',
    });
    expect(asked).toMatchObject({ state: 'handling', pendingKind: 'extension' });
    expect(await told(f, 'request_extension')).toEqual([centreInbox]);
    const again = await attempt(f, p2.handler, 'request_suspension', { note: '再申请挂账' });
    expect(again.json().code).toBe('case.request_pending');

    const approved = await step(f, p2.dispatcher, 'decide_extension', { approved: true });
    expect(approved).toMatchObject({
      state: 'handling',
      pendingKind: null,
      stage: 'handle',
      stageDeadline: '2026-12-18T09:30:00.000Z',
      handleDeadline: '2026-12-18T09:30:00.000Z',
    });
    expect(await told(f, 'decide_extension')).toEqual([unitInbox(squad)]);
    // The stage keeps its start (Monday 7th, 09:00): of its 69.5 working hours to Friday 18th 17:30,
    // 80% (55.6 h) have passed on Thursday 17th at 08:36.
    const [row] = await queryRows<{ started: Date; warn: Date }>(
      t.database.db,
      sql`SELECT stage_started_at AS started, stage_warn_at AS warn FROM cases WHERE id = ${f.id}`,
    );
    expect(new Date(row!.started).toISOString()).toBe('2026-12-07T01:00:00.000Z');
    expect(new Date(row!.warn).toISOString()).toBe('2026-12-17T00:36:00.000Z');
  });

  it('a refused extension leaves the deadline where it was; a decision must say yes or no', async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await caseUpTo(p, 'handling');
    await step(f, p.handler, 'request_extension', { note: '材料未到', until: '2026-12-21T09:30:00.000Z' });
    const undecided = await attempt(f, p.dispatcher, 'decide_extension', {});
    expect(undecided.statusCode).toBe(400);
    expect(undecided.json()).toMatchObject({ code: 'case.decision_required', message: '请选择同意或不同意' });
    const refused = await step(f, p.dispatcher, 'decide_extension', { approved: false });
    expect(refused).toMatchObject({
      state: 'handling',
      pendingKind: null,
      stage: 'handle',
      stageDeadline: '2026-12-14T09:30:00.000Z',
      handleDeadline: '2026-12-14T09:30:00.000Z',
    });
    expect(refused.events.map((e: { type: string }) => e.type).slice(-2)).toEqual([
      'request_extension',
      'decide_extension',
    ]);
    // Nothing is pending any more: a second decision has nothing to decide.
    const twice = await attempt(f, p.dispatcher, 'decide_extension', { approved: true });
    expect(twice.json().code).toBe('case.no_request');
  });
});

describe('suspension (挂账) and resume', () => {
  it('an approved suspension stops the clock; resuming gives back the working time that was left, from the resume', async () => {
    const p = await at('2026-12-07T09:00:00'); // Monday; handling deadline Monday 14th 17:30
    const f = await caseUpTo(p, 'handling');

    const p2 = await later('2026-12-09T10:00:00'); // Wednesday
    expect(await step(f, p2.handler, 'request_suspension', { note: '需等待产权人回国' })).toMatchObject({
      state: 'handling',
      pendingKind: 'suspension',
    });
    const suspended = await step(f, p2.dispatcher, 'decide_suspension', { approved: true });
    expect(suspended).toMatchObject({
      state: 'suspended',
      pendingKind: null,
      stage: null,
      stageDeadline: null,
      light: null,
    });
    expect(await told(f, 'decide_suspension')).toEqual([unitInbox(squad)]);
    // Left on Wednesday 10:00: Wed 5.5 h + Thu 7 h + Fri 7 h + Mon 7 h = 26.5 working hours.

    // Past the old deadline nothing turns red: the clock is stopped.
    const p3 = await later('2026-12-15T15:00:00'); // Tuesday
    await sweepDeadlines(t.deps);
    expect(await told(f, 'overdue')).toEqual([]);
    expect(await told(f, 'warning')).toEqual([]);

    // Resumed Tuesday 15:00: Tue 2.5 h + Wed 7 + Thu 7 + Fri 7 = 23.5 h; the last 3 h on Monday 21st, 08:30–11:30.
    const resumed = await step(f, p3.dispatcher, 'resume');
    expect(resumed).toMatchObject({
      state: 'handling',
      stage: 'handle',
      stageDeadline: '2026-12-21T03:30:00.000Z',
      handleDeadline: '2026-12-21T03:30:00.000Z',
      light: 'green',
    });
    expect(await told(f, 'resume')).toEqual([unitInbox(squad)]);
  });

  it('a refused suspension keeps the case in hand with its deadline; only a suspended case resumes', async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await caseUpTo(p, 'handling');
    await step(f, p.handler, 'request_suspension', { note: '需等待' });
    const refused = await step(f, p.dispatcher, 'decide_suspension', { approved: false });
    expect(refused).toMatchObject({
      state: 'handling',
      pendingKind: null,
      stage: 'handle',
      stageDeadline: '2026-12-14T09:30:00.000Z',
    });
    const resume = await attempt(f, p.dispatcher, 'resume');
    expect(resume.statusCode).toBe(422);
    expect(resume.json()).toMatchObject({ code: 'case.invalid_state', message: '案件当前状态（处置中）不能恢复处置' });
  });
});

describe('merge (并案) and void (作废)', () => {
  it('merging needs a reason and a target; the merged case points at the case it joined', async () => {
    const p = await at('2026-12-07T09:00:00');
    const target = await report(p);
    const dup = await report(p);
    const before = await detail(dup, p.dispatcher);

    const noNote = await attempt(dup, p.dispatcher, 'merge', { targetCaseId: target.id });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'case.note_required', message: '并案需要填写说明' });
    const noTarget = await attempt(dup, p.dispatcher, 'merge', { note: '同一招牌' });
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json()).toMatchObject({ code: 'case.merge_target_required', message: '请选择要并入的案件' });
    const itself = await attempt(dup, p.dispatcher, 'merge', { note: '同一招牌', targetCaseId: dup.id });
    expect(itself.json().code).toBe('case.merge_target_required');
    expect((await detail(dup, p.dispatcher)).version).toBe(before.version);

    const merged = await step(dup, p.dispatcher, 'merge', { note: '同一招牌重复上报', targetCaseId: target.id });
    expect(merged).toMatchObject({ state: 'merged', mergedIntoId: target.id, stage: null, actions: [] });
    expect(await told(dup, 'merge')).toEqual([
      { user_id: p.resident.userId, unit_id: null, role: null, region_path: null },
    ]);
    // The target goes on as before.
    expect(await detail(target, p.dispatcher)).toMatchObject({ state: 'reported', mergedIntoId: null });
  });

  it('a voided or merged case cannot be a merge target', async () => {
    const p = await at('2026-12-07T09:00:00');
    const voided = await report(p);
    const merged = await report(p);
    const other = await report(p);
    const dup = await report(p);
    await step(voided, p.dispatcher, 'void', { note: '测试数据' });
    await step(merged, p.dispatcher, 'merge', { note: '重复', targetCaseId: other.id });
    for (const gone of [voided, merged]) {
      const res = await attempt(dup, p.dispatcher, 'merge', { note: '重复', targetCaseId: gone.id });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({
        code: 'case.merge_target_invalid',
        message: '不能并入已作废、已并案或不予受理的案件',
      });
    }
    expect(await detail(dup, p.dispatcher)).toMatchObject({ state: 'reported', version: 1, mergedIntoId: null });
  });

  it('voiding needs a reason, ends the case and tells the reporter', async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await caseUpTo(p, 'accepted');
    const noNote = await attempt(f, p.dispatcher, 'void', {});
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json()).toMatchObject({ code: 'case.note_required', message: '作废需要填写说明' });
    const voided = await step(f, p.dispatcher, 'void', { note: '误报' });
    expect(voided).toMatchObject({ state: 'voided', stage: null, stageDeadline: null, actions: [] });
    expect(await told(f, 'void')).toEqual([
      { user_id: p.resident.userId, unit_id: null, role: null, region_path: null },
    ]);
    const late = await attempt(f, p.dispatcher, 'dispatch', { unitId: squad });
    expect(late.statusCode).toBe(422);
    expect(late.json()).toMatchObject({ code: 'case.invalid_state', message: '案件当前状态（已作废）不能派遣' });
  });
});

describe('co-handling (协同处置)', () => {
  it("a co-unit's feedback marks its row and tells the lead unit and the centre; the lead unit cannot give it", async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await caseUpTo(p, 'handling', { unitId: squad, coUnitIds: [police] });
    expect((await detail(f, p.dispatcher)).coUnits).toEqual([{ unitId: police, name: '格物派出所', fedBackAt: null }]);
    const lead = await attempt(f, p.handler, 'co_feed_back', { note: '已配合' });
    expect(lead.statusCode).toBe(403);

    const p2 = await later('2026-12-08T10:00:00');
    const res = await step(f, p2.police1, 'co_feed_back', { note: '已配合劝离围观人员' });
    expect(res).toMatchObject({
      state: 'handling',
      coUnits: [{ unitId: police, name: '格物派出所', fedBackAt: '2026-12-08T02:00:00.000Z' }],
    });
    expect(await told(f, 'co_feed_back')).toEqual([centreInbox, unitInbox(squad)]);
  });
});

describe('supervision (督办)', () => {
  it('a leader supervises a case, or lists it with a rectify-by date (required)', async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await caseUpTo(p, 'handling');
    const plain = await step(f, p.leader, 'supervise', { note: '请加快处置' });
    expect(plain).toMatchObject({ supervision: 'supervise', rectifyBy: null });
    expect(await told(f, 'supervise')).toEqual([centreInbox, unitInbox(squad)]);

    const undated = await attempt(f, p.leader, 'supervise', { note: '挂牌督办', listed: true });
    expect(undated.statusCode).toBe(400);
    expect(undated.json()).toMatchObject({ code: 'case.rectify_by_required', message: '挂牌督办须填写整改期限' });
    const listed = await step(f, p.leader, 'supervise', {
      note: '挂牌督办',
      listed: true,
      rectifyBy: '2026-12-10T09:30:00.000Z',
    });
    expect(listed).toMatchObject({ supervision: 'listed', rectifyBy: '2026-12-10T09:30:00.000Z' });
    // The supervision list shows it.
    const list = (await get(p.leader, '/api/cases?view=supervision&pageSize=100')).json();
    expect(list.items.find((c: { id: string }) => c.id === f.id)).toMatchObject({
      supervision: 'listed',
      rectifyBy: '2026-12-10T09:30:00.000Z',
    });
    // A supervisor needs a reason; the resident may not supervise.
    expect((await attempt(f, p.leader, 'supervise', {})).json().code).toBe('case.note_required');
    expect((await attempt(f, p.resident, 'supervise', { note: '催一下' })).statusCode).toBe(403);
  });
});

describe('duplicates (疑似重复)', () => {
  it('lists cases of the same item within 50 m and 7 days, not voided ones, latest first', async () => {
    const p0 = await at('2026-12-01T09:00:00');
    const light = (lat: number) => ({ itemCode: STREETLIGHT, location: { lon: spot.lon, lat } });
    await report(p0, light(spot.lat)); // the same place, 8 days before: too old
    const p = await later('2026-12-09T09:00:00');
    const near = await report(p, light(spot.lat + 0.0003)); // about 33 m north
    const far = await report(p, light(spot.lat + 0.0006)); // about 67 m: too far
    await report(p, {}); // the same place, another item
    const voided = await report(p, light(spot.lat)); // the same place, voided
    await step(voided, p.dispatcher, 'void', { note: '误报' });
    t.clock.set(new Date('2026-12-09T09:05:00+08:00'));
    const subject = await report(p, light(spot.lat));

    const res = await get(p.dispatcher, `/api/cases/${subject.id}/duplicates`);
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { id: string; distanceM: number }) => [c.id, c.distanceM])).toEqual([
      [near.id, 33],
    ]);
    // Seen from the near one, 33 m north: the subject 33 m south and the far one 33 m further north.
    expect(
      (await get(p.dispatcher, `/api/cases/${near.id}/duplicates`))
        .json()
        .items.map((c: { id: string; distanceM: number }) => [c.id, c.distanceM]),
    ).toEqual([
      [subject.id, 33],
      [far.id, 33],
    ]);
  });
});

describe("the item's conditions (立案条件, 结案条件)", () => {
  it('accepting and closing need the centre to confirm the condition, which the event records', async () => {
    const p = await at('2026-12-07T09:00:00');
    const f = await report(p);
    for (const more of [{}, { conditionMet: false }]) {
      const res = await attempt(f, p.dispatcher, 'accept', more);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'case.condition_unconfirmed',
        message: '请确认符合该事项的立案条件',
      });
    }
    await step(f, p.dispatcher, 'accept', { conditionMet: true });
    await step(f, p.dispatcher, 'dispatch', { unitId: squad });
    await step(f, p.handler, 'sign');
    await step(f, p.handler, 'feed_back', { note: '招牌已拆除' });
    await step(f, p.gridworker, 'verify_pass');
    const unconfirmed = await attempt(f, p.dispatcher, 'close', {});
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json()).toMatchObject({
      code: 'case.condition_unconfirmed',
      message: '请确认符合该事项的结案条件',
    });
    expect((await step(f, p.dispatcher, 'close', { conditionMet: true })).state).toBe('closed');
    const conditions = await queryRows<{ type: string; filing: unknown; closing: unknown }>(
      t.database.db,
      sql`SELECT type, data->'filing' AS filing, data->'closing' AS closing FROM case_events WHERE case_id = ${f.id} AND type IN ('accept', 'close') ORDER BY seq`,
    );
    expect(conditions).toEqual([
      {
        type: 'accept',
        filing: { text: '户外广告、门头招牌破损、残缺、松动或字体缺失，影响市容或存在坠落风险', met: true },
        closing: null,
      },
      { type: 'close', filing: null, closing: { text: '广告招牌已修复、加固或拆除，无坠落风险', met: true } },
    ]);
  });
});
