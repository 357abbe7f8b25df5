import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { queryRows } from '../../db/client.ts';
import { pdfText } from '../../../test/pdf-text.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/*
 * The dispute's documents over HTTP: the 人民调解协议书 printed from the recorded agreement (its text
 * read back from the PDF), who may print it and when, and the signed scan uploaded back onto the
 * dispute. Expected texts are written by hand from the standard layout; the test clock starts on
 * Monday 2026-11-23 10:00 in Beijing.
 */

let t: TestApp;
const s: Record<string, Session> = {};
let mingdeId: string;
const TOWNSHIP_COMMITTEE = '格物街道人民调解委员会';
const PHONE_A = '13987651234';

let logins = 0;
const signedIn = (u: string) => login(t.app, u, undefined, `10.33.${++logins % 250}.2`);

beforeAll(async () => {
  t = await createTestApp();
  mingdeId = await regionIdByCode(t.database, '410104001001');
  await addUser(t.database, { username: 'zhizhi_mediator2', role: 'mediator', regionCode: '410104001002' });
  await addUser(t.database, { username: 'zx_centre2', role: 'dispatcher', regionCode: '410104002' });
  for (const u of ['dispatcher', 'mediator', 'leader', 'admin', 'zhizhi_mediator2', 'zx_centre2'])
    s[u] = await signedIn(u);
  const [other] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM users WHERE username = 'zhizhi_mediator2'`,
  );
  const linked = await call('admin', 'PUT', `/api/mediators/${other?.id}`, {
    organisationId: await orgId('致知社区人民调解委员会'),
  });
  expect(linked.statusCode, linked.body).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
});

function call(who: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return t.app.inject({ method, url, ...as(s[who] as Session), ...(payload ? { payload } : {}) });
}

async function orgId(name: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM mediation_organisations WHERE name = ${name}`,
  );
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

async function act(who: string, id: string, action: string, more: object = {}) {
  const { version } = (await call(who, 'GET', `/api/disputes/${id}`)).json();
  return call(who, 'POST', `/api/disputes/${id}/actions`, { action, version, ...more });
}
async function ok(who: string, id: string, action: string, more: object = {}) {
  const res = await act(who, id, action, more);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** A dispute of 明德社区 with a person on 甲方 and a company, its legal representative and an agent on 乙方, held by the township committee's mediator. */
async function mediating() {
  const res = await call('dispatcher', 'POST', '/api/disputes', {
    typeCode: 'property_management',
    summary: '公共排水立管堵塞致楼下被淹，业主与物业公司争执',
    regionId: mingdeId,
    source: 'walk_in',
    parties: [
      { kind: 'person', side: 'a', name: '钱多多', phone: PHONE_A, address: '明德路18号3单元201室' },
      { kind: 'organisation', side: 'b', name: '郑州市明德物业服务有限公司', address: '明德路20号' },
      { kind: 'person', side: 'b', role: 'legal_representative', name: '王立新' },
      { kind: 'person', side: 'b', role: 'agent', name: '孙志强' },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await ok('dispatcher', id, 'accept');
  await ok('dispatcher', id, 'divert', {
    path: 'people_mediation',
    organisationId: await orgId(TOWNSHIP_COMMITTEE),
    note: '涉及物业公司，由街道调委会调处',
  });
  const view = await ok('mediator', id, 'assign', { mediatorUserId: s.mediator?.userId });
  return { id, code: res.json().code as string, parties: view.parties as { id: string; role: string; side: string }[] };
}

async function agreed() {
  const d = await mediating();
  const principals = d.parties.filter((p) => p.role === 'principal').map((p) => p.id);
  await ok('mediator', d.id, 'agree', {
    partyIds: principals,
    facts: '2026年11月，18号楼公共排水立管堵塞，污水倒灌致甲方住房地面被淹。',
    terms: [
      { text: '乙方更换18号楼3单元公共排水立管，费用由其承担', dueDate: '2026-12-20' },
      { text: '乙方一次性赔偿甲方地板修复费用人民币贰仟元整。', dueDate: null },
    ],
  });
  return d;
}

async function pdf(who: string, id: string) {
  return call(who, 'GET', `/api/disputes/${id}/agreement.pdf`);
}

describe('人民调解协议书 (GET /api/disputes/:id/agreement.pdf)', () => {
  it('prints the parties, the facts, the terms and the dates in Chinese from the recorded agreement', async () => {
    const d = await agreed();
    const res = await pdf('mediator', d.id);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(`人民调解协议书-${d.code}.pdf`)}`,
    );
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(res.rawPayload);
    for (const line of [
      '人民调解协议书',
      '当事人（甲方）：钱多多',
      `联系方式：${PHONE_A}`,
      '单位或住址：明德路18号3单元201室',
      '当事人（乙方）：郑州市明德物业服务有限公司',
      '地址：明德路20号',
      // The person entered as the company's legal representative is its 法定代表人 line, not a party of their own.
      '法定代表人：王立新',
      '委托代理人（乙方）：孙志强',
      '纠纷主要事实、争议事项：',
      '2026年11月，18号楼公共排水立管堵塞，污水倒灌致甲方住房地面被淹。',
      '一、乙方更换18号楼3单元公共排水立管，费用由其承担（履行期限：2026年12月20日前）。',
      '二、乙方一次性赔偿甲方地板修复费用人民币贰仟元整。',
      '履行方式、时限：',
      '第一项于2026年12月20日前履行；其余各项自本协议生效之日起履行。',
      '可以自调解协议生效之日起三十日内共同向人民法院申请司法确认。',
      // two parties themselves (the company and 钱多多) and the committee
      '本协议一式三份',
      '人民调解员（签名）',
      '孙调解',
      `${TOWNSHIP_COMMITTEE}2026年11月23日`,
    ])
      expect(text, line).toContain(line);
    expect(text).not.toContain('当事人（乙方）：王立新');
    // Each side's parties themselves come before their agents.
    expect(text.indexOf('当事人（乙方）')).toBeLessThan(text.indexOf('委托代理人（乙方）'));
    expect(text).toMatch(/编号：〔2026〕格调字第\d+号/);

    // A reprint keeps its number; the committee's next agreement gets the next one.
    const number = (s: string) => Number(/格调字第(\d+)号/.exec(s)?.[1]);
    const again = await pdfText((await pdf('dispatcher', d.id)).rawPayload);
    expect(number(again)).toBe(number(text));
    t.clock.advance(60_000);
    const next = await agreed();
    expect(number(await pdfText((await pdf('mediator', next.id)).rawPayload))).toBe(number(text) + 1);

    // Printing shows everyone's particulars: it is audited, and the audit names no party.
    const audit = await queryRows<{ actor_name: string; detail: unknown }>(
      t.database.db,
      sql`SELECT actor_name, detail FROM audit_log WHERE action = 'dispute.agreement_print' AND target_id = ${d.id} ORDER BY id`,
    );
    expect(audit).toEqual([
      { actor_name: 'mediator', detail: { code: d.code } },
      { actor_name: 'dispatcher', detail: { code: d.code } },
    ]);
  });

  it('the centre, the organisation and the region’s leaders may print; the detail says so', async () => {
    const d = await agreed();
    for (const who of ['dispatcher', 'mediator', 'leader']) {
      const res = await pdf(who, d.id);
      expect([who, res.statusCode]).toEqual([who, 200]);
      expect([who, (await call(who, 'GET', `/api/disputes/${d.id}`)).json().canPrintAgreement]).toEqual([who, true]);
    }
  });

  it('before the agreement: 422 dispute.no_agreement, and the detail offers no print', async () => {
    const d = await mediating();
    const res = await pdf('mediator', d.id);
    expect([res.statusCode, res.json().code, res.json().message]).toEqual([
      422,
      'dispute.no_agreement',
      '该纠纷尚未达成调解协议，没有可打印的人民调解协议书',
    ]);
    expect((await call('mediator', 'GET', `/api/disputes/${d.id}`)).json().canPrintAgreement).toBe(false);
  });

  it('another organisation’s mediator and another township’s centre get 404, as for a dispute that does not exist', async () => {
    const d = await agreed();
    for (const who of ['zhizhi_mediator2', 'zx_centre2']) {
      const res = await pdf(who, d.id);
      expect([who, res.statusCode, res.json().code]).toEqual([who, 404, 'dispute.not_found']);
    }
    const none = await pdf('mediator', '00000000-0000-4000-8000-000000000000');
    expect([none.statusCode, none.json().code]).toEqual([404, 'dispute.not_found']);
    // Nor is it among their disputes (the phone's 我的纠纷 is view=mine).
    const mine = await call('zhizhi_mediator2', 'GET', '/api/disputes?view=mine&pageSize=100');
    expect(mine.json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    const own = await call('mediator', 'GET', '/api/disputes?view=mine&pageSize=100');
    expect(own.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
  });
});

describe('the signed agreement’s scan (attach_signed_agreement)', () => {
  async function upload(who: string): Promise<string> {
    const body = await sharp({ create: { width: 40, height: 56, channels: 3, background: '#f4f1e8' } })
      .jpeg()
      .toBuffer();
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/attachments?name=signed.jpg',
      ...as(s[who] as Session, { 'content-type': 'image/jpeg' }),
      body,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id;
  }

  it('goes onto the dispute as 已签署协议书扫描件 and is seen by whoever sees the dispute', async () => {
    const d = await agreed();
    const before = (await call('mediator', 'GET', `/api/disputes/${d.id}`)).json();
    expect(before.actions).toContain('attach_signed_agreement');
    expect(before.signedScans).toEqual([]);
    const scan = await upload('mediator');
    const view = await ok('mediator', d.id, 'attach_signed_agreement', { attachmentIds: [scan] });
    expect([view.state, view.version, view.stage]).toEqual(['agreed', before.version + 1, 'confirm_window']);
    expect(view.signedScans).toEqual([{ attachmentId: scan, at: t.clock.now().toISOString(), actorName: '孙调解' }]);
    const event = view.events.at(-1);
    expect([event.type, event.label, event.attachmentIds]).toEqual([
      'attach_signed_agreement',
      '上传已签署协议书扫描件',
      [scan],
    ]);
    // The centre and the leader see the scan with the dispute; another organisation's mediator does not.
    for (const [who, status] of [
      ['dispatcher', 200],
      ['leader', 200],
      ['zhizhi_mediator2', 404],
    ] as const) {
      const img = await call(who, 'GET', `/api/attachments/${scan}?size=thumb`);
      expect([who, img.statusCode]).toEqual([who, status]);
    }
    // It stays through 司法确认.
    await ok('mediator', d.id, 'apply_confirmation', { court: '管城回族区人民法院' });
    expect((await call('dispatcher', 'GET', `/api/disputes/${d.id}`)).json().signedScans).toHaveLength(1);
  });

  it('is refused before the agreement, without a scan, and with someone else’s upload — nothing changed', async () => {
    const d = await mediating();
    const scan = await upload('mediator');
    const early = await act('mediator', d.id, 'attach_signed_agreement', { attachmentIds: [scan] });
    expect([early.statusCode, early.json().code]).toEqual([422, 'dispute.invalid_state']);
    const a = await agreed();
    const version = (await call('mediator', 'GET', `/api/disputes/${a.id}`)).json().version;
    const empty = await act('mediator', a.id, 'attach_signed_agreement', { attachmentIds: [] });
    expect([empty.statusCode, empty.json().code]).toEqual([400, 'validation.failed']);
    const theirs = await upload('dispatcher');
    const foreign = await act('mediator', a.id, 'attach_signed_agreement', { attachmentIds: [theirs] });
    expect(foreign.statusCode).toBe(400);
    const after = (await call('mediator', 'GET', `/api/disputes/${a.id}`)).json();
    expect([after.version, after.signedScans]).toEqual([version, []]);
    // A leader reads but does not upload.
    const leader = await act('leader', a.id, 'attach_signed_agreement', { attachmentIds: [scan] });
    expect([leader.statusCode, leader.json().code]).toEqual([403, 'access.denied']);
  });
});
