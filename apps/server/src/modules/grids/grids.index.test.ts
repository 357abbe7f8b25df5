import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../test/db.ts';
import { ManualClock } from '../../platform/clock.ts';
import { GridLocator } from './grids.index.ts';
import { bumpChangeCounter, insertGrid, replaceBoundary } from './grids.repository.ts';
import { insertRegionTree } from '../../seed/demo.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.close();
});

const square = (w: number, s: number, e: number, n: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
      [w, s],
    ],
  ],
});

describe('GridLocator across instances', () => {
  it('an instance that did not make the change sees it once the change counter moves', async () => {
    // Two locators over one database stand for two server instances.
    const a = new GridLocator(database.db, new ManualClock(), 0);
    const b = new GridLocator(database.db, new ManualClock(), 0);
    expect(await b.locate(113.5, 34.5)).toEqual({ gridId: null, microId: null });
    const ids = await insertRegionTree(database.db, [
      ['41', '河南省'],
      ['4101', '郑州市'],
      ['410104', '管城回族区'],
      ['410104001', '街道'],
      ['410104001001', '社区'],
    ]);
    const village = ids.get('410104001001') as { id: string; path: string };
    const grid = await insertGrid(database.db, {
      code: '410104001001001',
      name: 'g',
      kind: 'urban_community',
      villageId: village.id,
      regionPath: `${village.path}410104001001001/`,
    });
    await replaceBoundary(
      database.db,
      grid.id,
      square(113, 34, 114, 35),
      [113, 34, 114, 35],
      1,
      new ManualClock().now(),
      null,
    );
    // Without the counter moving, instance b keeps its index (a change that forgot to bump it would go unseen).
    expect((await b.locate(113.5, 34.5)).gridId).toBeNull();
    await bumpChangeCounter(database.db, 'grids');
    expect((await b.locate(113.5, 34.5)).gridId).toBe(grid.id);
    expect((await a.locate(113.5, 34.5)).gridId).toBe(grid.id);
    expect(b.size).toBe(1);
  });

  it('reads the change counter at most once per checkEveryMs on the injected clock', async () => {
    const clock = new ManualClock();
    const locator = new GridLocator(database.db, clock, 2000);
    const before = await locator.locate(113.5, 34.5);
    const ids = await insertRegionTree(database.db, [
      ['42', '湖北省'],
      ['4201', '武汉市'],
      ['420102', '江岸区'],
      ['420102001', '街道'],
      ['420102001001', '社区'],
    ]);
    const village = ids.get('420102001001') as { id: string; path: string };
    const grid = await insertGrid(database.db, {
      code: '420102001001001',
      name: 'g2',
      kind: 'urban_community',
      villageId: village.id,
      regionPath: `${village.path}420102001001001/`,
    });
    await replaceBoundary(database.db, grid.id, square(115, 36, 116, 37), [115, 36, 116, 37], 1, clock.now(), null);
    await bumpChangeCounter(database.db, 'grids');
    // Within 2 s of its last check the locator does not look at the counter.
    clock.advance(1999);
    expect((await locator.locate(115.5, 36.5)).gridId).toBeNull();
    clock.advance(1);
    expect((await locator.locate(115.5, 36.5)).gridId).toBe(grid.id);
    expect((await locator.locate(113.5, 34.5)).gridId).toBe(before.gridId);
    // invalidate() skips the wait (this instance changed grids itself).
    await replaceBoundary(database.db, grid.id, square(117, 38, 118, 39), [117, 38, 118, 39], 2, clock.now(), null);
    await bumpChangeCounter(database.db, 'grids');
    expect((await locator.locate(117.5, 38.5)).gridId).toBeNull();
    locator.invalidate();
    expect((await locator.locate(117.5, 38.5)).gridId).toBe(grid.id);
  });
});
