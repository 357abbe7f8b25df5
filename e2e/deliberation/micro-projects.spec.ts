import { expect, test, type Page } from '@playwright/test';
import { apiLogin, createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { PNG, desktop, phone } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';
import { expectFitsPhone } from '../fixtures/phone.ts';

/*
 * Issue 16 point 5b, 民生微实事: a villager of 修身村 proposes two projects on the phone; the village's
 * cadre shortlists both and records the representatives' meeting (all on the roll present, the form
 * showing the quorum and each outcome live: one passes, one fails), implements and accepts the passed
 * one and publishes its result; the result is on the village's public notice page, and the villager
 * sees it on the phone.
 */

const VILLAGE_CODE = '410104001201';
const num = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** The village's representatives' roll (made with three villagers when the run has none): its size. */
async function representatives(baseURL: string): Promise<{ villageId: string; size: number }> {
  const cadre = await apiLogin(baseURL, 'cadre');
  try {
    // The cadre's own village is 修身村.
    const me = await cadre.get<{ user: { region: { id: string; code: string } } }>('/api/auth/me');
    expect(me.user.region.code).toBe(VILLAGE_CODE);
    const villageId = me.user.region.id;
    type Body = { id: string; kind: string; rollSize: number };
    const { items } = await cadre.get<{ items: Body[] }>(`/api/deliberation/bodies?villageId=${villageId}`);
    let body = items.find((b) => b.kind === 'representatives_meeting');
    body ??= await cadre.post<Body>('/api/deliberation/bodies', {
      villageId,
      kind: 'representatives_meeting',
      basis: 'members',
    });
    if (body.rollSize < 3) {
      const { items: people } = await cadre.get<{ items: { residentId: string }[] }>(
        `/api/deliberation/bodies/${body.id}/candidates`,
      );
      body = await cadre.post<Body>(`/api/deliberation/bodies/${body.id}/roll`, {
        add: people.slice(0, 3 - body.rollSize).map((p) => p.residentId),
        reason: '2026年村民代表推选结果',
      });
    }
    return { villageId, size: body.rollSize };
  } finally {
    await cadre.dispose();
  }
}

/** A resident account of 修身村 with its initial password changed. */
async function villager(baseURL: string): Promise<{ username: string; password: string }> {
  const username = uniqueName('xsv');
  await createUserViaApi(baseURL, {
    username,
    displayName: '陈村民',
    password: 'Init#2026a',
    regionCode: VILLAGE_CODE,
    roles: ['resident'],
  });
  const s = await apiLogin(baseURL, username, 'Init#2026a');
  await s.post('/api/auth/password', { currentPassword: 'Init#2026a', newPassword: 'Cun#2026min' });
  await s.dispose();
  return { username, password: 'Cun#2026min' };
}

/** Fills and sends the proposal form (opened unless it already is); sent with the keyboard's Enter (go). */
async function propose(m: Page, title: string, category: string, cost: string, withPhoto: boolean) {
  if (!(await m.getByTestId('m-project-form').count())) await m.getByTestId('m-project-new').click();
  const form = m.getByTestId('m-project-form');
  await form.getByTestId('m-project-title').fill(title);
  await form.getByTestId('m-project-category').click();
  await m.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: category }).click();
  await form.getByTestId('m-project-description').fill(`${title}：方便老人和孩子出行`);
  await form.getByTestId('m-project-cost').fill(cost);
  await form.getByTestId('m-project-place').fill('修身村文化广场');
  if (withPhoto) {
    await form.getByTestId('m-project-photos').setInputFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await expect(form.getByTestId('m-project-photos-thumb')).toHaveCount(1);
  }
  await form.getByTestId('m-project-place').press('Enter');
  await expect(form).toHaveCount(0);
  await expect(m.getByTestId('m-projects')).toContainText(title);
}

