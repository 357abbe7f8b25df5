import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  addUser,
  as,
  createTestApp,
  login,
  regionIdByCode,
  tableCounts,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

let t: TestApp;
const s: Record<string, Session> = {};
let village: string; // 修身村, the demo cadre's
let otherVillage: string; // 齐家村, cadre2's
const VILLAGE = '410104001201';

const USERS = [
  ['tp-resident-a', 'resident', VILLAGE],
  ['tp-resident-b', 'resident', VILLAGE],
  ['tp-resident-c', 'resident', VILLAGE],
  ['tp-resident-other', 'resident', '410104001202'],
  ['tp-grid', 'grid_worker', VILLAGE],
] as const;

async function signIn() {
  for (const u of ['cadre', 'cadre2', 'dispatcher', 'leader', 'admin', ...USERS.map((x) => x[0])])
    s[u] = await login(t.app, u);
}

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-06-01T02:00:00.000Z')); // 10:00 Beijing, 2026-06-01
  for (const [username, role, regionCode] of USERS) await addUser(t.database, { username, role, regionCode });
  await signIn();
  village = await regionIdByCode(t.database, VILLAGE);
  otherVillage = await regionIdByCode(t.database, '410104001202');
});
afterAll(async () => {
  await t.close();
});

let keys = 0;
const key = () => `topic-key-${++keys}-${Date.now()}`;
const inject = (who: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(who ? as(s[who] as Session) : {}), ...(payload ? { payload } : {}) });

