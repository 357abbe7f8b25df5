import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { loginViaUi } from '../fixtures/auth.ts';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { desktopAction, openInConsole, spotInGrid } from '../fixtures/cases.ts';

/** An item residents may report, for a department (not for grids), with no required extra field. */
const ITEM = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];
const UNIT = '格物街道综合行政执法中队';
/** A 1×1 PNG: the server re-encodes it like any phone photo. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function phone(browser: Browser, spot: { longitude: number; latitude: number }): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    geolocation: spot,
    permissions: ['geolocation'],
  });
}

/** Fills the phone report form (the page must be on the report screen). */
async function fillReport(page: Page, description: string, withPhoto: boolean) {
  await page.getByTestId('report-item').click();
  await page.getByTestId('report-item-search').fill(ITEM.name);
  await page.getByTestId(`report-item-option-${ITEM.code}`).click();
  await page.getByTestId('report-locate').click();
  await expect(page.getByTestId('report-coords')).toContainText('.');
  if (withPhoto) {
    await page.getByTestId('report-photo').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: PNG });
    await expect(page.getByTestId('report-photo-thumb').first()).toBeVisible();
  }
  await page.getByTestId('report-description').fill(description);
}

/** The case's photo thumbnail has been served and decoded (not a broken image). */
async function expectPhotoLoaded(page: Page): Promise<void> {
  const img = page.getByTestId('case-photos').locator('img').first();
  await expect(img).toBeVisible();
  await expect
    .poll(() =>
      img.evaluate((el) => {
        const image = el as unknown as { complete: boolean; naturalWidth: number };
        return image.complete ? image.naturalWidth : 0;
      }),
    )
    .toBeGreaterThan(0);
}

test('a resident reports on a phone → dispatched → handled → verified by the grid worker → rated; the figures show it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const spot = await spotInGrid(baseURL as string);
  const description = uniqueName('小区门口垃圾成堆');

  // The resident, on a phone.
  const residentCtx = await phone(browser, spot);
  const resident = await residentCtx.newPage();
  await loginViaUi(resident, 'resident');
  await expect(resident).toHaveURL(/\/m\//);
  await resident.goto('/m/report');
  await fillReport(resident, description, true);
  await resident.getByTestId('report-submit').click();
  const code = (await resident.getByTestId('report-success-code').innerText()).trim();
  expect(code).toMatch(/^\d{15}$/);

  // The dispatcher accepts and dispatches to the proposed unit.
  const { desk, dispatcher } = await openInConsole(browser, code);
  await expectPhotoLoaded(dispatcher); // the township's centre sees the resident's photo
  await desktopAction(dispatcher, 'accept');
  await dispatcher.getByTestId('case-action-dispatch').click();
  await expect(dispatcher.getByTestId('dispatch-unit')).toContainText(UNIT);
  await dispatcher.getByTestId('case-dialog-ok').click();
  await expect(dispatcher.getByTestId('case-assignee')).toContainText(UNIT);

  // The 城管 squad signs and feeds back.
  const handlerCtx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const handler = await handlerCtx.newPage();
  await loginViaUi(handler, 'handler');
  await handler.goto('/tasks');
  await handler.getByTestId(`case-row-${code}`).click();
  await expectPhotoLoaded(handler); // and so does the unit the case was given
  await desktopAction(handler, 'sign');
  await desktopAction(handler, 'feed_back', '已清运完毕');

  // The grid worker checks on site from the phone.
  const workerCtx = await phone(browser, spot);
  const worker = await workerCtx.newPage();
  await loginViaUi(worker, 'gridworker');
  await worker.goto('/m/verify');
  await worker.getByTestId(`verify-row-${code}`).click();
  await worker.getByTestId('m-action-verify_pass').click();
  await worker.getByTestId('m-action-submit').click();
  await expect(worker.getByTestId('case-state')).toHaveText('待结案');

  // The centre closes; the resident rates.
  await dispatcher.reload();
  await desktopAction(dispatcher, 'close');
  await resident.goto('/m/mine');
  await resident.getByTestId(`mine-row-${code}`).click();
  await expect(resident.getByTestId('case-state')).toHaveText('已结案');
  await resident.getByTestId('m-rating-satisfied').click();
  await resident.getByTestId('m-resolved-yes').click();
  await resident.getByTestId('m-action-rate').click();
  await expect(resident.getByTestId('case-rating')).toContainText('满意');

  // The statistics page counts the closed, rated case for the unit.
  await dispatcher.goto('/case-stats');
  const table = dispatcher.getByTestId('case-stats-table');
  await expect(table).toContainText(UNIT);
  const row = table.locator('tr', { hasText: UNIT });
  await expect(row).toContainText('100');
  await Promise.all([residentCtx.close(), desk.close(), handlerCtx.close(), workerCtx.close()]);
});

test('a grid worker’s report made offline appears once after going back online', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const spot = await spotInGrid(baseURL as string);
  const description = uniqueName('离线上报井盖松动');
  const ctx = await phone(browser, spot);
  const page = await ctx.newPage();
  await loginViaUi(page, 'gridworker');
  await page.goto('/m/report');
  // The catalogue must be on the device before the signal goes.
  await page.getByTestId('report-item').click();
  await expect(page.getByTestId(`report-item-option-${ITEM.code}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.goto('/m/report');
  await expect(page.getByTestId('report-item')).toBeVisible();

  await ctx.setOffline(true);
  await fillReport(page, description, false);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('offline-pending')).toBeVisible();
  await expect(page.getByTestId('offline-pending-text')).toContainText('1');

  await ctx.setOffline(false);
  await expect(page.getByTestId('offline-pending')).toBeHidden({ timeout: 40_000 });
  await page.goto('/m/mine');
  await expect(page.getByText(description)).toHaveCount(1);

  // Exactly one case on the server.
  const api = await apiLogin(baseURL as string, 'dispatcher');
  try {
    const found = await api.get<{ items: { description: string }[] }>(
      `/api/cases?view=all&q=${encodeURIComponent(description)}`,
    );
    expect(found.items.filter((c) => c.description === description)).toHaveLength(1);
  } finally {
    await api.dispose();
  }
  await ctx.close();
});