test('a villager proposes on the phone; the representatives pass one of two; its result is published', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(240_000);
  const base = baseURL ?? '';
  const roll = await representatives(base);
  const who = await villager(base);
  const ramp = uniqueName('广场无障碍坡道');
  const pavilion = uniqueName('休闲凉亭');

  // The villager's phone: 微实事 → propose two projects (one with a photo); over the cap is refused on the form.
  const m = await phone(browser);
  await loginViaUi(m, who.username, who.password);
  await m.goto('/m/projects');
  await expect(m.getByTestId('m-projects')).toBeVisible();
  await m.getByTestId('m-project-new').click();
  await m.getByTestId('m-project-cost').fill('200000.01');
  await m.getByTestId('m-project-cost').press('Enter');
  await expect(m.getByTestId('m-project-form')).toContainText('不能超过 200000.00 元');
  await shot(m, 'projects-phone-form');
  await propose(m, ramp, '适老助残', '38000', true);
  await propose(m, pavilion, '文体设施', '126000.50', false);
  await expectFitsPhone(m);
  await shot(m, 'projects-phone-proposed');

  // The cadre's desk: 民生微实事 → shortlist both.
  const page = await desktop(browser, 'cadre');
  await page.getByTestId('menu-projects').click();
  await expect(page.getByTestId('projects-page')).toBeVisible();
  const rowOf = (title: string) => page.locator('tr.ant-table-row', { hasText: title });
  const idOf = async (title: string) => ((await rowOf(title).getAttribute('data-row-key')) as string) ?? '';
  await expect(rowOf(ramp)).toBeVisible();
  const [rampId, pavilionId] = [await idOf(ramp), await idOf(pavilion)];
  await expect(rowOf(ramp)).toContainText('陈**');
  for (const id of [rampId, pavilionId]) {
    await page.getByTestId(`project-shortlist-${id}`).click();
    await expect(page.getByTestId(`project-state-${id}`)).toHaveAttribute('data-state', 'shortlisted');
  }
  await shot(page, 'projects-desk-shortlisted');

  // The representatives' meeting: too few present first (the form says why and will not send).
  await page.getByTestId('projects-vote-open').click();
  const dialog = page.getByTestId('vote-form');
  await expect(num(page, 'vote-expected')).toHaveValue(String(roll.size));
  // Only this run's two projects are put to this meeting.
  for (const row of await dialog.locator('tr.ant-table-row').all()) {
    const key = (await row.getAttribute('data-row-key')) ?? '';
    if (key !== rampId && key !== pavilionId) await page.getByTestId(`vote-include-${key}`).uncheck();
  }
  const quorum = Math.ceil((roll.size * 2) / 3);
  await num(page, 'vote-present').fill(String(quorum - 1));
  await expect(page.getByTestId('vote-quorum')).toHaveAttribute('data-quorate', 'false');
  await expect(page.getByTestId('vote-submit')).toBeDisabled();
  await num(page, 'vote-present').fill(String(roll.size));
  await expect(page.getByTestId('vote-quorum')).toHaveAttribute('data-quorate', 'true');
  await num(page, `vote-inFavour-${rampId}`).fill(String(roll.size));
  await num(page, `vote-against-${pavilionId}`).fill(String(roll.size - 1));
  await num(page, `vote-inFavour-${pavilionId}`).fill('1');
  await expect(page.getByTestId(`vote-outcome-${rampId}`)).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId(`vote-outcome-${pavilionId}`)).toHaveAttribute('data-passed', 'false');
  await page.getByTestId('vote-place').fill('修身村村委会会议室');
  await page.getByTestId('vote-minutes').fill('对入库的两个民生微实事项目逐项表决。');
  await shot(page, 'projects-desk-vote');
  await page.getByTestId('vote-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId(`project-state-${rampId}`)).toHaveAttribute('data-state', 'approved');
  await expect(page.getByTestId(`project-state-${pavilionId}`)).toHaveAttribute('data-state', 'not_approved');

  // Implement, accept (with an after photo) and publish the passed one.
  await page.getByTestId(`project-implement-${rampId}`).click();
  await page.getByTestId('step-implementer').fill('修身村建设施工队');
  await page.getByTestId('step-budget').fill('36000');
  await page.getByTestId('step-implement-submit').click();
  await expect(page.getByTestId(`project-state-${rampId}`)).toHaveAttribute('data-state', 'implementing');
  await expect(page.getByTestId(`project-light-${rampId}`)).toHaveAttribute('data-light', 'green');
  await shot(page, 'projects-desk-implementing');
  await page.getByTestId(`project-complete-${rampId}`).click();
  await page.getByTestId('step-acceptance').fill('坡道坡度和扶手符合无障碍要求，验收合格');
  await page.getByTestId('step-actual-cost').fill('35200');
  await page
    .getByTestId('step-after-photos')
    .locator('input[type=file]')
    .setInputFiles({ name: 'after.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.locator('.ant-upload-list-item-uploading')).toHaveCount(0);
  await shot(page, 'projects-desk-complete');
  await page.getByTestId('step-complete-submit').click();
  await expect(page.getByTestId(`project-state-${rampId}`)).toHaveAttribute('data-state', 'completed');
  await page.getByTestId(`project-publish-${rampId}`).click();
  await page.getByTestId('step-publish-submit').click();
  await expect(page.getByTestId(`project-state-${rampId}`)).toHaveAttribute('data-state', 'published');
  await page.getByTestId(`project-row-${rampId}`).click();
  await expect(page.getByTestId(`project-detail-${rampId}`)).toContainText('验收合格');
  await shot(page, 'projects-desk-published');

  // The village's public notice page: the vote's resolution and the result.
  const pub = await desktop(browser, 'cadre');
  await pub.goto(`/p/notices/${VILLAGE_CODE}`);
  await expect(pub.locator('body')).toContainText(`民生微实事实施结果：${ramp}`);
  await expect(pub.locator('body')).toContainText('实际费用 35200.00 元');
  await expect(pub.locator('body')).toContainText('修身村民生微实事项目表决结果');
  await expect(pub.locator('body')).not.toContainText('陈村民');
  await shot(pub, 'projects-public-notice');

  // The villager's phone: the result, and the other project not approved.
  await m.reload();
  await expect(m.getByTestId(`m-project-state-${rampId}`)).toHaveAttribute('data-state', 'published');
  await expect(m.getByTestId(`m-project-result-${rampId}`)).toContainText('实际费用 35200.00 元');
  await expect(m.getByTestId(`m-project-state-${pavilionId}`)).toHaveAttribute('data-state', 'not_approved');
  await expectFitsPhone(m);
  await shot(m, 'projects-phone-result');
});
