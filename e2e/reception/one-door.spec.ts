import { expect, test, type Page } from '@playwright/test';
import { idCheckChar } from '@gewu/domain';
import { pdfText } from '../../apps/server/test/pdf-text.ts';
import { demoAccount } from '../fixtures/accounts.ts';
import { pickOption, searchTreeNode } from '../fixtures/antd.ts';
import { uniqueName } from '../fixtures/api.ts';
import { menuKeys } from '../fixtures/auth.ts';
import {
  COMMITTEE,
  dayFromToday,
  desktop,
  disputeAct,
  downloadAgreement,
  followOnPhone,
  judicialConfirmation,
  petitionAct,
  phone,
  recordAgreement,
  recordSessionOnPhone,
  uploadSignedScan,
} from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';
import { expectFitsPhone } from '../fixtures/phone.ts';

/*
 * Issue 15, "只进一扇门": what the issue's "Done when" walks, told as one story each.
 * 1. A walk-in registered once at the centre's window and routed to mediation in one step; the centre
 *    opens the dispute from the receipt, accepts it, diverts it to the township's 人民调解委员会 and
 *    assigns its mediator (and files a department's part of it as a case, 转案件); the mediator records a
 *    session on the phone; the agreement is recorded, its 人民调解协议书 printed (parties, terms, dates in
 *    Chinese), the signed scan uploaded, 司法确认 applied for and its ruling recorded. The visitor follows
 *    every stage on a phone with the receipt number and the last four digits, seeing nothing unmasked.
 * 2. A petition registered at the same window (the petition track), accepted, extended with a notice,
 *    answered (its 处理意见书 PDF), 复查 requested and decided — followed the same way.
 */

const idOf = (body: string) => body + idCheckChar(body);

