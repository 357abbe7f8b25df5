import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { loginViaUi } from '../fixtures/auth.ts';
import { pickOption, pickTreeNode } from '../fixtures/antd.ts';
import { uniqueName } from '../fixtures/api.ts';

/*
 * Issue 15, the dispute screens end to end: the centre registers a walk-in dispute on the board,
 * accepts it, diverts it to the township's people's mediation committee (the proposal shows each
 * mediator's load) and assigns its mediator; the mediator records a session on the phone with a photo;
 * back at the desk the agreement is recorded, its 人民调解协议书 downloaded as a PDF, the signed scan
 * uploaded, and 司法确认 applied for and its ruling recorded.
 */

/** A 1×1 PNG: the server re-encodes it like any phone photo or scan. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const COMMITTEE = '格物街道人民调解委员会';

async function desktop(browser: Browser, username: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await ctx.newPage();
  await loginViaUi(page, username);
  return page;
}

/** Clicks an action's button, lets `fill` complete its dialog, confirms, and waits for the new state. */
async function act(
  page: Page,
  action: string,
  state: string,
  fill?: (dialog: ReturnType<Page['getByTestId']>) => Promise<void>,
) {
  const version = Number(await page.getByTestId('dispute-detail').getAttribute('data-version'));
  await page.getByTestId(`dispute-action-${action}`).click();
  const dialog = page.getByTestId(`dispute-dialog-${action}`);
  await expect(page.getByTestId('dispute-dialog-ok')).toBeVisible();
  if (fill) await fill(dialog);
  await page.getByTestId('dispute-dialog-ok').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('dispute-detail')).toHaveAttribute('data-version', String(version + 1));
  await expect(page.getByTestId('dispute-state')).toHaveText(state);
}

/** A local date `days` from today, as the date pickers take it. */
function dayFromToday(days: number): string {
  const d = new Date(Date.now() + days * 86_400_000 + 8 * 3_600_000);
  return d.toISOString().slice(0, 10);
}

