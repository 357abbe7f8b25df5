import { expect, test, type Page } from '@playwright/test';
import { pickOption } from '../fixtures/antd.ts';
import { apiLogin, uniqueName } from '../fixtures/api.ts';
import { desktop } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

/*
 * Issue 16, 四议两公开 at the desk: 修身村's cadre sets up the four bodies' rolls (a change needs a
 * reason), proposes a 征地补偿费 matter — the law puts it to the villagers' meeting, the representatives'
 * meeting only with its authorisation — and takes it through the branch's proposal, the two committees'
 * consultation, the party members' review and the representatives' resolution (first without a quorum:
 * the form says why and the server refuses, nothing changes), then both publications. 齐家村's cadre
 * cannot open it.
 */

const num = (page: Page, id: string) => page.locator(`input[data-testid="${id}"], [data-testid="${id}"] input`).first();

/** Creates `kind` on the bodies page and puts the first three candidates on its roll, with a reason. */
async function bodyWithThree(page: Page, label: string, kind: string): Promise<void> {
  await pickOption(page, page.getByTestId('body-create-kind'), label);
  await page.getByTestId('body-create-submit').click();
  const roll = page.getByTestId('body-roll');
  await expect(roll).toHaveAttribute('data-body', kind);
  const select = page.getByTestId('roll-add');
  const picked = select.locator('.ant-select-selection-item');
  // The candidates load as the list opens: pick one not yet picked until three are.
  await expect(async () => {
    const n = await picked.count();
    if (n < 3) {
      if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option:not(.ant-select-item-option-selected)')
        .first()
        .click({ timeout: 3000 });
    }
    await expect(picked).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.keyboard.press('Escape');
  // Without a reason the change cannot be sent.
  await expect(page.getByTestId('roll-reason-required')).toHaveText('调整名册须说明理由');
  await expect(page.getByTestId('roll-submit')).toBeDisabled();
  await page.getByTestId('roll-reason').fill('2026年换届选举结果');
  await page.getByTestId('roll-submit').click();
  await expect(page.getByTestId(`body-${kind}-size`)).toHaveText('3');
}

/** Convenes a meeting stage and records its counts (all three present, `inFavour` of them for). */
async function meeting(page: Page, stage: string, inFavour: number): Promise<void> {
  const card = page.getByTestId(`stage-${stage}`);
  await card.getByTestId('convene-place').fill('修身村村委会会议室');
  await card.getByTestId('convene-submit').click();
  await expect(card).toHaveAttribute('data-status', 'convened');
  await expect(num(page, 'record-expected')).toHaveValue('3');
  await num(page, 'record-present').fill('3');
  await num(page, 'record-inFavour').fill(String(inFavour));
  await num(page, 'record-against').fill(String(3 - inFavour));
  await card.getByTestId('record-minutes').fill(`${stage}：与会人员一致同意征地补偿费分配方案。`);
  await expect(card.getByTestId('record-outcome')).toHaveAttribute('data-verdict', 'passed');
  await card.getByTestId('record-submit').click();
  await expect(card).toHaveAttribute('data-status', 'concluded');
}

test('a matter through the four deliberations and both publications; another village cannot open it', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const title = uniqueName('2026年征地补偿费分配方案');
  const page = await desktop(browser, 'cadre');
  await page.getByTestId('menu-deliberation').click();
  await expect(page.getByTestId('deliberation-matters')).toBeVisible();

  // 议事组织和名册.
  await page.getByTestId('deliberation-bodies-link').click();
  await expect(page.getByTestId('deliberation-bodies')).toBeVisible();
  for (const [label, kind] of [
    ['党支部会议', 'party_branch'],
    ['村“两委”联席会议', 'two_committees'],
    ['党员大会', 'party_members'],
    ['村民代表会议', 'representatives_meeting'],
  ] as const)
    await bodyWithThree(page, label, kind);
  await shot(page, 'deliberation-bodies-1440');

  // 提出议事事项: the kind names the body; the representatives need the villagers' meeting's authorisation.
  await page.getByTestId('menu-deliberation').click();
  await page.getByTestId('deliberation-create').click();
  const dialog = page.getByTestId('matter-create-dialog');
  await dialog.getByTestId('matter-title').fill(title);
  await pickOption(page, dialog.getByTestId('matter-kind'), '征地补偿费使用、分配');
  await expect(dialog.getByTestId('matter-law')).toContainText('依法由村民会议决定');
  await expect(dialog.getByTestId('matter-law')).toContainText('第二十四条');
  await pickOption(page, dialog.getByTestId('matter-body'), '村民代表会议');
  await expect(dialog.getByTestId('matter-problem')).toContainText('须有村民会议的授权');
  await expect(page.getByTestId('matter-create-ok')).toBeDisabled();
  await dialog.getByTestId('matter-authorisation').fill('2026年3月村民会议授权村民代表会议决定征地补偿费分配');
  await shot(page, 'deliberation-create-1440');
  await page.getByTestId('matter-create-ok').click();
  await expect(page.getByTestId('matter-detail')).toBeVisible();
  await expect(page.getByTestId('matter-stage')).toHaveText('党支部会议提议');
  const url = page.url();

  await meeting(page, 'proposal', 3);
  await meeting(page, 'consultation', 2);
  await meeting(page, 'review', 3);

  // 决议: one of three present is no quorum (two thirds of 3 is 2) — the form says so and will not send.
  const res = page.getByTestId('stage-resolution');
  await res.getByTestId('convene-place').fill('修身村文化广场');
  await res.getByTestId('convene-submit').click();
  await expect(res).toHaveAttribute('data-status', 'convened');
  await num(page, 'record-present').fill('1');
  await num(page, 'record-inFavour').fill('1');
  await res.getByTestId('record-minutes').fill('村民代表会议决议征地补偿费分配方案。');
  const outcome = res.getByTestId('record-outcome');
  await expect(outcome).toHaveAttribute('data-verdict', 'not_quorate');
  await expect(outcome).toContainText('到会人数不足法定人数（应到 3，至少需 2 人），不能作出决定');
  await expect(res.getByTestId('record-submit')).toBeDisabled();
  await shot(page, 'deliberation-not-quorate-1440');
  // The server refuses the same counts with its Chinese message, and records nothing.
  const api = await apiLogin(baseURL ?? '', 'cadre');
  const matterId = url.split('/').pop() ?? '';
  const refused = await api.ctx.post(`/api/deliberation/matters/${matterId}/stages/resolution/record`, {
    data: { present: 1, inFavour: 1, against: 0, abstaining: 0, minutes: '决议', implementationDue: '2027-01-31' },
    headers: { 'x-csrf-token': api.csrfToken },
  });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { code: string; message: string };
  expect(body.code).toBe('deliberation.not_quorate');
  expect(body.message).toContain('到会人数不足法定人数');
  await api.dispose();
  await page.reload();
  await expect(res).toHaveAttribute('data-status', 'convened');
  await expect(page.getByTestId('matter-stage')).toHaveText('决议');

  // Everyone came: the attendance ticks set 实到; 2 for, 1 against passes (more than half of 3).
  for (const box of await res.getByTestId('record-attendance').locator('input[type="checkbox"]').all())
    await box.check();
  await expect(num(page, 'record-present')).toHaveValue('3');
  await num(page, 'record-inFavour').fill('2');
  await num(page, 'record-against').fill('1');
  await res.getByTestId('record-minutes').fill('村民代表会议表决通过征地补偿费分配方案。');
  await expect(outcome).toHaveAttribute('data-verdict', 'passed');
  await res.getByTestId('record-submit').click();
  await expect(res).toHaveAttribute('data-status', 'concluded');
  await expect(res.getByTestId('stage-resolution-votes')).toHaveText('2 / 1 / 0');

  // 决议公开 (due within 3 days: green now), then 实施结果公开.
  const notice = page.getByTestId('stage-resolution_notice');
  await expect(notice.getByTestId('stage-resolution_notice-light')).toHaveAttribute('data-light', 'green');
  await notice.getByTestId('publish-text').fill('经村民代表会议决议，征地补偿费按方案分配到户。');
  await notice.getByTestId('publish-submit').click();
  await expect(notice).toHaveAttribute('data-status', 'concluded');
  const result = page.getByTestId('stage-result_notice');
  await result.getByTestId('publish-text').fill('征地补偿费已按方案发放到户，共 128 户。');
  await result.getByTestId('publish-submit').click();
  await expect(result).toHaveAttribute('data-status', 'concluded');
  await expect(page.getByTestId('matter-stage')).toHaveText('已完成');
  await expect(page.getByTestId('matter-detail')).toHaveAttribute('data-stage', 'done');
  await shot(page, 'deliberation-matter-1440');

  // The list shows it done.
  await page.getByTestId('menu-deliberation').click();
  await expect(page.getByTestId('deliberation-matters')).toContainText(title);
  await shot(page, 'deliberation-list-1440');

  // On a phone-sized window the same pages stay readable.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.getByTestId('matter-detail')).toBeVisible();
  await shot(page, 'deliberation-matter-390');
  await page.goto('/deliberation');
  await expect(page.getByTestId('deliberation-matters')).toContainText(title);
  await shot(page, 'deliberation-list-390');

  // 齐家村's cadre: not in the list, and the link shows not found.
  const other = await desktop(browser, 'cadre2');
  await other.getByTestId('menu-deliberation').click();
  await expect(other.getByTestId('deliberation-matters')).toBeVisible();
  await expect(other.getByTestId('deliberation-matters')).not.toContainText(title);
  await other.goto(url);
  await expect(other.getByTestId('matter-not-found')).toContainText('议事事项不存在或不在您的管辖范围内');
  await shot(other, 'deliberation-other-village-1440');
});