/** A date as the documents print it: 2026年6月5日. */
function chineseDate(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Everything on the visitor's page, which must hold none of `secrets`. */
async function expectNothingUnmasked(m: Page, secrets: readonly string[]): Promise<void> {
  const shown = await m.locator('body').innerText();
  for (const secret of secrets) expect(shown, secret).not.toContain(secret);
  await expectFitsPhone(m);
}

/** The visitor, at the window: the one form's visitor and matter fields. */
async function fillVisitor(
  page: Page,
  visitor: { name: string; phone: string; idNumber: string },
  category: string,
  matter: string,
): Promise<void> {
  await page.getByTestId('visit-name').fill(visitor.name);
  await page.getByTestId('visit-phone').fill(visitor.phone);
  await page.getByTestId('visit-id-number').fill(visitor.idNumber);
  await pickOption(page, page.getByTestId('visit-category'), category);
  await page.getByTestId('visit-matter').fill(matter);
}

/** Submits the desk's form and reads the receipt: its number, and the record opened from its link. */
async function issueReceipt(page: Page, codePattern: RegExp): Promise<string> {
  await page.getByTestId('visit-submit').click();
  await expect(page.getByTestId('receipt-panel')).toBeVisible();
  const receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();
  expect(receiptNumber).toMatch(/^\d{4}-\d{4}-\d{4}$/);
  await expect(page.getByTestId('receipt-record-link')).toHaveText(codePattern);
  return receiptNumber;
}

/** The record's link back to the visit that opened it: 来自综治中心窗口 来访登记 回执 …, opening the visit. */
async function expectFromWindow(page: Page, prefix: string, receiptNumber: string): Promise<void> {
  const link = page.getByTestId(`${prefix}-link-received_at`);
  await expect(link).toContainText('来自综治中心窗口');
  await expect(link).toContainText('来访登记');
  await expect(link.getByTestId(`${prefix}-link-code`)).toHaveText(`回执 ${receiptNumber}`);
}

test('a walk-in routed to mediation at the window, mediated, agreed, printed, confirmed — followed on a phone', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  const visitor = { name: '冯一门', phone: '13911112468', idNumber: idOf('41010419790303002') };
  const other = '卫二楼';
  const last4 = visitor.phone.slice(-4);
  const secrets = [visitor.name, visitor.phone, visitor.idNumber, other, '张受理', '孙调解'];

  // 来访登记: one form, routed to mediation in one step.
  const desk = await desktop(browser, 'dispatcher');
  await desk.getByTestId('menu-reception').click();
  await expect(desk.getByTestId('reception-desk')).toBeVisible();
  await fillVisitor(desk, visitor, '矛盾纠纷', uniqueName('楼上卫生间漏水致楼下天花板受损，多次协商未果'));
  await expect(desk.getByTestId('visit-track-dispute')).toBeChecked();
  await pickOption(desk, desk.getByTestId('visit-dispute-type'), '邻里纠纷');
  await pickOption(desk, desk.getByTestId('visit-dispute-region'), '明德社区');
  await desk.getByTestId('visit-add-party').click();
  await desk.getByTestId('visit-party-name-0').fill(other);
  const receipt = await issueReceipt(desk, /^受理编号 JF\d{15}$/);
  await shot(desk, 'one-door-receipt-desktop');

  // The visitor, on a phone, signed out.
  const m = await phone(browser);
  const follow = async (state: string) => {
    await expect(await followOnPhone(m, receipt, last4)).toHaveText(state);
    await expectNothingUnmasked(m, secrets);
  };
  await follow('已登记，等待受理');
  await shot(m, 'one-door-track-registered-phone');

  // The centre opens the dispute from the receipt; it shows where it came from, and leads back to the visit.
  await desk.getByTestId('receipt-record-link').click();
  await expect(desk.getByTestId('dispute-detail')).toBeVisible();
  const code = (await desk.getByTestId('dispute-code').textContent()) ?? '';
  const disputeUrl = desk.url();
  await expectFromWindow(desk, 'dispute', receipt);
  await expect(desk.getByTestId('dispute-source')).toContainText('来访');
  await desk.getByTestId('dispute-link-code').click();
  await expect(desk.getByTestId('visits-table').locator('tbody tr.ant-table-row')).toHaveCount(1);
  await expect(desk.getByTestId(`visit-record-${receipt}`)).toHaveText(code);
  await desk.getByTestId(`visit-record-${receipt}`).click();
  await expect(desk).toHaveURL(disputeUrl);

  await disputeAct(desk, 'accept', '待分流');
  await follow('已受理，正在安排调解');
  await disputeAct(desk, 'divert', '待指派', async (dialog) => {
    await dialog.getByTestId(`dispute-org-${COMMITTEE}`).click();
    await dialog.getByTestId('dispute-dialog-note').fill('涉及楼栋公共管道，由街道调委会调处');
  });
  await expect(desk.getByTestId('dispute-organisation')).toHaveText(COMMITTEE);
  await follow('已受理，正在安排调解员');
  await disputeAct(desk, 'assign', '调解中', async (dialog) => {
    await pickOption(desk, dialog.getByTestId('dispute-dialog-mediator'), '孙调解');
  });
  await follow('调解中');

  // 转案件: the corridor blocked with building material is the city management's; the dispute goes on.
  await desk.getByTestId('dispute-action-refer_case').click();
  const refer = desk.getByTestId('dispute-refer-dialog');
  await expect(refer.getByTestId('dispute-refer-description')).not.toBeEmpty();
  await expect(refer).toContainText('明德社区');
  await searchTreeNode(desk, refer.getByTestId('dispute-refer-item'), '01002', '乱堆物堆料');
  await refer.getByTestId('dispute-refer-description').fill('楼道公共区域堆放装修建材，影响通行和管道检修');
  await refer.getByTestId('dispute-refer-note').fill('堆物属城管执法事项，转受理队列派遣');
  await shot(desk, 'one-door-refer-case-desktop');
  await desk.getByTestId('dispute-refer-ok').click();
  await expect(refer).toHaveCount(0);
  const caseLink = desk.getByTestId('dispute-link-referred_to');
  await expect(caseLink).toContainText('已转案件');
  await expect(caseLink.getByTestId('dispute-link-code')).toHaveText(/^\d{4}/);
  await expect(desk.getByTestId('dispute-state')).toHaveText('调解中');
  await shot(desk, 'one-door-dispute-desktop');
  const caseCode = (await caseLink.getByTestId('dispute-link-code').textContent()) ?? '';
  await caseLink.getByTestId('dispute-link-code').click();
  await expect(desk.getByTestId('case-code')).toHaveText(caseCode);
  await expect(desk.getByTestId('case-link-referred_from')).toContainText(code);
  await desk.goto(disputeUrl);

  // The mediator: the menu leads to their disputes (消息 too, without case.read), the phone to 我的纠纷.
  const mediator = await desktop(browser, 'mediator');
  expect(await menuKeys(mediator)).toEqual(demoAccount('mediator').menu);
  await mediator.getByTestId('home-my-disputes').click();
  await expect(mediator).toHaveURL(/\/disputes$/);
  await expect(mediator.getByTestId('dispute-tab-mine')).toBeVisible();
  await mediator.getByTestId(`dispute-row-${code}`).click();
  await expect(mediator.getByTestId('dispute-code')).toHaveText(code);
  // The mediator does not read the centre's visits: the dispute came from the window, the receipt is not theirs.
  await expect(mediator.getByTestId('dispute-link-received_at')).toContainText('（您无权查看该记录）');
  await expect(mediator.getByTestId('dispute-detail')).not.toContainText(receipt);
  await mediator.getByTestId('menu-inbox').click();
  await expect(mediator.getByTestId('inbox')).toBeVisible();
  await shot(mediator, 'one-door-mediator-inbox-desktop');

  const mediatorPhone = await phone(browser, 'mediator');
  await recordSessionOnPhone(mediatorPhone, code, visitor.name);
  await shot(mediatorPhone, 'one-door-mediator-session-phone');
  await mediatorPhone.context().close();
  await follow('调解中');

  // 达成协议, the 人民调解协议书 with the parties, the terms and the dates in Chinese.
  await mediator.goto(disputeUrl);
  const due = dayFromToday(15);
  await recordAgreement(mediator, '楼上卫生间防水层老化，漏水致楼下天花板受损', [
    { text: `${other}自费修复卫生间防水层`, dueInDays: 15 },
    { text: `${other}赔偿${visitor.name}天花板修复费用八百元` },
  ]);
  await follow('已达成调解协议');
  const text = await pdfText(await downloadAgreement(mediator, code));
  for (const line of [
    '人民调解协议书',
    `当事人（甲方）：${visitor.name}`,
    `当事人（乙方）：${other}`,
    '楼上卫生间防水层老化，漏水致楼下天花板受损',
    `一、${other}自费修复卫生间防水层（履行期限：${chineseDate(due)}前）。`,
    `二、${other}赔偿${visitor.name}天花板修复费用八百元`,
    `${COMMITTEE}${chineseDate(dayFromToday(0))}`,
  ])
    expect(text, line).toContain(line);

  await uploadSignedScan(mediator);
  await judicialConfirmation(mediator, '管城回族区人民法院', '（2026）豫0104民特101号');
  await follow('协议履行中');
  await shot(mediator, 'one-door-dispute-agreed-desktop');
  await shot(m, 'one-door-track-performing-phone');
  await m.context().close();
  await mediator.context().close();
  await desk.context().close();
});

