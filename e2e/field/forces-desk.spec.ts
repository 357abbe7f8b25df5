import { expect, test, type Page } from '@playwright/test';
import { apiLogin, createUserViaApi, uniqueName } from '../fixtures/api.ts';
import { pickOption } from '../fixtures/antd.ts';
import { loginViaUi } from '../fixtures/auth.ts';
import { spotInGrid } from '../fixtures/cases.ts';
import { desktop, phone } from '../fixtures/desk.ts';
import { shot } from '../fixtures/shots.ts';

/*
 * 群防群治 on the township centre's desk (issue 17 points 5–6): the dispatcher sets up a team, adds a
 * member, reveals the member's phone (the auditor finds the reveal in the audit log), publishes an
 * activity, and approves a volunteer registration a resident made on the API. Everything happens in
 * 修身村 with a resident made for this test, so the demo resident of 明德社区 (volunteer.spec.ts) gets
 * no registration, notification or activity from it, and nothing is left pending.
 */

/** 修身村, a village of the dispatcher's township that is not the demo resident's. */
const XIUSHEN = '410104001201';
const XIUSHEN_NAME = '修身村';

/** A valid 18-digit identity number (GB 11643 check character) from a 17-digit body. */
function idNumber(body: string): string {
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((n, d, i) => n + Number(d) * (w[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}

/**
 * The approved volunteer reports litter (a claimable item) in 修身村 and claims it: the desk then lists a
 * case being handled by a volunteer. It stays claimed in 修身村, out of every other spec's lists.
 */
async function claimLitter(baseURL: string, username: string): Promise<string> {
  const spot = await spotInGrid(baseURL, `${XIUSHEN}001`);
  const s = await apiLogin(baseURL, username, 'Second@2026b');
  try {
    const c = await s.post<{ id: string; version: number }>('/api/cases', {
      itemCode: '01001',
      description: '村委会门口有人乱扔垃圾',
      location: { lon: spot.longitude, lat: spot.latitude },
      attachmentIds: [],
      idempotencyKey: crypto.randomUUID(),
    });
    const claimed = await s.post<{ id: string; state: string }>('/api/forces/claims', {
      caseId: c.id,
      version: c.version,
      idempotencyKey: crypto.randomUUID(),
    });
    expect(claimed.state).toBe('claimed');
    return c.id;
  } finally {
    await s.dispose();
  }
}

/** A unique 11-digit mobile number (139…). */
const mobile = () => `139${String(Date.now()).slice(-8)}`;

/** A resident of 修身村 made for this test, past the first-login password change, registered as a volunteer. */
async function volunteerRegistration(baseURL: string): Promise<{ id: string; name: string; username: string }> {
  const username = uniqueName('fd_res_');
  const name = uniqueName('志愿者');
  await createUserViaApi(baseURL, {
    username,
    displayName: name,
    password: 'First@2026a',
    regionCode: XIUSHEN,
    roles: ['resident'],
  });
  const first = await apiLogin(baseURL, username, 'First@2026a');
  await first.post('/api/auth/password', { currentPassword: 'First@2026a', newPassword: 'Second@2026b' });
  await first.dispose();
  const s = await apiLogin(baseURL, username, 'Second@2026b');
  try {
    const v = await s.post<{ id: string; state: string }>('/api/forces/volunteers', { skills: '会急救、懂电工' });
    expect(v.state).toBe('pending');
    return { id: v.id, name, username };
  } finally {
    await s.dispose();
  }
}

async function openForces(page: Page, key: 'forcesTeams' | 'forcesVolunteers' | 'forcesActivities' | 'forcesClaims') {
  const entry = page.getByTestId(`menu-${key}`);
  if (!(await entry.isVisible())) await page.getByTestId('menu-group-forces').click();
  await entry.click();
}

test('the centre keeps a team and its member (audited reveal), publishes an activity and approves a volunteer', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const page = await desktop(browser, 'dispatcher');

  // 群防队伍: a new patrol team of 修身村.
  const team = uniqueName('修身村平安巡防队');
  await openForces(page, 'forcesTeams');
  await expect(page.getByTestId('teams-table')).toBeVisible();
  await page.getByTestId('team-new').click();
  await pickOption(page, page.getByTestId('team-region'), XIUSHEN_NAME);
  await pickOption(page, page.getByTestId('team-kind'), '平安巡防队');
  await page.getByTestId('team-name').fill(team);
  await page.getByTestId('team-save').click();
  const row = page.getByTestId('teams-table').locator('tr', { hasText: team });
  await expect(row).toContainText('平安巡防队');
  await expect(row).toContainText(XIUSHEN_NAME);
  await expect(row.locator('td').nth(3)).toHaveText('0');

  // A member: the numbers are shown masked.
  const phoneNo = mobile();
  const id = idNumber('41010419850315123');
  await row.getByRole('button', { name: '队员' }).click();
  await page.getByTestId('member-name').fill('赵巡防');
  await page.getByTestId('member-duty').fill('队长');
  await page.getByTestId('member-phone').fill(phoneNo);
  await page.getByTestId('member-id').fill(id);
  await page.getByTestId('member-add').click();
  const members = page.getByTestId('members-table');
  const member = members.locator('tr', { hasText: '赵巡防' });
  await expect(member).toContainText(`${phoneNo.slice(0, 3)}****${phoneNo.slice(-4)}`);
  await expect(members).not.toContainText(phoneNo);
  await expect(members).not.toContainText(id);
  await shot(page, 'forces-desk-members');

  // The audited reveal: a reason first, then the full number once.
  await member.locator('[data-testid^="member-reveal-phone-"]').click();
  await page.getByTestId('reveal-reason').fill('联系队员安排夜间巡防');
  await page.getByTestId('reveal-submit').click();
  await expect(page.getByTestId('reveal-value')).toContainText(phoneNo);
  await page.getByTestId('reveal-submit').click();
  await expect(page.getByTestId('reveal-value')).toHaveCount(0);

  // A second member is added by mistake and removed (the numbers go with the row).
  await page.getByTestId('member-name').fill('钱临时');
  await page.getByTestId('member-add').click();
  const extra = members.locator('tr', { hasText: '钱临时' });
  await extra.locator('[data-testid^="member-remove-"]').click();
  await page.getByTestId('member-remove-ok').click();
  await expect(extra).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(row.locator('td').nth(3)).toHaveText('1');

  // The team is renamed: 一村一警 (the kind) and a new name; its member stays.
  const renamed = uniqueName('修身村警务室');
  await row.locator('[data-testid^="team-edit-"]').click();
  await pickOption(page, page.getByTestId('team-kind'), '一村一警');
  await page.getByTestId('team-name').fill(renamed);
  await page.getByTestId('team-save').click();
  const edited = page.getByTestId('teams-table').locator('tr', { hasText: renamed });
  await expect(edited.locator('td').nth(1)).toHaveText('一村一警');
  await expect(edited.locator('td').nth(3)).toHaveText('1');

  // 巡防与志愿活动: published with a place (name, point on the map or typed), time and capacity.
  const title = uniqueName('修身村周末巡防');
  await openForces(page, 'forcesActivities');
  await page.getByTestId('activity-new').click();
  await pickOption(page, page.getByTestId('activity-kind'), '巡防值班');
  await page.getByTestId('activity-title').fill(title);
  await pickOption(page, page.getByTestId('activity-region'), XIUSHEN_NAME);
  await page.getByTestId('activity-place').fill('修身村村委会门口');
  await page.getByTestId('location-picker').click();
  await expect(page.getByTestId('activity-lon')).not.toHaveValue('');
  await page.getByTestId('activity-lon').fill('113.7081');
  await page.getByTestId('activity-lat').fill('34.7352');
  const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const start = page.getByRole('dialog').getByPlaceholder('开始时间');
  await start.click();
  await start.fill(`${day} 19:00`);
  await start.press('Enter');
  const end = page.getByRole('dialog').getByPlaceholder('结束时间');
  await end.fill(`${day} 22:00`);
  await end.press('Enter');
  await expect(end).toHaveValue(`${day} 22:00`);
  await page.getByTestId('activity-capacity').fill('8');
  await shot(page, 'forces-desk-publish');
  await page.getByTestId('activity-save').click();
  const activity = page.getByTestId('activities-table').locator('tr', { hasText: title });
  await expect(activity).toContainText('修身村村委会门口');
  await expect(activity).toContainText(`${day} 19:00`);
  await expect(activity).toContainText('0 / 8');
  await activity.locator('.ant-table-row-expand-icon').click();
  await expect(page.getByText('尚无报名')).toBeVisible();
  await shot(page, 'forces-desk-activities');

  // 志愿者: a resident registered (on the API); the centre approves on the page.
  const v = await volunteerRegistration(baseURL ?? '');
  await openForces(page, 'forcesVolunteers');
  const pending = page.getByTestId('volunteers-pending').locator('tr', { hasText: v.name });
  await expect(pending).toContainText('会急救');
  await shot(page, 'forces-desk-volunteers');
  await page.getByTestId(`volunteer-approve-${v.id}`).click();
  await expect(pending).toHaveCount(0);
  const approved = page.getByTestId('volunteers-roster').locator('tr', { hasText: v.name });
  await expect(approved).toContainText('已通过');
  await expect(approved).toContainText('0.0');

  // 市民认领: the approved volunteer claims litter; the desk lists it with the volunteer, linked to the case.
  const caseId = await claimLitter(baseURL ?? '', v.username);
  await openForces(page, 'forcesClaims');
  const claim = page.getByTestId('claims-table').locator('tr', { hasText: v.name });
  await expect(claim).toContainText('认领处置中');
  await expect(claim).toContainText('暴露垃圾');
  await shot(page, 'forces-desk-claims');
  await page.getByTestId(`claim-open-${caseId}`).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await page.context().close();

  // The auditor finds the reveal in the audit log: who, which member, the reason, never the number.
  const auditor = await desktop(browser, 'auditor');
  await auditor.getByTestId('menu-audit').click();
  await auditor.getByTestId('audit-filter-action').fill('forces.member_reveal');
  await auditor.getByTestId('audit-search').click();
  const entry = auditor.getByTestId('audit-table').locator('tbody tr.ant-table-row').first();
  await expect(entry).toContainText('forces.member_reveal');
  await expect(entry).toContainText('dispatcher');
  await entry.locator('.ant-table-row-expand-icon').click();
  await expect(auditor.getByTestId('audit-table')).toContainText('联系队员安排夜间巡防');
  await expect(auditor.getByTestId('audit-table')).not.toContainText(phoneNo);
  await auditor.context().close();
});

test('the desk on a phone-sized screen: the teams page still reads', async ({ browser }) => {
  const m = await phone(browser);
  await loginViaUi(m, 'dispatcher');
  await m.goto('/forces/teams');
  await expect(m.getByTestId('teams-table')).toBeVisible();
  await shot(m, 'forces-desk-teams-phone');
  await m.goto('/forces/volunteers');
  await expect(m.getByTestId('volunteers-roster')).toBeVisible();
  await shot(m, 'forces-desk-volunteers-phone');
  await m.context().close();
});
