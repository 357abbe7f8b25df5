import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  addUser,
  as,
  createTestApp,
  everyTableCount,
  login,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

/*
 * Each branch of a petition's life over HTTP, and each refusal: 诉访分离 by the table, transfer, a late
 * intake, the extension's limits and approval, hearings, a refiling after 复核, repeats and collective
 * visits, lights, 督办, scope. Dates are counted by hand (民法典 arts. 201/203; holidays.ts 2026).
 */

let t: TestApp;
let dispatcher: Session;
let leader: Session;
let mingdeId: string;
let zhixingVillageId: string;
const TOWNSHIP = '/41/4101/410104/410104001/';

const idNumber = (serial: number) => {
  const body = `41010419750601${String(serial).padStart(3, '0')}`;
  return body + idCheckChar(body);
};
const at = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
let logins = 0;
const signedIn = (username: string) => login(t.app, username, undefined, `10.42.${++logins % 250}.${logins % 7}`);

async function on(local: string) {
  t.clock.set(at(local));
  dispatcher = await signedIn('dispatcher');
  leader = await signedIn('leader');
}

beforeAll(async () => {
  t = await createTestApp();
  mingdeId = await regionIdByCode(t.database, '410104001001');
  zhixingVillageId = await regionIdByCode(t.database, '410104002001');
  await addUser(t.database, { username: 'zhixing_dispatcher', role: 'dispatcher', regionCode: '410104002' });
  await addUser(t.database, { username: 'second_leader', role: 'leader', regionCode: '410104' });
});
afterAll(async () => {
  await t.close();
});

