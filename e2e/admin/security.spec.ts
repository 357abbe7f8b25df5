import { expect, test } from '@playwright/test';
import { expectLoginPage, loginViaUi, logoutViaUi, submitLogin } from '../fixtures/auth.ts';
import { createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { confirmRowAction, findUserRow } from '../fixtures/users-page.ts';

test('安全管理员强制下线并重置密码：被下线的会话回到登录页，新密码须再修改', async ({ page, browser, baseURL }) => {
  const username = uniqueName('sec_');
  await createUserViaApi(baseURL ?? '', {
    username,
    displayName: '下线测试',
    password: 'First@2026a',
    regionCode: '410104001',
    roles: ['handler'],
  });

  // The user signs in elsewhere (a second browser), and must change the initial password.
  const other = await browser.newContext();
  const userPage = await other.newPage();
  await loginViaUi(userPage, username, 'First@2026a');
  await expect(userPage).toHaveURL(/\/account$/);

  await loginViaUi(page, 'secadmin');
  await findUserRow(page, username);
  await confirmRowAction(page, `user-revoke-${username}`);
  await expect(page.getByText('已强制下线')).toBeVisible();

  // The revoked session's next request answers 401: the UI drops it and shows the login page.
  await userPage.getByTestId('current-password').fill('First@2026a');
  await userPage.getByTestId('new-password').fill('Second@2026b');
  await userPage.getByTestId('confirm-password').fill('Second@2026b');
  await userPage.getByTestId('change-password-submit').click();
  await expectLoginPage(userPage);

  await page.getByTestId(`user-reset-${username}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('reset-password').fill('Reset@2026c');
  await page.getByTestId('reset-submit').click();
  await expect(page.getByText('密码已重置')).toBeVisible();
  await expect(dialog).toBeHidden();
  await logoutViaUi(page);

  await submitLogin(userPage, username, 'First@2026a');
  await expect(userPage.getByTestId('login-error')).toHaveText('用户名或密码错误');
  await submitLogin(userPage, username, 'Reset@2026c');
  await expect(userPage).toHaveURL(/\/account$/);
  await expect(userPage.getByTestId('must-change-password')).toBeVisible();
  await other.close();
});

test('系统管理员修改姓名并停用账号；停用的账号不能登录', async ({ page, baseURL }) => {
  const username = uniqueName('off_');
  await createUserViaApi(baseURL ?? '', {
    username,
    displayName: '停用测试',
    password: 'Off@2026abc',
    regionCode: '410104001',
    roles: ['mediator'],
  });

  await loginViaUi(page, 'admin');
  const row = await findUserRow(page, username);
  await page.getByTestId(`user-edit-${username}`).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('edit-display-name').fill('已改名');
  await dialog.getByTestId('edit-enabled').click();
  await page.getByTestId('edit-user-submit').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('已改名');
  await expect(row).toContainText('停用');
  await logoutViaUi(page);

  await submitLogin(page, username, 'Off@2026abc');
  await expect(page.getByTestId('login-error')).toHaveText('账号已停用，请联系管理员');
});