test('a petition registered at the window, accepted, extended, answered, reviewed — followed on a phone', async ({
  browser,
}) => {
  test.setTimeout(480_000);
  const visitor = { name: '韩一门', phone: '13922223579', idNumber: idOf('41010419700707003') };
  const last4 = visitor.phone.slice(-4);
  const secrets = [visitor.name, visitor.phone, visitor.idNumber, '张受理', '格物街道城建办'];

  const desk = await desktop(browser, 'dispatcher');
  await desk.getByTestId('menu-reception').click();
  await fillVisitor(desk, visitor, '信访诉求', uniqueName('明德路排水沟堵塞，雨天污水漫溢，反映多次未解决'));
  // The category proposes the petition track, with its own fields.
  await expect(desk.getByTestId('visit-track-petition')).toBeChecked();
  await pickOption(desk, desk.getByTestId('visit-petition-region'), '明德社区');
  await pickOption(desk, desk.getByTestId('visit-petition-matter-type'), '城乡建设');
  await desk.getByTestId('visit-petition-respondent').fill('格物街道城建办');
  await desk.getByTestId('visit-petition-object').fill(uniqueName('明德路排水沟'));
  await shot(desk, 'one-door-desk-petition-desktop');

  // The same form on a phone-sized screen, the petition track showing.
  const deskPhone = await phone(browser, 'dispatcher');
  await deskPhone.goto('/reception');
  await fillVisitor(deskPhone, visitor, '信访诉求', '明德路排水沟堵塞');
  await expect(deskPhone.getByTestId('visit-petition-respondent')).toBeVisible();
  await shot(deskPhone, 'one-door-desk-petition-phone');
  await deskPhone.context().close();

  const receipt = await issueReceipt(desk, /^受理编号 XF\d{15}$/);
  const m = await phone(browser);
  const follow = async (state: string) => {
    await expect(await followOnPhone(m, receipt, last4)).toHaveText(state);
    await expectNothingUnmasked(m, secrets);
  };
  await follow('已登记，15日内告知是否受理');

  await desk.getByTestId('receipt-record-link').click();
  await expect(desk.getByTestId('petition-detail')).toBeVisible();
  await expect(desk.getByTestId('petition-state')).toHaveText('待受理');
  await expectFromWindow(desk, 'petition', receipt);

  await petitionAct(desk, 'intake', async (dialog) => {
    await expect(dialog.getByTestId('petition-route-preview')).toContainText('受理');
  });
  await expect(desk.getByTestId('petition-state')).toHaveText('办理中');
  await follow('已受理，办理中');

  await petitionAct(desk, 'extend', async (dialog) => {
    await dialog.getByTestId('petition-reason').fill('需会同区住建局核查管网产权');
  });
  await expect(desk.getByTestId('petition-limit')).toHaveText('90 日');
  await expect(desk.getByTestId('petition-notice-extension')).toContainText('延长 30 日');
  await follow('已受理，办理中');

  await petitionAct(desk, 'reply', async (dialog) => {
    await dialog.getByTestId('petition-facts').fill('经查，排水沟被建筑垃圾堵塞。');
    await dialog.getByTestId('petition-opinion').fill('街道城建办于十日内清淤并加装格栅。');
    await dialog.getByTestId('petition-basis').fill('《城镇排水与污水处理条例》');
  });
  await expect(desk.getByTestId('petition-state')).toHaveText('已答复');
  const reply = await desk.request.get((await desk.getByTestId('petition-reply-pdf').getAttribute('href')) as string);
  expect(reply.headers()['content-type']).toBe('application/pdf');
  const replyText = await pdfText(await reply.body());
  for (const line of [
    '经查，排水沟被建筑垃圾堵塞。',
    '街道城建办于十日内清淤并加装格栅。',
    chineseDate(dayFromToday(0)),
  ])
    expect(replyText, line).toContain(line);
  await follow('已出具处理意见');

  await petitionAct(desk, 'request_review');
  await expect(desk.getByTestId('petition-state')).toHaveText('复查中');
  await follow('复查办理中');
  await petitionAct(desk, 'decide_review', async (dialog) => {
    await dialog.getByTestId('petition-facts').fill('经复查，原处理意见事实清楚。');
    await dialog.getByTestId('petition-opinion').fill('维持原处理意见。');
    await dialog.getByTestId('petition-basis').fill('《信访工作条例》');
  });
  await expect(desk.getByTestId('petition-state')).toHaveText('已复查');
  await follow('已出具复查意见');
  await shot(desk, 'one-door-petition-desktop');
  await shot(m, 'one-door-track-reviewed-phone');
  await m.context().close();
  await desk.context().close();
});
