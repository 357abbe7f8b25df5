import { expect, test } from '@playwright/test';
import { apiLogin, uniqueName, type ApiSession } from '../fixtures/api.ts';
import { desktop } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区, a village of the demo dispatcher's township. */
const VILLAGE = '410104001001';

interface NormView {
  regionPath: string;
  setAt: string | null;
  norm: {
    id: string;
    name: string;
    daysPerWeek: number;
    patrolsPerDay: number;
    hoursPerDay: number;
    reportsPerDay: number;
  };
}

/** Puts the admin's region back to the setting it had before the test (its own, or none). */
async function restoreNorm(api: ApiSession, before: NormView): Promise<void> {
  const { id, name, daysPerWeek, patrolsPerDay, hoursPerDay, reportsPerDay } = before.norm;
  const body =
    before.setAt !== before.regionPath
      ? { normId: 'inherit' }
      : id === 'custom'
        ? { normId: id, name, daysPerWeek, patrolsPerDay, hoursPerDay, reportsPerDay }
        : { normId: id };
  const res = await api.ctx.put('/api/patrols/norm-setting', {
    data: body,
    headers: { 'x-csrf-token': api.csrfToken },
  });
  expect(res.ok()).toBe(true);
}

test('the county admin sets its own duty norm (a refusal shown first), sees it in force, then inherits again', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(90_000);
  const api = await apiLogin(baseURL ?? '', 'admin');
  const before = await api.get<NormView>('/api/patrols/norm-setting');
  const name = uniqueName('本区标准');
  try {
    const page = await desktop(browser, 'admin');
    await page.goto('/patrol-norm');
    await expect(page.getByTestId('norm-name')).toHaveText(before.norm.name);

    // Own figures, one out of its bounds (hours go by half an hour): refused, the reason beside the form.
    await page.getByTestId('norm-choice').getByText('自定数值').click();
    await page.getByTestId('norm-custom-name').fill(name);
    await page.getByTestId('norm-input-daysPerWeek').fill('5');
    await page.getByTestId('norm-input-patrolsPerDay').fill('2');
    await page.getByTestId('norm-input-hoursPerDay').fill('2.3');
    await page.getByTestId('norm-input-reportsPerDay').fill('1');
    await page.getByTestId('norm-save').click();
    await expect(page.getByTestId('norm-error')).toHaveText(
      '履职标准的每日巡查小时数应在 0.5 至 12 之间（以 0.5 为单位）',
    );
    await expect(page.getByTestId('norm-name')).toHaveText(before.norm.name);
    await shot(page, 'field-settings-norm-refused-1440');

    // Within bounds: in force here, set by this region.
    await page.getByTestId('norm-input-hoursPerDay').fill('4.5');
    await page.getByTestId('norm-save').click();
    await expect(page.getByTestId('norm-name')).toHaveText(name);
    await expect(page.getByTestId('norm-where')).toHaveText('本地区自设');
    await expect(page.getByTestId('norm-daysPerWeek')).toHaveText('5');
    await expect(page.getByTestId('norm-patrolsPerDay')).toHaveText('2');
    await expect(page.getByTestId('norm-hoursPerDay')).toHaveText('4.5');
    await expect(page.getByTestId('norm-reportsPerDay')).toHaveText('1');
    await expect(page.getByTestId('norm-error')).toBeHidden();
    await shot(page, 'field-settings-norm-1440');
    await page.setViewportSize({ width: 390, height: 844 });
    await shot(page, 'field-settings-norm-390');
    await page.setViewportSize({ width: 1440, height: 900 });

    // Back to inheriting: the region's own setting is gone.
    await page.getByTestId('norm-choice').getByText('沿用上级').click();
    await page.getByTestId('norm-save').click();
    await expect(page.getByTestId('norm-where')).not.toHaveText('本地区自设');
    await expect(page.getByTestId('norm-name')).not.toHaveText(name);
    const after = await api.get<NormView>('/api/patrols/norm-setting');
    expect(after.setAt).not.toBe(after.regionPath);
    await page.context().close();
  } finally {
    await restoreNorm(api, before);
    await api.dispose();
  }
});

test("the township centre sets a key place's check-in radius and clears it again", async ({ browser, baseURL }) => {
  test.setTimeout(90_000);
  const api = await apiLogin(baseURL ?? '', 'dispatcher');
  const { items: regions } = await api.get<{ items: { id: string; code: string }[] }>('/api/regions');
  const village = regions.find((r) => r.code === VILLAGE);
  if (!village) throw new Error('demo village missing');
  const name = uniqueName('签到半径市场');
  const place = await api.post<{ id: string }>('/api/key-places', { villageId: village.id, name, kind: 'market' });

  const page = await desktop(browser, 'dispatcher');
  await page.goto('/key-places');
  await page.getByTestId('places-filter').locator('input').fill(name);
  const row = page.getByTestId(`place-row-${name}`);
  await expect(row).toContainText('市场');
  await expect(row.getByTestId('radius-in-use')).toHaveText('150 米');

  await row.getByTestId('radius-input').fill('80');
  await row.getByTestId('radius-save').click();
  await expect(row.getByTestId('radius-in-use')).toHaveText('80 米');
  const own = async () =>
    (await api.get<{ items: { id: string; radiusM: number | null }[] }>('/api/key-places')).items.find(
      (p) => p.id === place.id,
    )?.radiusM;
  expect(await own()).toBe(80);
  await shot(page, 'field-settings-places-1440');
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, 'field-settings-places-390');
  await page.setViewportSize({ width: 1440, height: 900 });

  await row.getByTestId('radius-clear').click();
  await expect(row.getByTestId('radius-in-use')).toHaveText('150 米');
  await expect(row.getByTestId('radius-input')).toHaveValue('');
  expect(await own()).toBeNull();
  await page.context().close();
  await api.dispose();
});
