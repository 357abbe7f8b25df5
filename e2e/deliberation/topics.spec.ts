import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { apiLogin, createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { dayFromToday, desktop, phone } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';
import { expectFitsPhone } from '../fixtures/phone.ts';

/** 修身村, the demo cadre's village. */
const VILLAGE = '410104001201';
const INITIAL = 'Init@2026topics';
const PASSWORD = 'Topic@2026resident';

/** A resident of 修身村 made for this run, their initial password already changed. */
async function villager(baseURL: string, displayName: string): Promise<string> {
  const username = uniqueName('tp');
  await createUserViaApi(baseURL, {
    username,
    displayName,
    password: INITIAL,
    regionCode: VILLAGE,
    roles: ['resident'],
  });
  const s = await apiLogin(baseURL, username, INITIAL);
  await s.post('/api/auth/password', { currentPassword: INITIAL, newPassword: PASSWORD });
  await s.dispose();
  return username;
}

async function residentPhone(browser: Browser, username: string): Promise<Page> {
  const m = await phone(browser);
  await loginViaUi(m, username, PASSWORD);
  await m.goto('/m/topics');
  await expect(m.getByTestId('m-topics')).toBeVisible();
  return m;
}

/** Types into an antd DatePicker's input and leaves it (Enter would submit the form it is in). */
async function typeDate(page: Page, input: Locator, text: string): Promise<void> {
  await input.click();
  await input.fill(text);
  await page.getByTestId('topic-detail').locator('.ant-card-head').first().click();
  await expect(input).toHaveValue(text);
}

test('a resident raises a topic, another supports it, the cadre takes it through to implementation, the resident sees the outcome', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const raiserName = '王小明';
  const raiser = await villager(baseURL ?? '', raiserName);
  const supporter = await villager(baseURL ?? '', '赵小红');
  const title = uniqueName('村东头增设路灯');

  // The resident raises it on the phone.
  const m = await residentPhone(browser, raiser);
  await m.getByTestId('m-topic-raise').click();
  await m.getByTestId('m-topic-title').fill(title);
  await m
    .getByTestId('m-topic-description')
    .fill('村东头到学校一段约 300 米没有路灯，孩子晚自习回家不安全，建议安装太阳能路灯。');
  await shot(m, 'topics-phone-raise');
  await m.getByTestId('m-topic-submit').click();
  const mine = m.getByTestId('m-topic').filter({ hasText: title });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText('我');
  // One cannot support one's own topic: no button.
  await expect(mine.getByTestId('m-topic-support')).toHaveCount(0);

  // Another resident supports it (附议); the raiser is shown masked.
  const other = await residentPhone(browser, supporter);
  const card = other.getByTestId('m-topic').filter({ hasText: title });
  await expect(card).toContainText('王**');
  await expect(card).not.toContainText(raiserName);
  await card.getByTestId('m-topic-support').click();
  await expect(card.getByTestId('m-topic-supports')).toHaveText('1 / 10 人附议');
  await expect(card).toContainText('已附议');
  await shot(other, 'topics-phone-list');

  // The cadre takes it up for the residents' council.
  const desk = await desktop(browser, 'cadre');
  await desk.getByTestId('menu-topics').click();
  await expect(desk).toHaveURL(/\/topics$/);
  const row = desk.getByTestId('topics-table').locator('tr', { hasText: title });
  await expect(row).toContainText('王**');
  await expect(row).toContainText('待受理');
  await expect(row.locator('[data-light="green"]')).toBeVisible();
  await shot(desk, 'topics-desktop-list');
  await row.getByText(title).click();
  await expect(desk.getByTestId('topic-detail')).toHaveAttribute('data-state', 'raised');
  const meetingDay = dayFromToday(7);
  await typeDate(desk, desk.getByTestId('topic-take-up').locator('.ant-picker input'), meetingDay);
  await desk.getByTestId('topic-take-up-submit').click();
  await expect(desk.getByTestId('topic-detail')).toHaveAttribute('data-state', 'taken_up');
  await expect(desk.getByTestId('topic-taken-up')).toContainText(meetingDay);

  // The meeting agrees, with a plan.
  const form = desk.getByTestId('topic-meeting-form');
  // Held now (the form's default): a meeting is recorded after it took place.
  await desk.getByTestId('topic-place').fill('修身村村民委员会议事厅');
  await desk.getByTestId('topic-count-residents').fill('12');
  await desk.getByTestId('topic-count-committee').fill('3');
  await desk.getByTestId('topic-count-deputies').fill('1');
  await desk.getByTestId('topic-headcount').fill('16');
  await desk.getByTestId('topic-minutes').fill('与会人员一致同意安装太阳能路灯 12 盏，费用由村集体公益金列支。');
  await desk.getByTestId('topic-plan-what').fill('村东头至学校路段安装太阳能路灯 12 盏');
  await desk.getByTestId('topic-plan-unit').fill('修身村村民委员会');
  await typeDate(desk, form.locator('.ant-picker input').last(), dayFromToday(37));
  await shot(desk, 'topics-desktop-meeting-form');
  await desk.getByTestId('topic-meeting-submit').click();
  await expect(desk.getByTestId('topic-detail')).toHaveAttribute('data-state', 'implementing');
  await expect(desk.getByTestId('topic-outcome')).toHaveText('议定实施');

  // The implementation is recorded (and published as 实施结果).
  await desk.getByTestId('topic-result').fill('12 盏太阳能路灯已安装并通过验收，夜间照明正常。');
  await desk.getByTestId('topic-implementation-submit').click();
  await expect(desk.getByTestId('topic-detail')).toHaveAttribute('data-state', 'implemented');
  await expect(desk.getByTestId('topic-implementation')).toContainText('12 盏太阳能路灯已安装');
  await shot(desk, 'topics-desktop-detail');

  // The resident sees the outcome and the result on the phone.
  await m.reload();
  const done = m.getByTestId('m-topic').filter({ hasText: title });
  await expect(done).toHaveAttribute('data-state', 'implemented');
  await done.getByTestId('m-topic-progress').click();
  await expect(done.getByTestId('m-topic-outcome')).toContainText('议定实施');
  await expect(done.getByTestId('m-topic-result')).toContainText('12 盏太阳能路灯已安装');
  await expectFitsPhone(m);
  await shot(m, 'topics-phone-outcome');

  // The same pages at the other size.
  await desk.setViewportSize({ width: 390, height: 844 });
  await shot(desk, 'topics-desktop-detail-390');
  await m.setViewportSize({ width: 1440, height: 900 });
  await shot(m, 'topics-phone-outcome-1440');
});
