import { STARTER_CATALOGUE } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, pointInGrid, tableCounts, type TestApp } from '../../../test/app.ts';

/**
 * The desktop's extra views: likely duplicates counted on each row of the centre's queue (the same
 * rule as the merge dialog's suggestions), and imports offered and allowed per kind.
 */

let t: TestApp;
let spot: { lon: number; lat: number };

const items = STARTER_CATALOGUE.filter((i) => i.publicReport && i.fields.length === 0);
const [itemA, itemB] = items as [(typeof items)[number], (typeof items)[number]];

beforeAll(async () => {
  t = await createTestApp();
  spot = await pointInGrid(t.database, '410104001001001');
});
afterAll(async () => {
  await t.close();
});

describe('likely duplicates in the queue', () => {
  it('counts, per queue row, the cases the duplicates list names — same item, within 50 m, 7 days', async () => {
    const resident = await login(t.app, 'resident');
    // Metres north of the spot, as latitude.
    const north = (m: number) => spot.lat + m / 111_320;
    const report = async (itemCode: string, metresNorth: number, text: string) => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/cases',
        ...as(resident),
        payload: {
          itemCode,
          description: text,
          location: { lon: spot.lon, lat: north(metresNorth) },
          idempotencyKey: crypto.randomUUID(),
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; code: string };
    };
    const first = await report(itemA.code, 0, '井盖缺失一');
    const near = await report(itemA.code, 30, '井盖缺失二');
    const far = await report(itemA.code, 80, '井盖缺失三（远处）');
    const other = await report(itemB.code, 10, '另一类事项');
    // Eight days later a fourth report of the same place: the first three are outside its window.
    t.clock.advance(8 * 86_400_000);
    const resident2 = await login(t.app, 'resident');
    const late = await t.app.inject({
      method: 'POST',
      url: '/api/cases',
      ...as(resident2),
      payload: {
        itemCode: itemA.code,
        description: '井盖缺失四（八天后）',
        location: { lon: spot.lon, lat: north(5) },
        idempotencyKey: crypto.randomUUID(),
      },
    });
    const lateCase = late.json() as { id: string; code: string };
    const staff = await login(t.app, 'dispatcher');
    const queue = (
      await t.app.inject({ method: 'GET', url: '/api/cases?view=queue&pageSize=100', ...as(staff) })
    ).json() as { items: { code: string; likelyDuplicates?: number }[] };
    const count = (code: string) => queue.items.find((c) => c.code === code)?.likelyDuplicates;
    // By hand: first ↔ near (30 m); near ↔ first; far is 50 m from near, 80 m from first; other is another item;
    // late (8 days after) sees the three earlier ones as outside the window, and they see it (reported after them).
    const expected: [string, number][] = [
      [first.code, 2], // near, late
      [near.code, 3], // first, far (50 m), late (25 m)
      [far.code, 1], // near
      [other.code, 0],
      [lateCase.code, 0],
    ];
    for (const [code, n] of expected) expect(count(code), code).toBe(n);
    // The same rule as the duplicates list.
    for (const c of [first, near, far, other, lateCase]) {
      const list = (
        await t.app.inject({ method: 'GET', url: `/api/cases/${c.id}/duplicates`, ...as(staff) })
      ).json() as { items: unknown[] };
      expect(list.items.length, c.code).toBe(count(c.code));
    }
    // Other lists do not carry the count.
    const all = (await t.app.inject({ method: 'GET', url: '/api/cases?view=all', ...as(staff) })).json();
    expect(all.items[0]).not.toHaveProperty('likelyDuplicates');
  });
});

describe('import kinds', () => {
  it('refuses a kind the role does not manage with 403 import.kind_forbidden, for templates and uploads', async () => {
    const admin = await login(t.app, 'admin');
    const dispatcher = await login(t.app, 'dispatcher');
    const before = await tableCounts(t.database);
    const expected: [typeof admin, string, number][] = [
      [admin, 'grids', 200],
      [admin, 'residents', 403],
      [admin, 'houses', 403],
      [admin, 'organisations', 403],
      [dispatcher, 'residents', 200],
      [dispatcher, 'houses', 200],
      [dispatcher, 'organisations', 200],
      [dispatcher, 'grids', 403],
    ];
    for (const [who, kind, status] of expected) {
      const tpl = await t.app.inject({
        method: 'GET',
        url: `/api/imports/template?kind=${kind}&format=csv`,
        ...as(who),
      });
      expect(tpl.statusCode, `${kind} template`).toBe(status);
      if (status === 403) {
        expect(tpl.json()).toMatchObject({ code: 'import.kind_forbidden', message: expect.stringMatching(/无权/) });
        const up = await t.app.inject({
          method: 'POST',
          url: `/api/imports?kind=${kind}&format=csv`,
          ...as(who, { 'content-type': 'application/octet-stream' }),
          body: 'a,b\n1,2',
        });
        expect(up.statusCode, `${kind} upload`).toBe(403);
        expect(up.json().code).toBe('import.kind_forbidden');
      }
    }
    expect(await tableCounts(t.database)).toEqual(before);
  });
});
