import { expect, test } from '@playwright/test';
import { idCheckChar } from '@gewu/domain';
import { loginViaUi } from '../fixtures/auth.ts';
import { apiLogin } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { expectFitsPhone } from '../fixtures/phone.ts';

/*
 * Issue 15 point 1: a walk-in visitor is registered once at the centre's window and routed to
 * mediation in one step; the receipt is shown and printable; the visitor then follows the progress on
 * a phone-sized page with the receipt number and the last four digits of their phone — no sign-in,
 * and nothing unmasked on the page.
 */

const SHOTS = process.env.GEWU_SHOTS_DIR;
const ID_BODY = '41010419880615001';
const VISITOR = { name: '吴来访', phone: '13912345678', idNumber: ID_BODY + idCheckChar(ID_BODY) };
const OTHER_PARTY = '郑邻居';

test('a walk-in routed to mediation at the desk, followed on a phone with the receipt number', async ({
  browser,
  baseURL,
}) => {
  const desk = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await desk.newPage();
  await loginViaUi(page, 'dispatcher');
  await page.getByTestId('menu-reception').click();
  await expect(page.getByTestId('reception-desk')).toBeVisible();

  // One form: the visitor, the matter, the track with its fields.
  await page.getByTestId('visit-name').fill(VISITOR.name);
  await page.getByTestId('visit-phone').fill(VISITOR.phone);
  await page.getByTestId('visit-id-number').fill(VISITOR.idNumber);
  await pickOption(page, page.getByTestId('visit-category'), '矛盾纠纷');
  await page.getByTestId('visit-matter').fill('楼上住户装修漏水，多次协商未果');
  // The category proposes its track: mediation.
  await expect(page.getByTestId('visit-track-dispute')).toBeChecked();
  await expect(page.getByTestId('visit-track-petition')).toBeEnabled();
  await pickOption(page, page.getByTestId('visit-dispute-type'), '邻里纠纷');
  await pickOption(page, page.getByTestId('visit-dispute-region'), '明德社区');
  await page.getByTestId('visit-add-party').click();
  await page.getByTestId('visit-party-name-0').fill(OTHER_PARTY);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desk-form-1440.png`, fullPage: true });
  await page.getByTestId('visit-submit').click();

  // The receipt: its number, the dispute it opened, and the PDF to print.
  await expect(page.getByTestId('receipt-panel')).toBeVisible();
  const receiptNumber = (await page.getByTestId('receipt-number').innerText()).trim();
  expect(receiptNumber).toMatch(/^\d{4}-\d{4}-\d{4}$/);
  await expect(page.getByTestId('receipt-panel')).toContainText('矛盾纠纷调解');
  await expect(page.getByTestId('receipt-panel')).toContainText('受理编号 JF');
  const href = await page.getByTestId('receipt-print').getAttribute('href');
  const pdf = await page.request.get(href ?? '');
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/desk-receipt-1440.png`, fullPage: true });

  // The centre's visits list shows it, the visitor masked, waiting for acceptance.
  const row = page.getByTestId('visits-table').locator('tr', { hasText: receiptNumber });
  await expect(row).toContainText('吴**');
  await expect(row).toContainText('已登记，等待受理');
  await expect(row).not.toContainText(VISITOR.name);

  // The visitor, on a phone, without signing in.
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const m = await phone.newPage();
  await m.goto('/m/track');
  await expect(m.getByTestId('track-form')).toBeVisible();
  if (SHOTS) await m.screenshot({ path: `${SHOTS}/track-form-390.png`, fullPage: true });
  // Wrong digits first: the page says nothing found, and tells nothing more.
  await m.getByTestId('track-receipt').fill(receiptNumber);
  await m.getByTestId('track-last4').fill('0000');
  await m.getByTestId('track-submit').click();
  await expect(m.getByTestId('track-error')).toHaveText('未查到办理进度，请核对回执编号和手机号后四位');
  await m.getByTestId('track-last4').fill(VISITOR.phone.slice(-4));
  await m.getByTestId('track-submit').click();
  await expect(m.getByTestId('track-result')).toBeVisible();
  await expect(m.getByTestId('track-state')).toHaveText('已登记，等待受理');
  await expect(m.getByTestId('track-result')).toContainText('纠纷调解');
  await expect(m.getByTestId('track-result')).toContainText('格物街道综治中心');
  await expect(m.getByTestId('track-result')).toContainText('吴**');
  const shown = await m.locator('body').innerText();
  for (const secret of [VISITOR.name, VISITOR.phone, VISITOR.idNumber, OTHER_PARTY, '张受理'])
    expect(shown, secret).not.toContain(secret);
  // The page fits the phone: no sideways scrolling.
  await expectFitsPhone(m);
  if (SHOTS) await m.screenshot({ path: `${SHOTS}/track-result-390.png`, fullPage: true });

  // The centre accepts the dispute; the visitor sees it move.
  const centre = await apiLogin(baseURL!, 'dispatcher');
  try {
    const visits = await centre.get<{ items: { receiptNumber: string; trackRecordId: string }[] }>(
      `/api/reception/visits?q=${receiptNumber}`,
    );
    const disputeId = visits.items[0]!.trackRecordId;
    const d = await centre.get<{ version: number }>(`/api/disputes/${disputeId}`);
    await centre.post(`/api/disputes/${disputeId}/actions`, { action: 'accept', version: d.version });
  } finally {
    await centre.dispose();
  }
  await m.getByTestId('track-again').click();
  await m.getByTestId('track-receipt').fill(receiptNumber.replaceAll('-', ''));
  await m.getByTestId('track-last4').fill(VISITOR.phone.slice(-4));
  await m.getByTestId('track-submit').click();
  await expect(m.getByTestId('track-state')).toHaveText('已受理，正在安排调解');
  await phone.close();
  await desk.close();
});
