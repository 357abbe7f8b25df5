import { expect, test } from '@playwright/test';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';

test('界面可以切换为英文并记住选择', async ({ page }) => {
  await page.goto('/login');
  await page.getByTestId('lang-switch').getByText('EN').click();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await page.reload();
  await expect(page.getByTestId('login-submit')).toHaveText('Sign in');
  await loginViaUi(page, 'auditor');
  await expect(page.getByTestId('menu-audit')).toHaveText('Audit log');
  await expect(page.getByTestId('header-roles')).toHaveText('Auditor');
  await page.getByTestId('lang-switch').getByText('中文').click();
  await expect(page.getByTestId('menu-audit')).toHaveText('审计日志');
  await logoutViaUi(page);
});
