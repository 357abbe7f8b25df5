import { expect, test } from '@playwright/test';
import { loginViaUi, logoutViaUi, submitLogin } from '../fixtures/auth.ts';
import { createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { confirmRowAction, findUserRow } from '../fixtures/users-page.ts';

test('同一地址连续输错 5 次密码后暂停登录；安全管理员解锁后可以登录', async ({ page, baseURL }) => {
  const username = uniqueName('lock_');
  const password = 'Lock@2026z';
  await createUserViaApi(baseURL ?? '', {
    username,
    displayName: '锁定测试',
    password,
    regionCode: '410104001',
    roles: ['mediator'],
  });

  await page.goto('/login');
  for (let i = 1; i <= 4; i++) {
    await submitLogin(page, username, `Wrong@${i}xyz`);
    await expect(page.getByTestId('login-error')).toHaveText('用户名或密码错误');
  }
  await submitLogin(page, username, 'Wrong@5xyz');
  await expect(page.getByTestId('login-error')).toContainText('已暂停登录');
  await expect(page.getByTestId('login-error')).toContainText('15 分钟');
  // Paused means paused from this address, even with the right password (it is not checked).
  await submitLogin(page, username, password);
  await expect(page.getByTestId('login-error')).toContainText('已暂停登录');

  await loginViaUi(page, 'secadmin');
  const row = await findUserRow(page, username);
  await expect(row).toContainText('已锁定');
  await confirmRowAction(page, `user-unlock-${username}`);
  await expect(page.getByText('已解锁')).toBeVisible();
  await expect(row).not.toContainText('已锁定');
  await logoutViaUi(page);

  await submitLogin(page, username, password);
  // An account made by the admin must change its initial password first.
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByTestId('header-user')).toHaveText('锁定测试');
});
