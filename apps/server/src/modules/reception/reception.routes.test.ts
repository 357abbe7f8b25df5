import { idCheckChar, receiptNumberFrom } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { REPORT_ITEM } from '../../../test/matrix/world.ts';
import { pdfPages } from '../../../test/pdf-text.ts';

/*
 * The reception window over HTTP: one-step routing to each track, all or nothing, idempotent
 * retries, scope, the receipt, the public progress lookup (masked, no oracle, limited) and a
 * resident's 我的来访. Expected labels and limits are written by hand from RECEPTION_TRACK_RULES'
 * brief (issue 15) and PROGRESS_LOOKUP_LIMITS (5 per number, 20 per address, an hour).
 */

let t: TestApp;
let dispatcher: Session;
let otherDispatcher: Session;
let resident: Session;
let mingdeId: string;
let zhixingVillageId: string;

const idOf = (body: string) => body + idCheckChar(body);
const VISITOR = { anonymous: false, name: '钱多多', phone: '13987650001', idNumber: idOf('41010419850612003') };
const OTHER_PARTY = '孙少少';
const OTHER_PHONE = '13987650002';
let logins = 0;
const signedIn = (username: string) => login(t.app, username, undefined, `10.41.${++logins % 250}.${logins % 7}`);

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'zx-dispatcher', role: 'dispatcher', regionCode: '410104002' });
  dispatcher = await signedIn('dispatcher');
  otherDispatcher = await signedIn('zx-dispatcher');
  resident = await signedIn('resident');
  mingdeId = await regionIdByCode(t.database, '410104001001');
  zhixingVillageId = await regionIdByCode(t.database, '410104002001');
});
afterAll(async () => {
  await t.close();
});

let keys = 0;
const key = () => `visit-key-${++keys}-${Date.now()}`;

function visitBody(route: object, more: object = {}) {
  return {
    idempotencyKey: key(),
    visitor: VISITOR,
    headcount: 1,
    category: 'dispute',
    matter: '楼上装修噪音和漏水，邻里多次争吵',
    route,
    ...more,
  };
}
const disputeRoute = (more: object = {}) => ({
  track: 'dispute',
  typeCode: 'neighbour',
  regionId: mingdeId,
  otherParties: [{ kind: 'person', side: 'b', name: OTHER_PARTY, phone: OTHER_PHONE }],
  ...more,
});

