import { expect, test } from '@playwright/test';
import { pickTreeNode } from '../fixtures/antd.ts';
import { DEMO_PASSWORD } from '../fixtures/accounts.ts';
import { expectLoginPage, loginViaUi, logoutViaUi, submitLogin } from '../fixtures/auth.ts';
import { uniqueName } from '../fixtures/api.ts';
import { findUserRow } from '../fixtures/users-page.ts';

test('密码错误时显示中文错误信息', async ({ page }) => {
  await page.goto('/login');
  await expectLoginPage(page);
  await submitLogin(page, 'mediator', 'Wrong@2026');
  await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
  await expect(page).toHaveURL(/\/login$/);
  // The right password still works (one failure does not lock).
  await submitLogin(page, 'mediator', DEMO_PASSWORD);
  await expect(page.getByTestId('header-user')).toHaveText('孙调解');
  await logoutViaUi(page);
});

test('管理员新建用户；新用户首次登录须改密，改密后用新密码登录', async ({ page }) => {
  const username = uniqueName('e2e_');
  const initial = 'Init@2026x';
  const changed = 'Changed#2026y';

  await test.step('系统管理员在用户页新建网格员', async () => {
    await loginViaUi(page, 'admin');
    await page.getByTestId('menu-users').click();
    await page.getByTestId('users-create').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('create-username').fill(username);
    await dialog.getByTestId('create-display-name').fill('测试网格员');
    await dialog.getByTestId('create-password').fill('short');
    await page.getByTestId('create-user-submit').click();
    await expect(dialog.getByText('密码至少 8 位')).toBeVisible();
    await dialog.getByTestId('create-password').fill(initial);
    await pickTreeNode(page, dialog.getByTestId('create-region'), '明德社区', /明德社区（\d+）/);
    // Same for the roles: pick until the field shows the choice.
    const roles = dialog.getByTestId('create-roles');
    await expect(async () => {
      // A multi-select toggles: only click while the role is not yet chosen.
      if (!((await roles.textContent()) ?? '').includes('网格员')) {
        await roles.click();
        await page
          .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '网格员' })
          .first()
          .click({ timeout: 2000 });
      }
      await expect(roles).toContainText('网格员', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await page.keyboard.press('Escape');
    await page.getByTestId('create-user-submit').click();
    await expect(dialog).toBeHidden();
    const row = await findUserRow(page, username);
    await expect(row).toContainText('测试网格员');
    await expect(row).toContainText('明德社区');
    await expect(row).toContainText('网格员');
    await logoutViaUi(page);
  });

  await test.step('新用户登录后被带到个人设置修改初始密码', async () => {
    await loginViaUi(page, username, initial);
    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByTestId('must-change-password')).toBeVisible();
    await page.getByTestId('current-password').fill('NotIt@2026');
    await page.getByTestId('new-password').fill('weakpass');
    await page.getByTestId('confirm-password').fill('weakpass');
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByText('密码须包含大写字母、小写字母、数字、符号中的至少 3 类')).toBeVisible();
    await page.getByTestId('new-password').fill(changed);
    await page.getByTestId('confirm-password').fill(changed);
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByText('当前密码不正确')).toBeVisible();
    await page.getByTestId('current-password').fill(initial);
    await page.getByTestId('change-password-submit').click();
    await expect(page.getByText('密码已修改')).toBeVisible();
    await expect(page.getByTestId('must-change-password')).toHaveCount(0);
    await page.getByTestId('menu-home').click();
    await expect(page).toHaveURL(/\/$/);
    await logoutViaUi(page);
  });

  await test.step('旧密码失效，新密码可以登录', async () => {
    await submitLogin(page, username, initial);
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
    await submitLogin(page, username, changed);
    await expect(page.getByTestId('header-user')).toHaveText('测试网格员');
    await expect(page.getByTestId('header-roles')).toHaveText('网格员');
    await expect(page).toHaveURL(/\/$/);
    await logoutViaUi(page);
  });
});
