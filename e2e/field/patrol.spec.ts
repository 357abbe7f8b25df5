import { expect, test, type Page } from '@playwright/test';
import { apiLogin, uniqueName, type ApiSession } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { expectFitsPhone, phoneContext } from '../fixtures/phone.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区, the demo grid worker's village. */
const VILLAGE = '410104001001';
/** The phone keeps one fix about every 10 s (PATROL_RULES.intervalSeconds): wait a little longer. */
const NEXT_FIX_MS = 10_500;

interface PatrolRow {
  id: string;
  points: number;
  batches: number;
  endedAt: string | null;
}

async function patrolsOf(api: ApiSession, id: string): Promise<PatrolRow[]> {
  const { items } = await api.get<{ items: PatrolRow[] }>('/api/patrols?pageSize=100');
  return items.filter((p) => p.id === id);
}

/** Waits until the page has kept `n` track points on the device. */
async function expectPoints(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('m-patrol-points')).toContainText(String(n), { timeout: 15_000 });
}

test('a grid worker patrols offline — start, a walk, a check-in, end — and it all syncs once back online', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const spot = await spotInGrid(baseURL ?? '');
  const worker = await apiLogin(baseURL ?? '', 'gridworker');
  const { items: regions } = await worker.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const village = regions.find((r) => r.code === VILLAGE);
  if (!village) throw new Error('demo village missing');
  // A school 0.0006° (~67 m) north of the start, within its 100 m check-in radius from the third fix.
  const placeName = uniqueName('巡查小学');
  const school = { lon: spot.longitude, lat: spot.latitude + 0.0006 };
  await worker.post('/api/key-places', { villageId: village.id, name: placeName, kind: 'school', ...school });

  const context = await phoneContext(browser, spot);
  const m = await context.newPage();
  await loginViaUi(m, 'gridworker');
  await m.goto('/m/field/patrol');
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'idle');
  await expectFitsPhone(m);

  // A dead zone for the whole patrol.
  await context.setOffline(true);
  await m.getByTestId('m-patrol-start').click();
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'active');
  const patrolId = (await m.getByTestId('m-patrol').getAttribute('data-patrol-id')) ?? '';
  expect(patrolId).toMatch(/^[0-9a-f-]{36}$/);
  await expectPoints(m, 1);

  // Walking north, a fix every ~10 s.
  for (let i = 1; i <= 3; i++) {
    await m.waitForTimeout(NEXT_FIX_MS);
    await context.setGeolocation({ longitude: spot.longitude, latitude: spot.latitude + i * 0.0003 });
    await expectPoints(m, i + 1);
  }
  await expect(m.getByTestId('m-patrol-distance')).not.toContainText(/^0 m$/);
  await expect(m.getByTestId('m-patrol-pending')).toHaveAttribute('data-points', '4');

  // Check in at the school, nearest place first.
  const place = m.getByTestId('m-patrol-place').filter({ hasText: placeName });
  await expect(place).toBeVisible();
  await place.getByTestId('m-patrol-checkin').click();
  await expect(place.getByTestId('m-patrol-checked')).toBeVisible();
  await expectFitsPhone(m);
  await shot(m, 'patrol-phone-offline');

  await m.getByTestId('m-patrol-end').click();
  await m.locator('.ant-popconfirm .ant-btn-primary').click();
  await expect(m.getByTestId('m-patrol')).toHaveAttribute('data-state', 'ended');
  await expect(m.getByTestId('m-patrol-summary-later')).toBeVisible();
  expect(await patrolsOf(worker, patrolId)).toEqual([]);

  // Back online: the outbox goes up in order, and the server's summary shows.
  await context.setOffline(false);
  await expect(m.getByTestId('m-patrol-summary')).toBeVisible({ timeout: 20_000 });
  await expect(m.getByTestId('m-patrol-pending')).toHaveAttribute('data-ops', '0');
  await expect(m.getByTestId('m-patrol-summary-places')).toHaveText('1');
  await expectFitsPhone(m);
  await shot(m, 'patrol-phone-summary');

  const [stored] = await patrolsOf(worker, patrolId);
  expect(stored).toMatchObject({ id: patrolId, points: 4, batches: 1 });
  expect(stored?.endedAt).not.toBeNull();
  const detail = await worker.get<{ checkins: { placeName: string }[] }>(`/api/patrols/${patrolId}`);
  expect(detail.checkins.map((c) => c.placeName)).toEqual([placeName]);

  // A reload sends nothing twice.
  await m.reload();
  await expect(m.getByTestId('m-patrol-summary')).toBeVisible();
  await m.waitForTimeout(2_000);
  expect(await patrolsOf(worker, patrolId)).toEqual([stored]);

  await m.setViewportSize({ width: 1440, height: 900 });
  await shot(m, 'patrol-phone-summary-wide');
  await context.close();
  await worker.dispose();
});
