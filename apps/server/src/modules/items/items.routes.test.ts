import { STARTER_CATALOGUE, type CatalogueItem } from '@gewu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  as,
  createTestApp,
  createTwoCountyApp,
  login,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { items } from './items.table.ts';

let t: TestApp;
let admin: Session;
let dispatcher: Session;
let resident: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  dispatcher = await login(t.app, 'dispatcher');
  resident = await login(t.app, 'resident');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
  t.app.inject({ method, url, ...as(s), payload });
const codes = (res: { json(): { items: { code: string }[] } }) => res.json().items.map((i) => i.code);
const catalogueItem = (code: string) => STARTER_CATALOGUE.find((i) => i.code === code) as CatalogueItem;

describe('the catalogue', () => {
  it('lists every active item for staff, only reportable ones for residents', async () => {
    expect(codes(await get(dispatcher, '/api/items'))).toHaveLength(STARTER_CATALOGUE.length);
    const mine = codes(await get(resident, '/api/items'));
    expect(mine).toHaveLength(STARTER_CATALOGUE.filter((i) => i.publicReport).length);
    expect(mine).not.toContain('06007');
    expect(codes(await get(resident, '/api/items?publicOnly=false'))).toEqual(mine);
    expect((await get(await login(t.app, 'mediator'), '/api/items')).statusCode).toBe(403);
  });

  it('searches by name, keyword and code, and filters by category and grid eligibility', async () => {
    expect(codes(await get(dispatcher, `/api/items?q=${encodeURIComponent('暴露垃圾')}`))).toEqual(['01001']);
    expect(codes(await get(dispatcher, `/api/items?q=${encodeURIComponent('环境卫生')}`))).toContain('01001');
    expect(codes(await get(dispatcher, '/api/items?q=0100'))).toEqual(expect.arrayContaining(['01001', '01002']));
    expect(codes(await get(dispatcher, '/api/items?q=%25'))).toEqual([]);
    expect(codes(await get(dispatcher, '/api/items?categoryCode=06')).every((c: string) => c.startsWith('06'))).toBe(
      true,
    );
    expect(codes(await get(dispatcher, '/api/items?gridEligible=true'))).toHaveLength(
      STARTER_CATALOGUE.filter((i) => i.gridEligible).length,
    );
    expect(
      codes(await get(dispatcher, '/api/items?publicOnly=true&gridEligible=false')).every(
        (c: string) => !catalogueItem(c).gridEligible && catalogueItem(c).publicReport,
      ),
    ).toBe(true);
  });

  it('shows one item by code, with its category and department in Chinese', async () => {
    const res = await get(dispatcher, '/api/items/01001');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      code: '01001',
      name: '暴露垃圾',
      categoryName: '市容环境',
      departmentKind: 'urban_management',
      gridEligible: true,
      minor: true,
      limits: catalogueItem('01001').limits,
    });
    expect((await get(resident, '/api/items/06007')).statusCode).toBe(404);
    expect((await get(dispatcher, '/api/items/06007')).statusCode).toBe(200);
    expect((await get(dispatcher, '/api/items/99999')).statusCode).toBe(404);
    expect((await get(dispatcher, '/api/items/abc')).statusCode).toBe(400);
  });
});

