import { expect, test } from '@playwright/test';
import { pickOption, pickTreeNode } from '../fixtures/antd.ts';
import { uniqueName } from '../fixtures/api.ts';
import {
  COMMITTEE,
  desktop,
  disputeAct as act,
  downloadAgreement,
  judicialConfirmation,
  phone,
  recordAgreement,
  recordSessionOnPhone,
  uploadSignedScan,
} from '../fixtures/desk.ts';

/*
 * Issue 15, the dispute screens end to end: the centre registers a walk-in dispute on the board,
 * accepts it, diverts it to the township's people's mediation committee (the proposal shows each
 * mediator's load) and assigns its mediator; the mediator records a session on the phone with a photo;
 * back at the desk the agreement is recorded, its 人民调解协议书 downloaded as a PDF, the signed scan
 * uploaded, and 司法确认 applied for and its ruling recorded.
 */

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
  const m = await phone(browser, 'mediator');
  await recordSessionOnPhone(m, code, '钱多多');
  await m.context().close();

  // 达成协议 at the desk (the mediator), the 30-day window for 司法确认 opening.
  const mediator = await desktop(browser, 'mediator');
  await mediator.goto(url);
  await expect(mediator.getByTestId('dispute-event-5')).toHaveAttribute('data-type', 'record_session');
  await recordAgreement(mediator, '楼上卫生间防水层老化，漏水致楼下天花板受损', [
    { text: '孙少少自费修复卫生间防水层', dueInDays: 20 },
    { text: '孙少少赔偿钱多多天花板修复费用 1200 元' },
  ]);

  // The 人民调解协议书 as a PDF.
  const pdf = await downloadAgreement(mediator, code);
  expect(pdf.length).toBeGreaterThan(10_000);

  // The signed agreement's scan, back onto the dispute.
  await uploadSignedScan(mediator);

  // 司法确认: applied for within the window, then the court's ruling.
  await judicialConfirmation(mediator, '管城回族区人民法院', '（2026）豫0104民特88号');

  // The centre's board shows it in its new state.
  await centre.goto('/disputes?tab=all');
  await centre.getByTestId('dispute-filter-q').fill(code);
  await centre.getByTestId('dispute-filter-search').click();
  await expect(centre.getByTestId(`dispute-state-${code}`)).toHaveText('履行回访');
});
