import { expect, test } from '@playwright/test';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';

test('审计员筛选审计日志并校验审计链', async ({ page }) => {
  await loginViaUi(page, 'auditor');
  await page.getByTestId('menu-audit').click();
  const table = page.getByTestId('audit-table');
  await expect(table).toContainText('auth.login');

  await page.getByTestId('audit-filter-action').fill('auth.login');
  await page.getByTestId('audit-search').click();
  await expect(table.locator('tbody tr.ant-table-row').first()).toContainText('auth.login');
  await expect(table.locator('tbody tr.ant-table-row', { hasNotText: 'auth.login' })).toHaveCount(0);

  await page.getByTestId('audit-verify').click();
  const result = page.getByTestId('audit-verify-result');
  await expect(result).toContainText('审计链完整');
  await expect(result).toContainText('已校验');
  await logoutViaUi(page);
});
