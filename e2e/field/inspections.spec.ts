import { expect, test } from '@playwright/test';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { PNG } from '../fixtures/desk.ts';
import { expectFitsPhone, phoneContext } from '../fixtures/phone.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区, the demo grid worker's community. */
const VILLAGE = '410104001001';
const FIRE_ITEMS = ['exits_clear', 'no_residence', 'ebike_indoor', 'hydrant_ok', 'no_hazchem'];

test('a grid worker inspects a 小餐饮 offline, one item failed with a photo; online it is one inspection, and the failure one case', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const spot = await spotInGrid(baseURL as string);
  const name = uniqueName('明德小餐馆');
  const centre = await apiLogin(baseURL as string, 'dispatcher');
  const regions = await centre.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const villageId = regions.items.find((r) => r.code === VILLAGE)?.id;
  const place = await centre.post<{ id: string }>('/api/key-places', {
    villageId,
    name,
    kind: 'other',
    lon: spot.longitude,
    lat: spot.latitude,
  });

  const ctx = await phoneContext(browser, spot);
  const page = await ctx.newPage();
  await loginViaUi(page, 'gridworker');
  await page.goto('/m/field/inspections');
  await expect(page.getByTestId('m-inspections')).toBeVisible();
  await pickOption(page, page.getByTestId('m-inspection-place'), name);
  await pickOption(page, page.getByTestId('m-inspection-template'), '九小场所消防安全检查');
  await page.getByTestId('m-inspection-start').click();
  await pickOption(page, page.getByTestId('m-inspection-place-type'), '小餐饮');

  // The phone loses its connection while the worker answers.
  await ctx.setOffline(true);
  for (const key of FIRE_ITEMS)
    await page.getByTestId(`m-inspection-${key === 'exits_clear' ? 'fail' : 'pass'}-${key}`).click();
  await page.getByTestId('m-inspection-value-extinguishers').fill('3');
  await page
    .getByTestId('m-inspection-photos-exits_clear')
    .setInputFiles({ name: 'exit.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('m-inspection-photos-exits_clear-thumb')).toHaveCount(1);
  await expectFitsPhone(page);
  await shot(page, 'inspections-phone-form');
  await page.getByTestId('m-inspection-submit').click();
  await expect(page.getByTestId('m-inspection-pending-text')).toContainText('1');
  await shot(page, 'inspections-phone-pending');

  // Back online: sent once; the failed item becomes a case in one tap.
  await ctx.setOffline(false);
  await page.evaluate("window.dispatchEvent(new Event('online'))");
  await expect(page.getByTestId('m-inspection-pending')).toBeHidden({ timeout: 40_000 });
  const card = page.getByTestId('m-inspection').filter({ hasText: name });
  await expect(card).toHaveCount(1);
  await card.getByTestId('m-inspection-to-case').click();
  await expect(card.getByTestId('m-inspection-case')).toContainText('已转案件');
  await expectFitsPhone(page);
  await shot(page, 'inspections-phone-case');

  const found = await centre.get<{ items: { id: string; placeName: string }[] }>(
    `/api/inspections?placeKind=key_place&placeId=${place.id}`,
  );
  expect(found.items).toHaveLength(1);
  const detail = await centre.get<{ answers: { key: string; result: string; caseId: string | null }[] }>(
    `/api/inspections/${found.items[0]?.id}`,
  );
  expect(detail.answers.filter((a) => a.result === 'fail').map((a) => a.key)).toEqual(['exits_clear']);
  expect(detail.answers.find((a) => a.key === 'exits_clear')?.caseId).toBeTruthy();

  // The same page on a desktop-sized window still lays out.
  await page.setViewportSize({ width: 1440, height: 900 });
  await shot(page, 'inspections-desktop-size');
  await centre.dispose();
  await ctx.close();
});
