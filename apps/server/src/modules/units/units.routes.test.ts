import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { users } from '../users/users.table.ts';
import { findResponsibleUnit, unitOfUser } from './units.service.ts';
import { units } from './units.table.ts';

let t: TestApp;
let admin: Session;
let dispatcher: Session;
let gewu: string;
let zhixing: string;
const userId = async (username: string) =>
  ((await t.database.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0] as { id: string })
    .id;
const unitByName = async (name: string) => (await t.database.db.select().from(units).where(eq(units.name, name)))[0];

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin'); // 管城回族区
  dispatcher = await login(t.app, 'dispatcher'); // 格物街道
  gewu = await regionIdByCode(t.database, '410104001');
  zhixing = await regionIdByCode(t.database, '410104002');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const send = (s: Session, method: 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
type UnitView = { id: string; name: string; kind: string; regionCode: string; members: number };

describe('finding the responsible unit', () => {
  const mingdePath = '/41/4101/410104/410104001/410104001001/';
  it('prefers the township unit over the county one, and falls back to the county', async () => {
    expect((await findResponsibleUnit(t.database.db, 'urban_management', mingdePath))?.name).toBe(
      '格物街道综合行政执法中队',
    );
    expect((await findResponsibleUnit(t.database.db, 'urban_management', '/41/4101/410104/410104001/'))?.name).toBe(
      '格物街道综合行政执法中队',
    );
    expect((await findResponsibleUnit(t.database.db, 'education', mingdePath))?.name).toBe('管城区教育局');
    expect((await findResponsibleUnit(t.database.db, 'urban_management', '/41/4101/410104/'))?.name).toBe(
      '管城区城市管理局',
    );
    expect((await findResponsibleUnit(t.database.db, 'village_committee', mingdePath))?.name).toBe(
      '明德社区居民委员会',
    );
    expect(
      (await findResponsibleUnit(t.database.db, 'village_committee', '/41/4101/410104/410104001/410104001201/'))?.name,
    ).toBe('修身村村民委员会');
    expect((await findResponsibleUnit(t.database.db, 'housing', '/41/4101/410104/410104002/410104002001/'))?.name).toBe(
      '管城区住房和城乡建设局',
    );
  });

  it('finds nothing outside the tree or for an unknown kind', async () => {
    expect(await findResponsibleUnit(t.database.db, 'urban_management', '/41/4102/')).toBeNull();
    expect(await findResponsibleUnit(t.database.db, 'spaceport', mingdePath)).toBeNull();
    // A prefix of the code is not an ancestor: 410104001 is not above 4101040010.
    expect(await findResponsibleUnit(t.database.db, 'police', '/41/4101/410104/4101040010/')).toMatchObject({
      name: '管城区公安分局',
    });
  });

  it('knows which unit an account belongs to', async () => {
    expect((await unitOfUser(t.database.db, await userId('handler')))?.name).toBe('格物街道综合行政执法中队');
    expect(await unitOfUser(t.database.db, await userId('dispatcher'))).toBeNull();
  });
});

describe('listing units', () => {
  it("lists the units inside the caller's region, optionally with those above it", async () => {
    const mine = (await get(dispatcher, '/api/units')).json().items as UnitView[];
    expect(mine.map((u) => u.name)).toContain('格物派出所');
    expect(mine.map((u) => u.name)).toContain('明德社区居民委员会');
    expect(mine.some((u) => u.regionCode === '410104' || u.regionCode.startsWith('410104002'))).toBe(false);
    expect(mine.find((u) => u.name === '格物街道综合行政执法中队')).toMatchObject({
      kind: 'urban_management',
      members: 1,
    });
    const withAbove = (await get(dispatcher, '/api/units?withAncestors=true&kind=police')).json().items as UnitView[];
    expect(withAbove.map((u) => u.name).sort()).toEqual(['格物派出所', '管城区公安分局'].sort());
    const county = (await get(admin, `/api/units?regionId=${zhixing}`)).json().items as UnitView[];
    expect(county.map((u) => u.name).sort()).toEqual(
      ['知行派出所', '知行街道综合行政执法中队', '博学村村民委员会', '笃行社区居民委员会'].sort(),
    );
  });

  it('refuses a region outside the scope, a bad kind, and accounts without region.read', async () => {
    expect((await get(dispatcher, `/api/units?regionId=${zhixing}`)).statusCode).toBe(404);
    expect((await get(dispatcher, '/api/units?kind=spaceport')).statusCode).toBe(400);
    expect((await get(await login(t.app, 'resident'), '/api/units')).statusCode).toBe(403);
  });
});

describe('managing units', () => {
  let created: UnitView;
  it('the admin creates a unit of a known kind in a region of their scope', async () => {
    const res = await send(admin, 'POST', '/api/units', {
      regionId: gewu,
      kind: 'transport',
      name: ' 格物街道交通办 ',
    });
    expect(res.statusCode).toBe(201);
    created = res.json();
    expect(created).toMatchObject({
      name: '格物街道交通办',
      kind: 'transport',
      regionCode: '410104001',
      members: 0,
      retiredAt: null,
    });
    // Now the township's own unit answers for transport there.
    expect((await findResponsibleUnit(t.database.db, 'transport', '/41/4101/410104/410104001/410104001002/'))?.id).toBe(
      created.id,
    );
  });

  it('refuses bad input, duplicates, out-of-scope regions and non-admins, changing nothing', async () => {
    const before = (await t.database.db.select().from(units)).length;
    const badKind = await send(admin, 'POST', '/api/units', { regionId: gewu, kind: 'spaceport', name: '航天办' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().code).toBe('validation.failed');
    const dup = await send(admin, 'POST', '/api/units', { regionId: gewu, kind: 'transport', name: '格物街道交通办' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'unit.name_taken' });
    const committee = await send(admin, 'POST', '/api/units', {
      regionId: gewu,
      kind: 'village_committee',
      name: '格物居委会',
    });
    expect(committee.statusCode).toBe(400);
    expect(committee.json().message).toBe('村(居)民委员会只能设在村（社区）');
    const city = await regionIdByCode(t.database, '4101');
    expect(
      (await send(admin, 'POST', '/api/units', { regionId: city, kind: 'transport', name: '郑州市交通运输局' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await send(dispatcher, 'POST', '/api/units', { regionId: gewu, kind: 'transport', name: '另一个交通办' }))
        .statusCode,
    ).toBe(403);
    expect((await t.database.db.select().from(units)).length).toBe(before);
  });

  it('renames and retires a unit; a retired unit is no longer responsible', async () => {
    const renamed = await send(admin, 'PATCH', `/api/units/${created.id}`, { name: '格物街道交通运输办' });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json().name).toBe('格物街道交通运输办');
    const retired = await send(admin, 'POST', `/api/units/${created.id}/retire`);
    expect(retired.statusCode).toBe(200);
    expect(retired.json().retiredAt).toBe(t.clock.now().toISOString());
    expect((await send(admin, 'POST', `/api/units/${created.id}/retire`)).statusCode).toBe(409);
    expect((await send(admin, 'PATCH', `/api/units/${created.id}`, { name: 'x' })).statusCode).toBe(409);
    expect((await findResponsibleUnit(t.database.db, 'transport', '/41/4101/410104/410104001/'))?.name).toBe(
      '管城区交通运输局',
    );
    expect(((await get(admin, '/api/units?kind=transport')).json().items as UnitView[]).map((u) => u.name)).toEqual([
      '管城区交通运输局',
    ]);
    expect(
      ((await get(admin, '/api/units?kind=transport&includeRetired=true')).json().items as UnitView[]).length,
    ).toBe(2);
    const auditor = await login(t.app, 'auditor');
    const actions = (await get(auditor, '/api/audit?pageSize=50'))
      .json()
      .items.map((a: { action: string }) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['unit.create', 'unit.update', 'unit.retire']));
  });

  it('a unit with accounts cannot be retired', async () => {
    const squad = await unitByName('格物街道综合行政执法中队');
    const res = await send(admin, 'POST', `/api/units/${squad?.id}/retire`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('unit.has_members');
  });
});

describe('assigning accounts to units', () => {
  it('puts a handler account into a unit of its region and takes it out again', async () => {
    const handler = await userId('handler');
    const police = await unitByName('格物派出所');
    const res = await send(admin, 'PUT', `/api/users/${handler}/unit`, { unitId: police?.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ userId: handler, unitId: police?.id, unitName: '格物派出所' });
    expect((await unitOfUser(t.database.db, handler))?.name).toBe('格物派出所');
    const out = await send(admin, 'PUT', `/api/users/${handler}/unit`, { unitId: null });
    expect(out.json()).toMatchObject({ unitId: null, unitName: null });
    expect(await unitOfUser(t.database.db, handler)).toBeNull();
    const squad = await unitByName('格物街道综合行政执法中队');
    expect((await send(admin, 'PUT', `/api/users/${handler}/unit`, { unitId: squad?.id })).statusCode).toBe(200);
  });

  it("refuses non-handlers, units outside the account's region, other callers and unknown accounts", async () => {
    const handler = await userId('handler');
    const gridworker = await userId('gridworker');
    const police = await unitByName('格物派出所');
    const notHandler = await send(admin, 'PUT', `/api/users/${gridworker}/unit`, { unitId: police?.id });
    expect(notHandler.statusCode).toBe(400);
    expect(notHandler.json().code).toBe('unit.user_not_handler');
    expect((await send(admin, 'PUT', `/api/users/${gridworker}/unit`, { unitId: null })).statusCode).toBe(200);
    const elsewhere = await unitByName('知行派出所');
    const outside = await send(admin, 'PUT', `/api/users/${handler}/unit`, { unitId: elsewhere?.id });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().code).toBe('unit.outside_user_region');
    expect((await send(dispatcher, 'PUT', `/api/users/${handler}/unit`, { unitId: police?.id })).statusCode).toBe(403);
    expect(
      (await send(admin, 'PUT', `/api/users/00000000-0000-4000-8000-000000000000/unit`, { unitId: null })).statusCode,
    ).toBe(404);
    expect((await unitOfUser(t.database.db, handler))?.name).toBe('格物街道综合行政执法中队');
  });
});