async function post(s: Session | null, url: string, payload: object, ip = '10.9.9.9') {
  return t.app.inject({ method: 'POST', url, ...(s ? as(s) : {}), payload, remoteAddress: ip });
}
async function get(s: Session, url: string) {
  return t.app.inject({ method: 'GET', url, ...as(s) });
}
async function counts() {
  const [row] = await queryRows<{ visits: number; disputes: number; cases: number; parties: number }>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM reception_visits) AS visits, (SELECT count(*)::int FROM disputes) AS disputes,
               (SELECT count(*)::int FROM cases) AS cases, (SELECT count(*)::int FROM dispute_parties) AS parties`,
  );
  return row;
}

async function registerVisit(body: object, s = dispatcher) {
  const res = await post(s, '/api/reception/visits', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; receiptNumber: string; trackRecordId: string | null; trackCode: string | null };
}
const lookup = (receiptNumber: string, phoneLast4: string, ip = '10.9.9.9') =>
  post(null, '/api/reception/progress', { receiptNumber, phoneLast4 }, ip);

describe('one step: the visit and its track', () => {
  it('routes a walk-in to a dispute: the visitor its applicant, the other party beside', async () => {
    const before = await counts();
    const v = await registerVisit(visitBody(disputeRoute()));
    expect(v.receiptNumber).toMatch(/^\d{4}-\d{4}-\d{4}$/);
    expect(v.trackCode).toMatch(/^JF/);
    const d = (await get(dispatcher, `/api/disputes/${v.trackRecordId}`)).json();
    expect(d.state).toBe('registered');
    expect(d.source).toBe('walk_in');
    expect(d.parties.map((p: { side: string; nameMasked: string }) => [p.side, p.nameMasked])).toEqual([
      ['a', '钱**'],
      ['b', '孙**'],
    ]);
    expect(await counts()).toEqual({
      visits: before!.visits + 1,
      disputes: before!.disputes + 1,
      cases: before!.cases,
      parties: before!.parties + 2,
    });
    const detail = (await get(dispatcher, `/api/reception/visits/${v.id}`)).json();
    expect(detail).toMatchObject({
      track: 'dispute',
      state: 'registered',
      progress: { label: '已登记，等待受理', step: 0, outcome: 'open' },
      visitor: { anonymous: false, nameMasked: '钱**', phoneMasked: '139****0001' },
      steps: ['已登记', '已受理', '调解中', '已办结'],
      centreName: '格物街道',
    });
  });

  it('routes a walk-in to a case on the chain (channel walk_in, the reporter masked)', async () => {
    const v = await registerVisit(
      visitBody(
        { track: 'case', itemCode: REPORT_ITEM?.code, address: '明德社区东门路灯不亮' },
        { category: 'report_problem', matter: '小区东门路灯坏了一周' },
      ),
    );
    expect(v.trackCode).toMatch(/^\d{15}$/);
    const c = (await get(dispatcher, `/api/cases/${v.trackRecordId}`)).json();
    expect(c.state).toBe('reported');
    expect(c.channel).toBe('walk_in');
    expect(c.description).toBe('小区东门路灯坏了一周');
    expect(JSON.stringify(c)).not.toContain('钱多多');
    const detail = (await get(dispatcher, `/api/reception/visits/${v.id}`)).json();
    expect(detail.progress).toEqual({ label: '已登记，等待受理', step: 0, outcome: 'open' });
  });

  it('records legal advice with its adviser and answer, closed at once — anonymous allowed', async () => {
    const v = await registerVisit(
      visitBody(
        { track: 'legal_advice', adviserKind: 'lawyer', adviserName: '值班律师刘明', answer: '可向劳动仲裁委申请仲裁' },
        { visitor: { anonymous: true }, category: 'legal_consultation', matter: '被拖欠工资怎么办' },
      ),
    );
    expect(v.trackRecordId).toBeNull();
    const detail = (await get(dispatcher, `/api/reception/visits/${v.id}`)).json();
    expect(detail).toMatchObject({
      state: 'answered',
      progress: { label: '已当场解答', step: 1, outcome: 'done' },
      visitor: { anonymous: true, nameMasked: null, phoneMasked: null },
      details: {
        kind: 'legal_advice',
        adviserKind: 'lawyer',
        adviserName: '值班律师刘明',
        answer: '可向劳动仲裁委申请仲裁',
      },
    });
  });

  it('records a referral with the receiving body, closed at once', async () => {
    const v = await registerVisit(
      visitBody(
        { track: 'referral', bodyKind: 'legal_aid', bodyName: '金水区法律援助中心', note: '申请法律援助' },
        { category: 'assistance', matter: '无力请律师' },
      ),
    );
    const detail = (await get(dispatcher, `/api/reception/visits/${v.id}`)).json();
    expect(detail).toMatchObject({
      state: 'referred',
      progress: { label: '已转介至接收机构', outcome: 'done' },
      details: { kind: 'referral', bodyKind: 'legal_aid', bodyName: '金水区法律援助中心', note: '申请法律援助' },
    });
  });

  it('routes a group of visitors to a petition (走访, 集体访 from 5) that the visitor then follows', async () => {
    const petitionsBefore = async () =>
      (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM petitions`))[0]?.n ?? 0;
    const before = await petitionsBefore();
    const route = {
      track: 'petition',
      regionId: mingdeId,
      matterType: 'urban_construction',
      respondent: '某物业公司',
      subjectObject: '明德社区3号楼电梯',
    };
    // A petition needs its kind and whom it is about: refused before anything is written.
    const bad = await post(
      dispatcher,
      '/api/reception/visits',
      visitBody({ ...route, respondent: '' }, { category: 'petition' }),
    );
    expect(bad.statusCode).toBe(400);
    expect(await petitionsBefore()).toBe(before);

    const v = await registerVisit(
      visitBody(route, { category: 'petition', headcount: 6, matter: '电梯停运两个月，物业不修，六户居民一同来访' }),
    );
    expect(v.trackCode).toMatch(/^XF\d{15}$/);
    expect(await petitionsBefore()).toBe(before + 1);
    const p = (await get(dispatcher, `/api/petitions/${v.trackRecordId}`)).json();
    expect(p).toMatchObject({
      state: 'registered',
      channel: 'visit',
      headcount: 6,
      collective: true,
      receiptNo: v.receiptNumber,
      summary: '电梯停运两个月，物业不修，六户居民一同来访',
    });
    const first = (await lookup(v.receiptNumber, '0001')).json();
    expect(first).toMatchObject({
      track: 'petition',
      progress: { label: '已登记，15日内告知是否受理', outcome: 'open' },
    });

    // The centre accepts it on the petition's own clock; the visitor sees it without calling anyone.
    const accepted = await post(dispatcher, `/api/petitions/${v.trackRecordId}/actions`, {
      action: 'intake',
      version: p.version,
      findings: {},
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const later = await lookup(v.receiptNumber, '0001');
    expect(later.json()).toMatchObject({ track: 'petition', progress: { label: '已受理，办理中', outcome: 'open' } });
    expect(later.body).not.toContain('钱多多');
    expect(later.body).not.toContain('13987650001');
    expect(later.body).not.toContain('某物业公司');
  });

  it('takes an anonymous visitor only for legal advice', async () => {
    const before = await counts();
    for (const route of [disputeRoute(), { track: 'referral', bodyKind: 'judicial_office', bodyName: '格物司法所' }]) {
      const res = await post(dispatcher, '/api/reception/visits', visitBody(route, { visitor: { anonymous: true } }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().code).toBe('reception.anonymous_not_allowed');
    }
    expect(await counts()).toEqual(before);
  });

  it('refuses a bad identity number or phone with the field named, writing nothing', async () => {
    const before = await counts();
    const res = await post(
      dispatcher,
      '/api/reception/visits',
      visitBody(disputeRoute(), { visitor: { ...VISITOR, idNumber: '410104198506120030', phone: '12345' } }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('reception.visitor_invalid');
    expect(
      res
        .json()
        .details.map((d: { path: string }) => d.path)
        .sort(),
    ).toEqual(['visitor.idNumber', 'visitor.phone']);
    expect(await counts()).toEqual(before);
  });
});

describe('all or nothing', () => {
  it('a dispute refused by its module (a place out of scope) leaves no visit behind', async () => {
    const before = await counts();
    const res = await post(
      dispatcher,
      '/api/reception/visits',
      visitBody(disputeRoute({ regionId: zhixingVillageId })),
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('dispute.region_not_found');
    expect(await counts()).toEqual(before);
  });

  it('a case refused by its module (an unknown item) leaves no visit behind', async () => {
    const before = await counts();
    const res = await post(
      dispatcher,
      '/api/reception/visits',
      visitBody({ track: 'case', itemCode: '99999', address: '明德社区' }, { category: 'report_problem' }),
    );
    expect(res.statusCode).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('a retry with the same idempotency key gets the same receipt and makes nothing twice', async () => {
    const before = await counts();
    const body = visitBody(disputeRoute());
    const first = await post(dispatcher, '/api/reception/visits', body);
    const again = await post(dispatcher, '/api/reception/visits', body);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual({ ...first.json(), created: false });
    expect(await counts()).toEqual({
      visits: before!.visits + 1,
      disputes: before!.disputes + 1,
      cases: before!.cases,
      parties: before!.parties + 2,
    });
  });
});

describe('all or nothing, at once', () => {
  it('two submits racing with the same key make one visit and one dispute, and give the same receipt', async () => {
    const before = await counts();
    const body = visitBody(disputeRoute());
    const [a, b] = await Promise.all([
      post(dispatcher, '/api/reception/visits', body),
      post(dispatcher, '/api/reception/visits', body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().receiptNumber).toBe(b.json().receiptNumber);
    expect(await counts()).toEqual({
      visits: before!.visits + 1,
      disputes: before!.disputes + 1,
      cases: before!.cases,
      parties: before!.parties + 2,
    });
  });
});

describe('scope', () => {
  it("another township's dispatcher finds nothing of this centre's visits", async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    for (const url of [`/api/reception/visits/${v.id}`, `/api/reception/visits/${v.id}/receipt.pdf`]) {
      const res = await get(otherDispatcher, url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('reception.not_found');
    }
    const reveal = await post(otherDispatcher, `/api/reception/visits/${v.id}/reveal`, {
      field: 'phone',
      reason: '回访核实',
    });
    expect(reveal.statusCode).toBe(404);
    const list = (await get(otherDispatcher, '/api/reception/visits?pageSize=100')).json();
    expect(list.items.map((i: { id: string }) => i.id)).not.toContain(v.id);
    const own = (await get(dispatcher, `/api/reception/visits?q=${v.receiptNumber}`)).json();
    expect(own.items.map((i: { id: string }) => i.id)).toEqual([v.id]);
  });

  it('a dispute and a petition opened at the window link back to the visit — its receipt only to those who may read visits', async () => {
    const hidden = {
      relation: 'received_at',
      kind: 'visit',
      visible: false,
      id: null,
      code: null,
      state: null,
      stateLabel: null,
    };
    const dv = await registerVisit(visitBody(disputeRoute()));
    const fromWindow = (v: { id: string; receiptNumber: string }, state: string, stateLabel: string) => ({
      relation: 'received_at',
      kind: 'visit',
      visible: true,
      id: v.id,
      code: v.receiptNumber,
      state,
      stateLabel,
    });
    expect((await get(dispatcher, `/api/disputes/${dv.trackRecordId}`)).json().links).toEqual([
      fromWindow(dv, 'dispute', '矛盾纠纷调解'),
    ]);
    const leader = await signedIn('leader');
    expect((await get(leader, `/api/disputes/${dv.trackRecordId}`)).json().links).toEqual([
      fromWindow(dv, 'dispute', '矛盾纠纷调解'),
    ]);
    // Diverted to the township's committee: its mediator sees the dispute, and only that it came from the window.
    const [org] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM mediation_organisations WHERE name = '格物街道人民调解委员会'`,
    );
    for (const body of [
      { action: 'accept' },
      { action: 'divert', path: 'people_mediation', organisationId: org?.id, note: '街道调处' },
    ]) {
      const { version } = (await get(dispatcher, `/api/disputes/${dv.trackRecordId}`)).json();
      const res = await post(dispatcher, `/api/disputes/${dv.trackRecordId}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mediator = await signedIn('mediator');
    const seen = await get(mediator, `/api/disputes/${dv.trackRecordId}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().links).toEqual([hidden]);
    expect(seen.body).not.toContain(dv.receiptNumber);
    expect(seen.body).not.toContain(dv.receiptNumber.replaceAll('-', ''));
    // Another township's centre does not reach the dispute at all.
    expect((await get(otherDispatcher, `/api/disputes/${dv.trackRecordId}`)).statusCode).toBe(404);

    const pv = await registerVisit(
      visitBody(
        {
          track: 'petition',
          regionId: mingdeId,
          matterType: 'urban_construction',
          respondent: '某物业公司',
          subjectObject: '明德社区5号楼门禁',
        },
        { category: 'petition', matter: '门禁损坏半年无人修' },
      ),
    );
    expect((await get(dispatcher, `/api/petitions/${pv.trackRecordId}`)).json().links).toEqual([
      fromWindow(pv, 'petition', '信访事项'),
    ]);
    expect((await get(otherDispatcher, `/api/petitions/${pv.trackRecordId}`)).statusCode).toBe(404);

    // A dispute registered on the board, not at the window, has no such link.
    const board = await post(dispatcher, '/api/disputes', {
      typeCode: 'neighbour',
      summary: '楼道堆物引发争吵',
      regionId: mingdeId,
      source: 'walk_in',
      parties: [{ kind: 'person', side: 'a', name: '周甲' }],
    });
    expect(board.statusCode, board.body).toBe(201);
    expect((await get(dispatcher, `/api/disputes/${board.json().id}`)).json().links).toEqual([]);
  });

  it('reveals the visitor to the desk only with a reason, and audits it', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    const res = await post(dispatcher, `/api/reception/visits/${v.id}/reveal`, { field: 'phone', reason: '电话回访' });
    expect(res.json()).toEqual({ field: 'phone', value: VISITOR.phone });
    const [row] = await queryRows<{ detail: { field: string; reason: string } }>(
      t.database.db,
      sql`SELECT detail FROM audit_log WHERE action = 'reception.reveal' AND target_id = ${v.id}`,
    );
    expect(row?.detail).toEqual({ field: 'phone', reason: '电话回访' });
  });
});

describe('the receipt', () => {
  it('prints the number, the day, the track and the visitor masked — never the phone', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    const res = await get(dispatcher, `/api/reception/visits/${v.id}/receipt.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfPages(res.rawPayload)).map((p) => p.body).join('');
    expect(text).toContain('来访登记回执');
    expect(text).toContain(`回执编号：${v.receiptNumber}`);
    expect(text).toContain('来访人：钱**');
    expect(text).toContain('已分流至「矛盾纠纷调解」');
    expect(text).toContain('/m/track');
    expect(text).toContain('格物街道综治中心');
    for (const secret of [VISITOR.name, VISITOR.phone, VISITOR.idNumber, '139****0001', '手机号：', OTHER_PARTY])
      expect(text, secret).not.toContain(secret);
  });
});

describe('the public progress lookup', () => {
  it('shows the masked progress, moving with the record — no name, number or party', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    const res = await lookup(v.receiptNumber, '0001');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      receiptNumber: v.receiptNumber,
      centreName: '格物街道综治中心',
      track: 'dispute',
      trackLabel: '纠纷调解',
      steps: ['已登记', '已受理', '调解中', '已办结'],
      progress: { label: '已登记，等待受理', step: 0, outcome: 'open' },
      closedAt: null,
      visitorMasked: '钱**',
      referredTo: null,
    });
    for (const secret of [
      VISITOR.name,
      VISITOR.phone,
      VISITOR.idNumber,
      OTHER_PARTY,
      OTHER_PHONE,
      '孙**',
      '张受理',
      v.trackCode!,
      v.trackRecordId!,
      '楼上装修',
    ])
      expect(res.body, secret).not.toContain(secret);
    // Typed with spaces instead of dashes, after the centre accepted the dispute.
    const d = (await get(dispatcher, `/api/disputes/${v.trackRecordId}`)).json();
    const accepted = await post(dispatcher, `/api/disputes/${v.trackRecordId}/actions`, {
      action: 'accept',
      version: d.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const later = await lookup(v.receiptNumber.replaceAll('-', ' '), '0001');
    expect(later.json().progress).toEqual({ label: '已受理，正在安排调解', step: 1, outcome: 'open' });
  });

  it('answers a wrong number and wrong digits the same (no oracle); a mistyped number costs no try', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    const wrongDigits = await lookup(v.receiptNumber, '9999', '10.50.0.1');
    // A well-formed number (its check digit right) that is not on record.
    const unknown = await lookup('0000-0000-0000', '0001', '10.50.0.2');
    for (const res of [wrongDigits, unknown]) {
      expect(res.statusCode).toBe(404);
      const { requestId: _r, ...body } = res.json();
      expect(body).toEqual({
        code: 'reception.progress_not_found',
        message: '未查到办理进度，请核对回执编号和手机号后四位',
      });
    }
    const typo = await lookup('0000-0000-0001', '0001', '10.50.0.3');
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      code: 'reception.receipt_malformed',
      message: '回执编号有误，请核对后重新输入',
    });
  });

  it('after 5 wrong answers for one number, refuses it for an hour from any address — even the right digits', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    for (let i = 0; i < 5; i++) expect((await lookup(v.receiptNumber, `100${i}`, `10.60.${i}.1`)).statusCode).toBe(404);
    const limited = await lookup(v.receiptNumber, '0001', '10.60.9.1');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('reception.lookup_limited');
    expect(limited.json().message).toMatch(/^查询错误次数过多，请\d+分钟后再试，或携带回执到综治中心窗口查询$/);
    t.clock.advance(61 * 60_000);
    expect((await lookup(v.receiptNumber, '0001', '10.60.9.1')).statusCode).toBe(200);
  });

  it('limits a number not on record exactly as one on record (reaching the limit tells nothing)', async () => {
    const absent = receiptNumberFrom('11111111111');
    for (let i = 0; i < 5; i++) expect((await lookup(absent, '0001', `10.61.${i}.1`)).statusCode).toBe(404);
    expect((await lookup(absent, '0001', '10.61.9.1')).statusCode).toBe(429);
  });

  it('after 20 wrong answers from one address, refuses that address (others still look up)', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    // 20 numbers not on record (each with its right check digit, so each is looked up), from one address.
    const numbers = Array.from({ length: 20 }, (_, i) => receiptNumberFrom(`2${String(i).padStart(10, '0')}`));
    for (const n of numbers) expect((await lookup(n, '0001', '10.70.0.1')).statusCode).toBe(404);
    expect((await lookup(v.receiptNumber, '0001', '10.70.0.1')).statusCode).toBe(429);
    expect((await lookup(v.receiptNumber, '0001', '10.70.0.2')).statusCode).toBe(200);
  });

  it('audits each wrong answer with the number tried, never the digits', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    await lookup(v.receiptNumber, '4321', '10.80.0.1');
    // The HTTP hook writes a refusal's audit row once the answer has gone out.
    const audited = () =>
      queryRows<{ detail: Record<string, unknown>; outcome: string }>(
        t.database.db,
        sql`SELECT detail, outcome FROM audit_log WHERE action = 'reception.lookup' AND detail->>'receiptNumber' = ${v.receiptNumber.replaceAll('-', '')}`,
      );
    await expect.poll(async () => (await audited()).length).toBe(1);
    const rows = await audited();
    expect(rows[0]?.outcome).toBe('failure');
    expect(JSON.stringify(rows[0]?.detail)).not.toContain('4321');
  });
});