async function raise(who = 'tp-resident-a', extra: object = {}) {
  const res = await inject(who, 'POST', '/api/topics', {
    title: '小区东门增设非机动车停车棚',
    description: '东门外电动车乱停，雨天无处遮挡，建议增设停车棚并安装充电桩。',
    idempotencyKey: key(),
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; state: string };
}
const takeUp = (id: string, who = 'cadre') =>
  inject(who, 'POST', `/api/topics/${id}/take-up`, { plannedMeetingOn: '2026-06-10' });
const MEETING = {
  heldAt: '2026-06-10T19:30:00+08:00',
  place: '修身村村委会议室',
  participants: [
    { kind: 'residents', count: 12 },
    { kind: 'committee', count: 3 },
    { kind: 'property', count: 1 },
  ],
  headcount: 16,
  minutes: '与会人员一致同意在东门增设停车棚，费用由公共收益列支。',
  outcome: 'agreed',
  plan: { what: '东门增设停车棚一座、充电桩 10 个', unit: '修身村村民委员会', dueOn: '2026-07-15' },
};
const topicRow = async (id: string) =>
  (await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM consultation_topics WHERE id = ${id}`))[0];
const notificationsOf = async (kind: string) =>
  queryRows<{ title: string; user_id: string | null; role: string | null }>(
    t.database.db,
    sql`SELECT title, user_id, role FROM notifications WHERE kind = ${kind} ORDER BY id`,
  );
const userId = async (username: string) =>
  (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id;

/** Runs a refused request and checks it changed nothing. */
async function refused(run: () => Promise<{ statusCode: number; body: string }>, status: number, code: string) {
  const before = await tableCounts(t.database);
  const res = await run();
  expect(res.statusCode, res.body).toBe(status);
  expect(JSON.parse(res.body).error?.code ?? JSON.parse(res.body).code).toBe(code);
  expect(await tableCounts(t.database)).toEqual(before);
  return res;
}

describe('raising a topic', () => {
  it('a resident raises in their own village; the same key gives the same topic', async () => {
    const k = key();
    const body = {
      title: '修缮村口老桥护栏',
      description: '村口老桥护栏松动多处，老人孩子经过不安全。',
      idempotencyKey: k,
    };
    const a = await inject('tp-resident-a', 'POST', '/api/topics', body);
    const b = await inject('tp-resident-a', 'POST', '/api/topics', body);
    expect(a.statusCode).toBe(201);
    expect(b.json().id).toBe(a.json().id);
    const row = await topicRow(a.json().id);
    expect(row).toMatchObject({ state: 'raised', source: 'resident', region_id: village, supports: 0 });
    // 15 natural days from 2026-06-01 10:00 Beijing.
    expect(new Date(row?.response_deadline as string).toISOString()).toBe('2026-06-16T02:00:00.000Z');
  });

  it('shows the raiser as 我 to themselves, masked to others, 匿名 when they chose it', async () => {
    const named = await raise();
    const anon = await raise('tp-resident-a', { anonymous: true });
    expect((await inject('tp-resident-a', 'GET', `/api/topics/${named.id}`)).json().raiser).toBe('我');
    expect((await inject('tp-resident-b', 'GET', `/api/topics/${named.id}`)).json().raiser).toBe('t************');
    expect((await inject('cadre', 'GET', `/api/topics/${named.id}`)).json().raiser).toBe('t************');
    expect((await inject('tp-resident-b', 'GET', `/api/topics/${anon.id}`)).json().raiser).toBe('匿名');
    expect((await inject('dispatcher', 'GET', `/api/topics/${anon.id}`)).json().raiser).toBe('匿名');
    const body = (await inject('cadre', 'GET', '/api/topics')).body;
    expect(body).not.toContain('tp-resident-a');
  });

  it('grid workers and cadres raise for residents or deputies; a resident cannot claim another source', async () => {
    const g = await raise('tp-grid', { source: 'deputy' });
    expect(await topicRow(g.id)).toMatchObject({ source: 'deputy' });
    const c = await raise('cadre', { villageId: village });
    expect(await topicRow(c.id)).toMatchObject({ source: 'cadre' });
    await refused(
      () =>
        inject('tp-resident-a', 'POST', '/api/topics', {
          title: '假冒代表来源的议题',
          description: '居民不能把自己的议题标为代表联络站收集。',
          source: 'deputy',
          idempotencyKey: key(),
        }),
      400,
      'topic.source_invalid',
    );
    await refused(
      () =>
        inject('cadre', 'POST', '/api/topics', {
          villageId: otherVillage,
          title: '其他村的议题',
          description: '村干部不能在其他村提出议题。',
          idempotencyKey: key(),
        }),
      404,
      'topic.village_not_found',
    );
  });

  it('refuses bad bodies (400) and roles that may not raise (403)', async () => {
    await refused(
      () => inject('tp-resident-a', 'POST', '/api/topics', { title: 'x', idempotencyKey: key() }),
      400,
      'validation.failed',
    );
    await refused(
      () =>
        inject('tp-resident-a', 'POST', '/api/topics', {
          title: '标题正常',
          description: '描述也足够长了吧。。。',
          idempotencyKey: key(),
          extra: 1,
        }),
      400,
      'validation.failed',
    );
    await refused(
      () =>
        inject('dispatcher', 'POST', '/api/topics', {
          title: '标题正常',
          description: '描述也足够长了吧。。。',
          idempotencyKey: key(),
        }),
      403,
      'access.denied',
    );
  });
});

describe('附议', () => {
  it('one support per resident, never their own, only in their village', async () => {
    const topic = await raise();
    const ok = await inject('tp-resident-b', 'POST', `/api/topics/${topic.id}/support`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().supports).toBe(1);
    await refused(
      () => inject('tp-resident-b', 'POST', `/api/topics/${topic.id}/support`),
      409,
      'topic.already_supported',
    );
    await refused(() => inject('tp-resident-a', 'POST', `/api/topics/${topic.id}/support`), 422, 'topic.own_topic');
    await refused(() => inject('tp-resident-other', 'POST', `/api/topics/${topic.id}/support`), 404, 'topic.not_found');
    await refused(() => inject('cadre', 'POST', `/api/topics/${topic.id}/support`), 403, 'access.denied');
    const seen = await inject('tp-resident-b', 'GET', `/api/topics/${topic.id}`);
    expect(seen.json()).toMatchObject({ supports: 1, supportedByMe: true, threshold: 10, thresholdReached: false });
  });

  it('marks 达到议题门槛 at the village threshold and tells the cadres', async () => {
    const set = await inject('cadre', 'PUT', `/api/topic-settings/${village}`, {
      supportThreshold: 2,
      responseDays: 15,
    });
    expect(set.statusCode, set.body).toBe(200);
    const topic = await raise();
    await inject('tp-resident-b', 'POST', `/api/topics/${topic.id}/support`);
    expect((await inject('cadre', 'GET', `/api/topics/${topic.id}`)).json().thresholdReached).toBe(false);
    await inject('tp-resident-c', 'POST', `/api/topics/${topic.id}/support`);
    expect((await inject('cadre', 'GET', `/api/topics/${topic.id}`)).json()).toMatchObject({
      supports: 2,
      thresholdReached: true,
    });
    const told = await notificationsOf('topic.threshold_reached');
    expect(told.at(-1)).toMatchObject({
      role: 'village_cadre',
      title: '居民议题附议已达 2 人，请提交议事会：小区东门增设非机动车停车棚',
    });
    const reached = await inject('cadre', 'GET', '/api/topics?thresholdReached=true');
    expect(reached.json().items.map((i: { id: string }) => i.id)).toContain(topic.id);
    await inject('cadre', 'PUT', `/api/topic-settings/${village}`, { supportThreshold: 10, responseDays: 15 });
  });

  it('refuses a support on a declined topic (409) and bad settings (400, 404 elsewhere)', async () => {
    const topic = await raise();
    await inject('cadre', 'POST', `/api/topics/${topic.id}/decline`, { reason: '属于物业服务合同范围，已转物业' });
    await refused(
      () => inject('tp-resident-b', 'POST', `/api/topics/${topic.id}/support`),
      409,
      'topic.support_closed',
    );
    await refused(
      () => inject('cadre', 'PUT', `/api/topic-settings/${village}`, { supportThreshold: 0, responseDays: 15 }),
      400,
      'validation.failed',
    );
    await refused(
      () => inject('cadre', 'PUT', `/api/topic-settings/${otherVillage}`, { supportThreshold: 5, responseDays: 15 }),
      404,
      'topic.village_not_found',
    );
  });
});

describe('from raised to implemented', () => {
  it('takes up, records an agreed meeting (决议 published), records the implementation (实施结果 published)', async () => {
    const topic = await raise();
    const raiser = await userId('tp-resident-a');
    const up = await takeUp(topic.id);
    expect(up.statusCode, up.body).toBe(200);
    expect(up.json().state).toBe('taken_up');
    expect((await notificationsOf('topic.take_up')).at(-1)).toMatchObject({
      user_id: raiser,
      title: '您提出的议题已受理，计划于 2026-06-10 议事协商：小区东门增设非机动车停车棚',
    });
    const met = await inject('cadre', 'POST', `/api/topics/${topic.id}/meeting`, MEETING);
    expect(met.statusCode, met.body).toBe(200);
    expect(met.json().state).toBe('implementing');
    const detail = (await inject('tp-resident-a', 'GET', `/api/topics/${topic.id}`)).json();
    expect(detail.meeting).toMatchObject({ outcome: 'agreed', headcount: 16, plan: MEETING.plan });
    expect(detail.deadline).toBe('2026-07-15T16:00:00.000Z');
    expect(detail.light).toBe('green');
    expect(detail.noticeIds).toHaveLength(1);
    const resolution = await inject('tp-resident-b', 'GET', `/api/notices/${detail.noticeIds[0]}`);
    expect(resolution.json()).toMatchObject({
      category: 'resolution',
      title: '议事协商决议：小区东门增设非机动车停车棚',
    });

    const done = await inject('cadre', 'POST', `/api/topics/${topic.id}/implementation`, {
      result: '停车棚已建成并投入使用，充电桩 10 个已通电。',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json().state).toBe('implemented');
    const after = (await inject('tp-resident-a', 'GET', `/api/topics/${topic.id}`)).json();
    expect(after).toMatchObject({ state: 'implemented', light: null, deadline: null });
    expect(after.implementation.result).toBe('停车棚已建成并投入使用，充电桩 10 个已通电。');
    expect(after.noticeIds).toHaveLength(2);
    const result = await inject('tp-resident-b', 'GET', `/api/notices/${after.noticeIds[1]}`);
    expect(result.json().category).toBe('result');
    expect((await notificationsOf('topic.record_implementation')).at(-1)?.user_id).toBe(raiser);
    // Wrong state from here on.
    await refused(() => inject('cadre', 'POST', `/api/topics/${topic.id}/meeting`, MEETING), 409, 'topic.wrong_state');
    await refused(() => takeUp(topic.id), 409, 'topic.wrong_state');
  });

  it('a not-agreed or referred outcome ends the topic as discussed, without a plan or a notice', async () => {
    const a = await raise();
    await takeUp(a.id);
    const noPlan = { ...MEETING, outcome: 'not_agreed', plan: undefined };
    expect((await inject('cadre', 'POST', `/api/topics/${a.id}/meeting`, noPlan)).json().state).toBe('discussed');
    expect(await topicRow(a.id)).toMatchObject({ notice_ids: [], implementation_deadline: null });
    const b = await raise();
    await takeUp(b.id);
    const referred = { ...noPlan, outcome: 'referred', referral: { kind: 'case', ref: 'GW-2026-000123' } };
    expect((await inject('cadre', 'POST', `/api/topics/${b.id}/meeting`, referred)).json().state).toBe('discussed');
    await refused(
      () => inject('cadre', 'POST', `/api/topics/${b.id}/implementation`, { result: '无需实施' }),
      409,
      'topic.wrong_state',
    );
  });

  it('declines with a reason the raiser is told; without a reason it is refused (400)', async () => {
    const topic = await raise();
    await refused(() => inject('cadre', 'POST', `/api/topics/${topic.id}/decline`, {}), 400, 'validation.failed');
    await refused(
      () => inject('cadre', 'POST', `/api/topics/${topic.id}/decline`, { reason: ' ' }),
      400,
      'validation.failed',
    );
    const res = await inject('cadre', 'POST', `/api/topics/${topic.id}/decline`, { reason: '已列入镇级道路改造计划' });
    expect(res.json().state).toBe('declined');
    expect((await notificationsOf('topic.decline')).at(-1)?.title).toBe(
      '您提出的议题不予受理（已列入镇级道路改造计划）：小区东门增设非机动车停车棚',
    );
    expect((await inject('tp-resident-a', 'GET', `/api/topics/${topic.id}`)).json().declined.reason).toBe(
      '已列入镇级道路改造计划',
    );
    await refused(() => takeUp(topic.id), 409, 'topic.wrong_state');
  });

  it('refuses bad meeting records and out-of-scope or unauthorised actions', async () => {
    const topic = await raise();
    await refused(() => inject('cadre', 'POST', `/api/topics/${topic.id}/meeting`, MEETING), 409, 'topic.wrong_state');
    await refused(
      () => inject('cadre', 'POST', `/api/topics/${topic.id}/take-up`, { plannedMeetingOn: '2026-05-01' }),
      422,
      'topic.planned_meeting_past',
    );
    await takeUp(topic.id);
    const meeting = (extra: object) => () =>
      inject('cadre', 'POST', `/api/topics/${topic.id}/meeting`, { ...MEETING, ...extra });
    await refused(meeting({ plan: undefined }), 400, 'validation.failed');
    await refused(meeting({ outcome: 'referred' }), 400, 'validation.failed');
    await refused(meeting({ participants: [] }), 400, 'validation.failed');
    await refused(meeting({ heldAt: '2026-05-01T10:00:00+08:00' }), 422, 'topic.meeting_before_raised');
    await refused(meeting({ plan: { ...MEETING.plan, dueOn: '2026-06-01' } }), 422, 'topic.plan_due_past');
    await refused(() => takeUp(topic.id, 'cadre2'), 404, 'topic.not_found');
    await refused(() => takeUp(topic.id, 'dispatcher'), 403, 'access.denied');
    await refused(() => takeUp(topic.id, 'tp-resident-a'), 403, 'access.denied');
    await refused(
      () => inject('cadre', 'GET', `/api/topics/00000000-0000-4000-8000-000000000000`),
      404,
      'topic.not_found',
    );
    await refused(() => inject('cadre2', 'GET', `/api/topics/${topic.id}`), 404, 'topic.not_found');
    await refused(() => inject('tp-resident-other', 'GET', `/api/topics/${topic.id}`), 404, 'topic.not_found');
    await refused(() => inject('admin', 'GET', '/api/topics'), 403, 'access.denied');
    await refused(() => inject(null, 'GET', '/api/topics'), 401, 'auth.unauthenticated');
  });
});

describe('scope and clocks', () => {
  it('residents see their village’s topics, the township reads its area', async () => {
    const topic = await raise();
    const other = await raise('tp-resident-other');
    const ids = (who: string) =>
      inject(who, 'GET', '/api/topics').then((r) => r.json().items.map((i: { id: string }) => i.id));
    expect(await ids('tp-resident-b')).toContain(topic.id);
    expect(await ids('tp-resident-b')).not.toContain(other.id);
    expect(await ids('cadre')).not.toContain(other.id);
    expect(await ids('dispatcher')).toEqual(expect.arrayContaining([topic.id, other.id]));
    expect(await ids('leader')).toEqual(expect.arrayContaining([topic.id, other.id]));
    const settings = (await inject('tp-resident-b', 'GET', '/api/topics')).json().settings;
    expect(settings).toEqual([{ villageId: village, villageName: '修身村', supportThreshold: 10, responseDays: 15 }]);
  });

  it('the response clock turns red on the engine, and the cadres and centre are told', async () => {
    const topic = await raise();
    const row = await topicRow(topic.id);
    t.clock.set(new Date(new Date(row?.response_deadline as string).getTime() + 1000));
    await sweepDeadlines(t.deps);
    const red = await queryRows<{ role: string; region_path: string }>(
      t.database.db,
      sql`SELECT role, region_path FROM notifications WHERE kind = 'topic.response_overdue' AND subject_id = ${topic.id} ORDER BY role`,
    );
    expect(red).toEqual([
      { role: 'dispatcher', region_path: '/41/4101/410104/410104001/' },
      { role: 'village_cadre', region_path: '/41/4101/410104/410104001/410104001201/' },
    ]);
    await signIn();
    const redOnes = await inject('cadre', 'GET', '/api/topics?light=red');
    expect(redOnes.json().items.map((i: { id: string }) => i.id)).toContain(topic.id);
    expect((await inject('cadre', 'GET', `/api/topics/${topic.id}`)).json().light).toBe('red');
    // Taken up late: the clock stops.
    await takeUp(topic.id).then((r) => expect(r.statusCode, r.body).toBe(422)); // 06-10 is past by now
    const late = await inject('cadre', 'POST', `/api/topics/${topic.id}/take-up`, { plannedMeetingOn: '2026-07-01' });
    expect(late.statusCode, late.body).toBe(200);
    expect((await inject('cadre', 'GET', `/api/topics/${topic.id}`)).json().light).toBeNull();
  });
});
