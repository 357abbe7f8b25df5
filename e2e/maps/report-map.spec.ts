import { expect, type Locator, type Page, test } from '@playwright/test';
import { loginViaUi } from '../fixtures/auth.ts';

/**
 * The phone's report map with no tile server configured (the e2e server sets no GEWU_MAP_*): the
 * user's region and grid outlines are drawn on the plain background, the view is fitted to the
 * user's region, and no tile is asked of anyone.
 */

/**
 * The form takes the place from the GPS as it opens and loads the map only when asked (the phone's
 * first load does not carry Leaflet): tap 在地图上选点, then bring the map on screen.
 */
async function openReportMap(page: Page): Promise<Locator> {
  await page.getByTestId('report-map-open').click();
  const map = page.getByTestId('report-map');
  await expect(map).toBeVisible();
  // Opened near the bottom of the form: bring all of it on screen, clear of the tab bar, so a tap at its
  // middle lands on the map.
  await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  return map;
}

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

test('with no tiles, the phone report map shows the resident’s community and its grids, centred on it', async ({
  browser,
  baseURL,
}) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  const foreign: string[] = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(baseURL as string)) foreign.push(req.url());
  });
  await loginViaUi(page, 'resident');
  await page.goto('/m/report');

  const map = await openReportMap(page);
  // 明德社区's outline and its four unit grids (the demo data), nothing else.
  const region = map.locator('path.map-region-outline');
  await expect(region).toHaveCount(1);
  await expect(map.locator('path.map-grid-outline')).toHaveCount(4);
  await expect(map.locator('img.leaflet-tile')).toHaveCount(0);

  // Fitted: the outline's middle is the map's middle, and it fills the map in the direction that
  // limits the fit (the community is about square, the map wider than tall: its height), zoomed in
  // steps of half a level (×1.41) with 12 px left on each side — not all of China around a dot.
  const m = await box(map);
  const r = await box(region);
  expect(Math.abs(r.x + r.width / 2 - (m.x + m.width / 2))).toBeLessThan(8);
  expect(Math.abs(r.y + r.height / 2 - (m.y + m.height / 2))).toBeLessThan(8);
  expect(Math.max(r.width / m.width, r.height / m.height)).toBeGreaterThan(0.6);
  expect(r.x).toBeGreaterThanOrEqual(m.x);
  expect(r.x + r.width).toBeLessThanOrEqual(m.x + m.width);
  expect(r.y).toBeGreaterThanOrEqual(m.y);
  expect(r.y + r.height).toBeLessThanOrEqual(m.y + m.height);

  // A tap inside the outline drops the pin there (the outlines take no clicks).
  await page.mouse.click(m.x + m.width / 2, m.y + m.height / 2);
  await expect(page.getByTestId('report-coords')).toContainText('113.69');
  expect(foreign).toEqual([]);
  await ctx.close();
});

test('a township dispatcher’s report map shows the township as its six communities and villages', async ({
  browser,
}) => {
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await ctx.newPage();
  await loginViaUi(page, 'dispatcher');
  await page.goto('/m/report');
  const map = await openReportMap(page);
  await expect(map.locator('path.map-region-outline')).toHaveCount(6);
  await expect(map.locator('path.map-grid-outline')).toHaveCount(24);
  await ctx.close();
});