test('a dispute registered, diverted, mediated on the phone, agreed, printed, its scan uploaded and judicially confirmed', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const summary = uniqueName('楼上漏水致楼下天花板受损');

  // 登记: the centre's desk, one form with both sides' parties.
  const centre = await desktop(browser, 'dispatcher');
  await centre.getByTestId('menu-disputes').click();
  await expect(centre.getByTestId('dispute-board')).toBeVisible();
  await centre.getByTestId('dispute-register').click();
  const form = centre.getByTestId('dispute-register-dialog');
  await pickOption(centre, form.getByTestId('dispute-register-type'), '邻里纠纷');
  await pickTreeNode(centre, form.getByTestId('dispute-register-region'), '明德社区');
  await form.getByTestId('dispute-register-summary').fill(summary);
  await form.getByTestId('dispute-party-name-0').fill('钱多多');
  await form.getByTestId('dispute-party-phone-0').fill('13987650101');
  await form.getByTestId('dispute-party-name-1').fill('孙少少');
  await centre.getByTestId('dispute-register-ok').click();
  await expect(centre.getByTestId('dispute-detail')).toBeVisible();
  await expect(centre.getByTestId('dispute-state')).toHaveText('待受理');
  const code = (await centre.getByTestId('dispute-code').textContent()) ?? '';
  expect(code).toMatch(/^JF\d{15}$/);
  const url = centre.url();
  // The phone number is shown masked.
  await expect(centre.getByTestId('dispute-parties')).toContainText('139****0101');
  await expect(centre.getByTestId('dispute-parties')).not.toContainText('13987650101');

  await act(centre, 'accept', '待分流');

  // 分流: the proposal lists the committees with each mediator's load; the township's needs a reason.
  await act(centre, 'divert', '待指派', async (dialog) => {
    await expect(dialog.getByTestId(`dispute-org-${COMMITTEE}`)).toContainText(/孙调解 在办 \d+ 件/);
    await dialog.getByTestId(`dispute-org-${COMMITTEE}`).click();
    await dialog.getByTestId('dispute-dialog-note').fill('涉及楼栋公共管道，由街道调委会调处');
  });
  await expect(centre.getByTestId('dispute-organisation')).toHaveText(COMMITTEE);
  await act(centre, 'assign', '调解中', async (dialog) => {
    await pickOption(centre, dialog.getByTestId('dispute-dialog-mediator'), '孙调解');
  });
  await expect(centre.getByTestId('dispute-mediator')).toHaveText('孙调解');

  // The mediator on the phone: 我的纠纷 → the dispute → 记录调解 with a photo.
  const phoneCtx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const phone = await phoneCtx.newPage();
  await loginViaUi(phone, 'mediator');
  await phone.goto('/m');
  await expect(phone).toHaveURL(/\/m\/disputes$/);
  await phone.getByTestId(`m-dispute-row-${code}`).click();
  await expect(phone.getByTestId('m-dispute-detail')).toHaveAttribute('data-state', 'mediating');
  await phone.getByTestId('m-dispute-record-session').click();
  const sheet = phone.getByTestId('m-session-sheet');
  await sheet.getByTestId('m-session-place').fill('明德社区调解室');
  await sheet.getByTestId('m-session-others').fill('社区书记 吴某');
  await sheet.getByTestId('m-session-note').fill('双方陈述，现场查看漏水位置，约定三日内再谈');
  await sheet
    .getByTestId('m-session-photos')
    .setInputFiles({ name: 'session.png', mimeType: 'image/png', buffer: PNG });
  await expect(sheet.getByTestId('m-session-photos-thumb')).toHaveCount(1);
  await sheet.getByTestId('m-session-submit').click();
  await expect(sheet).toHaveCount(0);
  const session = phone.getByTestId('m-dispute-history').locator('[data-type="record_session"]');
  await expect(session).toContainText('明德社区调解室');
  await expect(session).toContainText('钱多多');
  await expect(session.locator('img')).toHaveCount(1);
  await phoneCtx.close();

  // 达成协议 at the desk (the mediator), the 30-day window for 司法确认 opening.
  const mediator = await desktop(browser, 'mediator');
  await mediator.goto(url);
  await expect(mediator.getByTestId('dispute-event-5')).toHaveAttribute('data-type', 'record_session');
  await act(mediator, 'agree', '已达成协议', async (dialog) => {
    await dialog.getByTestId('dispute-agree-facts').fill('楼上卫生间防水层老化，漏水致楼下天花板受损');
    await dialog.getByTestId('dispute-agree-term-text-0').fill('孙少少自费修复卫生间防水层');
    const due = dialog.getByTestId('dispute-agree-term-due-0');
    await due.click();
    await due.fill(dayFromToday(20));
    await due.press('Enter');
    await dialog.getByTestId('dispute-agree-add-term').click();
    await dialog.getByTestId('dispute-agree-term-text-1').fill('孙少少赔偿钱多多天花板修复费用 1200 元');
  });
  await expect(mediator.getByTestId('dispute-agreement-terms')).toContainText('孙少少自费修复卫生间防水层');

  // The 人民调解协议书 as a PDF.
  const [download] = await Promise.all([
    mediator.waitForEvent('download'),
    mediator.getByTestId('dispute-agreement-pdf').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`人民调解协议书-${code}.pdf`);
  const pdf = readFileSync((await download.path()) as string);
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(10_000);

  // The signed agreement's scan, back onto the dispute.
  const before = Number(await mediator.getByTestId('dispute-detail').getAttribute('data-version'));
  await mediator.getByTestId('dispute-upload-scan').click();
  const scanDialog = mediator.getByTestId('dispute-dialog-attach_signed_agreement');
  await scanDialog
    .getByTestId('dispute-dialog-scans')
    .locator('input[type=file]')
    .setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: PNG });
  await expect(scanDialog.locator('.ant-upload-list-item')).toHaveCount(1);
  await expect(scanDialog.locator('.ant-upload-list-item-uploading')).toHaveCount(0);
  await mediator.getByTestId('dispute-dialog-ok').click();
  await expect(scanDialog).toHaveCount(0);
  await expect(mediator.getByTestId('dispute-detail')).toHaveAttribute('data-version', String(before + 1));
  await expect(mediator.getByTestId('dispute-scan-photos').locator('img')).toHaveCount(1);
  await expect(mediator.getByTestId('dispute-signed-scans')).toContainText('已签署协议书扫描件');

  // 司法确认: applied for within the window, then the court's ruling.
  await act(mediator, 'apply_confirmation', '司法确认中', async (dialog) => {
    await dialog.getByTestId('dispute-dialog-court').fill('管城回族区人民法院');
  });
  await act(mediator, 'record_confirmation', '履行回访', async (dialog) => {
    await dialog.getByTestId('dispute-dialog-result-confirmed').click();
    await dialog.getByTestId('dispute-dialog-ruling').fill('（2026）豫0104民特88号');
  });
  const ruling = mediator.getByTestId('dispute-timeline').locator('[data-type="record_confirmation"]');
  await expect(ruling).toContainText('裁定确认有效');
  await expect(ruling).toContainText('（2026）豫0104民特88号');

  // The centre's board shows it in its new state.
  await centre.goto('/disputes?tab=all');
  await centre.getByTestId('dispute-filter-q').fill(code);
  await centre.getByTestId('dispute-filter-search').click();
  await expect(centre.getByTestId(`dispute-state-${code}`)).toHaveText('履行回访');
});
