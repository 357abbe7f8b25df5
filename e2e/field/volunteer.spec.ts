import { expect, test, type Browser, type Page } from '@playwright/test';
import { apiLogin, uniqueName, type ApiSession } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { PNG } from '../fixtures/desk.ts';
import { expectFitsPhone, phoneContext } from '../fixtures/phone.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区, the demo resident's community; its grid 1 is the demo grid worker's. */
const MINGDE = '410104001001';
/** A second, different 1×1 PNG: the before and after photos must differ. */
const PNG2 = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGNQWOAAAAHkAQEOXdw5AAAAAElFTkSuQmCC',
  'base64',
);

type Spot = { longitude: number; latitude: number };

async function residentPhone(browser: Browser, spot: Spot): Promise<Page> {
  const m = await (await phoneContext(browser, spot)).newPage();
  await loginViaUi(m, 'resident');
  await m.getByTestId('m-tab-volunteer').click();
  await expect(m.getByTestId('m-volunteer')).toBeVisible();
  return m;
}

async function regionId(s: ApiSession, code: string): Promise<string> {
  const { items } = await s.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const r = items.find((x) => x.code === code);
  if (!r) throw new Error(`region ${code} not visible`);
  return r.id;
}

/** The demo resident as an approved volunteer (registered and approved through the API when not yet). */
async function approvedVolunteer(base: string): Promise<void> {
  const resident = await apiLogin(base, 'resident');
  const dispatcher = await apiLogin(base, 'dispatcher');
  try {
    const mine = (await resident.get<{ items: { state: string }[] }>('/api/forces/volunteers')).items;
    if (mine.some((v) => v.state === 'approved')) return;
    if (mine.length === 0) await resident.post('/api/forces/volunteers', {});
    const { items } = await dispatcher.get<{ items: { id: string; state: string }[] }>('/api/forces/volunteers');
    for (const v of items.filter((x) => x.state === 'pending'))
      await dispatcher.post(`/api/forces/volunteers/${v.id}/decide`, { approved: true });
  } finally {
    await resident.dispose();
    await dispatcher.dispose();
  }
}

test.describe.configure({ mode: 'serial' });

test('a resident registers as a volunteer, the centre approves, the volunteer signs up and checks in on site', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const spot = await spotInGrid(baseURL ?? '');
  const m = await residentPhone(browser, spot);
  await expectFitsPhone(m);
  await m.getByTestId('m-volunteer-register').click();
  await expect(m.getByTestId('m-volunteer-state')).toHaveText('待审核');
  await shot(m, 'volunteer-phone-pending');

  // The township centre approves the registration and publishes an activity at the resident's spot.
  const dispatcher = await apiLogin(baseURL ?? '', 'dispatcher');
  const title = uniqueName('周末清扫');
  try {
    const { items } = await dispatcher.get<{ items: { id: string; regionPath: string; state: string }[] }>(
      '/api/forces/volunteers',
    );
    const pending = items.filter((v) => v.state === 'pending');
    for (const v of pending) await dispatcher.post(`/api/forces/volunteers/${v.id}/decide`, { approved: true });
    const now = Date.now();
    await dispatcher.post('/api/forces/activities', {
      id: crypto.randomUUID(),
      regionId: await regionId(dispatcher, MINGDE),
      kind: 'volunteer_event',
      title,
      placeName: '明德社区东门',
      lon: spot.longitude,
      lat: spot.latitude,
      startsAt: new Date(now + 10 * 60_000).toISOString(),
      endsAt: new Date(now + 130 * 60_000).toISOString(),
      capacity: 5,
    });
  } finally {
    await dispatcher.dispose();
  }

  await m.reload();
  await expect(m.getByTestId('m-volunteer-state')).toHaveText('已通过');
  const card = m.getByTestId('m-volunteer-activity').filter({ hasText: title });
  await expect(card).toContainText('明德社区东门');
  await expect(card.getByTestId('m-volunteer-capacity')).toHaveText('已报名 0 / 5 人');
  await card.getByTestId('m-volunteer-signup').click();
  await expect(card.getByTestId('m-volunteer-capacity')).toHaveText('已报名 1 / 5 人');
  await expect(card).toContainText('已报名');
  // On site (the phone stands at the activity's place): check in.
  await card.getByTestId('m-volunteer-check-in').click();
  await expect(card).toContainText('已签到');
  await expect(card.getByTestId('m-volunteer-check-out')).toBeVisible();
  await expectFitsPhone(m);
  await shot(m, 'volunteer-phone-activities');
  // The same page opened on a wide screen stays readable.
  await m.setViewportSize({ width: 1440, height: 900 });
  await shot(m, 'volunteer-wide-activities');
  await m.context().close();
});

