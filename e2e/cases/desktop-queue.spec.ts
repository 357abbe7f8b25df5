import { expect, request, test } from '@playwright/test';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';

const ITEM = STARTER_CATALOGUE.find(
  (i) => i.publicReport && i.fields.length === 0,
) as (typeof STARTER_CATALOGUE)[number];
/** Screenshots for review go here as well as to the test's own output. */
const SHOTS = process.env.GEWU_SHOTS_DIR;

async function shot(page: import('@playwright/test').Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('the queue shows likely duplicates, the case page lists them with a merge shortcut and the Open311 origin', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const spot = await spotInGrid(baseURL as string);
  const admin = await apiLogin(baseURL as string, 'admin');
  const regions = await admin.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const keyName = uniqueName('城市服务App');
  const { key } = await admin.post<{ key: string }>('/api/api-keys', {
    name: keyName,
    regionId: regions.items.find((r) => r.code === '410104001')?.id,
    source: 'open311',
  });
  await admin.dispose();

  // Two reports of the same item 20 m apart: each is the other's likely duplicate.
  const client = await request.newContext({ baseURL });
  const codes: string[] = [];
  for (const [i, metres] of [0, 20].entries()) {
    const res = await client.post('/open311/v2/requests.json', {
      form: {
        api_key: key,
        service_code: ITEM.code,
        lat: String(spot.latitude + metres / 111_320),
        long: String(spot.longitude),
        description: uniqueName(`井盖缺失（第 ${i + 1} 报）`),
        first_name: 'John',
        last_name: 'Smith',
        media_url: 'https://photos.example.com/cover.jpg',
      },
    });
    expect(res.status()).toBe(201);
    codes.push(((await res.json()) as [{ service_request_id: string }])[0].service_request_id);
  }
  await client.dispose();
  const [first, second] = codes as [string, string];

  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await loginViaUi(page, 'dispatcher');
  await page.goto('/cases');
  await expect(page.getByTestId(`case-duplicates-${first}`)).toHaveText('疑似重复 1');
  await expect(page.getByTestId(`case-duplicates-${second}`)).toHaveText('疑似重复 1');
  // The queue fits 1440 px: its table does not scroll sideways.
  const overflow = await page
    .getByTestId('case-queue-table')
    .locator('.ant-table-content, .ant-table-body')
    .first()
    .evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, 'queue-desktop');

  await page.getByTestId(`case-row-${second}`).click();
  await expect(page.getByTestId('case-code')).toHaveText(second);
  await expect(page.getByTestId('case-origin')).toHaveText(`Open311 · ${keyName}`);
  await expect(page.getByTestId('case-reporter')).toContainText('John Smith');
  const panel = page.getByTestId('case-duplicates');
  await expect(panel.getByTestId(`case-duplicate-${first}`)).toBeVisible();
  await panel.scrollIntoViewIfNeeded();
  await shot(page, 'case-duplicates-desktop');
  await panel.getByTestId(`case-duplicate-merge-${first}`).click();
  const dialog = page.getByTestId('case-dialog-merge');
  await expect(dialog.getByRole('radio', { name: new RegExp(first) })).toBeChecked();
  await shot(page, 'case-merge-shortcut-desktop');
  await page.keyboard.press('Escape');

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/cases');
  await expect(page.getByTestId(`case-duplicates-${first}`)).toBeVisible();
  await shot(page, 'queue-phone');
  await desk.close();
});

test('the import page offers only the kinds the user may import', async ({ browser }) => {
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await loginViaUi(page, 'admin');
  await page.goto('/imports');
  const kinds = page.getByTestId('import-kind');
  await expect(kinds.getByRole('radio')).toHaveCount(1);
  await expect(kinds.getByRole('radio', { name: '网格属性' })).toBeChecked();
  await shot(page, 'imports-admin-desktop');
  await desk.close();

  const desk2 = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page2 = await desk2.newPage();
  await loginViaUi(page2, 'dispatcher');
  await page2.goto('/imports');
  await expect(page2.getByTestId('import-kind').getByRole('radio')).toHaveCount(3);
  await shot(page2, 'imports-dispatcher-desktop');
  await desk2.close();
});
