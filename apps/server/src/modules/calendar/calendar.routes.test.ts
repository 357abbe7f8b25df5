import { defaultWorkCalendar } from '@gewu/domain';
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
import { workCalendars } from './calendar.table.ts';
import { getWorkCalendar, invalidateCalendarCache } from './calendar.service.ts';

let t: TestApp;
let admin: Session;
let dispatcher: Session;

beforeAll(async () => {
  t = await createTestApp();
  admin = await login(t.app, 'admin');
  dispatcher = await login(t.app, 'dispatcher');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const put = (s: Session, payload: object) => t.app.inject({ method: 'PUT', url: '/api/calendar', ...as(s), payload });
const deadline = async (s: Session, start: string, amount: number, unit: string) =>
  get(s, `/api/calendar/deadline?start=${encodeURIComponent(start)}&amount=${amount}&unit=${unit}`);
const storedRow = async () =>
  (await t.database.db.select().from(workCalendars).where(eq(workCalendars.id, 'default')))[0];

describe('reading the calendar', () => {
  it('any staff account reads the seeded default calendar; residents cannot', async () => {
    const res = await get(dispatcher, '/api/calendar');
    expect(res.statusCode).toBe(200);
    expect(res.json().calendar).toEqual(defaultWorkCalendar());
    expect((await get(await login(t.app, 'resident'), '/api/calendar')).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar' })).statusCode).toBe(401);
  });

  it('previews a deadline on the working calendar', async () => {
    // Monday 2026-11-23 10:00 (+08): one working day → end of Tuesday's working hours.
    const res = await deadline(dispatcher, '2026-11-23T02:00:00Z', 1, 'work_days');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      start: '2026-11-23T02:00:00.000Z',
      amount: 1,
      unit: 'work_days',
      deadline: '2026-11-24T09:30:00.000Z',
    });
    // 10:00 + 4 working hours: 2 h to noon, 2 h from 14:00 → 16:00.
    expect((await deadline(dispatcher, '2026-11-23T02:00:00Z', 4, 'work_hours')).json().deadline).toBe(
      '2026-11-23T08:00:00.000Z',
    );
    expect((await deadline(dispatcher, '2026-11-23T02:00:00Z', 1.5, 'work_days')).statusCode).toBe(400);
    expect((await deadline(dispatcher, 'yesterday', 1, 'work_days')).statusCode).toBe(400);
    expect((await deadline(dispatcher, '2026-11-23T02:00:00Z', 1, 'fortnights')).statusCode).toBe(400);
  });
});

describe('changing the calendar', () => {
  it('only the admin may change it', async () => {
    const res = await put(dispatcher, defaultWorkCalendar());
    expect(res.statusCode).toBe(403);
  });

  it('refuses an invalid calendar with a Chinese message and changes nothing', async () => {
    const before = await storedRow();
    const cal = defaultWorkCalendar();
    const badDate = await put(admin, {
      ...cal,
      holidays: [...cal.holidays, { date: '2026-02-30', name: '不存在的日子' }],
    });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().message).toContain('日期应为有效的 YYYY-MM-DD');
    const overlapping = await put(admin, {
      ...cal,
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
    });
    expect(overlapping.statusCode).toBe(400);
    expect(overlapping.json().message).toContain('不能重叠');
    const both = await put(admin, {
      ...cal,
      adjustedWorkdays: [...cal.adjustedWorkdays, { date: cal.holidays[0]?.date, name: '冲突' }],
    });
    expect(both.statusCode).toBe(400);
    expect(both.json().message).toContain('不能既是节假日又是调休上班日');
    expect(await storedRow()).toEqual(before);
  });

  it('saves a valid calendar, audits it, and deadlines follow at once', async () => {
    const cal = defaultWorkCalendar();
    // Make Tuesday 2026-11-24 a rest day: the one-working-day deadline moves to Wednesday.
    const res = await put(admin, { ...cal, holidays: [...cal.holidays, { date: '2026-11-24', name: '演示休息日' }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      isDefault: false,
      updatedByName: '系统管理员',
      updatedAt: t.clock.now().toISOString(),
    });
    expect((await deadline(dispatcher, '2026-11-23T02:00:00Z', 1, 'work_days')).json().deadline).toBe(
      '2026-11-25T09:30:00.000Z',
    );
    expect((await getWorkCalendar(t.deps)).holidays.some((h) => h.date === '2026-11-24')).toBe(true);
    const audit = (await get(await login(t.app, 'auditor'), '/api/audit?action=calendar.update')).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'admin', targetId: 'default' });
  });
});

