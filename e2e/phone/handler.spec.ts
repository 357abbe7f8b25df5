import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { STARTER_CATALOGUE } from '@gewu/domain';
import { loginViaUi } from '../fixtures/auth.ts';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { spotInGrid } from '../fixtures/cases.ts';

/**
 * Who lands where on a phone (issue 14, point 3), and the handler's phone screens: sign, handle with
 * a photo, feed back, ask for an extension — and an action taken without a network is kept on the
 * device and sent when it returns.
 */

/** An item residents may report that goes to the 城管 squad (the demo handler's unit), no required field. */
const ITEM = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];
const UNIT = '格物街道综合行政执法中队';
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

/** A phone: 390×844, a finger for a pointer. */
function phone(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
}

/** A resident's report, accepted and dispatched to the 城管 squad through the API; its code and id. */
async function caseForTheSquad(baseURL: string, description: string): Promise<{ id: string; code: string }> {
  const spot = await spotInGrid(baseURL);
  const resident = await apiLogin(baseURL, 'resident');
  const dispatcher = await apiLogin(baseURL, 'dispatcher');
  try {
    const made = await resident.post<{ id: string; code: string }>('/api/cases', {
      itemCode: ITEM.code,
      description,
      location: { lon: spot.longitude, lat: spot.latitude },
      idempotencyKey: uniqueName('handler-spec-'),
    });
    const accepted = await dispatcher.post<{ version: number }>(`/api/cases/${made.id}/actions`, {
      action: 'accept',
      version: 1,
      conditionMet: true,
    });
    const proposal = await dispatcher.get<{ units: { id: string; name: string }[] }>(
      `/api/cases/${made.id}/dispatch-proposal`,
    );
    const unit = proposal.units.find((u) => u.name === UNIT);
    if (!unit) throw new Error('the squad is not proposed');
    await dispatcher.post(`/api/cases/${made.id}/actions`, {
      action: 'dispatch',
      version: accepted.version,
      unitId: unit.id,
    });
    return made;
  } finally {
    await resident.dispose();
    await dispatcher.dispose();
  }
}

async function openTask(page: Page, code: string) {
  await page.getByTestId(`task-row-${code}`).click();
  await expect(page.getByTestId('case-code')).toHaveText(code);
}

/** Takes an action through its sheet. */
async function actInSheet(page: Page, action: string, note: string, withPhoto = false) {
  await page.getByTestId(`m-action-${action}`).click();
  const sheet = page.getByTestId('m-action-sheet');
  await expect(sheet).toBeVisible();
  await page.getByTestId('m-action-note').fill(note);
  if (withPhoto) {
    await page.getByTestId('m-action-photo').setInputFiles({ name: 'work.png', mimeType: 'image/png', buffer: PNG });
    await expect(sheet.getByTestId('m-action-photo-thumb').first()).toBeVisible();
  }
  await page.getByTestId('m-action-submit').click();
  await expect(sheet).toBeHidden();
}

test('a handler on a phone lands on the phone tasks, signs, handles with a photo and feeds back', async ({
  browser,
  baseURL,
}) => {
  const description = uniqueName('人行道堆放建筑垃圾');
  const { code } = await caseForTheSquad(baseURL as string, description);
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await loginViaUi(page, 'handler');
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await expect(page.getByTestId('m-title')).toHaveText('我的任务');

  // 待签收 holds it; 已反馈 does not yet.
  await page.getByTestId('m-task-tab-toSign').click();
  await expect(page).toHaveURL(/tab=toSign/);
  await expect(page.getByTestId(`task-row-${code}`)).toHaveAttribute('data-state', 'dispatched');
  await page.getByTestId('m-task-tab-handled').click();
  await expect(page.getByTestId('m-list-handled')).toBeVisible();
  await expect(page.getByTestId(`task-row-${code}`)).toHaveCount(0);
  await page.getByTestId('m-task-tab-toSign').click();
  await openTask(page, code);

  // 签收: one tap.
  await page.getByTestId('m-action-sign').click();
  await expect(page.getByTestId('case-state')).toHaveText('处置中');

  // 记录处置 with a photo: the photo is on the timeline's step.
  await actInSheet(page, 'step', '已到现场，正在清运', true);
  await expect(page.getByText('已到现场，正在清运')).toBeVisible();
  await expect(page.locator('[data-testid="case-detail"] img').first()).toBeVisible();

  // 办结反馈, also with a photo.
  await actInSheet(page, 'feed_back', '建筑垃圾已清运完毕', true);
  await expect(page.getByTestId('case-state')).toHaveText('待核查');
  await expect(page.getByTestId('m-actions')).toHaveCount(0);

  // Back to the list: it has left 处置中 for 已反馈.
  await page.getByTestId('m-back').click();
  await page.getByTestId('m-task-tab-handling').click();
  await expect(page.getByTestId('m-list-tasks')).toBeVisible();
  await expect(page.getByTestId(`task-row-${code}`)).toHaveCount(0);
  await page.getByTestId('m-task-tab-handled').click();
  await expect(page.getByTestId(`task-row-${code}`)).toHaveAttribute('data-state', 'fed_back');

  // On the server: one sign, one step, one feed_back.
  const api = await apiLogin(baseURL as string, 'dispatcher');
  try {
    const found = await api.get<{ items: { id: string; code: string }[] }>(`/api/cases?view=all&q=${code}`);
    const detail = await api.get<{ events: { type: string; attachmentIds: string[] }[] }>(
      `/api/cases/${found.items[0]?.id}`,
    );
    expect(detail.events.map((e) => e.type)).toEqual(['report', 'accept', 'dispatch', 'sign', 'step', 'feed_back']);
    expect(detail.events.find((e) => e.type === 'feed_back')?.attachmentIds).toHaveLength(1);
  } finally {
    await api.dispose();
  }
  await ctx.close();
});

