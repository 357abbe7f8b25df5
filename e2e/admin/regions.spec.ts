import { expect, test } from '@playwright/test';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';

test('系统管理员在格物街道下新增社区；网格员只看到自己的社区', async ({ page }) => {
  await loginViaUi(page, 'admin');
  await page.getByTestId('menu-regions').click();
  const tree = page.getByTestId('region-tree');
  await expect(tree.getByTestId('region-node-410104')).toBeVisible();
  await tree.getByTestId('region-node-410104001').click();
  await expect(page.getByTestId('region-detail')).toContainText('格物街道');
  await expect(page.getByTestId('region-detail')).toContainText('410104001000');

  const form = page.getByTestId('add-region-form');
  await form.getByTestId('region-code').fill('410105001009');
  await form.getByTestId('region-name').fill('测试社区');
  await form.getByTestId('region-add-submit').click();
  await expect(form.getByText('代码应以上级代码 410104001 开头')).toBeVisible();
  await form.getByTestId('region-code').fill('410104001009');
  await form.getByTestId('region-add-submit').click();
  await expect(page.getByText('已新增区划 测试社区')).toBeVisible();
  await expect(tree.getByTestId('region-node-410104001009')).toContainText('测试社区');
  await expect(page.getByTestId('region-detail')).toContainText('村（社区）');
  await logoutViaUi(page);

  await loginViaUi(page, 'gridworker');
  await page.getByTestId('menu-regions').click();
  await expect(tree.getByTestId('region-node-410104001001')).toContainText('明德社区');
  await expect(tree.getByTestId('region-node-410104001002')).toHaveCount(0);
  await expect(page.getByTestId('add-region-form')).toHaveCount(0);
  await logoutViaUi(page);
});
