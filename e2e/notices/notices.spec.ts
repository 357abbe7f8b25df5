import { expect, test, type Browser, type Page } from '@playwright/test';
import { uniqueName } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { DEMO_PASSWORD } from '../fixtures/accounts.ts';
import { PNG } from '../fixtures/desk.ts';
import { expectFitsPhone } from '../fixtures/phone.ts';

/** Screenshots for review go here as well as to the test's own output. */
const SHOTS = process.env.GEWU_SHOTS_DIR;

async function shot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`), fullPage: true });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } as const;
const DESK = { viewport: { width: 1440, height: 900 } } as const;
/** 明德社区, the demo resident's community. */
const VILLAGE = '410104001001';

/** A signed-in phone (the session made through the API, as the phone budget spec does). */
async function phoneAs(browser: Browser, username: string) {
  const ctx = await browser.newContext(PHONE);
  const login = await ctx.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  expect(login.ok()).toBe(true);
  return ctx.newPage();
}

test('staff publish and correct a notice; a resident asks about it; the public page shows it without login', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const title = uniqueName('第四季度村务公开');
  const corrected = `${title}（更正）`;
  const desk = await (await browser.newContext(DESK)).newPage();
  await loginViaUi(desk, 'dispatcher');

  // The board of 明德社区: compose a draft, publish it.
  await desk.getByTestId('menu-notices').click();
  await expect(desk).toHaveURL(/\/notices$/);
  await pickOption(desk, desk.getByTestId('notice-village'), '明德社区');
  await desk.getByTestId('notice-compose').click();
  const dialog = desk.getByRole('dialog');
  await dialog.getByTestId('notice-title').fill(title);
  await dialog.getByTestId('notice-body').fill('一、明德路排水沟改造已完工；\n二、新增公益岗位 3 个。');
  // A photo of the finished drain goes up with the notice.
  await dialog
    .getByTestId('notice-photos')
    .locator('input[type=file]')
    .setInputFiles({ name: 'drain.png', mimeType: 'image/png', buffer: PNG });
  await expect(dialog.getByTestId('notice-photos').locator('.ant-upload-list-item-done')).toHaveCount(1);
  await shot(desk, 'notices-compose-desktop');
  await dialog.getByRole('button', { name: '保存草稿' }).click();
  await expect(dialog).toBeHidden();
  const row = desk.getByTestId('notice-table').locator('tr', { hasText: title });
  await row.getByRole('button', { name: '发布' }).click();
  await expect(row.getByText('现行')).toBeVisible();
  // The periodic duties now run, each with its light.
  await expect(desk.getByTestId('notice-schedule').locator('[data-light]')).toHaveCount(3);

  // A correction: a new version with its reason; the first stays in the history.
  await row.getByRole('button', { name: '更正' }).click();
  const fix = desk.getByRole('dialog');
  await fix.getByTestId('notice-title').fill(corrected);
  await fix.getByTestId('notice-reason').fill('公益岗位数量有误');
  await expect(fix.getByTestId('notice-keep-photos')).toBeChecked(); // the first version's photo stays
  await fix.getByTestId('notice-body').fill('一、明德路排水沟改造已完工；\n二、新增公益岗位 4 个。');
  await fix.getByRole('button', { name: '发布更正版本' }).click();
  await expect(fix).toBeHidden();
  const current = desk.getByTestId('notice-table').locator('tr', { hasText: corrected });
  await expect(current).toContainText('2');
  await current.getByText(corrected).click();
  await expect(desk.getByTestId('notice-history')).toContainText('第 1 版');
  await expect(desk.getByTestId('notice-history')).toContainText('公益岗位数量有误');
  await expect(desk.getByTestId('notice-photos-shown').locator('img')).toHaveCount(1);
  await shot(desk, 'notices-board-desktop');
  await desk.keyboard.press('Escape');

  // The resident, on their phone: the current version, and a question (质询).
  const phone = await phoneAs(browser, 'resident');
  await phone.goto('/m/notices');
  const card = phone.getByTestId('m-notice').filter({ hasText: corrected });
  await expect(card).toBeVisible();
  await expect(card.getByTestId('m-notice-photos').locator('img')).toHaveCount(1);
  await card.getByText('提出质询').click();
  await card.getByTestId('m-inquiry-text').fill('公益岗位如何报名？');
  await card.getByRole('button', { name: '提交' }).click();
  await expect(phone.getByTestId('m-my-inquiry').filter({ hasText: '公益岗位如何报名？' })).toContainText('等待答复');
  await expectFitsPhone(phone);
  await shot(phone, 'notices-resident-phone');

  // The centre answers it from the board.
  await desk.reload();
  await pickOption(desk, desk.getByTestId('notice-village'), '明德社区');
  const open = desk.getByTestId('inquiry-item').filter({ hasText: '公益岗位如何报名？' }).first();
  await open.getByTestId('inquiry-answer').fill('请到社区服务站登记，截止本月底。');
  await open.getByRole('button', { name: '答复' }).click();
  await expect(desk.getByTestId('inquiry-item').filter({ hasText: '公益岗位如何报名？' })).toHaveCount(0);

  // Anyone, on a phone, without signing in: the public page (no script at all), current version and history.
  const anon = await (await browser.newContext(PHONE)).newPage();
  const res = await anon.goto(`/p/notices/${VILLAGE}`);
  expect(res?.status()).toBe(200);
  const html = (await res?.text()) ?? '';
  expect(html.length).toBeLessThan(100 * 1024);
  await expect(anon.locator('script')).toHaveCount(0);
  await expect(anon.getByRole('heading', { name: corrected })).toBeVisible();
  await expect(anon.locator('article', { hasText: corrected })).toContainText('附件 1 张');
  await anon.getByText('更正记录').first().click();
  await expect(anon.getByText('公益岗位数量有误')).toBeVisible();
  await expect(anon.getByText('请到社区服务站登记，截止本月底。')).toBeVisible();
  await expect(anon.locator('body')).not.toContainText('李群众');
  await shot(anon, 'notices-public-phone');

  // The remaining sizes of each screen, for review.
  const deskPublic = await (await browser.newContext(DESK)).newPage();
  await deskPublic.goto(`/p/notices/${VILLAGE}`);
  await shot(deskPublic, 'notices-public-desktop');
  const residentDesk = await (await browser.newContext(DESK)).newPage();
  await residentDesk.request.post('/api/auth/login', { data: { username: 'resident', password: DEMO_PASSWORD } });
  await residentDesk.goto('/m/notices');
  await expect(residentDesk.getByTestId('m-notices')).toBeVisible();
  await shot(residentDesk, 'notices-resident-desktop');
  const deskPhone = await phoneAs(browser, 'dispatcher');
  await deskPhone.goto('/notices');
  await pickOption(deskPhone, deskPhone.getByTestId('notice-village'), '修身村');
  await expect(deskPhone.getByTestId('notice-table')).toContainText('关于修建村文化广场的决议');
  await shot(deskPhone, 'notices-board-phone');
});
