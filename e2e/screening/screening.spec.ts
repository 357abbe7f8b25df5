import { mkdirSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { apiLogin } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { pickOption } from '../fixtures/antd.ts';
import { PHONE_ITEM } from '../fixtures/phone.ts';

/*
 * Issue 15 (排查, 风险研判, dispute figures, case ↔ dispute links) in the browser: the grid worker files
 * the grid's screening report on the phone; the township centre sees it on its overview, records a
 * 风险研判 meeting, reads the dispute figures, and turns a resident's report into a dispute from the
 * case page. Each screen is photographed at phone (390×844) and desktop (1440×900) size.
 */

const SHOTS = process.env.GEWU_SHOTS_DIR ?? '/tmp/shots-i15-screening';
mkdirSync(SHOTS, { recursive: true });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

async function shoot(page: Page, name: string) {
  await page.waitForLoadState('networkidle');
  for (const [size, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.waitForTimeout(300); // the layout settles after a resize (no timing is asserted)
    // The phone keeps its header and tab bar fixed: a viewport shot shows the screen as held.
    await page.screenshot({ path: `${SHOTS}/${name}-${size}.png`, fullPage: size === 'desktop' });
  }
}

test('a grid worker files the grid’s screening on the phone; the centre sees it, meets, counts, converts', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  // The phone: 排查 tab, findings with one new dispute.
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  const worker = await phone.newPage();
  await loginViaUi(worker, 'gridworker');
  await worker.goto('/m/screening');
  const card = worker.getByTestId('m-screening-grid-410104001001001');
  await expect(card).toContainText('明德社区第1网格');
  await worker.getByTestId('m-screening-zero').click();
  await shoot(worker, 'phone-screening-start');
  await worker.setViewportSize(PHONE);
  await worker.getByTestId('m-screening-found').click();
  await worker.getByTestId('m-finding-add').click();
  await pickOption(worker, worker.getByTestId('m-finding-type-0'), '邻里纠纷');
  await worker.getByTestId('m-finding-summary-0').fill('3号楼两户因楼道堆放杂物多次争吵，已劝解但未化解');
  await shoot(worker, 'phone-screening-form');
  await worker.setViewportSize(PHONE);
  await worker.getByTestId('m-screening-submit').click();
  await expect(worker.getByTestId('m-screening-filed')).toContainText('本期已报 1 起纠纷');
  await shoot(worker, 'phone-screening-filed');
  await phone.close();

  // The centre's desktop.
  const desk = await browser.newContext({ viewport: DESKTOP });
  const page = await desk.newPage();
  await loginViaUi(page, 'dispatcher');
  await page.goto('/screening');
  await expect(page.getByTestId('screening-counts')).toContainText('24');
  await expect(page.getByTestId('screening-row-410104001001001')).toContainText('已报');
  await shoot(page, 'desktop-screening-overview');
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('screening-row-410104001001001').click();
  await expect(page.getByTestId('screening-report')).toContainText('邻里纠纷');
  await shoot(page, 'desktop-screening-report');
  await page.keyboard.press('Escape');
  await page.setViewportSize(DESKTOP);
  await page.getByTestId('screening-schedule').click();
  await expect(page.getByTestId('screening-schedule-dialog')).toContainText('排查周期');
  await shoot(page, 'desktop-screening-schedule');
  await page.keyboard.press('Escape');

  // 风险研判: the form, then a meeting recorded (through the API, with the dispute the worker found).
  await page.setViewportSize(DESKTOP);
  await page.goto('/risk-meetings/new');
  await expect(page.getByTestId('meeting-form')).toBeVisible();
  await page.getByTestId('meeting-topic').fill('12月第一周矛盾纠纷风险研判');
  await shoot(page, 'desktop-meeting-form');
  const api = await apiLogin(baseURL as string, 'dispatcher');
  const found = await api.get<{ items: { id: string; source: string }[] }>('/api/disputes?source=grid_screening');
  const meeting = await api.post<{ id: string }>('/api/risk-meetings', {
    heldAt: new Date().toISOString(),
    topic: '12月第一周矛盾纠纷风险研判',
    place: '格物街道综治中心会议室',
    participants: ['张受理（综治中心）', '孙调解（街道调委会）', '李警官（派出所）'],
    minutes: '逐件研判网格排查发现的纠纷，落实稳控措施。',
    decisions: [
      {
        disputeId: found.items[0]?.id,
        kind: 'assess_risk',
        risk: 'serious',
        civilToCriminal: false,
        note: '双方情绪对立，列为较大风险，社区每周回访',
      },
    ],
  });
  await page.goto('/risk-meetings');
  await expect(page.getByTestId('meetings-table')).toContainText('12月第一周');
  await shoot(page, 'desktop-meetings');
  await page.goto(`/risk-meetings/${meeting.id}`);
  await expect(page.getByTestId('meeting-decisions')).toContainText('调整风险等级');
  await shoot(page, 'desktop-meeting-detail');

  // The dispute figures.
  await page.goto('/dispute-figures');
  await expect(page.getByTestId('dispute-stats-tiles')).toBeVisible();
  await shoot(page, 'desktop-dispute-figures');

  // 转矛盾纠纷 from the case page: a resident's report, accepted, turned into a dispute.
  const resident = await apiLogin(baseURL as string, 'resident');
  const c = await resident.post<{ id: string }>('/api/cases', {
    itemCode: PHONE_ITEM.code,
    description: '楼上住户装修噪音持续到深夜，多次沟通无果，双方发生争吵',
    // The middle of 明德社区第1网格 (the demo's north-west quadrant of 明德社区).
    location: { lon: 113.693, lat: 34.7475 },
    idempotencyKey: crypto.randomUUID(),
  });
  await page.setViewportSize(DESKTOP);
  await page.goto(`/cases/${c.id}`);
  await page.getByTestId('case-action-convert_to_dispute').click();
  await pickOption(page, page.getByTestId('case-convert-type'), '邻里纠纷');
  await page.getByTestId('case-convert-note').fill('属邻里纠纷，转人民调解');
  await shoot(page, 'desktop-case-convert');
  await page.setViewportSize(DESKTOP);
  await page.getByRole('button', { name: '登记为矛盾纠纷' }).click();
  await expect(page.getByTestId('case-state')).toContainText('已转矛盾纠纷');
  await expect(page.getByTestId('case-link-converted_to')).toContainText('待受理');
  await shoot(page, 'desktop-case-links');
  await api.dispose();
  await resident.dispose();
  await desk.close();
});
