import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.ts';
import { items } from '../items/items.table.ts';
import { itemByCode } from './cases.intake.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('the per-process item cache', () => {
  it('keeps an item for 5 s on the app clock, then reads the change another instance made', async () => {
    const first = await itemByCode(t.deps, '01001');
    // Another instance renames the item and then withdraws it.
    await t.database.db.update(items).set({ name: '改名后的事项' }).where(eq(items.code, '01001'));
    t.clock.advance(5_000);
    expect(await itemByCode(t.deps, '01001')).toBe(first);
    t.clock.advance(1);
    const fresh = await itemByCode(t.deps, '01001');
    expect(fresh.name).toBe('改名后的事项');
    await t.database.db.update(items).set({ active: false }).where(eq(items.code, '01001'));
    expect(await itemByCode(t.deps, '01001')).toBe(fresh);
    t.clock.advance(5_001);
    await expect(itemByCode(t.deps, '01001')).rejects.toMatchObject({ code: 'case.unknown_item' });
  });
});