test('the volunteer claims litter nearby, closes it offline with before and after photos, the grid worker confirms', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  await approvedVolunteer(baseURL ?? '');
  const spot = await spotInGrid(baseURL ?? '');
  const resident = await apiLogin(baseURL ?? '', 'resident');
  let made: { id: string; code: string };
  try {
    made = await resident.post<{ id: string; code: string }>('/api/cases', {
      itemCode: '01001',
      description: '楼下绿化带里有人乱扔垃圾',
      location: { lon: spot.longitude, lat: spot.latitude },
      idempotencyKey: uniqueName('volunteer-spec-'),
    });
  } finally {
    await resident.dispose();
  }

  const m = await residentPhone(browser, spot);
  await m.getByTestId('m-volunteer-locate').click();
  const near = m.getByTestId('m-volunteer-nearby-case').filter({ hasText: made.code });
  await expect(near).toBeVisible();
  await shot(m, 'volunteer-phone-nearby');
  await near.getByTestId('m-volunteer-claim').click();
  const mine = m.getByTestId('m-volunteer-claim-case').filter({ hasText: made.code });
  await expect(mine).toContainText('志愿者认领中');
  await mine.getByTestId('m-volunteer-close').click();
  await mine
    .getByTestId('m-volunteer-before')
    .setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: PNG });
  await mine.getByTestId('m-volunteer-after').setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG2 });
  await expect(mine.getByTestId('m-volunteer-before-thumb')).toHaveCount(1);
  await expect(mine.getByTestId('m-volunteer-after-thumb')).toHaveCount(1);
  await mine.getByTestId('m-volunteer-close-note').fill('已将垃圾清理装袋，放入垃圾桶');
  await expectFitsPhone(m);
  await shot(m, 'volunteer-phone-close');
  // Closed in a dead zone: it waits on the phone, and goes by itself once the phone is back online.
  await m.context().setOffline(true);
  await mine.getByTestId('m-volunteer-close-submit').click();
  await expect(mine.getByTestId('m-volunteer-close-queued')).toBeVisible();
  await expect(m.getByTestId('offline-field')).toContainText('认领处置 1 项');
  await shot(m, 'volunteer-phone-close-queued');
  await m.context().setOffline(false);
  await expect(m.getByTestId('offline-pending')).toBeHidden({ timeout: 40_000 });
  await expect(mine).toContainText('认领待确认');

  // The grid worker confirms it on their phone's case page: the case is closed, counted as claim-handled.
  const worker = await apiLogin(baseURL ?? '', 'gridworker');
  const w = await (await phoneContext(browser, spot)).newPage();
  try {
    expect((await worker.get<{ state: string }>(`/api/cases/${made.id}`)).state).toBe('claim_done');
    await loginViaUi(w, 'gridworker');
    await w.goto(`/m/verify/${made.id}`);
    await expect(w.getByTestId('m-action-claim_reopen')).toBeVisible();
    // One tap: the confirmation asks for nothing.
    await w.getByTestId('m-action-claim_confirm').click();
    await expect(w.getByTestId('m-action-claim_confirm')).toBeHidden();
    await expectFitsPhone(w);
    await shot(w, 'volunteer-claim-confirmed-by-worker');
    expect((await worker.get<{ state: string }>(`/api/cases/${made.id}`)).state).toBe('closed');
  } finally {
    await w.context().close();
    await worker.dispose();
  }
  await m.reload();
  await expect(m.getByTestId('m-volunteer-self-handled')).toHaveText('1');
  await expect(m.getByTestId('m-volunteer-points')).toHaveText('5');
  await expect(m.getByTestId('m-volunteer-claim-case').filter({ hasText: made.code })).toContainText('已结案');
  await shot(m, 'volunteer-phone-done');
  await m.context().close();
  // The reporter rates the closed case, as residents do: the demo resident has nothing left waiting for a rating.
  const reporter = await apiLogin(baseURL ?? '', 'resident');
  try {
    const c = await reporter.get<{ version: number }>(`/api/cases/${made.id}`);
    await reporter.post(`/api/cases/${made.id}/actions`, { action: 'rate', version: c.version, rating: 'satisfied' });
  } finally {
    await reporter.dispose();
  }
});
