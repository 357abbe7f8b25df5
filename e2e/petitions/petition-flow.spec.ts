import { expect, test } from '@playwright/test';
import { idCheckChar } from '@gewu/domain';
import { uniqueName } from '../fixtures/api.ts';
import { pickTreeNode } from '../fixtures/antd.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { petitionAct as act } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

test('a petition is registered, accepted, extended with a notice, answered, and its 复查 requested and decided', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await loginViaUi(page, 'dispatcher');

  // The register with its statutory lights (the demo's petitions: one just in, one near and one past its 15 days).
  await page.getByTestId('menu-petitions').click();
  await expect(page).toHaveURL(/\/petitions$/);
  await expect(page.getByTestId('petition-table')).toBeVisible();
  await expect(page.locator('[data-testid^="petition-light-"][data-light="red"]').first()).toBeVisible();
  await shot(page, 'petitions-register-desktop');

  // Registration: a letter about 明德社区, one petitioner with an identity number and a phone.
  const summary = uniqueName('来信反映明德路排水沟堵塞，雨天污水漫溢');
  const body = '41010419680808005';
  await page.getByTestId('petition-new').click();
  await expect(page.getByTestId('petition-form')).toBeVisible();
  await page.getByTestId('petition-form-channel').getByText('来信').click();
  await pickTreeNode(page, page.getByTestId('petition-form-region'), '明德社区');
  await page.getByTestId('petition-form-summary').fill(summary);
  await page.getByTestId('petition-form-respondent').fill('格物街道城建办');
  await page.getByTestId('petition-form-subject').fill(uniqueName('明德路排水沟'));
  await page.getByTestId('petition-form-name-0').fill('韩守信');
  await page.getByTestId('petition-form-id-0').fill(body + idCheckChar(body));
  await page.getByTestId('petition-form-phone-0').fill('13912358888');
  await shot(page, 'petitions-form-desktop');
  await page.getByTestId('petition-form-submit').click();

  await expect(page.getByTestId('petition-detail')).toBeVisible();
  await expect(page.getByTestId('petition-state')).toHaveText('待受理');
  await expect(page.getByTestId('petition-light')).toHaveAttribute('data-light', 'green');
  await expect(page.getByTestId('petition-limit')).toHaveText('15 日');
  // The centre sees the name; the numbers are masked.
  const people = page.getByTestId('petition-petitioners');
  await expect(people).toContainText('韩守信');
  await expect(people).toContainText('139****8888');
  await expect(people).not.toContainText(body);

  // Intake: nothing found against it, so the rule says 受理 — and the petitioner is told so in writing.
  await act(page, 'intake', async (dialog) => {
    await expect(dialog.getByTestId('petition-route-preview')).toContainText('受理');
    // Ticking "belongs to litigation" shows where the rule would send it (诉访分离); unticked again, it is accepted.
    await dialog.getByTestId('petition-finding-belongsToLitigation').click();
    await expect(dialog.getByTestId('petition-route-preview')).toContainText('导入法定程序（诉访分离）');
    await expect(dialog.getByTestId('petition-route-preview')).toContainText('请依法向人民法院提起诉讼');
    await dialog.getByTestId('petition-finding-belongsToLitigation').click();
    await expect(dialog.getByTestId('petition-route-preview')).toContainText('按规则处理为：受理');
  });
  await expect(page.getByTestId('petition-state')).toHaveText('办理中');
  await expect(page.getByTestId('petition-limit')).toHaveText('60 日');
  await expect(page.getByTestId('petition-notice-intake')).toContainText('依法受理');

  // Extension by 30 days, approved by the leader, with the reason told to the petitioner.
  await act(page, 'extend', async (dialog) => {
    await expect(dialog.getByTestId('petition-approver')).toContainText('周书记');
    await dialog.getByTestId('petition-reason').fill('需会同区住建局核查管网产权');
  });
  await expect(page.getByTestId('petition-limit')).toHaveText('90 日');
  const extension = page.getByTestId('petition-notice-extension');
  await expect(extension).toContainText(
    '因需会同区住建局核查管网产权，经本机关负责人批准，您的信访事项办理期限延长 30 日',
  );
  await expect(extension).toContainText('批准人：周书记');

  // The written reply; its 处理意见书 downloads as a PDF.
  await act(page, 'reply', async (dialog) => {
    await dialog.getByTestId('petition-facts').fill('经查，排水沟被建筑垃圾堵塞。');
    await dialog.getByTestId('petition-opinion').fill('街道城建办于十日内清淤并加装格栅。');
    await dialog.getByTestId('petition-basis').fill('《城镇排水与污水处理条例》');
  });
  await expect(page.getByTestId('petition-state')).toHaveText('已答复');
  await expect(page.getByTestId('petition-window')).toBeVisible();
  const pdfLink = page.getByTestId('petition-reply-pdf');
  const pdf = await page.request.get((await pdfLink.getAttribute('href')) as string);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  // 复查 requested today (inside its 30 days), then decided.
  await act(page, 'request_review');
  await expect(page.getByTestId('petition-state')).toHaveText('复查中');
  await expect(page.getByTestId('petition-limit')).toHaveText('30 日');
  await act(page, 'decide_review', async (dialog) => {
    await dialog.getByTestId('petition-facts').fill('经复查，原处理意见事实清楚。');
    await dialog.getByTestId('petition-opinion').fill('维持原处理意见。');
    await dialog.getByTestId('petition-basis').fill('《信访工作条例》');
  });
  await expect(page.getByTestId('petition-state')).toHaveText('已复查');
  await expect(page.getByTestId('petition-review')).toContainText('维持原处理意见');
  await expect(page.getByTestId('petition-review-pdf')).toBeVisible();
  const timeline = page.getByTestId('petition-timeline');
  for (const type of ['register', 'accept', 'extend', 'reply', 'request_review', 'decide_review'])
    await expect(timeline.locator(`[data-type="${type}"]`)).toHaveCount(1);
  await shot(page, 'petitions-detail-desktop');
  const url = page.url();

  // The leader sees the petitioner masked, and the same register on a phone-sized screen.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const leader = await phone.newPage();
  await loginViaUi(leader, 'leader');
  await leader.goto(url);
  await expect(leader.getByTestId('petition-detail')).toBeVisible();
  await expect(leader.getByTestId('petition-petitioners')).toContainText('韩**');
  await expect(leader.getByTestId('petition-petitioners')).not.toContainText('韩守信');
  await shot(leader, 'petitions-detail-phone');
  await leader.goto('/petitions?view=all');
  await expect(leader.getByTestId('petition-table')).toBeVisible();
  await shot(leader, 'petitions-register-phone');
  // The registration form on a phone-sized screen (the centre's).
  const centrePhone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const centre = await centrePhone.newPage();
  await loginViaUi(centre, 'dispatcher');
  await centre.goto('/petitions/new');
  await expect(centre.getByTestId('petition-form')).toBeVisible();
  await shot(centre, 'petitions-form-phone');
  await desk.close();
  await phone.close();
  await centrePhone.close();
});