describe("a resident's visits", () => {
  it('claims a visit with its number and digits; later visits with the same identity follow', async () => {
    const person = { anonymous: false, name: '周小红', phone: '13700004321', idNumber: idOf('41010419900101004') };
    const first = await registerVisit(visitBody(disputeRoute(), { visitor: person }));
    expect((await get(resident, '/api/reception/my-visits')).json().items).toEqual([]);
    const claim = await post(resident, '/api/reception/my-visits', {
      receiptNumber: first.receiptNumber,
      phoneLast4: '4321',
    });
    expect(claim.statusCode, claim.body).toBe(200);
    const second = await registerVisit(
      visitBody(
        { track: 'referral', bodyKind: 'psychological_service', bodyName: '街道社会心理服务站' },
        { visitor: person, category: 'psychological' },
      ),
    );
    const mine = (await get(resident, '/api/reception/my-visits')).json().items;
    expect(mine.map((m: { receiptNumber: string }) => m.receiptNumber).sort()).toEqual(
      [first.receiptNumber, second.receiptNumber].sort(),
    );
    expect(mine.find((m: { receiptNumber: string }) => m.receiptNumber === second.receiptNumber)).toMatchObject({
      progress: { label: '已转介至接收机构', outcome: 'done' },
      referredTo: '心理服务机构',
    });
    expect(JSON.stringify(mine)).not.toContain('周小红');
    expect(JSON.stringify(mine)).not.toContain('13700004321');
    // Someone else's visit, with another identity number: refused, and not added.
    const stranger = await registerVisit(visitBody(disputeRoute(), { visitor: { ...VISITOR, phone: '13600001234' } }));
    const refused = await post(resident, '/api/reception/my-visits', {
      receiptNumber: stranger.receiptNumber,
      phoneLast4: '1234',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('reception.identity_mismatch');
    expect((await get(resident, '/api/reception/my-visits')).json().items).toHaveLength(2);
  });

  it('a wrong claim counts like a wrong lookup', async () => {
    const v = await registerVisit(visitBody(disputeRoute()));
    const res = await post(
      resident,
      '/api/reception/my-visits',
      { receiptNumber: v.receiptNumber, phoneLast4: '0000' },
      '10.90.0.1',
    );
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('reception.progress_not_found');
  });
});