async function call(s: Session, method: 'GET' | 'POST', url: string, payload?: object) {
  return t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
}
let serial = 0;
async function register(more: object = {}, s: Session = dispatcher) {
  const res = await call(s, 'POST', '/api/petitions', {
    channel: 'visit',
    regionId: mingdeId,
    summary: '反映小区门口道路长期积水，出行困难',
    matterType: 'urban_construction',
    respondent: '格物街道城建办',
    subjectObject: `明德路${++serial}号路段`,
    petitioners: [{ name: '孙有理', idNumber: idNumber(serial) }],
    ...more,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    code: string;
    repeatOfId: string | null;
    refilingProposed: boolean;
    collective: boolean;
  };
}
async function detail(s: Session, id: string) {
  const res = await call(s, 'GET', `/api/petitions/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
async function act(s: Session, id: string, action: string, more: object = {}) {
  const { version } = await detail(dispatcher, id);
  return call(s, 'POST', `/api/petitions/${id}/actions`, { action, version, ...more });
}
async function ok(s: Session, id: string, action: string, more: object = {}) {
  const res = await act(s, id, action, more);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}
/** A refusal: its status, code and message, and nothing written. */
async function refused(s: Session, id: string, action: string, more: object, expected: [number, string, string?]) {
  const before = await everyTableCount(t.database);
  const res = await act(s, id, action, more);
  const body = res.json();
  expect([res.statusCode, body.code, ...(expected[2] ? [body.message] : [])]).toEqual(expected);
  expect(await everyTableCount(t.database)).toEqual(before);
  return body;
}
const opinion = { facts: '经查属实', opinion: '限期整改', basis: '《城市道路管理条例》' };
async function toldOf(id: string) {
  return queryRows<{ kind: string; user_id: string | null; role: string | null; region_path: string | null }>(
    t.database.db,
    sql`SELECT kind, user_id, role, region_path FROM notifications WHERE subject_kind = 'petition' AND subject_id = ${id} ORDER BY id`,
  );
}

describe('intake: the route follows from the findings (诉访分离), never from a choice', () => {
  it('sends matters for litigation, arbitration and administrative review out of the track with the notice', async () => {
    await on('2026-03-02 10:00');
    const expected: [object, string, string][] = [
      [{ belongsToLitigation: true }, 'petitions.notices.to_litigation', '人民法院（诉讼程序）'],
      [{ belongsToArbitration: true }, 'petitions.notices.to_arbitration', '仲裁机构（仲裁程序）'],
      [
        { belongsToAdministrativeReview: true, belongsToLitigation: true },
        'petitions.notices.to_administrative_review',
        '行政复议机关（行政复议程序）',
      ],
    ];
    for (const [findings, noticeKey, destination] of expected) {
      const p = await register();
      const view = await ok(dispatcher, p.id, 'intake', { findings });
      expect([
        view.state,
        view.stage,
        view.light,
        view.intake.route,
        view.notices[0].noticeKey,
        view.notices[0].destination,
      ]).toEqual(['referred', null, null, 'transfer_to_procedure', noticeKey, destination]);
      expect(view.intake.basis).toContain('诉访分离');
    }
    // Staff cannot pick the outcome: there is no "accept" or "refer" to ask for, only the intake with its findings.
    const p = await register();
    const res = await call(dispatcher, 'POST', `/api/petitions/${p.id}/actions`, { action: 'accept', version: 1 });
    expect([res.statusCode, res.json().code]).toEqual([400, 'validation.failed']);
  });

  it('transfers to the competent body named, to the political-legal or the discipline organs', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    await refused(dispatcher, p.id, 'intake', { findings: { outsideCompetence: true } }, [
      400,
      'petition.destination_required',
      '转送有权处理的机关、单位时须写明转送去向',
    ]);
    let view = await ok(dispatcher, p.id, 'intake', {
      findings: { outsideCompetence: true },
      destination: '管城回族区人力资源和社会保障局',
    });
    expect([view.state, view.notices[0].noticeKey, view.notices[0].destination]).toEqual([
      'transferred',
      'petitions.notices.transfer_competent_body',
      '管城回族区人力资源和社会保障局',
    ]);
    const law = await register();
    view = await ok(dispatcher, law.id, 'intake', { findings: { lawRelated: true, belongsToLitigation: true } });
    expect([view.state, view.notices[0].destination]).toEqual(['transferred', '同级政法部门']);
    const discipline = await register();
    view = await ok(dispatcher, discipline.id, 'intake', { findings: { disciplinaryComplaint: true } });
    expect([view.state, view.notices[0].noticeKey, view.notices[0].destination]).toEqual([
      'transferred',
      'petitions.notices.transfer_discipline_inspection',
      '纪检监察机关',
    ]);
  });

  it('after its 15 days (Mon 03-02 → Tue 03-17), an intake needs the reason on record', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    expect((await detail(dispatcher, p.id)).stageLastDay).toBe('2026-03-17');
    await on('2026-03-18 09:00');
    await refused(dispatcher, p.id, 'intake', { findings: {} }, [
      422,
      'petition.intake_late_reason_required',
      '已超过收到信访事项之日起15日的受理期限，须填写逾期处理的理由',
    ]);
    const view = await ok(dispatcher, p.id, 'intake', { findings: {}, lateReason: '信件经区信访局转来，到达时已逾期' });
    expect([view.state, view.intake.late, view.intake.lateReason]).toEqual([
      'accepted',
      true,
      '信件经区信访局转来，到达时已逾期',
    ]);
  });
});

describe('extension (延期): at most 30 days in all, approved by a leader, before the limit runs out', () => {
  it('refuses 31 days, a second extension past 30, no or a wrong approver, and one after the deadline', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    await ok(dispatcher, p.id, 'intake', { findings: {} });
    const reason = '需会同区住建局现场勘查';
    await refused(dispatcher, p.id, 'extend', { days: 31, reason, approverUserId: leader.userId }, [
      400,
      'petition.extension_exceeded',
      '延长办理期限累计不得超过 30 日（已延长 0 日）',
    ]);
    await refused(dispatcher, p.id, 'extend', { days: 10, reason }, [
      400,
      'petition.approver_required',
      '延长办理期限须经领导批准，请选择批准的领导',
    ]);
    await refused(dispatcher, p.id, 'extend', { days: 10, reason, approverUserId: dispatcher.userId }, [
      400,
      'petition.approver_invalid',
      '批准人须为负责该信访事项所在地的在岗领导',
    ]);
    // A leader extends on their own approval. Accepted Mon 03-02: day 60 is Fri 05-01 (劳动节); 60 + 20 is Thu 05-21.
    let view = await ok(leader, p.id, 'extend', { days: 20, reason });
    expect([view.extensionDays, view.stageLastDay, view.notices[1].approvedBy]).toEqual([20, '2026-05-21', '周书记']);
    await refused(dispatcher, p.id, 'extend', { days: 11, reason, approverUserId: leader.userId }, [
      400,
      'petition.extension_exceeded',
      '延长办理期限累计不得超过 30 日（已延长 20 日）',
    ]);
    // 90 days: Sun 05-31 → Mon 06-01.
    view = await ok(dispatcher, p.id, 'extend', { days: 10, reason, approverUserId: leader.userId });
    expect([view.extensionDays, view.stageLastDay]).toEqual([30, '2026-06-01']);
    await on('2026-06-02 09:00');
    await refused(leader, p.id, 'extend', { days: 1, reason }, [422, 'petition.extension_after_deadline']);
  });
});

describe('hearings (听证)', () => {
  it('takes the hearing days out of the 复查 count and refuses an impossible hearing', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    await ok(dispatcher, p.id, 'intake', { findings: {} });
    await ok(dispatcher, p.id, 'reply', opinion);
    let view = await ok(dispatcher, p.id, 'request_review', {});
    // 复查 request received Mon 03-02: 30 days → Wed 04-01.
    expect(view.stageLastDay).toBe('2026-04-01');
    await on('2026-03-12 18:00');
    await refused(
      dispatcher,
      p.id,
      'record_hearing',
      { start: '2026-03-12T16:00:00+08:00', end: '2026-03-12T15:00:00+08:00', place: '会议室' },
      [400, 'petition.hearing_time_invalid'],
    );
    await refused(
      dispatcher,
      p.id,
      'record_hearing',
      { start: '2026-03-12T16:00:00+08:00', end: '2026-03-13T10:00:00+08:00', place: '会议室' },
      [400, 'petition.hearing_time_invalid'],
    );
    // Tue 03-10 20:00 to Wed 03-11 01:00 touches two days, Thu 03-12 14:00–16:30 a third: day 30 → Sat 04-04 (清明) → Tue 04-07.
    await ok(dispatcher, p.id, 'record_hearing', {
      start: '2026-03-10T20:00:00+08:00',
      end: '2026-03-11T01:00:00+08:00',
      place: '街道听证室',
    });
    view = await ok(dispatcher, p.id, 'record_hearing', {
      start: '2026-03-12T14:00:00+08:00',
      end: '2026-03-12T16:30:00+08:00',
      place: '街道听证室',
    });
    expect([view.stageLastDay, view.excludedDays]).toEqual(['2026-04-07', ['2026-03-10', '2026-03-11', '2026-03-12']]);
  });
});

describe('repeats, collective visits and the refiling after 复核', () => {
  it('links a repeat on the same matter by the same person, flags a collective visit, refuses a short headcount', async () => {
    await on('2026-03-02 10:00');
    const first = await register({
      subjectObject: '幸福路 8 号 排水沟',
      petitioners: [{ name: '吴大同', idNumber: idNumber(901) }],
    });
    // The same subject written another way (full-width digit, spaces) by the same person: linked.
    const again = await register({
      subjectObject: '幸福路 ８ 号  排水沟',
      petitioners: [{ name: '吴大同', idNumber: idNumber(901) }],
    });
    expect([again.repeatOfId, again.refilingProposed]).toEqual([first.id, false]);
    expect((await detail(dispatcher, again.id)).sameMatter.map((m: { id: string }) => m.id)).toEqual([first.id]);
    // Another person on the same subject: their own petition.
    const other = await register({
      subjectObject: '幸福路 8 号 排水沟',
      petitioners: [{ name: '郑小雨', idNumber: idNumber(902) }],
    });
    expect(other.repeatOfId).toBeNull();

    const six = Array.from({ length: 5 }, (_, i) => ({ name: `住户${i + 1}` }));
    expect((await register({ channel: 'visit', headcount: 6, petitioners: six })).collective).toBe(true);
    expect((await register({ channel: 'visit', headcount: 4, petitioners: six.slice(0, 4) })).collective).toBe(false);
    expect((await register({ channel: 'letter', headcount: 6, petitioners: six })).collective).toBe(false);
    const short = await call(dispatcher, 'POST', '/api/petitions', {
      channel: 'visit',
      regionId: mingdeId,
      summary: '多人反映道路积水',
      matterType: 'urban_construction',
      respondent: '格物街道城建办',
      subjectObject: '明德路',
      headcount: 1,
      petitioners: six.slice(0, 2),
    });
    expect([short.statusCode, short.json().code, short.json().details]).toEqual([
      400,
      'validation.failed',
      [{ path: 'headcount', message: '人数不能少于登记的信访人数' }],
    ]);
    const badId = await call(dispatcher, 'POST', '/api/petitions', {
      channel: 'letter',
      regionId: mingdeId,
      summary: '反映问题',
      matterType: 'other',
      respondent: '某单位',
      subjectObject: '某事',
      petitioners: [{ name: '王五', idNumber: '410104197506010001' }],
    });
    expect([badId.statusCode, badId.json().code, badId.json().details[0].path]).toEqual([
      400,
      'petition.petitioner_invalid',
      'petitioners.0.idNumber',
    ]);
  });

  it('after 复核, the same person on the same facts is detected and the refusal proposed', async () => {
    await on('2026-03-02 10:00');
    const matter = {
      subjectObject: '明德社区四组 承包地',
      matterType: 'land_expropriation',
      respondent: '格物街道征收办',
    };
    const person = [{ name: '冯不服', idNumber: idNumber(950) }];
    const p = await register({ ...matter, petitioners: person });
    await ok(dispatcher, p.id, 'intake', { findings: {} });
    await ok(dispatcher, p.id, 'reply', opinion);
    await ok(dispatcher, p.id, 'request_review', {});
    await ok(dispatcher, p.id, 'decide_review', { ...opinion, outcome: 'upheld' });
    await ok(dispatcher, p.id, 'request_reexamination', {});
    await ok(dispatcher, p.id, 'decide_reexamination', { ...opinion, outcome: 'upheld' });

    await on('2026-04-01 10:00');
    const refiled = await register({ ...matter, petitioners: person });
    expect([refiled.repeatOfId, refiled.refilingProposed]).toEqual([p.id, true]);
    const view = await detail(dispatcher, refiled.id);
    expect(view.refilingBar).toMatchObject({
      priorPetitionId: p.id,
      priorCode: p.code,
      matchedBy: 'matter_id',
      noticeKey: 'petitions.notices.not_accept_refiled_after_reexamination',
    });
    // Going against the proposal needs a reason on record; confirming it ends the petition with its notice.
    await refused(dispatcher, refiled.id, 'intake', { findings: {} }, [400, 'petition.refiling_note_required']);
    const done = await ok(dispatcher, refiled.id, 'intake', { findings: { refiledAfterReexamination: true } });
    expect([done.state, done.notices[0].noticeKey, done.stage]).toEqual([
      'not_accepted',
      'petitions.notices.not_accept_refiled_after_reexamination',
      null,
    ]);
    // New facts or reasons found at registration: no bar (still linked to the matter).
    const fresh = await register({ ...matter, petitioners: person, newFactsOrReasons: true });
    expect([fresh.repeatOfId, fresh.refilingProposed]).toEqual([refiled.id, false]);
  });
});

describe('lights, 包案 and 督办', () => {
  it('turns yellow and red on the sweep, tells the centre and the leader, and lets only an overdue petition be supervised', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    await ok(leader, p.id, 'take', { note: '我包案' });
    await refused(leader, p.id, 'take', {}, [409, 'petition.already_taken', '您已包案该信访事项']);
    await refused(dispatcher, p.id, 'take', {}, [403, 'petition.not_allowed', '您无权对该信访事项领导包案']);
    await refused(leader, p.id, 'supervise', { note: '请抓紧' }, [
      422,
      'petition.not_overdue',
      '只有超过法定期限的信访事项才能督办',
    ]);
    // Yellow at 80 % of 03-02 10:00 → 03-18 00:00 (Beijing): 03-14 21:12.
    t.clock.set(at('2026-03-14 21:11'));
    await sweepDeadlines(t.deps);
    expect((await toldOf(p.id)).map((n) => n.kind)).toEqual(['petition.take']);
    t.clock.set(at('2026-03-14 21:12'));
    await sweepDeadlines(t.deps);
    expect((await toldOf(p.id)).at(-1)).toEqual({
      kind: 'petition.warning',
      user_id: null,
      role: 'dispatcher',
      region_path: TOWNSHIP,
    });
    await on('2026-03-18 00:01');
    await sweepDeadlines(t.deps);
    expect((await toldOf(p.id)).slice(-2)).toEqual([
      { kind: 'petition.overdue', user_id: null, role: 'dispatcher', region_path: TOWNSHIP },
      { kind: 'petition.overdue', user_id: leader.userId, role: null, region_path: null },
    ]);
    const red = (await call(dispatcher, 'GET', '/api/petitions?light=red&pageSize=100')).json();
    expect(red.items.map((i: { id: string }) => i.id)).toContain(p.id);
    const led = (await call(leader, 'GET', '/api/petitions?view=led&pageSize=100')).json();
    expect(led.items.map((i: { id: string; leader: { name: string } }) => [i.id, i.leader.name])).toContainEqual([
      p.id,
      '周书记',
    ]);
    expect((await detail(leader, p.id)).actions).toEqual(['supervise']);
    await refused(leader, p.id, 'supervise', {}, [400, 'petition.note_required']);
    const view = await ok(leader, p.id, 'supervise', { note: '请于三日内受理并报告' });
    expect(view.supervisionCount).toBe(1);
    expect((await toldOf(p.id)).at(-1)).toEqual({
      kind: 'petition.supervise',
      user_id: null,
      role: 'dispatcher',
      region_path: TOWNSHIP,
    });
  });
});

describe('scope and who may do what', () => {
  it('another township’s centre finds nothing; roles do only their part; a stale version gets 409', async () => {
    await on('2026-03-02 10:00');
    const p = await register();
    const other = await signedIn('zhixing_dispatcher');
    for (const [method, url, payload] of [
      ['GET', `/api/petitions/${p.id}`],
      ['POST', `/api/petitions/${p.id}/actions`, { action: 'intake', version: 1 }],
      ['GET', `/api/petitions/${p.id}/opinion.pdf`],
    ] as const) {
      const res = await call(other, method, url, payload);
      expect([url, res.statusCode, res.json().code]).toEqual([url, 404, 'petition.not_found']);
    }
    const list = (await call(other, 'GET', '/api/petitions?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    const outside = await call(other, 'POST', '/api/petitions', {
      channel: 'letter',
      regionId: mingdeId,
      summary: '跨街道登记',
      matterType: 'other',
      respondent: '某单位',
      subjectObject: '某事',
      petitioners: [{ name: '赵六' }],
    });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'petition.region_not_found']);
    // Its own village is fine.
    const own = await register({ regionId: zhixingVillageId }, other);
    expect((await call(dispatcher, 'GET', `/api/petitions/${own.id}`)).statusCode).toBe(404);

    const byLeader = await call(leader, 'POST', '/api/petitions', { channel: 'letter' });
    expect([byLeader.statusCode, byLeader.json().code]).toEqual([403, 'access.denied']);
    await refused(leader, p.id, 'intake', { findings: {} }, [403, 'petition.not_allowed', '您无权对该信访事项受理']);

    // The opinion: not before it exists; never to a leader who did not take the petition.
    await ok(dispatcher, p.id, 'intake', { findings: {} });
    const early = await call(dispatcher, 'GET', `/api/petitions/${p.id}/opinion.pdf`);
    expect([early.statusCode, early.json().code]).toEqual([422, 'petition.document_unavailable']);
    await ok(dispatcher, p.id, 'reply', opinion);
    const second = await signedIn('second_leader');
    const denied = await call(second, 'GET', `/api/petitions/${p.id}/opinion.pdf`);
    expect([denied.statusCode, denied.json().code]).toEqual([403, 'petition.document_not_allowed']);
    expect((await detail(second, p.id)).documents).toEqual({ handling: false, review: false, reexamination: false });

    const stale = await call(dispatcher, 'POST', `/api/petitions/${p.id}/actions`, {
      action: 'request_review',
      version: 1,
    });
    expect([stale.statusCode, stale.json().code, stale.json().current.state]).toEqual([
      409,
      'petition.conflict',
      'answered',
    ]);
  });
});
