import { expect, test } from '@playwright/test';
import { DEMO_ACCOUNTS, MENU_LABELS } from '../fixtures/accounts.ts';
import { expectLoginPage, loginViaUi, logoutViaUi, menuKeys } from '../fixtures/auth.ts';

test.describe('每个演示账号登录后只看到本角色的菜单', () => {
  for (const account of DEMO_ACCOUNTS) {
    test(`${account.username}（${account.roleName}）`, async ({ page }) => {
      await page.goto('/');
      await expectLoginPage(page);

      await loginViaUi(page, account.username);
      if (account.phone) {
        // Residents land on the phone screens: report and my reports, no desktop menu.
        await expect(page).toHaveURL(/\/m\//);
        await expect(page.getByTestId('side-menu')).toHaveCount(0);
        await expect(page.getByTestId('header-user')).toHaveText(account.displayName);
        await logoutViaUi(page);
        return;
      }
      await expect(page).toHaveURL(/\/$/);
      await expect(page.getByTestId('header-user')).toHaveText(account.displayName);
      await expect(page.getByTestId('header-region')).toHaveText(account.regionName);
      await expect(page.getByTestId('header-roles')).toHaveText(account.roleName);
      await expect(page.getByTestId('home-roles')).toHaveText(account.roleName);

      expect(await menuKeys(page)).toEqual(account.menu);
      for (const key of account.menu) {
        await expect(page.getByTestId(`menu-${key}`)).toHaveText(MENU_LABELS[key]);
      }

      await logoutViaUi(page);
    });
  }
});

test('系统管理员：有新建用户，没有审计日志（三员分立）', async ({ page }) => {
  await loginViaUi(page, 'admin');
  await expect(page.getByTestId('menu-audit')).toHaveCount(0);
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-create')).toBeVisible();
  await expect(page.getByTestId('user-edit-gridworker')).toBeVisible();
  // Security actions belong to the security admin only.
  await expect(page.getByTestId('user-unlock-gridworker')).toHaveCount(0);
  await expect(page.getByTestId('user-reset-gridworker')).toHaveCount(0);
  await page.goto('/audit');
  await expect(page.getByText('您没有访问此页面的权限')).toBeVisible();
  await logoutViaUi(page);
});

test('安全管理员：解锁、重置密码、强制下线，但不能新建用户', async ({ page }) => {
  await loginViaUi(page, 'secadmin');
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-table')).toContainText('gridworker');
  await expect(page.getByTestId('users-create')).toHaveCount(0);
  await expect(page.getByTestId('user-unlock-gridworker')).toHaveText('解锁');
  await expect(page.getByTestId('user-reset-gridworker')).toHaveText('重置密码');
  await expect(page.getByTestId('user-revoke-gridworker')).toHaveText('强制下线');
  await expect(page.getByTestId('user-edit-gridworker')).toHaveCount(0);
  await logoutViaUi(page);
});

test('审计员：只读审计日志，没有用户菜单，也不能新建用户', async ({ page }) => {
  await loginViaUi(page, 'auditor');
  await expect(page.getByTestId('menu-users')).toHaveCount(0);
  await page.goto('/users');
  await expect(page.getByText('您没有访问此页面的权限')).toBeVisible();
  await expect(page.getByTestId('users-create')).toHaveCount(0);
  await page.getByTestId('menu-audit').click();
  await expect(page.getByTestId('audit-table')).toContainText('auth.login');
  await expect(page.getByTestId('audit-verify')).toBeVisible();
  await logoutViaUi(page);
});

test('受理派遣员：只能查看用户，没有管理操作', async ({ page }) => {
  await loginViaUi(page, 'dispatcher');
  await page.getByTestId('menu-users').click();
  await expect(page.getByTestId('users-table')).toContainText('gridworker');
  await expect(page.getByTestId('users-create')).toHaveCount(0);
  await expect(page.getByTestId('user-edit-gridworker')).toHaveCount(0);
  await expect(page.getByTestId('user-roles-gridworker')).toHaveCount(0);
  await logoutViaUi(page);
});
