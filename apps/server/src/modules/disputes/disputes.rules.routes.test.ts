import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/*
 * Disputes' bad input (a 4xx with a stable code and a Chinese message, and nothing changed), scope
 * (another organisation's mediator, another township's centre: 404), personal data (masked in lists
 * and details, never plaintext in the database) and the admin's data (types and their limits,
 * organisations, mediators). Expected values are written by hand.
 */

let t: TestApp;
const s: Record<string, Session> = {};
let mingdeId: string;
let residentUserId: string;
let otherMediatorId: string;
const ID_A = (() => {
  const body = '41010419790102001';
  return body + idCheckChar(body);
})();
const PHONE_A = '13976540001';
const PHONE_B = '13976540002';
const NAME_A = '欧阳春花';
const NAME_B = '东方明';

let logins = 0;
const signedIn = (u: string) => login(t.app, u, undefined, `10.32.${++logins % 250}.1`);

beforeAll(async () => {
  t = await createTestApp();
  mingdeId = await regionIdByCode(t.database, '410104001001');
  await addUser(t.database, { username: 'zx_centre', role: 'dispatcher', regionCode: '410104002' });
  await addUser(t.database, { username: 'zhizhi_mediator', role: 'mediator', regionCode: '410104001002' });
  await addUser(t.database, { username: 'gewu_admin', role: 'admin', regionCode: '410104001' });
  for (const u of [
    'dispatcher',
    'mediator',
    'leader',
    'admin',
    'gridworker',
    'zx_centre',
    'zhizhi_mediator',
    'gewu_admin',
  ])
    s[u] = await signedIn(u);
  const ids = await queryRows<{ username: string; id: string }>(
    t.database.db,
    sql`SELECT username, id FROM users WHERE username IN ('resident', 'zhizhi_mediator')`,
  );
  residentUserId = ids.find((r) => r.username === 'resident')?.id as string;
  otherMediatorId = ids.find((r) => r.username === 'zhizhi_mediator')?.id as string;
  const linked = await call('admin', 'PUT', `/api/mediators/${otherMediatorId}`, {
    organisationId: await orgId('致知社区人民调解委员会'),
    title: '兼职调解员',
  });
  expect(linked.statusCode, linked.body).toBe(200);
}, 120_000);
afterAll(async () => {
  await t.close();
});