describe('keeping the catalogue', () => {
  const fresh: CatalogueItem = {
    ...catalogueItem('12004'),
    code: '12099',
    name: '共享单车乱停放',
    keywords: ['共享单车'],
    gridEligible: true,
    minor: true,
    negativeList: false,
    departmentKind: 'urban_management',
  };

  it('the admin adds an item; duplicates and rule-breaking items are refused in Chinese', async () => {
    const res = await send(admin, 'POST', '/api/items', fresh);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ code: '12099', name: '共享单车乱停放', active: true });
    expect((await send(admin, 'POST', '/api/items', fresh)).statusCode).toBe(409);
    const bad = await send(admin, 'POST', '/api/items', { ...fresh, code: '12098', negativeList: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('负面清单事项不得下沉网格');
    const wrongCategory = await send(admin, 'POST', '/api/items', { ...fresh, code: '01098' });
    expect(wrongCategory.statusCode).toBe(400);
    expect(wrongCategory.json().message).toContain('大类编码应与事项编码前两位一致');
    expect((await send(dispatcher, 'POST', '/api/items', { ...fresh, code: '12097' })).statusCode).toBe(403);
    expect(
      (await t.database.db.select().from(items).where(eq(items.categoryCode, '12'))).map((i) => i.code),
    ).not.toContain('12098');
  });

  it('the admin updates an item but not its code, and can deactivate it', async () => {
    const res = await send(admin, 'PUT', '/api/items/12099', {
      ...fresh,
      name: '共享单车违规停放',
      limits: { ...fresh.limits, handle: { amount: 2, unit: 'work_hours' } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: '共享单车违规停放',
      limits: { handle: { amount: 2, unit: 'work_hours' } },
    });
    expect((await send(admin, 'PUT', '/api/items/12099', { ...fresh, code: '12096' })).json().code).toBe(
      'item.code_mismatch',
    );
    expect((await send(admin, 'PUT', '/api/items/12095', { ...fresh, code: '12095' })).statusCode).toBe(404);
    expect((await send(admin, 'PUT', '/api/items/12099', { ...fresh, active: false })).json().active).toBe(false);
    expect((await get(dispatcher, '/api/items/12099')).statusCode).toBe(404);
    expect((await get(admin, '/api/items/12099')).json().active).toBe(false);
    const auditor = await login(t.app, 'auditor');
    const updates = (await get(auditor, '/api/audit?action=item.update')).json().items;
    // A PUT replaces the whole definition: the last one put back the original name and limits.
    expect(updates[0].detail).toMatchObject({ code: '12099', changed: ['name', 'limits', 'active'] });
  });
});

describe('the catalogue is one for the deployment: only an admin over all its counties changes it (issue 12)', () => {
  it('a township admin can neither change nor add an item; in this one-county deployment the county or city admin can', async () => {
    await addUser(t.database, { username: 'tw_admin_items', role: 'admin', regionCode: '410104001' });
    await addUser(t.database, { username: 'city_admin_items', role: 'admin', regionCode: '4101' });
    const township = await login(t.app, 'tw_admin_items');
    const original = catalogueItem('12004');
    const changed = await send(township, 'PUT', '/api/items/12004', { ...original, name: '乡镇改的名字' });
    expect(changed.statusCode).toBe(403);
    expect(changed.json()).toMatchObject({
      code: 'setting.level_not_owner',
      message:
        '网格事项清单全系统统一适用于每个县级区划，只能由管辖全部县级区划的管理员修改，乡镇（街道）管理员无权修改',
    });
    const added = await send(township, 'POST', '/api/items', { ...original, code: '12088', name: '乡镇自加事项' });
    expect(added.statusCode).toBe(403);
    expect(added.json().code).toBe('setting.level_not_owner');
    const rows = await t.database.db
      .select({ code: items.code, name: items.name })
      .from(items)
      .where(eq(items.categoryCode, '12'));
    expect(rows.find((r) => r.code === '12004')?.name).toBe(original.name);
    expect(rows.map((r) => r.code)).not.toContain('12088');
    const city = await login(t.app, 'city_admin_items');
    expect((await send(city, 'PUT', '/api/items/12004', original)).statusCode).toBe(200);
    expect((await send(admin, 'PUT', '/api/items/12004', original)).statusCode).toBe(200);
  });

  it('once a second county exists, its neighbour county admin is refused and nothing is stored; the city admin may', async () => {
    // A deployment of its own, so the second county does not change the other tests' deployment.
    const { two, city } = await createTwoCountyApp();
    try {
      const county = await login(two.app, 'admin'); // the 410104 county admin
      const original = catalogueItem('12004');
      const sendTwo = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
        two.app.inject({ method, url, ...as(s), payload });
      const message =
        '网格事项清单全系统统一适用于每个县级区划，本系统另有 1 个县级区划不在您的管辖范围内，修改会改变它们的设置，须由管辖全部县级区划的上级管理员修改';
      const changed = await sendTwo(county, 'PUT', '/api/items/12004', { ...original, name: '区县改的名字' });
      expect(changed.statusCode).toBe(403);
      expect(changed.json()).toMatchObject({ code: 'setting.level_not_owner', message });
      const added = await sendTwo(county, 'POST', '/api/items', { ...original, code: '12087', name: '区县自加事项' });
      expect(added.statusCode).toBe(403);
      expect(added.json()).toMatchObject({ code: 'setting.level_not_owner', message });
      const rows = await two.database.db
        .select({ code: items.code, name: items.name })
        .from(items)
        .where(eq(items.categoryCode, '12'));
      expect(rows.find((r) => r.code === '12004')?.name).toBe(original.name);
      expect(rows.map((r) => r.code)).not.toContain('12087');
      const byCity = await sendTwo(city, 'PUT', '/api/items/12004', { ...original, name: '市里改的名字' });
      expect(byCity.statusCode).toBe(200);
      expect(byCity.json().name).toBe('市里改的名字');
    } finally {
      await two.close();
    }
  });
});
