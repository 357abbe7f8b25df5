import { expect, test, type Page } from '@playwright/test';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';

/**
 * Issue 14, desktop: a burst of new reports reaches the dispatcher as one pop-up ("新上报 5 件"),
 * not five; 查看 opens the intake queue and marks nothing read.
 */

/** An item residents may report, with no required extra field. */
const ITEM = STARTER_CATALOGUE.find(
  (i) => i.publicReport && !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];
const SHOTS = process.env.GEWU_SHOTS_DIR;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/** The most pop-ups that were on screen at once since this was called (in-page code as text: no DOM types here). */
async function watchPopUps(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(`(() => {
    window.maxPopUps = 0;
    const count = () => {
      window.maxPopUps = Math.max(window.maxPopUps, document.querySelectorAll('.ant-notification-notice').length);
    };
    new MutationObserver(count).observe(document.body, { childList: true, subtree: true });
  })()`);
  return () => page.evaluate<number>('window.maxPopUps');
}

test('five reports at once reach the dispatcher as one pop-up, and 查看 opens the queue', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const spot = await spotInGrid(baseURL as string);
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  // The live stream counts from the moment it connects: wait for it before anything is reported.
  const streaming = page.waitForResponse((r) => r.url().includes('/api/notifications/stream') && r.ok());
  await loginViaUi(page, 'dispatcher');
  await streaming;
  const bell = page.getByTestId('notification-bell');
  await expect(bell).toHaveAttribute('data-unread', /^\d+$/);
  const unreadBefore = Number(await bell.getAttribute('data-unread'));
  const maxPopUps = await watchPopUps(page);

  const resident = await apiLogin(baseURL as string, 'resident');
  const reports = ['井盖缺失', '路灯不亮', '道路破损', '垃圾满溢', '违章停车'].map((what) => uniqueName(`${what}·`));
  const made = await Promise.all(
    reports.map((description) =>
      resident.post<{ id: string; code: string }>('/api/cases', {
        itemCode: ITEM.code,
        description,
        location: { lon: spot.longitude, lat: spot.latitude },
        idempotencyKey: uniqueName('notices-spec-'),
      }),
    ),
  );
  await resident.dispose();

  const toast = page.getByTestId('notice-toast-case.reported');
  await expect(toast).toContainText('新上报 5 件');
  await expect(toast).toContainText(`最新：新上报：${ITEM.name}`);
  await expect(page.locator('.ant-notification-notice')).toHaveCount(1);
  expect(await maxPopUps()).toBe(1);
  await expect(bell).toHaveAttribute('data-unread', String(unreadBefore + 5));
  await shot(page, 'notices-grouped-desktop');

  await toast.getByTestId('notice-view-case.reported').click();
  await expect(page).toHaveURL(/\/cases$/);
  const queue = page.getByTestId('case-queue-table');
  for (const c of made) await expect(queue.getByTestId(`case-row-${c.code}`)).toBeVisible();
  await expect(page.locator('.ant-notification-notice')).toHaveCount(0);
  // 查看 opened the queue and read nothing: the five are still unread.
  await expect(bell).toHaveAttribute('data-unread', String(unreadBefore + 5));
  await desk.close();
});
