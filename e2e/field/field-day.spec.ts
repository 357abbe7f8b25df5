import { expect, test, type Page } from '@playwright/test';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { PNG } from '../fixtures/desk.ts';
import { expectFitsPhone, phoneContext } from '../fixtures/phone.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区's first grid, the demo grid worker's. */
const GRID_CODE = '410104001001001';
/** 九小场所消防安全检查: the pass/fail items besides the failed one, and the value item. */
const PASSED = ['no_residence', 'ebike_indoor', 'hydrant_ok', 'no_hazchem'];

/** From the 外勤 hub (the tab) to one of its pages. */
async function openField(m: Page, key: 'patrol' | 'inspections' | 'visits'): Promise<void> {
  await m.getByTestId('m-tab-field').click();
  await expect(m.getByTestId('m-field')).toBeVisible();
  await m.getByTestId(`m-field-${key}`).click();
}

/**
 * A grid worker's day in a dead zone (issue 17): from the 外勤 tab they patrol, check in at a place,
 * run a checklist with one failed item and visit a special-population person, all offline; the banner
 * counts what waits. Back online the app sends it all from whatever page is open — one patrol, one
 * inspection, one visit — and the failed item becomes one case in one tap. Reloading sends nothing twice.
 */
test('a grid worker’s offline field day syncs once: one patrol, one inspection, one visit, one case', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  const spot = await spotInGrid(base);
  const worker = await apiLogin(base, 'gridworker');
  const { items: grids } = await worker.get<{ items: { id: string; code: string; villageId: string }[] }>('/api/grids');
  const grid = grids.find((g) => g.code === GRID_CODE);
  if (!grid) throw new Error('the demo grid worker’s grid is missing');
  // A small restaurant ~33 m north (inside the 100 m check-in radius), and a person with a visit plan.
  const placeName = uniqueName('外勤小餐馆');
  const place = await worker.post<{ id: string }>('/api/key-places', {
    villageId: grid.villageId,
    name: placeName,
    kind: 'other',
    lon: spot.longitude,
    lat: spot.latitude + 0.0003,
  });
  const person = await worker.post<{ id: string }>('/api/residents', {
    villageId: grid.villageId,
    gridId: grid.id,
    name: uniqueName('外勤走访'),
  });
  const plan = await worker.post<{ id: string }>('/api/special-populations', {
    residentId: person.id,
    kind: 'severe_mental_disorder',
    riskLevel: 'high',
  });

  const context = await phoneContext(browser, spot);
  const m = await context.newPage();
  await loginViaUi(m, 'gridworker');
  // The morning, online: the worker opens each page once, which keeps its lists on the device.
  await m.goto('/m/field');
  await expect(m.getByTestId('m-title')).toHaveText('外勤');
  await expectFitsPhone(m);
  await shot(m, 'field-hub-phone');
  for (const key of ['inspections', 'visits', 'patrol'] as const) {
    await openField(m, key);
    await expect(m.getByTestId('m-title')).toHaveText({ patrol: '巡查', inspections: '隐患排查', visits: '走访' }[key]);
  }

  // The dead zone starts.
  await context.setOffline(true);
  await m.getByTestId('m-patrol-start').click();
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'active');
  const patrolId = (await m.getByTestId('m-patrol').getAttribute('data-patrol-id')) ?? '';
  await expect(m.getByTestId('m-patrol-points')).toContainText('1', { timeout: 15_000 });
  const here = m.getByTestId('m-patrol-place').filter({ hasText: placeName });
  await here.getByTestId('m-patrol-checkin').click();
  await expect(here.getByTestId('m-patrol-checked')).toBeVisible();

  // The checklist at the restaurant: the exits are blocked (photo), everything else passes.
  await openField(m, 'inspections');
  await pickOption(m, m.getByTestId('m-inspection-place'), placeName);
  await pickOption(m, m.getByTestId('m-inspection-template'), '九小场所消防安全检查');
  await m.getByTestId('m-inspection-start').click();
  await pickOption(m, m.getByTestId('m-inspection-place-type'), '小餐饮');
  await m.getByTestId('m-inspection-fail-exits_clear').click();
  for (const key of PASSED) await m.getByTestId(`m-inspection-pass-${key}`).click();
  await m.getByTestId('m-inspection-value-extinguishers').fill('2');
  await m
    .getByTestId('m-inspection-photos-exits_clear')
    .setInputFiles({ name: 'exit.png', mimeType: 'image/png', buffer: PNG });
  await expect(m.getByTestId('m-inspection-photos-exits_clear-thumb')).toHaveCount(1);
  await m.getByTestId('m-inspection-submit').click();
  await expect(m.getByTestId('m-inspection-pending-text')).toContainText('1');

  // The visit to the person under the plan.
  await openField(m, 'visits');
  await m.getByTestId(`m-visit-plan-${plan.id}`).click();
  await m.getByTestId('m-visit-purpose').fill('例行走访');
  await m.getByTestId('m-visit-note').fill('本人在家，情绪稳定');
  await m.getByTestId('m-visit-submit').click();
  await expect(m.getByTestId('m-visit-outbox')).toBeVisible();
  await expectFitsPhone(m);

  // Back to the patrol, still running on the device, and end it.
  await openField(m, 'patrol');
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'active');
  await m.getByTestId('m-patrol-end').click();
  await m.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'ended');
  await shot(m, 'field-day-offline-end');

  // Nothing has reached the server yet.
  const patrols = async () =>
    (await worker.get<{ items: { id: string }[] }>('/api/patrols?pageSize=100')).items.filter((p) => p.id === patrolId);
  const inspections = async () =>
    (await worker.get<{ items: { id: string }[] }>(`/api/inspections?placeKind=key_place&placeId=${place.id}`)).items;
  const visits = async () => (await worker.get<{ items: unknown[] }>(`/api/residents/${person.id}/visits`)).items;
  expect([(await patrols()).length, (await inspections()).length, (await visits()).length]).toEqual([0, 0, 0]);

  // The banner counts what waits on the device, of every kind, whatever page is open.
  const waiting = m.getByTestId('offline-field');
  for (const kind of ['巡查', '隐患排查 1 项', '走访 1 项']) await expect(waiting).toContainText(kind);

  // Online again: the app sends all of it from the page that happens to be open.
  await context.setOffline(false);
  await expect(m.getByTestId('offline-pending')).toBeHidden({ timeout: 40_000 });
  await expect(m.getByTestId('m-patrol-summary')).toBeVisible({ timeout: 30_000 });
  await expect(m.getByTestId('m-patrol-summary-places')).toHaveText('1');
  await openField(m, 'inspections');
  const card = m.getByTestId('m-inspection').filter({ hasText: placeName });
  await card.getByTestId('m-inspection-to-case').click();
  await expect(card.getByTestId('m-inspection-case')).toContainText('已转案件');
  await openField(m, 'visits');
  await expect(m.getByTestId('m-visit-outbox')).toBeHidden();

  const counted = async () => {
    const [inspection] = await inspections();
    const detail = await worker.get<{ answers: { key: string; caseId: string | null }[] }>(
      `/api/inspections/${inspection?.id}`,
    );
    return {
      patrols: (await patrols()).length,
      inspections: (await inspections()).length,
      visits: (await visits()).length,
      cases: detail.answers.filter((a) => a.caseId).map((a) => a.key),
    };
  };
  const want = { patrols: 1, inspections: 1, visits: 1, cases: ['exits_clear'] };
  expect(await counted()).toEqual(want);

  // A reload of every page sends nothing twice.
  for (const key of ['patrol', 'inspections', 'visits'] as const) {
    await m.goto(`/m/field/${key}`);
    await expect(m.getByTestId('m-title')).toBeVisible();
  }
  await m.waitForTimeout(2_000);
  expect(await counted()).toEqual(want);

  await m.goto('/m/field');
  await m.setViewportSize({ width: 1440, height: 900 });
  await shot(m, 'field-hub-wide');
  await context.close();
  await worker.dispose();
});
