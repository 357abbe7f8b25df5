import { type PetitionEventRecord, idCheckChar, replayPetition } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { pdfText } from '../../../test/pdf-text.ts';

/*
 * The whole petition (信访) flow over HTTP, on the 《信访工作条例》 clocks: a letter received on Sunday
 * 2026-02-01 across the Spring Festival → 包案 → accepted on its 15th day → extended by 30 days with a
 * leader's approval and a notice → a hearing → the written reply (处理意见书 PDF) → a 复查 request on the
 * last day of its window (and one the day after, refused) → the 复查 opinion (复查意见书 PDF) → 复核 →
 * its opinion. Every expected date was counted by hand (民法典 arts. 201/203; holidays.ts 2026).
 */

let t: TestApp;
let dispatcher: Session;
let leader: Session;
let mingdeId: string;

const ID_A = (() => {
  const body = '41010419700315002';
  return body + idCheckChar(body);
})();
const PHONE_A = '13912340001';
const TOWNSHIP = '/41/4101/410104/410104001/';

/** Beijing wall time → instant. */
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
let logins = 0;
const signedIn = (username: string) => login(t.app, username, undefined, `10.41.${++logins % 250}.${logins % 7}`);

/** Sets the test clock to a Beijing wall time and signs in again (sessions idle out). */
async function on(local: string) {
  t.clock.set(at(local));
  dispatcher = await signedIn('dispatcher');
  leader = await signedIn('leader');
}

beforeAll(async () => {
  t = await createTestApp();
  mingdeId = await regionIdByCode(t.database, '410104001001');
});
afterAll(async () => {
  await t.close();
});

