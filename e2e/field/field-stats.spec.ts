import { expect, test } from '@playwright/test';
import { apiLogin } from '../fixtures/api.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { desktop, phone } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

type Figures = {
  totals: { patrols: number; onTrackSeconds: number };
  rows: { id: string | null; patrols: number; onTrackSeconds: number }[];
};

/**
 * 外勤统计: the demo grid worker records a patrol through the API on a day of 2025 (a day no other spec
 * patrols; the figures before it are read first, so a rerun on the same database still counts one
 * more) — 1 h on track, 31 fixes 120 s apart — and the township centre and the district leader open
 * 外勤统计 for that day and see the grid's one more patrol and one more hour.
 */
test('the centre and the leader see a grid worker’s patrol in 外勤统计', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const spot = await spotInGrid(base);
  const day = `2025-0${3 + Math.floor(Math.random() * 6)}-1${Math.floor(Math.random() * 9)}`;
  const start = new Date(`${day}T09:00:00+08:00`).getTime();
  const worker = await apiLogin(base, 'gridworker');
  const dispatcherApi = await apiLogin(base, 'dispatcher');
  const url = `/api/patrol-figures?from=${day}&to=${day}&by=grid`;
  const before = await dispatcherApi.get<Figures>(url);

  const id = crypto.randomUUID();
  const started = await worker.post<{ gridId: string }>('/api/patrols', { id, startedAt: start });
  const points = Array.from({ length: 31 }, (_, i) => ({
    t: start + i * 120_000,
    lon: spot.longitude,
    lat: spot.latitude + i * 0.0001,
    acc: 8,
  }));
  await worker.post(`/api/patrols/${id}/points`, { seq: 0, points });
  await worker.post(`/api/patrols/${id}/end`, { endedAt: start + 3_600_000 });
  const gridBefore = before.rows.find((r) => r.id === started.gridId) ?? { patrols: 0, onTrackSeconds: 0 };
  const wantPatrols = String(gridBefore.patrols + 1);
  const wantHours = ((gridBefore.onTrackSeconds + 3600) / 3600).toFixed(1);
  await Promise.all([worker.dispose(), dispatcherApi.dispose()]);

  for (const who of ['dispatcher', 'leader']) {
    const page = await desktop(browser, who);
    await page.getByTestId('menu-fieldStats').click();
    await expect(page.getByTestId('field-stats')).toBeVisible();
    await page.goto(`/field-stats?from=${day}&to=${day}`);
    const row = page.getByTestId('field-stats-patrols-grid').getByTestId(`field-stats-row-${started.gridId}`);
    await expect(row).toBeVisible();
    const cells = row.locator('td');
    await expect(cells.nth(1)).toHaveText(wantPatrols);
    await expect(cells.nth(3)).toHaveText(wantHours);
    await expect(page.getByTestId('field-stats-patrols')).toContainText(String(before.totals.patrols + 1));
    // The centre reads visits of special populations; the leader (figures, not personal records) does not.
    await expect(page.getByTestId('field-stats-visits')).toHaveCount(who === 'dispatcher' ? 1 : 0);
    await expect(page.getByTestId('field-stats-forces')).toBeVisible();
    await shot(page, `field-stats-${who}-1440`);
    await page.getByRole('tab', { name: '按网格员' }).click();
    await expect(page.getByTestId('field-stats-patrols-worker')).toContainText('王网格');
    await page.context().close();
  }

  const small = await phone(browser, 'dispatcher');
  await small.goto(`/field-stats?from=${day}&to=${day}`);
  await expect(small.getByTestId('field-stats-patrols')).toContainText(String(before.totals.patrols + 1));
  await shot(small, 'field-stats-dispatcher-390');
  await small.context().close();
});