describe('the per-process cache', () => {
  it('keeps its copy for 30 s, then notices a change made elsewhere by updatedAt', async () => {
    invalidateCalendarCache();
    const first = await getWorkCalendar(t.deps);
    expect(await getWorkCalendar(t.deps)).toBe(first);
    // Another instance changes the row directly.
    const changed = { ...defaultWorkCalendar(), workingWeekdays: [1, 2, 3, 4, 5, 6] };
    await t.database.db
      .update(workCalendars)
      .set({ calendar: changed, updatedAt: new Date(t.clock.now().getTime() + 1000) })
      .where(eq(workCalendars.id, 'default'));
    expect(await getWorkCalendar(t.deps)).toBe(first);
    // Still within its 30 s on the app's clock: the old copy.
    t.clock.advance(29_000);
    expect(await getWorkCalendar(t.deps)).toBe(first);
    t.clock.advance(2_000);
    const fresh = await getWorkCalendar(t.deps);
    expect(fresh.workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);
    // Unchanged row after another 30 s: the same object (its compiled form stays cached).
    t.clock.advance(31_000);
    expect(await getWorkCalendar(t.deps)).toBe(fresh);
  });

  it('invalidateCalendarCache forces a re-read; without a row the built-in calendar is used', async () => {
    await t.database.db.delete(workCalendars);
    expect((await getWorkCalendar(t.deps)).workingWeekdays).toEqual([1, 2, 3, 4, 5, 6]);
    invalidateCalendarCache();
    expect(await getWorkCalendar(t.deps)).toEqual(defaultWorkCalendar());
    const view = (await get(dispatcher, '/api/calendar')).json();
    expect(view).toMatchObject({ isDefault: true, updatedAt: null, updatedByName: null });
  });
});

describe('the API description', () => {
  it('documents the calendar, unit, item, admission and API-key routes', async () => {
    const paths = Object.keys((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/calendar',
        '/api/calendar/deadline',
        '/api/units',
        '/api/users/{id}/unit',
        '/api/items',
        '/api/items/{code}',
        '/api/items/{code}/admissions',
        '/api/admissions',
        '/api/admissions/{id}/decision',
        '/api/admissions/{id}/withdraw',
        '/api/api-keys',
        '/api/api-keys/{id}/revoke',
      ]),
    );
  });
});

describe('the calendar is one for the deployment: only an admin over all its counties changes it (issue 12)', () => {
  it('a township admin cannot change it and nothing is stored; in this one-county deployment a city admin can', async () => {
    await addUser(t.database, { username: 'tw_admin_cal', role: 'admin', regionCode: '410104001' });
    await addUser(t.database, { username: 'city_admin_cal', role: 'admin', regionCode: '4101' });
    const before = await storedRow();
    const sixDays = { ...defaultWorkCalendar(), workingWeekdays: [1, 2, 3, 4, 5, 6] };
    const res = await put(await login(t.app, 'tw_admin_cal'), sixDays);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({
      code: 'setting.level_not_owner',
      message: '工作日历全系统统一适用于每个县级区划，只能由管辖全部县级区划的管理员修改，乡镇（街道）管理员无权修改',
    });
    expect(await storedRow()).toEqual(before);
    const ok = await put(await login(t.app, 'city_admin_cal'), before?.calendar ?? defaultWorkCalendar());
    expect(ok.statusCode).toBe(200);
  });

  it('once a second county exists, its neighbour county admin is refused and nothing is stored; the city admin may', async () => {
    // A deployment of its own, so the second county does not change the other tests' deployment.
    const { two, city } = await createTwoCountyApp();
    try {
      const stored = async () =>
        (await two.database.db.select().from(workCalendars).where(eq(workCalendars.id, 'default')))[0];
      const putTwo = (s: Session, payload: object) =>
        two.app.inject({ method: 'PUT', url: '/api/calendar', ...as(s), payload });
      const before = await stored();
      const sixDays = { ...defaultWorkCalendar(), workingWeekdays: [1, 2, 3, 4, 5, 6] };
      const refused = await putTwo(await login(two.app, 'admin'), sixDays); // the 410104 county admin
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'setting.level_not_owner',
        message:
          '工作日历全系统统一适用于每个县级区划，本系统另有 1 个县级区划不在您的管辖范围内，修改会改变它们的设置，须由管辖全部县级区划的上级管理员修改',
      });
      expect(await stored()).toEqual(before);
      const ok = await putTwo(city, sixDays);
      expect(ok.statusCode).toBe(200);
      expect((await stored())?.calendar).toMatchObject({ workingWeekdays: [1, 2, 3, 4, 5, 6] });
    } finally {
      await two.close();
    }
  });
});