test('a handler asks for an extension; an action taken offline waits on the phone and goes when online', async ({
  browser,
  baseURL,
}) => {
  const { id, code } = await caseForTheSquad(baseURL as string, uniqueName('占道经营'));
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await loginViaUi(page, 'handler');
  await openTask(page, code);
  await page.getByTestId('m-action-sign').click();
  await expect(page.getByTestId('case-state')).toHaveText('处置中');

  // Offline: the note typed is kept as a draft, the action waits on the device.
  await ctx.setOffline(true);
  await page.getByTestId('m-action-request_extension').click();
  await expect(page.getByTestId('m-action-sheet')).toBeVisible();
  // A deadline not after the current one is refused on the phone.
  await page.getByTestId('m-action-note').fill('需协调多个部门，时间不够');
  await page.getByTestId('m-action-submit').click();
  await expect(page.getByTestId('m-action-sheet-error')).toContainText('晚于当前期限');

  const handler = await apiLogin(baseURL as string, 'handler');
  const { stageDeadline } = await handler.get<{ stageDeadline: string }>(`/api/cases/${id}`);
  // Two days after the current deadline, as the phone's picker shows it in Beijing time.
  const until = new Date(Date.parse(stageDeadline) + 2 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
  await page.getByTestId('m-action-until').fill(until);
  await page.getByTestId('m-action-submit').click();
  await expect(page.getByTestId('m-action-sheet')).toBeHidden();
  await expect(page.getByTestId('m-action-queued')).toContainText('申请延期');
  expect((await handler.get<{ pendingKind: string | null }>(`/api/cases/${id}`)).pendingKind).toBeNull();

  // Back online: it is sent by itself, once.
  await ctx.setOffline(false);
  await expect(page.getByTestId('m-action-queued')).toBeHidden({ timeout: 40_000 });
  await expect(page.getByText('需协调多个部门，时间不够')).toBeVisible();
  await expect(page.getByTestId('m-action-request_extension')).toHaveCount(0); // one request at a time
  const after = await handler.get<{ pendingKind: string | null; events: { type: string }[] }>(`/api/cases/${id}`);
  expect(after.pendingKind).toBe('extension');
  expect(after.events.filter((e) => e.type === 'request_extension')).toHaveLength(1);
  await handler.dispose();
  await ctx.close();
});

test('grid workers and residents on a phone land on the phone pages; a dispatcher on a phone stays on the desktop pages', async ({
  browser,
}) => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await loginViaUi(page, 'gridworker');
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await expect(page.getByTestId('m-tab-verify')).toBeVisible();
  await ctx.close();

  const rctx = await phone(browser);
  const resident = await rctx.newPage();
  await loginViaUi(resident, 'resident');
  await expect(resident).toHaveURL(/\/m\/report$/);
  await rctx.close();

  const dctx = await phone(browser);
  const dispatcher = await dctx.newPage();
  await loginViaUi(dispatcher, 'dispatcher');
  await expect(dispatcher.getByTestId('home-welcome')).toBeVisible();
  await expect(dispatcher).not.toHaveURL(/\/m(\/|$)/);
  await expect(dispatcher.getByTestId('m-app')).toHaveCount(0);
  await dctx.close();
});

test('the 电脑版 / 手机版 switch is remembered; on a desktop a handler lands on the desktop pages', async ({
  browser,
}) => {
  const ctx = await phone(browser);
  const page = await ctx.newPage();
  await loginViaUi(page, 'handler');
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await page.getByTestId('m-desktop').click();
  await expect(page.getByTestId('home-welcome')).toBeVisible();
  await page.goto('/');
  await expect(page.getByTestId('home-welcome')).toBeVisible(); // the choice holds
  await page.getByTestId('home-mobile-link').click();
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/m\/tasks$/);
  await ctx.close();

  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const deskPage = await desk.newPage();
  await loginViaUi(deskPage, 'handler');
  await expect(deskPage.getByTestId('home-welcome')).toBeVisible();
  await expect(deskPage.getByTestId('home-mobile-link')).toBeVisible();
  await desk.close();
});
