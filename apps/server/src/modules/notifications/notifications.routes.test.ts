import { STARTER_CATALOGUE } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let dispatcher: Session;
let resident: Session;
const item = STARTER_CATALOGUE.find(
  (i) => i.publicReport && !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];

beforeAll(async () => {
  t = await createTestApp();
  [dispatcher, resident] = [await login(t.app, 'dispatcher'), await login(t.app, 'resident')];
});
afterAll(async () => {
  await t.close();
});

const inbox = async (query: string) =>
  (await t.app.inject({ method: 'GET', url: `/api/notifications${query}`, ...as(dispatcher) })).json();

describe('the inbox', () => {
  it('lists, counts and marks read; unreadOnly=false means all, not unread', async () => {
    const spot = await pointInGrid(t.database, '410104001001001');
    const filed = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...as(resident),
      payload: {
        itemCode: item.code,
        description: '井盖缺失有危险',
        location: { lon: spot.lon, lat: spot.lat },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    expect(filed.statusCode).toBe(201);
    const before = await inbox('?limit=100');
    expect(before.unread).toBeGreaterThanOrEqual(1);
    const mine = before.items.find((n: { caseId: string }) => n.caseId === filed.json().id);
    expect(Object.keys(mine).sort()).toEqual([
      'body',
      'caseId',
      'createdAt',
      'data',
      'id',
      'kind',
      'read',
      'subject',
      'title',
    ]);
    expect(mine.read).toBe(false);
    const marked = await t.app.inject({
      method: 'POST',
      url: '/api/notifications/read',
      ...as(dispatcher),
      payload: { ids: 'all' },
    });
    expect(marked.json()).toEqual({ marked: before.unread });
    expect((await inbox('?unreadOnly=true&limit=100')).items).toEqual([]);
    const all = await inbox('?unreadOnly=false&limit=100');
    expect(all.items.length).toBe(before.items.length);
    expect(all.unread).toBe(0);
  });

  it('refuses an unreadOnly that is not true or false', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/notifications?unreadOnly=yes', ...as(dispatcher) });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation.failed');
  });
});
