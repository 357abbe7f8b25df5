import { expect, test } from '@playwright/test';
import { loginViaUi } from '../fixtures/auth.ts';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { PHONE_ITEM, fillPhoneReport, phoneContext } from '../fixtures/phone.ts';

test('a grid worker reloads the app with no connection, files a report, and it becomes one case once back online', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const spot = await spotInGrid(baseURL as string);
  const description = uniqueName('断网重开后上报路灯不亮');
  const ctx = await phoneContext(browser, spot);
  const page = await ctx.newPage();

  // Online once: signed in, the report screen and its catalogue seen, the service worker in charge.
  await loginViaUi(page, 'gridworker');
  await page.goto('/m/report');
  await page.getByTestId('report-item').click();
  await expect(page.getByTestId(`report-item-option-${PHONE_ITEM.code}`)).toBeVisible();
  await page.keyboard.press('Escape');
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)');
  await page.reload(); // the first page predates the worker: from here on it answers
  await expect.poll(() => page.evaluate('navigator.serviceWorker.controller !== null')).toBe(true);

  // No connection at all, and the app is opened again: the phone pages come up, signed in, not the login page.
  await ctx.setOffline(true);
  await page.reload();
  await expect(page).toHaveURL(/\/m\/report$/);
  await expect(page.getByTestId('m-offline')).toBeVisible();
  await expect(page.getByTestId('header-user')).toHaveText('王网格');

  await page.getByTestId('report-map-open').click(); // the map's code comes from the worker's cache too
  await expect(page.getByTestId('report-map')).toBeVisible();
  await fillPhoneReport(page, description);
  await page.getByTestId('report-submit').click();
  await expect(page.getByTestId('offline-pending')).toBeVisible();
  await expect(page.getByTestId('offline-pending-text')).toContainText('1');

  // Back online: the outbox sends it, once.
  await ctx.setOffline(false);
  await expect(page.getByTestId('offline-pending')).toBeHidden({ timeout: 40_000 });
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
