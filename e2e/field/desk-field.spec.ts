import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { apiLogin, uniqueName, type ApiSession } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { PNG, desktop } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

/** 明德社区 and its first grid, the demo grid worker's. */
const VILLAGE = '410104001001';
const GRID_CODE = '410104001001001';
const FIRE_PASSING = ['no_residence', 'ebike_indoor', 'hydrant_ok', 'no_hazchem'];

type Intervals = Record<string, { high: number; medium: number; low: number }>;

/** A photo uploaded by `who` (the server re-encodes it like any phone photo). */
async function upload(who: ApiSession): Promise<string> {
  const res = await who.ctx.post('/api/attachments', {
    data: PNG,
    headers: { 'content-type': 'image/png', 'x-csrf-token': who.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function putIntervals(who: ApiSession, body: Intervals) {
  const res = await who.ctx.put('/api/visit-plans/intervals', {
    data: body,
    headers: { 'x-csrf-token': who.csrfToken },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The same page at a phone's size: it still lays out (a desk page, read on the move). */
async function phoneShot(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 844 });
  await shot(page, name);
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('the township centre follows up field work at its desk: a failed inspection item becomes a case, the visit plan shows its due day; the county admin edits an interval', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const base = baseURL as string;
  const spot = await spotInGrid(base);
  const gw = await apiLogin(base, 'gridworker');
  const centre = await apiLogin(base, 'dispatcher');
  const originalIntervals = (await centre.get<{ intervals: Intervals }>('/api/visit-plans/intervals')).intervals;
  try {
    // The grid worker's day, through the API: a key place inspected with one failed item and its photo …
    const { items: regions } = await centre.get<{ items: { id: string; code: string }[] }>('/api/regions');
    const villageId = regions.find((r) => r.code === VILLAGE)?.id;
    const placeName = uniqueName('明德烧烤店');
    const place = await centre.post<{ id: string }>('/api/key-places', {
      villageId,
      name: placeName,
      kind: 'other',
      lon: spot.longitude,
      lat: spot.latitude,
    });
    const { items: templates } = await gw.get<{ items: { id: string; key: string }[] }>('/api/inspection-templates');
    const fire = templates.find((t) => t.key === 'fire_small_place');
    const photoId = await upload(gw);
    const inspection = await gw.post<{ id: string }>('/api/inspections', {
      clientId: randomUUID(),
      templateId: fire?.id,
      place: { kind: 'key_place', id: place.id },
      placeType: 'small_restaurant',
      location: { lon: spot.longitude, lat: spot.latitude },
      performedAt: new Date(Date.now() - 60_000).toISOString(),
      answers: [
        { key: 'exits_clear', result: 'fail', note: '后门被纸箱堵住', photoIds: [photoId] },
        ...FIRE_PASSING.map((key) => ({ key, result: 'pass' })),
        { key: 'extinguishers', value: 4 },
      ],
    });
    // … and a resident under care (严重精神障碍, high risk) visited today.
    const { items: grids } = await gw.get<{ items: { id: string; code: string; villageId: string }[] }>('/api/grids');
    const grid = grids.find((g) => g.code === GRID_CODE);
    const personName = uniqueName('走访对象');
    const person = await gw.post<{ id: string }>('/api/residents', {
      villageId: grid?.villageId,
      gridId: grid?.id,
      name: personName,
    });
    const plan = await gw.post<{ id: string }>('/api/special-populations', {
      residentId: person.id,
      kind: 'severe_mental_disorder',
      riskLevel: 'high',
    });
    const visit = await gw.post<{ id: string; nextVisitDue: string }>('/api/visits', {
      clientId: randomUUID(),
      residentId: person.id,
      specialPopulationId: plan.id,
      purpose: '例行走访',
      note: '本人在家，情绪稳定，按时服药',
      findings: '楼道堆放杂物堵塞消防通道',
      photoIds: [await upload(gw)],
    });
    expect(visit.nextVisitDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    // The centre's desk: the inspection with its failed item, made a case from the drawer.
    const page = await desktop(browser, 'dispatcher');
    await page.goto('/inspections');
    await expect(page.getByTestId('inspections-page')).toBeVisible();
    await page.getByTestId('inspections-failed-only').click();
    const row = page.getByTestId(`inspection-row-${inspection.id}`);
    await expect(row).toContainText(placeName);
    await expect(page.getByTestId(`inspection-result-${inspection.id}`)).toHaveText('不合格 1 项');
    await shot(page, 'desk-inspections-1440');
    await phoneShot(page, 'desk-inspections-390');
    await row.click();
    const drawer = page.getByTestId('inspection-drawer');
    await expect(drawer.getByTestId('answer-exits_clear')).toHaveText('不合格');
    await expect(drawer.getByTestId('answer-hydrant_ok')).toHaveText('合格');
    await expect(drawer.getByTestId('answer-photos-exits_clear').locator('img')).toHaveCount(1);
    await expect(drawer.getByTestId('inspection-previous')).toContainText('此前未用这张检查表排查');
    await expect(drawer.getByTestId('answer-to-case-hydrant_ok')).toHaveCount(0);
    await drawer.getByTestId('answer-to-case-exits_clear').click();
    const caseLink = drawer.getByTestId('answer-case-exits_clear');
    await expect(caseLink).toBeVisible();
    const made = await centre.get<{ answers: { key: string; caseId: string | null; caseCode: string | null }[] }>(
      `/api/inspections/${inspection.id}`,
    );
    const answer = made.answers.find((a) => a.key === 'exits_clear');
    expect(answer?.caseId).toBeTruthy();
    await expect(caseLink).toHaveText(answer?.caseCode ?? '');
    await shot(page, 'desk-inspection-drawer-1440');
    await phoneShot(page, 'desk-inspection-drawer-390');
    await caseLink.click();
    await expect(page).toHaveURL(new RegExp(`/cases/${answer?.caseId}$`));

    // The visit plans: the person's plan, green, due a week after today's visit.
    await page.goto('/visit-plans');
    await expect(page.getByTestId('visit-plans-page')).toBeVisible();
    await pickOption(page, page.getByTestId('plans-filter-kind'), '严重精神障碍患者');
    await pickOption(page, page.getByTestId('plans-filter-grid'), GRID_CODE);
    const planRow = page.getByTestId(`plan-row-${plan.id}`);
    await expect(planRow).toContainText(personName.slice(0, 1));
    await expect(page.getByTestId(`plan-due-${plan.id}`)).toHaveText(visit.nextVisitDue);
    await expect(page.getByTestId(`plan-light-${plan.id}`)).toHaveAttribute('data-light', 'green');
    await expect(planRow).toContainText('未逾期');

    // The intervals are the county's: the township centre reads them, the county admin edits them.
    await page.goto('/visit-intervals');
    await expect(page.getByTestId('visit-intervals')).toContainText('由县（区）综治中心或系统管理员设置');
    await expect(page.getByTestId('intervals-save')).toHaveCount(0);
    // The visit log: the visit with its findings and photo.
    await page.goto('/visits');
    await pickOption(page, page.getByTestId('visits-filter-kind'), '特殊人群走访');
    await expect(page.getByTestId(`visit-subject-${visit.id}`)).toContainText(personName.slice(0, 1));
    await expect(page.getByTestId(`visit-photos-${visit.id}`).locator('img')).toHaveCount(1);
    await expect(page.getByTestId('visits-table')).toContainText('楼道堆放杂物堵塞消防通道');
    await shot(page, 'desk-visits-1440');
    await phoneShot(page, 'desk-visits-390');

    // The checklists, read by the centre (an edit would change every later inspection: not here).
    await page.goto('/inspection-templates');
    await page.getByTestId('template-row-fire_small_place').click();
    await expect(page.getByTestId('template-items-fire_small_place')).toContainText('《消防法》第二十八条');
    await expect(page.getByTestId('template-edit-fire_small_place')).toBeVisible();
    await shot(page, 'desk-templates-1440');
    await page.context().close();

    // The county admin: out of risk order is refused on the row; then one interval is changed and saved.
    const county = await desktop(browser, 'admin');
    await county.goto('/visit-intervals');
    const drugHigh = county.getByTestId('interval-drug_user-high');
    await drugHigh.locator('input').fill('40');
    await county.getByTestId('intervals-save').click();
    await expect(county.getByTestId('interval-error-drug_user-high')).toContainText('风险等级递增');
    await shot(county, 'desk-visit-intervals-refused-1440');
    await drugHigh.locator('input').fill(String(originalIntervals.drug_user?.high));
    const prisonerLow = county.getByTestId('interval-released_prisoner-low');
    const newLow = (originalIntervals.released_prisoner?.low ?? 90) === 60 ? 61 : 60;
    await prisonerLow.locator('input').fill(String(newLow));
    await county.getByTestId('intervals-save').click();
    await expect(county.getByText('走访间隔已保存')).toBeVisible();
    await expect(county.getByTestId('interval-error-drug_user-high')).toHaveCount(0);
    const saved = (await centre.get<{ intervals: Intervals }>('/api/visit-plans/intervals')).intervals;
    expect(saved.released_prisoner?.low).toBe(newLow);
    expect(saved.drug_user).toEqual(originalIntervals.drug_user);
    await shot(county, 'desk-visit-intervals-1440');
    await phoneShot(county, 'desk-visit-intervals-390');
    await county.context().close();
  } finally {
    // The county's intervals as they were: later specs' plans get the usual ones.
    const admin = await apiLogin(base, 'admin');
    await putIntervals(admin, originalIntervals);
    await admin.dispose();
    await gw.dispose();
    await centre.dispose();
  }
});
