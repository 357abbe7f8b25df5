import { expect, test, type Page } from '@playwright/test';
import { idCheckChar } from '@gewu/domain';
import { loginViaUi, logoutViaUi } from '../fixtures/auth.ts';
import { uniqueName } from '../fixtures/api.ts';

interface Person {
  name: string;
  idNumber: string;
}

/** A valid 18-digit ID number for someone born in 管城回族区 (410104), random enough not to repeat. */
function idNumber(): string {
  const year = 1950 + Math.floor(Math.random() * 50);
  const month = String(1 + Math.floor(Math.random() * 12)).padStart(2, '0');
  const day = String(1 + Math.floor(Math.random() * 28)).padStart(2, '0');
  const seq = String(Math.floor(Math.random() * 1000)).padStart(3, '0');
  const first17 = `410104${year}${month}${day}${seq}`;
  return first17 + idCheckChar(first17);
}

/** The same number with a wrong check character. */
function withWrongCheck(id: string): string {
  const wrong = '10X98765432'.split('').find((c) => c !== id[17]) as string;
  return id.slice(0, 17) + wrong;
}

/** A CSV as Excel saves it (UTF-8 with BOM), in the template's Chinese columns. */
function csv(people: readonly Person[]): Buffer {
  const lines = [
    '姓名,身份证号,联系电话,人员类别,村（社区）代码,居住地址',
    ...people.map(
      (p, i) => `${p.name},${p.idNumber},1390000${String(1000 + i)},户籍人口,410104001001,${i + 1}号楼101室`,
    ),
  ];
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

async function uploadAndValidate(page: Page, file: Buffer): Promise<void> {
  await expect(page.getByTestId('import-kind')).toBeVisible();
  await page.getByTestId('import-kind').getByText('实有人口').click();
  await page
    .getByTestId('import-file')
    .locator('input[type=file]')
    .setInputFiles({ name: '实有人口.csv', mimeType: 'text/csv', buffer: file });
  await expect(page.getByTestId('import-file')).toContainText('实有人口.csv');
  await page.getByTestId('import-validate').click();
}

async function searchResidents(page: Page, name: string) {
  await page.getByTestId('menu-residents').click();
  await page.getByTestId('resident-search-name').fill(name);
  await page.getByTestId('resident-search').click();
  return page.getByTestId('residents-table');
}

test('受理派遣员导入人口：有错的文件逐行报错且不写入，改正后全部导入', async ({ page }) => {
  const tag = uniqueName('导');
  const people: Person[] = ['甲', '乙', '丙'].map((n) => ({ name: `${tag}${n}`, idNumber: idNumber() }));
  const bad = people.map((p, i) => (i === 1 ? { ...p, idNumber: withWrongCheck(p.idNumber) } : p));

  // The strict Content-Security-Policy is on and the UI runs under it without a single violation.
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply|frame|connect)/i.test(m.text()))
      violations.push(m.text());
  });
  const documentCsp: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'document') documentCsp.push(r.headers()['content-security-policy'] ?? '');
  });

  await loginViaUi(page, 'dispatcher');
  await page.getByTestId('menu-imports').click();
  await expect(page.getByTestId('import-template-xlsx')).toHaveAttribute(
    'href',
    /\/api\/imports\/template\?kind=residents&format=xlsx/,
  );

  // Dry run: the second data row (spreadsheet row 3) has a wrong check digit.
  await uploadAndValidate(page, csv(bad));
  await expect(page.getByTestId('import-invalid')).toContainText('发现 1 处错误，全部数据均未导入');
  const errorRow = page.getByTestId('import-errors').locator('tbody tr').first();
  await expect(errorRow.locator('td').nth(0)).toHaveText('3');
  await expect(errorRow.locator('td').nth(1)).toHaveText('身份证号');
  await expect(errorRow.locator('td').nth(2)).toContainText('校验位');
  await expect(page.getByTestId('import-commit')).toHaveCount(0);

  // Nothing was written, not even the two good rows.
  await expect(await searchResidents(page, tag)).toContainText('暂无数据');

  // The corrected file passes and is committed.
  await page.getByTestId('menu-imports').click();
  await uploadAndValidate(page, csv(people));
  await expect(page.getByTestId('import-valid')).toHaveText('全部 3 行校验通过');
  await page.getByTestId('import-commit').click();
  await expect(page.getByTestId('import-committed')).toHaveText('导入完成：共导入 3 行', { timeout: 30_000 });

  const table = await searchResidents(page, tag);
  for (const p of people) {
    const row = table.getByRole('row', { name: new RegExp(p.name) });
    await expect(row).toContainText('明德社区');
    // Only the masked number is ever shown.
    await expect(row).toContainText(`${p.idNumber.slice(0, 4)}************${p.idNumber.slice(-2)}`);
    // …beside the birth year, never the birth date (together they would give the number away).
    await expect(row).toContainText(p.idNumber.slice(6, 10));
    await expect(row).not.toContainText(
      `${p.idNumber.slice(6, 10)}-${p.idNumber.slice(10, 12)}-${p.idNumber.slice(12, 14)}`,
    );
    await expect(row).not.toContainText(p.idNumber);
  }
  await expect(page.getByText('共 3 人')).toBeVisible();

  // Found by the full ID number, which travels in a POST body and never in a URL.
  const target = people[1] as Person;
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.getByTestId('resident-search-name').fill('');
  await page.getByTestId('resident-search-id').fill(target.idNumber);
  const search = page.waitForRequest((r) => r.url().endsWith('/api/residents/search') && r.method() === 'POST');
  await page.getByTestId('resident-search').click();
  expect((await search).postDataJSON()).toMatchObject({ idNumber: target.idNumber });
  await expect(page.getByText('共 1 人')).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(target.name) })).toBeVisible();
  expect(urls.filter((u) => u.includes(target.idNumber))).toEqual([]);
  await logoutViaUi(page);
  expect(documentCsp.length).toBeGreaterThan(0);
  for (const csp of documentCsp) expect(csp).toContain("script-src 'self'");
  expect(violations).toEqual([]);
});