async function call(s: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
}
async function detail(s: Session, id: string) {
  const res = await call(s, 'GET', `/api/petitions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(s: Session, id: string, action: string, more: object = {}) {
  const { version } = await detail(s, id);
  return call(s, 'POST', `/api/petitions/${id}/actions`, { action, version, ...more });
}
async function ok(s: Session, id: string, action: string, more: object = {}) {
  const res = await act(s, id, action, more);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
async function notices(id: string) {
  return queryRows<{ kind: string; user_id: string | null; role: string | null; region_path: string | null }>(
    t.database.db,
    sql`SELECT kind, user_id, role, region_path FROM notifications WHERE subject_kind = 'petition' AND subject_id = ${id} ORDER BY id`,
  );
}
const opinionText = {
  facts: '经调查，明德社区三组宅基地征收安置补偿款已核定，因账户信息有误未能按期拨付。',
  opinion: '街道征收办于 2026 年 6 月 10 日前将安置补偿款 8.6 万元拨付至信访人账户。',
  basis: '《国有土地上房屋征收与补偿条例》第二十七条',
};

describe('the petition flow: register → 包案 → accept → extend → hearing → reply → 复查 → 复核', () => {
  it('runs end to end on the statutory clocks, with the notices, the opinions as PDFs and the record', async () => {
    await on('2026-02-01 09:00');
    const created = await call(dispatcher, 'POST', '/api/petitions', {
      channel: 'letter',
      regionId: mingdeId,
      summary: '反映明德社区三组宅基地征收安置补偿款迟迟未发放，请求尽快发放',
      matterType: 'land_expropriation',
      respondent: '格物街道征收办',
      subjectObject: '明德社区三组宅基地',
      petitioners: [{ name: '钱满仓', idNumber: ID_A, phone: PHONE_A, address: '明德社区三组 12 号' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const p = created.json();
    expect(p.code).toMatch(/^XF20260201\d{7}$/);
    expect([p.state, p.collective, p.repeatOfId, p.refilingProposed]).toEqual(['registered', false, null, false]);

    // The 15 days run from the day after receipt; day 15 (02-16) falls in the Spring Festival → Tue 02-24.
    let view = await detail(dispatcher, p.id);
    expect([view.stage, view.stageLastDay, view.stageDeadline, view.light, view.actions]).toEqual([
      'intake',
      '2026-02-24',
      '2026-02-24T16:00:00.000Z',
      'green',
      ['intake'],
    ]);
    expect(view.stageLimit).toMatchObject({ amount: 15, unit: 'natural_days' });
    expect(view.stageLimit.source).toContain('第二十二条');
    // The centre sees the petitioner's name; numbers are masked for everyone, and leaders see the name masked.
    expect(view.petitioners).toEqual([
      {
        id: expect.any(String),
        name: '钱满仓',
        nameMasked: '钱**',
        gender: 'female',
        idMasked: '4101************20',
        phoneMasked: '139****0001',
        address: '明德社区三组 12 号',
      },
    ]);
    const seen = await detail(leader, p.id);
    expect([seen.petitioners[0].name, seen.petitioners[0].address, seen.actions]).toEqual([null, null, ['take']]);
    expect(JSON.stringify(seen)).not.toContain(ID_A);

    // 领导包案: the leader takes it; the centre is told.
    view = await ok(leader, p.id, 'take');
    expect(view.leader).toEqual({ id: leader.userId, name: '周书记' });
    expect(await notices(p.id)).toEqual([
      { kind: 'petition.take', user_id: null, role: 'dispatcher', region_path: TOWNSHIP },
    ]);

    // Accepted on the last day: the 60 days run to Sat 04-25 → Mon 04-27.
    await on('2026-02-24 10:00');
    view = await ok(dispatcher, p.id, 'intake', { findings: {} });
    expect([view.state, view.stage, view.stageLastDay, view.intake.route, view.intake.late]).toEqual([
      'accepted',
      'handling',
      '2026-04-27',
      'accept',
      false,
    ]);
    expect(view.notices).toEqual([
      expect.objectContaining({ kind: 'intake', noticeKey: 'petitions.notices.accepted', issuedOn: '2026-02-24' }),
    ]);
    // The centre is offered the leaders over the place to approve an extension.
    expect(view.approvers).toEqual([{ id: leader.userId, name: '周书记' }]);

    // Extended by 30 days, approved by the leader, the reason told in writing: day 90 is Mon 05-25.
    await on('2026-04-20 09:00');
    view = await ok(dispatcher, p.id, 'extend', {
      days: 30,
      reason: '涉及征收补偿资金调拨，需市级部门会签',
      approverUserId: leader.userId,
    });
    expect([view.stageLastDay, view.extensionDays, view.stageLimit.amount]).toEqual(['2026-05-25', 30, 90]);
    expect(view.notices[1]).toEqual({
      seq: 4,
      kind: 'extension',
      noticeKey: 'petitions.notices.extension',
      issuedOn: '2026-04-20',
      destination: null,
      reason: '涉及征收补偿资金调拨，需市级部门会签',
      days: 30,
      newLastDay: '2026-05-25',
      approvedBy: '周书记',
    });
    expect((await notices(p.id)).at(-1)).toEqual({
      kind: 'petition.extend',
      user_id: leader.userId,
      role: null,
      region_path: null,
    });

    // A hearing on Wed 05-20 (14:00–16:00): that day is not counted → Tue 05-26.
    await on('2026-05-20 17:00');
    view = await ok(dispatcher, p.id, 'record_hearing', {
      start: '2026-05-20T14:00:00+08:00',
      end: '2026-05-20T16:00:00+08:00',
      place: '格物街道信访接待室',
    });
    expect([view.stageLastDay, view.excludedDays, view.hearings.length]).toEqual(['2026-05-26', ['2026-05-20'], 1]);

    // The written reply, handed over the same day: the 复查 window runs 30 days → Sun 06-21 (端午) → Mon 06-22.
    await on('2026-05-22 16:00');
    view = await ok(dispatcher, p.id, 'reply', opinionText);
    expect([view.state, view.stage, view.windowLastDay, view.documents]).toEqual([
      'answered',
      null,
      '2026-06-22',
      { handling: true, review: false, reexamination: false },
    ]);
    expect(view.reply).toMatchObject({
      body: '格物街道办事处',
      reviewBody: '管城回族区人民政府',
      date: '2026-05-22',
      deliveredOn: '2026-05-22',
    });
    expect(view.reply.number).toMatch(/^〔2026〕格物访字第\d+号$/);

    const pdf = await call(dispatcher, 'GET', `/api/petitions/${p.id}/opinion.pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    const text = await pdfText(pdf.rawPayload);
    for (const s of [
      '信访事项处理意见书',
      '信访人：钱满仓',
      '性别：女',
      '住址：明德社区三组12号',
      '钱满仓于2026年2月1日以来信方式向本机关提出信访事项。本机关于2026年2月24日依法受理。',
      '反映明德社区三组宅基地征收安置补偿款迟迟未发放',
      '于2026年6月10日前将安置补偿款8.6万元拨付至信访人账户',
      '《国有土地上房屋征收与补偿条例》第二十七条',
      '可以自收到本意见书之日起30日内，向管城回族区人民政府请求复查',
      '格物街道办事处',
      '2026年5月22日',
      view.reply.number,
    ])
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    expect(text).not.toContain(ID_A);
    // The leader who took it may print it too.
    expect((await call(leader, 'GET', `/api/petitions/${p.id}/opinion.pdf`)).statusCode).toBe(200);

    // A 复查 request received the day after the window's last day is refused, and nothing changes.
    await on('2026-06-23 09:00');
    const late = await act(dispatcher, p.id, 'request_review', { receivedOn: '2026-06-23' });
    expect([late.statusCode, late.json().code, late.json().message]).toEqual([
      422,
      'petition.review_window_passed',
      '已超过收到书面答复之日起30日的复查请求期限（最后一日为2026-06-22）',
    ]);
    expect((await detail(dispatcher, p.id)).version).toBe(view.version);
    // One received on the last day is in time: the 复查 opinion is due 30 days after it → Wed 07-22.
    view = await ok(dispatcher, p.id, 'request_review', { receivedOn: '2026-06-22' });
    expect([view.state, view.stage, view.stageLastDay, view.reviewRequestedOn]).toEqual([
      'reviewing',
      'reviewDecision',
      '2026-07-22',
      '2026-06-22',
    ]);

    await on('2026-07-21 10:00');
    view = await ok(dispatcher, p.id, 'decide_review', {
      outcome: 'upheld',
      facts: '经复查，原处理意见认定事实清楚，补偿款已于 6 月 9 日拨付。',
      opinion: '维持格物街道办事处的处理意见。',
      basis: '《信访工作条例》',
    });
    // The 复核 window: 30 days from receipt on Tue 07-21 → Thu 08-20.
    expect([view.state, view.review.outcome, view.review.reviewBody, view.windowLastDay]).toEqual([
      'reviewed',
      'upheld',
      '管城回族区人民政府',
      '2026-08-20',
    ]);
    const review = await call(dispatcher, 'GET', `/api/petitions/${p.id}/opinion.pdf?stage=review`);
    expect(review.statusCode).toBe(200);
    const reviewText = await pdfText(review.rawPayload);
    for (const s of [
      '信访事项复查意见书',
      '钱满仓不服信访事项处理意见，于2026年6月22日以来信方式向本机关请求复查。',
      '维持格物街道办事处的处理意见。',
      '向管城回族区人民政府请求复核',
      '2026年7月21日',
    ])
      expect(reviewText, s).toContain(s);

    // 复核 requested on its last day (recorded the next morning): due 30 days on → Sat 09-19, and Sun 09-20 is a 调休 working day.
    await on('2026-08-21 09:00');
    view = await ok(dispatcher, p.id, 'request_reexamination', { receivedOn: '2026-08-20' });
    expect([view.state, view.stage, view.stageLastDay]).toEqual(['reexamining', 'reexaminationDecision', '2026-09-20']);
    // No 复核意见书 before the 复核 is decided.
    const early = await call(dispatcher, 'GET', `/api/petitions/${p.id}/opinion.pdf?stage=reexamination`);
    expect([early.statusCode, early.json().code]).toEqual([422, 'petition.document_unavailable']);
    await on('2026-09-18 10:00');
    view = await ok(dispatcher, p.id, 'decide_reexamination', {
      outcome: 'upheld',
      facts: '经复核，补偿款已足额拨付。',
      opinion: '维持复查意见。',
      basis: '《信访工作条例》',
    });
    expect([view.state, view.stage, view.light, view.actions, view.endedAt]).toEqual([
      'reexamined',
      null,
      null,
      [],
      '2026-09-18T02:00:00.000Z',
    ]);
    expect(view.documents).toEqual({ handling: true, review: true, reexamination: true });
    // The 复核意见书: the petitioner, the matter, the decision, the dates in Chinese; no further review.
    const final = await call(dispatcher, 'GET', `/api/petitions/${p.id}/opinion.pdf?stage=reexamination`);
    expect([final.statusCode, final.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(final.headers['content-disposition']).toBe(`attachment; filename*=UTF-8''${p.code}-reexamination.pdf`);
    const finalText = await pdfText(final.rawPayload);
    for (const s of [
      '信访事项复核意见书',
      '信访人：钱满仓',
      '钱满仓不服信访事项复查意见，于2026年8月20日以来信方式向本机关请求复核。',
      '反映明德社区三组宅基地征收安置补偿款迟迟未发放',
      '经复核，补偿款已足额拨付。',
      '复核意见：维持复查意见。',
      '处理依据：《信访工作条例》',
      '本复核意见为该信访事项的最终处理意见',
      '不再受理',
      '格物街道办事处',
      '2026年9月18日',
      view.reexamination.number,
    ])
      expect(finalText, s).toContain(s.replace(/\s+/g, ''));
    expect(finalText).not.toContain('请求复核。信访人对本复查意见不服');
    expect(finalText).not.toContain(ID_A);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual([
      'register',
      'take',
      'accept',
      'extend',
      'record_hearing',
      'reply',
      'request_review',
      'decide_review',
      'request_reexamination',
      'decide_reexamination',
    ]);

    // The row is the replay of its events, which cannot be changed or deleted.
    const events = await queryRows<{ type: string; at: string; actor_id: string | null; data: unknown }>(
      t.database.db,
      sql`SELECT type, at, actor_id, data FROM petition_events WHERE petition_id = ${p.id} ORDER BY seq`,
    );
    const replayed = replayPetition(
      events.map(
        (e) => ({ type: e.type, at: new Date(e.at), actorId: e.actor_id, data: e.data }) as PetitionEventRecord,
      ),
    );
    const [row] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT state, version, extension_days, intake_late, handling_late, ever_overdue, leader_user_id, review_requested_on::text AS review_requested_on FROM petitions WHERE id = ${p.id}`,
    );
    expect(row).toEqual({
      state: replayed.state,
      version: replayed.version,
      extension_days: replayed.extensionDays,
      intake_late: replayed.intakeLate,
      handling_late: replayed.handlingLate,
      ever_overdue: replayed.everOverdue,
      leader_user_id: replayed.leaderUserId,
      review_requested_on: replayed.reviewRequestedOn,
    });
    expect([row?.version, row?.ever_overdue, row?.handling_late]).toEqual([10, false, false]);
    await expect(
      t.database.db.execute(sql`UPDATE petition_events SET note = 'x' WHERE petition_id = ${p.id}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM petition_events WHERE petition_id = ${p.id}`)).rejects.toThrow();

    // Every step is in the audit log, the prints included; no clock is left pending.
    const audited = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE target_type = 'petition' AND target_id = ${p.id} ORDER BY id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'petition.register',
      'petition.take',
      'petition.accept',
      'petition.extend',
      'petition.record_hearing',
      'petition.reply',
      'petition.print_opinion',
      'petition.print_opinion',
      'petition.request_review',
      'petition.decide_review',
      'petition.print_opinion',
      'petition.request_reexamination',
      'petition.decide_reexamination',
      'petition.print_opinion',
    ]);
    const pending = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE kind = 'petition.stage' AND subject_id = ${p.id}`,
    );
    expect(pending).toEqual([{ n: 0 }]);
    await sweepDeadlines(t.deps);
    expect((await notices(p.id)).filter((n) => n.kind.startsWith('petition.overdue'))).toEqual([]);
  });
});
