import { expect, test } from '@playwright/test';
import { apiLogin } from '../fixtures/api.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { phone } from '../fixtures/desk.ts';
import { expectFitsPhone, PHONE_ITEM } from '../fixtures/phone.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区第1网格, the demo grid worker's grid. */
const GRID_CODE = '410104001001001';

test('a grid worker records a special-population visit offline; back online it reaches the server once', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const api = await apiLogin(baseURL ?? '', 'gridworker');
  const { items: grids } = await api.get<{ items: { id: string; code: string; villageId: string }[] }>('/api/grids');
  const grid = grids.find((g) => g.code === GRID_CODE);
  expect(grid, 'the demo grid worker sees their grid').toBeTruthy();
  const person = await api.post<{ id: string }>('/api/residents', {
    villageId: grid?.villageId,
    gridId: grid?.id,
    name: `走访对象${Date.now() % 100_000}`,
  });
  const plan = await api.post<{ id: string }>('/api/special-populations', {
    residentId: person.id,
    kind: 'severe_mental_disorder',
    riskLevel: 'high',
  });
  const visits = async () =>
    (await api.get<{ items: { id: string; findings: string | null }[] }>(`/api/residents/${person.id}/visits`)).items;

  const m = await phone(browser, 'gridworker');
  await m.goto('/m/field/visits');
  const row = m.getByTestId(`m-visit-plan-${plan.id}`);
  await expect(row).toBeVisible();
  await expect(row).toContainText('走*');
  await expectFitsPhone(m);

  // No network: the visit waits on the device.
  await m.context().setOffline(true);
  await row.click();
  await expect(m.getByTestId('m-visit-kind')).toContainText('特殊人群走访');
  await m.getByTestId('m-visit-purpose').fill('例行走访');
  await m.getByTestId('m-visit-note').fill('本人在家，情绪稳定，按时服药');
  await m.getByTestId('m-visit-findings').fill('楼道堆放杂物堵塞消防通道');
  await m.getByTestId('m-visit-submit').click();
  await expect(m.getByTestId('m-visit-outbox')).toBeVisible();
  await shot(m, 'visits-offline-390');
  expect(await visits()).toHaveLength(0);

  // Back online: sent once, then offered as a case.
  await m.context().setOffline(false);
  await expect(m.getByTestId('m-visit-outbox')).toBeHidden({ timeout: 20_000 });
  const sent = await visits();
  await expect(m.getByTestId(`m-visit-sent-${sent[0]?.id}`)).toBeVisible();
  expect(sent).toHaveLength(1);
  expect(sent[0]?.findings).toBe('楼道堆放杂物堵塞消防通道');

  await m.reload();
  await expect(m.getByTestId(`m-visit-plan-${plan.id}`)).toBeVisible();
  await expect(m.getByTestId('m-visit-outbox')).toBeHidden();
  expect(await visits()).toHaveLength(1);

  // 转为案件: one tap once the item is chosen, where the phone stands.
  await m.context().grantPermissions(['geolocation']);
  await m.context().setGeolocation(await spotInGrid(baseURL ?? ''));
  // The worker's sent visits with findings come from the server (other visits of theirs may be listed too).
  const sentRow = m.getByTestId(`m-visit-sent-${sent[0]?.id}`);
  await sentRow.getByTestId('m-visit-case-item').click();
  await m.keyboard.type(PHONE_ITEM.name);
  await m.locator('.ant-select-item-option').filter({ hasText: PHONE_ITEM.name }).first().click();
  await sentRow.getByTestId('m-visit-to-case').click();
  await expect(sentRow).toContainText('已转为案件');
  await expectFitsPhone(m);
  await shot(m, 'visits-390');
  await api.dispose();
});