function call(who: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
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

const registration = (more: object = {}) => ({
  typeCode: 'neighbour',
  summary: '宅基地边界纠纷',
  regionId: mingdeId,
  source: 'walk_in',
  parties: [
    { kind: 'person', side: 'a', name: NAME_A, idNumber: ID_A, phone: PHONE_A },
    { kind: 'person', side: 'b', name: NAME_B, phone: PHONE_B },
  ],
  ...more,
});

async function register(more: object = {}) {
  const res = await call('dispatcher', 'POST', '/api/disputes', registration(more));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

async function act(who: string, id: string, action: string, more: object = {}) {
  const d = await call(who, 'GET', `/api/disputes/${id}`);
  return call(who, 'POST', `/api/disputes/${id}/actions`, { action, version: d.json().version, ...more });
}

async function ok(who: string, id: string, action: string, more: object = {}) {
  const res = await act(who, id, action, more);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

/** A dispute of 明德社区 diverted to the township committee and held by the demo mediator. */
async function mediating() {
  const d = await register();
  await ok('dispatcher', d.id, 'accept');
  await ok('dispatcher', d.id, 'divert', {
    path: 'people_mediation',
    organisationId: await orgId('格物街道人民调解委员会'),
    note: '街道调处',
  });
  await ok('mediator', d.id, 'assign', { mediatorUserId: s.mediator?.userId });
  return d;
}

/** What a refused request must leave as it was: the dispute row, its events and parties, and the dispute count. */
async function snapshot(id?: string) {
  const [row] = await queryRows<{ disputes: number; events: number; parties: number; dispute: string | null }>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM disputes) AS disputes,
               (SELECT count(*)::int FROM dispute_events WHERE dispute_id = ${id ?? null}::uuid) AS events,
               (SELECT count(*)::int FROM dispute_parties WHERE dispute_id = ${id ?? null}::uuid) AS parties,
               (SELECT row_to_json(d)::text FROM disputes d WHERE d.id = ${id ?? null}::uuid) AS dispute`,
  );
  return row;
}

describe('bad input is refused with a code and a Chinese message, and changes nothing', () => {
  it('an agreement without parties, with one side only, or without terms', async () => {
    const d = await mediating();
    const { parties } = (await call('mediator', 'GET', `/api/disputes/${d.id}`)).json();
    const [a, b] = parties as { id: string }[];
    const good = { partyIds: [a?.id, b?.id], facts: '界墙越界', terms: [{ text: '拆除越界部分', dueDate: null }] };
    const before = await snapshot(d.id);
    const cases: [object, string, string][] = [
      [{ ...good, partyIds: [] }, 'dispute.agreement_parties_required', '调解协议须列明签订协议的当事人'],
      [{ ...good, partyIds: [a?.id] }, 'dispute.agreement_parties_required', '调解协议须有申请方和被申请方双方当事人'],
      [{ ...good, terms: [] }, 'dispute.agreement_terms_required', '调解协议须写明协议内容（至少一项）'],
      [
        { partyIds: good.partyIds, facts: '界墙越界' },
        'dispute.agreement_terms_required',
        '调解协议须写明协议内容（至少一项）',
      ],
      [{ ...good, facts: '' }, 'dispute.agreement_facts_required', '调解协议须写明纠纷的主要事实'],
    ];
    for (const [body, code, message] of cases) {
      const res = await act('mediator', d.id, 'agree', body);
      expect([res.statusCode, res.json().code, res.json().message]).toEqual([400, code, message]);
    }
    expect(await snapshot(d.id)).toEqual(before);
  });

  it('a mediator outside the organisation, or an account that is no mediator', async () => {
    const d = await register();
    await ok('dispatcher', d.id, 'accept');
    await ok('dispatcher', d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('格物街道人民调解委员会'),
      note: '街道调处',
    });
    const before = await snapshot(d.id);
    for (const userId of [otherMediatorId, s.dispatcher?.userId]) {
      const res = await act('dispatcher', d.id, 'assign', { mediatorUserId: userId });
      expect([res.statusCode, res.json().code, res.json().message]).toEqual([
        400,
        'dispute.mediator_outside_organisation',
        '所选调解员不属于承办该纠纷的调解组织',
      ]);
    }
    // Nor may another organisation's mediator take it themselves (they do not see it).
    const self = await call('zhizhi_mediator', 'POST', `/api/disputes/${d.id}/actions`, {
      action: 'assign',
      version: 3,
      mediatorUserId: otherMediatorId,
    });
    expect([self.statusCode, self.json().code]).toEqual([404, 'dispute.not_found']);
    expect(await snapshot(d.id)).toEqual(before);
  });

  it('重大 without a 稳控责任人, at registration and at 风险研判; a resident as one', async () => {
    const before = await snapshot();
    const res = await call('dispatcher', 'POST', '/api/disputes', registration({ risk: 'major' }));
    expect([res.statusCode, res.json().code, res.json().message]).toEqual([
      400,
      'dispute.stability_required',
      '重大风险纠纷须指定稳控责任人',
    ]);
    const resident = await call(
      'dispatcher',
      'POST',
      '/api/disputes',
      registration({ risk: 'major', stabilityUserId: residentUserId }),
    );
    expect([resident.statusCode, resident.json().code]).toEqual([400, 'dispute.stability_user_invalid']);
    expect((await snapshot())?.disputes).toBe(before?.disputes);

    const d = await register();
    const unchanged = await snapshot(d.id);
    const assess = await act('dispatcher', d.id, 'assess_risk', {
      risk: 'major',
      civilToCriminal: true,
      note: '研判升级',
    });
    expect([assess.statusCode, assess.json().code]).toEqual([400, 'dispute.stability_required']);
    expect(await snapshot(d.id)).toEqual(unchanged);
    const done = await ok('dispatcher', d.id, 'assess_risk', {
      risk: 'major',
      civilToCriminal: true,
      stabilityUserId: s.gridworker?.userId,
      note: '研判升级',
    });
    expect([done.risk, done.civilToCriminal, done.stabilityUser]).toEqual([
      'major',
      true,
      { id: s.gridworker?.userId, name: '王网格' },
    ]);
  });

  it('referrals without the referring body or its number, an unknown type, a bad party, a stale version', async () => {
    const before = await snapshot();
    const cases: [object, number, string][] = [
      [{ source: 'police_referral', referringBody: '格物派出所' }, 400, 'dispute.external_ref_required'],
      [{ source: 'court_referral', externalRef: '（2026）豫0104民诉前调1号' }, 400, 'dispute.referring_body_required'],
      [{ source: 'hotline_12345' }, 400, 'dispute.external_ref_required'],
      [{ source: 'case_conversion' }, 400, 'dispute.case_required'],
      [{ typeCode: 'no_such_type' }, 400, 'dispute.type_unknown'],
      [
        { parties: [{ kind: 'person', side: 'a', name: '甲', idNumber: '410104197901020010' }] },
        400,
        'dispute.party_invalid',
      ],
      [{ parties: [{ kind: 'person', side: 'a', name: '甲', phone: '12345' }] }, 400, 'dispute.party_invalid'],
      [{ regionId: await regionIdByCode(t.database, '410104002001') }, 404, 'dispute.region_not_found'],
    ];
    for (const [more, status, code] of cases) {
      const res = await call('dispatcher', 'POST', '/api/disputes', registration(more));
      expect([JSON.stringify(more), res.statusCode, res.json().code]).toEqual([JSON.stringify(more), status, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const badId = await call(
      'dispatcher',
      'POST',
      '/api/disputes',
      registration({ parties: [{ kind: 'person', side: 'a', name: '甲', idNumber: '410104197901020010' }] }),
    );
    expect(badId.json().details.map((x: { path: string }) => x.path)).toEqual(['parties.0.idNumber']);
    expect((await snapshot())?.disputes).toBe(before?.disputes);

    const d = await register();
    const stale = await call('dispatcher', 'POST', `/api/disputes/${d.id}/actions`, { action: 'accept', version: 7 });
    expect([stale.statusCode, stale.json().code, stale.json().current]).toEqual([
      409,
      'dispute.conflict',
      { id: d.id, state: 'registered', version: 1 },
    ]);
  });

  it('an organisation that does not take the type, and parties once the agreement is made', async () => {
    const d = await register();
    await ok('dispatcher', d.id, 'accept');
    const medical = await act('dispatcher', d.id, 'divert', {
      path: 'professional_mediation',
      organisationId: await orgId('管城区医疗纠纷人民调解委员会'),
      note: '交医调委',
    });
    expect([medical.statusCode, medical.json().code]).toEqual([400, 'dispute.organisation_invalid']);

    const m = await mediating();
    const { parties } = (await call('mediator', 'GET', `/api/disputes/${m.id}`)).json();
    const added = await call('mediator', 'POST', `/api/disputes/${m.id}/parties`, {
      kind: 'organisation',
      side: 'third',
      name: '格物物业服务有限公司',
      creditCode: '91410104MA44XXXX1X',
    });
    expect(added.statusCode, added.body).toBe(201);
    await ok('mediator', m.id, 'agree', {
      partyIds: parties.map((p: { id: string }) => p.id),
      facts: '界墙越界',
      terms: [{ text: '拆除越界部分', dueDate: null }],
    });
    const before = await snapshot(m.id);
    const late = await call('mediator', 'POST', `/api/disputes/${m.id}/parties`, {
      kind: 'person',
      side: 'a',
      name: '补录人',
    });
    expect([late.statusCode, late.json().code]).toEqual([422, 'dispute.parties_locked']);
    const remove = await call('mediator', 'DELETE', `/api/disputes/${m.id}/parties/${added.json().id}`);
    expect([remove.statusCode, remove.json().code]).toEqual([422, 'dispute.parties_locked']);
    expect(await snapshot(m.id)).toEqual(before);
  });
});

describe('scope: only the dispute’s centre, region and organisation see it', () => {
  it('another organisation’s mediator and another township’s centre get 404; leaders read; grid workers are refused', async () => {
    const d = await mediating();
    for (const who of ['zhizhi_mediator', 'zx_centre']) {
      const read = await call(who, 'GET', `/api/disputes/${d.id}`);
      expect([who, read.statusCode, read.json().code]).toEqual([who, 404, 'dispute.not_found']);
      const acted = await call(who, 'POST', `/api/disputes/${d.id}/actions`, {
        action: 'escalate',
        version: 4,
        note: '上交',
      });
      expect([who, acted.statusCode]).toEqual([who, 404]);
      const party = await call(who, 'POST', `/api/disputes/${d.id}/parties`, {
        kind: 'person',
        side: 'a',
        name: '外人',
      });
      expect([who, party.statusCode]).toEqual([who, 404]);
      const list = await call(who, 'GET', '/api/disputes?pageSize=100');
      expect(list.json().items.map((i: { id: string }) => i.id)).not.toContain(d.id);
    }
    const proposal = await call('zx_centre', 'GET', `/api/disputes/${d.id}/organisation-proposal`);
    expect(proposal.statusCode).toBe(404);
    // The mediator holding it finds it in their own list; the county leader reads it but does not act.
    const mine = await call('mediator', 'GET', '/api/disputes?view=mine&pageSize=100');
    expect(mine.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
    expect((await call('leader', 'GET', `/api/disputes/${d.id}`)).statusCode).toBe(200);
    const leaderActs = await call('leader', 'POST', `/api/disputes/${d.id}/actions`, { action: 'close', version: 4 });
    expect([leaderActs.statusCode, leaderActs.json().code]).toEqual([403, 'access.denied']);
    const gridWorker = await call('gridworker', 'GET', '/api/disputes');
    expect([gridWorker.statusCode, gridWorker.json().code]).toEqual([403, 'access.denied']);
  });
});

describe('personal data', () => {
  it('is masked in the list and the detail, named in full only to those mediating, and never stored in plaintext', async () => {
    const d = await mediating();
    const list = await call('dispatcher', 'GET', `/api/disputes?q=${d.code}`);
    const [item] = list.json().items;
    const masked = [
      { side: 'a', nameMasked: '欧***', phoneMasked: '139****0001', idMasked: `4101************${ID_A.slice(-2)}` },
      { side: 'b', nameMasked: '东**', phoneMasked: '139****0002', idMasked: null },
    ];
    expect(
      item.parties.map((p: Record<string, unknown>) => ({
        side: p.side,
        nameMasked: p.nameMasked,
        phoneMasked: p.phoneMasked,
        idMasked: p.idMasked,
      })),
    ).toEqual(masked);
    const centre = (await call('dispatcher', 'GET', `/api/disputes/${d.id}`)).json();
    expect(centre.parties.map((p: { name: string }) => p.name)).toEqual([NAME_A, NAME_B]);
    const leader = await call('leader', 'GET', `/api/disputes/${d.id}`);
    expect(
      leader.json().parties.map((p: { name: string | null; nameMasked: string }) => [p.name, p.nameMasked]),
    ).toEqual([
      [null, '欧***'],
      [null, '东**'],
    ]);
    for (const body of [list.body, JSON.stringify(centre), leader.body]) {
      for (const secret of [ID_A, PHONE_A, PHONE_B]) expect(body).not.toContain(secret);
    }
    expect(leader.body).not.toContain(NAME_A);
    // The database holds the names and numbers only encrypted, hashed and masked.
    const rows = await queryRows<{ row: string }>(
      t.database.db,
      sql`SELECT row_to_json(p)::text AS row FROM dispute_parties p WHERE dispute_id = ${d.id}
          UNION ALL SELECT row_to_json(e)::text FROM dispute_events e WHERE dispute_id = ${d.id}
          UNION ALL SELECT row_to_json(x)::text FROM disputes x WHERE id = ${d.id}`,
    );
    const stored = rows.map((r) => r.row).join('\n');
    for (const plain of [ID_A, PHONE_A, PHONE_B, NAME_A, NAME_B]) expect(stored).not.toContain(plain);
    const [a] = await queryRows<{ name_enc: string; id_hash: string }>(
      t.database.db,
      sql`SELECT name_enc, id_hash FROM dispute_parties WHERE dispute_id = ${d.id} AND side = 'a'`,
    );
    expect(t.deps.pii.decrypt(a?.name_enc as string)).toBe(NAME_A);
    expect(a?.id_hash).toBe(t.deps.pii.lookupHash('id', ID_A));
  });
});

describe('the admin keeps types, organisations and mediators', () => {
  it('the starter types with their mediation limits; a county admin changes one, a township admin may not', async () => {
    const types = (await call('dispatcher', 'GET', '/api/dispute-types')).json().items;
    expect(
      types.map((x: { name: string; limits: { mediate: { amount: number } } }) => [x.name, x.limits.mediate.amount]),
    ).toEqual([
      ['婚姻家庭纠纷', 30],
      ['邻里纠纷', 15],
      ['物业纠纷', 30],
      ['土地山林纠纷', 30],
      ['劳资纠纷', 30],
      ['医患纠纷', 30],
      ['交通事故纠纷', 30],
      ['消费纠纷', 15],
      ['征地拆迁纠纷', 30],
      ['其他纠纷', 30],
    ]);
    const township = await call('gewu_admin', 'PATCH', '/api/dispute-types/consumer', {
      limits: { mediate: { amount: 10, unit: 'natural_days' } },
    });
    expect([township.statusCode, township.json().code]).toEqual([403, 'setting.level_not_owner']);
    const changed = await call('admin', 'PATCH', '/api/dispute-types/consumer', {
      limits: { mediate: { amount: 10, unit: 'natural_days' } },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().limits.mediate).toEqual({
      amount: 10,
      unit: 'natural_days',
      own: true,
      source: '本类型设定',
    });
    expect(changed.json().limits.confirm_window.amount).toBe(30);
    // A consumer dispute now gets ten days to mediate.
    const d = await register({ typeCode: 'consumer' });
    await ok('dispatcher', d.id, 'accept');
    await ok('dispatcher', d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('格物街道人民调解委员会'),
      note: '街道调处',
    });
    const view = await ok('mediator', d.id, 'assign', { mediatorUserId: s.mediator?.userId });
    expect(new Date(view.stageDeadline).getTime() - new Date(view.stageStartedAt).getTime()).toBe(10 * 86_400_000);
  });

  it('organisations suit their tier; a mediator holding disputes stays until they are handed on', async () => {
    const wrongTier = await call('gewu_admin', 'POST', '/api/mediation-organisations', {
      regionId: mingdeId,
      name: '明德社区第二调委会',
      kind: 'people_township',
    });
    expect([wrongTier.statusCode, wrongTier.json().code]).toEqual([400, 'dispute.organisation_kind_tier']);
    const outside = await call('gewu_admin', 'POST', '/api/mediation-organisations', {
      regionId: await regionIdByCode(t.database, '410104002001'),
      name: '笃行社区物业纠纷调委会',
      kind: 'professional',
    });
    expect([outside.statusCode, outside.json().code]).toEqual([404, 'dispute.organisation_region_not_found']);
    const created = await call('gewu_admin', 'POST', '/api/mediation-organisations', {
      regionId: mingdeId,
      name: '明德社区物业纠纷调委会',
      kind: 'professional',
      typeCodes: ['property_management'],
    });
    expect(created.statusCode, created.body).toBe(201);
    expect([created.json().tier, created.json().mediators]).toEqual(['village', []]);
    const taken = await call('gewu_admin', 'POST', '/api/mediation-organisations', {
      regionId: mingdeId,
      name: '明德社区物业纠纷调委会',
      kind: 'professional',
    });
    expect([taken.statusCode, taken.json().code]).toEqual([409, 'dispute.organisation_name_taken']);

    const d = await mediating();
    const move = await call('admin', 'PUT', `/api/mediators/${s.mediator?.userId}`, {
      organisationId: created.json().id,
    });
    expect([move.statusCode, move.json().code]).toEqual([409, 'dispute.mediator_busy']);
    const leave = await call('admin', 'DELETE', `/api/mediators/${s.mediator?.userId}`);
    expect([leave.statusCode, leave.json().code]).toEqual([409, 'dispute.mediator_busy']);
    const busy = await call('admin', 'PATCH', `/api/mediation-organisations/${await orgId('格物街道人民调解委员会')}`, {
      active: false,
    });
    expect([busy.statusCode, busy.json().code]).toEqual([409, 'dispute.organisation_busy']);
    await ok('mediator', d.id, 'fail', { guidedPath: 'litigation', note: '引导诉讼' });
    // A dispatcher account cannot be made a mediator.
    const notMediator = await call('admin', 'PUT', `/api/mediators/${s.dispatcher?.userId}`, {
      organisationId: created.json().id,
    });
    expect([notMediator.statusCode, notMediator.json().code]).toEqual([400, 'dispute.mediator_user_invalid']);
  });
});
