import { STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/**
 * The handler's phone lists and its outbox: `view=handled` holds what the unit fed back until it
 * comes back for rework, and an action retried with its idempotency key after its answer was lost
 * gets the case back instead of 409, once.
 */
let t: TestApp;
let resident: Session;
let gridworker: Session;
let dispatcher: Session;
let handler: Session;
let policeHandler: Session;
let squad: string;
let spot: { lon: number; lat: number };

const item = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];

beforeAll(async () => {
  t = await createTestApp({ GEWU_LOGIN_RATE_LIMIT: '1000' });
  await addUser(t.database, { username: 'police1', role: 'handler', regionCode: '410104001', unitName: '格物派出所' });
  const { lon, lat } = await pointInGrid(t.database, '410104001001001');
  spot = { lon, lat };
  const [unit] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM units WHERE name = '格物街道综合行政执法中队'`,
  );
  squad = unit!.id;
  [resident, gridworker, dispatcher, handler, policeHandler] = (await Promise.all(
    ['resident', 'gridworker', 'dispatcher', 'handler', 'police1'].map((u) => login(t.app, u)),
  )) as [Session, Session, Session, Session, Session];
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const act = (s: Session, id: string, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${id}/actions`, ...as(s), payload });
const ids = async (s: Session, view: string) =>
  (await get(s, `/api/cases?view=${view}&pageSize=100`)).json().items.map((c: { id: string }) => c.id) as string[];

/** A resident's report, accepted and dispatched to the 城管 squad (the demo handler's unit). */
async function dispatchedCase(): Promise<{ id: string; version: number }> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/cases',
    ...as(resident),
    payload: {
      itemCode: item.code,
      description: '人行道上堆放建筑垃圾',
      location: spot,
      idempotencyKey: crypto.randomUUID(),
    },
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  const accepted = await act(dispatcher, id, { action: 'accept', version: 1, conditionMet: true });
  expect(accepted.statusCode).toBe(200);
  const dispatched = await act(dispatcher, id, { action: 'dispatch', version: accepted.json().version, unitId: squad });
  expect(dispatched.json().state).toBe('dispatched');
  return { id, version: dispatched.json().version };
}

describe('view=handled', () => {
  it('lists what my unit fed back, until it comes back for rework; nobody else’s', async () => {
    const { id, version } = await dispatchedCase();
    // Dispatched and being handled: a task, not yet handled.
    expect(await ids(handler, 'tasks')).toContain(id);
    expect(await ids(handler, 'handled')).not.toContain(id);
    const signed = (await act(handler, id, { action: 'sign', version })).json();
    expect(await ids(handler, 'handled')).not.toContain(id);

    const fed = (await act(handler, id, { action: 'feed_back', version: signed.version, note: '已清运' })).json();
    expect(fed.state).toBe('fed_back');
    expect(await ids(handler, 'tasks')).not.toContain(id);
    expect(await ids(handler, 'handled')).toContain(id);
    // Another unit's handler, and the grid worker who verifies it, do not hold it as handled.
    expect(await ids(policeHandler, 'handled')).not.toContain(id);
    expect(await ids(gridworker, 'handled')).not.toContain(id);

    // 返工: back in the tasks, out of the handled list.
    const failed = (
      await act(gridworker, id, { action: 'verify_fail', version: fed.version, note: '仍有垃圾' })
    ).json();
    expect(failed.state).toBe('handling');
    expect(await ids(handler, 'tasks')).toContain(id);
    expect(await ids(handler, 'handled')).not.toContain(id);

    // Fed back again, verified and closed: it stays in the handled list.
    const again = (await act(handler, id, { action: 'feed_back', version: failed.version, note: '已清理干净' })).json();
    const passed = (await act(gridworker, id, { action: 'verify_pass', version: again.version })).json();
    expect(await ids(handler, 'handled')).toContain(id);
    const closed = (await act(dispatcher, id, { action: 'close', version: passed.version, conditionMet: true })).json();
    expect(closed.state).toBe('closed');
    expect(await ids(handler, 'handled')).toContain(id);
  });

  it('narrows by state like the other lists', async () => {
    const { id, version } = await dispatchedCase();
    const signed = (await act(handler, id, { action: 'sign', version })).json();
    await act(handler, id, { action: 'feed_back', version: signed.version, note: '已处理' });
    const res = await get(handler, '/api/cases?view=handled&state=closed&pageSize=100');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('refuses an unknown view with a 400 and a Chinese message', async () => {
    const res = await get(handler, '/api/cases?view=handed');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBeTruthy();
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
  });
});

describe('an action retried with its idempotency key', () => {
  it('gets the case back once the first attempt went through; no second event', async () => {
    const { id, version } = await dispatchedCase();
    const key = crypto.randomUUID();
    const first = await act(handler, id, { action: 'sign', version, idempotencyKey: key });
    expect(first.statusCode).toBe(200);
    const before = await tableCounts(t.database);

    // The answer was lost in a dead zone: the phone sends the same action, same version, same key.
    const retry = await act(handler, id, { action: 'sign', version, idempotencyKey: key });
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toMatchObject({ state: 'handling', version: first.json().version });
    expect(retry.json().events.filter((e: { type: string }) => e.type === 'sign')).toHaveLength(1);
    expect((await tableCounts(t.database)).case_events).toBe(before.case_events);
  });

  it('is still a conflict with another key, without a key, or from another person', async () => {
    const { id, version } = await dispatchedCase();
    const key = crypto.randomUUID();
    expect((await act(handler, id, { action: 'sign', version, idempotencyKey: key })).statusCode).toBe(200);
    const before = await tableCounts(t.database);

    const otherKey = await act(handler, id, { action: 'sign', version, idempotencyKey: crypto.randomUUID() });
    expect(otherKey.statusCode).toBe(409);
    expect(otherKey.json().code).toBe('case.conflict');
    expect((await act(handler, id, { action: 'sign', version })).statusCode).toBe(409);
    // The dispatcher sees the case but did not take that action: the key names nothing of theirs.
    const someoneElse = await act(dispatcher, id, { action: 'void', version, note: '重复', idempotencyKey: key });
    expect(someoneElse.statusCode).toBe(409);
    expect(await tableCounts(t.database)).toEqual(before);
  });

  it('refuses a key too short to be one, changing nothing', async () => {
    const { id, version } = await dispatchedCase();
    const before = await tableCounts(t.database);
    const res = await act(handler, id, { action: 'sign', version, idempotencyKey: 'abc' });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await tableCounts(t.database)).toEqual(before);
  });
});
