import { expect, test, type Locator, type Page } from '@playwright/test';
import { pickOption, pickTreeNode } from '../fixtures/antd.ts';
import { createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';

/** Types into an antd DatePicker's input and commits with Enter. */
async function typeDate(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await input.press('Enter');
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue(text);
}

/** Runs the deadline preview from `start` (one working day, the form's default). */
async function previewDeadline(page: Page, start: string): Promise<void> {
  const box = page.getByTestId('deadline-preview');
  await typeDate(page, box.locator('.ant-picker input'), start);
  await box.getByTestId('deadline-submit').click();
}

test('系统管理员新建接口密钥：明文只显示一次，之后只见前缀；可吊销', async ({ page }) => {
  const name = uniqueName('视频平台');
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-apiKeys').click();
  await expect(page.getByTestId('api-keys-page')).toBeVisible();

  await page.getByTestId('api-keys-create').click();
  const dialog = page.getByRole('dialog');
  await page.getByTestId('api-key-submit').click();
  await expect(dialog.getByText('必填').first()).toBeVisible();
  await dialog.getByTestId('api-key-name').fill(name);
  await pickTreeNode(page, dialog.getByTestId('api-key-region'), '格物街道', /格物街道（\d+）/);
  await pickOption(page, dialog.getByTestId('api-key-source'), '视频监控');
  await page.getByTestId('api-key-submit').click();

  const reveal = page.getByTestId('api-key-reveal');
  await expect(reveal.getByText('密钥只显示一次')).toBeVisible();
  const plaintext = page.getByTestId('api-key-plaintext');
  await expect(plaintext).toHaveValue(/^gw_[A-Za-z0-9_-]{43}$/);
  const key = await plaintext.inputValue();
  await page.getByTestId('api-key-done').click();
  await expect(reveal).toBeHidden();

  const row = page.getByTestId(`api-key-row-${name}`);
  await expect(row).toContainText(key.slice(0, 8));
  await expect(row).toContainText('格物街道');
  await expect(row).toContainText('视频监控');
  await expect(row).toContainText('600');
  await expect(row).toContainText('有效');
  // Never again: not on the page, not after a reload.
  expect(await page.content()).not.toContain(key);
  await page.reload();
  await expect(row).toBeVisible();
  expect(await page.content()).not.toContain(key);

  await row.getByRole('button', { name: '吊销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
  await expect(row).toContainText('已吊销');
  await expect(row.getByRole('button', { name: '吊销' })).toHaveCount(0);
  await logoutViaUi(page);
});

test('系统管理员在工作日历中添加节假日并保存；服务器的校验提示落在单元格上；试算随之变化', async ({ page }) => {
  test.setTimeout(120_000);
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-workCalendar').click();
  await expect(page.getByTestId('calendar-page')).toBeVisible();

  // Monday 2027-11-22 10:00 plus one working day: Tuesday 17:30 on the built-in calendar.
  await previewDeadline(page, '2027-11-22 10:00');
  await expect(page.getByTestId('deadline-result')).toContainText('2027-11-23 17:30');

  await page.getByTestId('calendar-year-2027').click();
  const holidays = page.getByTestId('holiday-table-2027');
  await page.getByTestId('holiday-add-2027').click();
  const row = holidays.getByTestId('holiday-row').last();
  // An empty row is refused before anything is sent.
  await page.getByTestId('calendar-save').click();
  await expect(page.getByTestId('calendar-errors')).toContainText('请先填写完整标红的单元格');
  await expect(row.getByText('必填').first()).toBeVisible();

  await row.getByTestId('holiday-date').fill('2027-11-23');
  await row.getByTestId('holiday-name').fill('演示休息日');
  await expect(row).toContainText('周二');
  // The month view jumped to November 2027 and shows the day red.
  await expect(page.getByTestId('calendar-day-2027-11-23')).toHaveAttribute('data-mark', 'holidays');

  // The same date as an adjusted working day: the server's message shows on that cell.
  await page.getByTestId('adjusted-add-2027').click();
  const adjusted = page.getByTestId('adjusted-table-2027').getByTestId('adjusted-row').last();
  await adjusted.getByTestId('adjusted-date').fill('2027-11-23');
  await adjusted.getByTestId('adjusted-name').fill('冲突');
  await page.getByTestId('calendar-save').click();
  await expect(adjusted.getByText('不能既是节假日又是调休上班日')).toBeVisible();
  await expect(page.getByTestId('calendar-errors')).toBeVisible();
  await adjusted.getByTestId('adjusted-remove').click();

  await page.getByTestId('calendar-save').click();
  await expect(page.getByText('工作日历已保存')).toBeVisible();
  await expect(page.getByTestId('calendar-dirty')).toHaveCount(0);
  await expect(page.getByTestId('calendar-default')).toHaveCount(0);
  await expect(page.getByTestId('calendar-updated')).toContainText('系统管理员');

  await previewDeadline(page, '2027-11-22 10:00');
  await expect(page.getByTestId('deadline-result')).toContainText('2027-11-24 17:30');

  // Saved for real: after a reload the row is still there.
  await page.reload();
  await page.getByTestId('calendar-year-2027').click();
  const rows = page.getByTestId('holiday-table-2027').getByTestId('holiday-row');
  await expect(rows.first()).toBeVisible();
  const names = await rows
    .getByTestId('holiday-name')
    .evaluateAll((els) => els.map((e) => (e as unknown as { value: string }).value));
  expect(names.filter((n) => n === '演示休息日')).toHaveLength(1);
  const saved = rows.nth(names.indexOf('演示休息日'));
  await expect(saved.getByTestId('holiday-date')).toHaveValue('2027-11-23');

  // Put the calendar back as it was, for the specs that follow.
  await saved.getByTestId('holiday-remove').click();
  await page.getByTestId('calendar-save').click();
  await expect(page.getByText('工作日历已保存')).toBeVisible();
  await logoutViaUi(page);
});

test('系统管理员新建处置单位并把处置账号归入；单位还有账号时不能撤销', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const username = uniqueName('e2e_unit_');
  const displayName = uniqueName('处置员');
  await createUserViaApi(baseURL ?? '', {
    username,
    displayName,
    password: 'Unit@2026abc',
    regionCode: '410104001',
    roles: ['handler'],
  });
  const unitName = uniqueName('格物街道测试中队');

  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-units').click();
  await expect(page.getByTestId('units-table')).toBeVisible();
  const dialog = page.getByRole('dialog');
  const createUnit = async () => {
    await page.getByTestId('units-create').click();
    await pickTreeNode(page, dialog.getByTestId('unit-region'), '格物街道', /格物街道（\d+）/);
    await pickOption(page, dialog.getByTestId('unit-kind'), '城市管理');
    await dialog.getByTestId('unit-name').fill(unitName);
    await page.getByTestId('unit-submit').click();
  };
  await createUnit();
  await expect(dialog).toBeHidden();
  await pickOption(page, page.getByTestId('units-kind-filter'), '城市管理');
  const row = page.getByRole('row', { name: new RegExp(unitName) });
  await expect(row).toContainText('格物街道');
  await expect(row).toContainText('城市管理(综合执法)');
  await expect(row).toContainText('在用');

  // The same region, kind and name again: the server's message shows on the name field.
  await createUnit();
  await expect(dialog.getByText('同一区划下已有同类型、同名称的单位')).toBeVisible();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();

  await row.getByRole('button', { name: '归属账号' }).click();
  await pickOption(page, dialog.getByTestId('assign-account'), displayName);
  await expect(dialog.getByTestId('assign-unit')).toContainText(unitName);
  await page.getByTestId('assign-submit').click();
  await expect(page.getByText(`${displayName} 已归属 ${unitName}`)).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('1');

  await row.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText('该单位仍有 1 个处置账号')).toBeVisible();

  await page.getByTestId('units-assign').click();
  await pickOption(page, dialog.getByTestId('assign-account'), displayName);
  await pickOption(page, dialog.getByTestId('assign-unit'), '移出');
  await page.getByTestId('assign-submit').click();
  await expect(page.getByText(`${displayName} 已移出所属单位`)).toBeVisible();
  await expect(row.getByRole('cell').nth(3)).toHaveText('0');

  await row.getByRole('button', { name: '撤销' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '确定' }).click();
  await expect(page.getByText(`已撤销 ${unitName}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByTestId('units-include-retired').click();
  await expect(row).toContainText('已撤销');
  await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);
  await logoutViaUi(page);
});
