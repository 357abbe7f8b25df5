import { STARTER_CATALOGUE } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import {
  addUser,
  as,
  createTestApp,
  everyTableCount,
  login,
  pointInGrid,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

/*
 * Cases and disputes turned into each other, with the link kept both ways (issue 15, point 1):
 * - 转矛盾纠纷: a case (a resident's report, a grid worker's report) registered as a dispute with source
 *   case_conversion; the case ends as `converted` (CASE_LIFE.convert_to_dispute: the centre, before
 *   dispatch, with a reason); twice gives the same dispute;
 * - 转案件: a matter for a department found in mediation filed as a case on channel `dispute`; the
 *   dispute keeps its state (DISPUTE_LIFE.refer_case); twice gives the same case;
 * - both detail views show the other record's code and state to those who may open it, and to anyone
 *   else only that a link exists (kind and relation, no id, code or state).
 * Expectations are written from those rules, not read from the code.
 */

let t: TestApp;
let dispatcher: Session;
let mediator: Session;
let resident: Session;
let gridworker: Session;
let leader: Session;
let otherCentre: Session;
let point: { lon: number; lat: number };
let mingdeId: string;

const ITEM = STARTER_CATALOGUE.find(
  (i) => i.publicReport && !i.unclassified && !i.negativeList && !i.fields.some((f) => f.required),
);

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'links_other_centre', role: 'dispatcher', regionCode: '410104002' });
  const signIn = (u: string, i: number) => login(t.app, u, undefined, `10.41.0.${i}`);
  dispatcher = await signIn('dispatcher', 1);
  mediator = await signIn('mediator', 2);
  resident = await signIn('resident', 3);
  gridworker = await signIn('gridworker', 4);
  leader = await signIn('leader', 5);
  otherCentre = await signIn('links_other_centre', 6);
  const spot = await pointInGrid(t.database, '410104001001001');
  point = { lon: spot.lon, lat: spot.lat };
  mingdeId = await regionIdByCode(t.database, '410104001001');
});
afterAll(async () => {
  await t.close();
});

const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });

async function report(by: Session, description = '小区里两户因停车位多次争吵，物业调解无果') {
  const res = await call(by, 'POST', '/api/cases', {
    itemCode: ITEM?.code,
    description,
    location: point,
    idempotencyKey: crypto.randomUUID(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string };
}

async function caseView(s: Session, id: string) {
  const res = await call(s, 'GET', `/api/cases/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function disputeView(s: Session, id: string) {
  const res = await call(s, 'GET', `/api/disputes/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function caseAct(s: Session, id: string, action: string, more: object = {}) {
  const { version } = await caseView(s, id);
  return call(s, 'POST', `/api/cases/${id}/actions`, { action, version, ...more });
}

const convert = (caseId: string, more: object = {}) =>
  call(dispatcher, 'POST', '/api/disputes', {
    typeCode: 'neighbour',
    summary: '停车位纠纷，双方多次争吵',
    source: 'case_conversion',
    caseId,
    note: '属邻里纠纷，转人民调解',
    parties: [
      { kind: 'person', side: 'a', name: '钱甲' },
      { kind: 'person', side: 'b', name: '孙乙' },
    ],
    ...more,
  });

async function count(table: 'disputes' | 'cases' | 'case_events' | 'dispute_events', where = sql`true`) {
  const [row] = await queryRows<{ n: number }>(
    t.database.db,
    sql`SELECT count(*)::int AS n FROM ${sql.raw(table)} WHERE ${where}`,
  );
  return row?.n ?? 0;
}

const hidden = (relation: string, kind: string) => ({
  relation,
  kind,
  visible: false,
  id: null,
  code: null,
  state: null,
  stateLabel: null,
});

describe('转矛盾纠纷: a case becomes a dispute', () => {
  it('registers the dispute from the case, ends the case as converted and links both ways', async () => {
    const c = await report(resident);
    expect((await caseAct(dispatcher, c.id, 'accept', { conditionMet: true })).statusCode).toBe(200);
    const res = await convert(c.id);
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    expect([d.state, d.created]).toEqual(['registered', true]);

    const cv = await caseView(dispatcher, c.id);
    // The case's chain ends here: no clock runs, the last event names the dispute.
    expect([cv.state, cv.stage, cv.stageDeadline, cv.actions]).toEqual(['converted', null, null, []]);
    const last = cv.events.at(-1);
    expect([last.type, last.label, last.note, last.data.disputeId, last.data.disputeCode]).toEqual([
      'convert_to_dispute',
      '转矛盾纠纷',
      '属邻里纠纷，转人民调解',
      d.id,
      d.code,
    ]);
    expect(cv.links).toEqual([
      {
        relation: 'converted_to',
        kind: 'dispute',
        visible: true,
        id: d.id,
        code: d.code,
        state: 'registered',
        stateLabel: '待受理',
      },
    ]);

    const dv = await disputeView(dispatcher, d.id);
    // Placed at the case's village (the grid's parent), sourced from the case.
    expect([dv.source, dv.linkedCaseId, dv.regionName, dv.tier]).toEqual([
      'case_conversion',
      c.id,
      '明德社区',
      'village',
    ]);
    expect(dv.links).toEqual([
      {
        relation: 'converted_from',
        kind: 'case',
        visible: true,
        id: c.id,
        code: c.code,
        state: 'converted',
        stateLabel: '已转矛盾纠纷',
      },
    ]);
    // The reporter is told (CASE_LIFE notify: reporter, first contact).
    const [told] = await queryRows<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM notifications WHERE kind = 'case.convert_to_dispute' AND case_id = ${c.id} AND user_id = ${resident.userId}`,
    );
    expect(told?.n).toBe(1);
  });

  it('converting twice gives the same dispute and writes nothing more; at once, too', async () => {
    const c = await report(resident);
    const first = await convert(c.id);
    expect(first.statusCode, first.body).toBe(201);
    const before = await everyTableCount(t.database);
    const again = await convert(c.id, { summary: '再次提交' });
    expect([again.statusCode, again.json().id, again.json().created]).toEqual([200, first.json().id, false]);
    expect(await everyTableCount(t.database)).toEqual(before);

    const c2 = await report(resident);
    const both = await Promise.all([convert(c2.id), convert(c2.id)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(new Set(both.map((r) => r.json().id)).size).toBe(1);
    expect(await count('disputes', sql`linked_case_id = ${c2.id}`)).toBe(1);
    expect(await count('case_events', sql`case_id = ${c2.id} AND type = 'convert_to_dispute'`)).toBe(1);
  });

  it('a grid worker’s report becomes a dispute the same way; its reporter sees only that a link exists', async () => {
    const c = await report(gridworker, '网格巡查发现：两户因宅基地边界争执，情绪激动');
    const res = await convert(c.id, { typeCode: 'land_forest', risk: 'serious' });
    expect(res.statusCode, res.body).toBe(201);
    const d = res.json();
    // The grid worker may not open disputes: the link says there is one, nothing about it.
    const seenByWorker = await caseView(gridworker, c.id);
    expect([seenByWorker.state, seenByWorker.links]).toEqual(['converted', [hidden('converted_to', 'dispute')]]);
    expect([seenByWorker.events.at(-1).type, seenByWorker.events.at(-1).data]).toEqual(['convert_to_dispute', {}]);
    // A leader over the county sees both records.
    expect((await caseView(leader, c.id)).links[0]).toMatchObject({ visible: true, code: d.code });
    expect((await disputeView(leader, d.id)).links[0]).toMatchObject({ visible: true, code: c.code });
  });

  it('refuses what CASE_LIFE refuses, and changes nothing', async () => {
    const c = await report(resident);
    const before = await everyTableCount(t.database);
    const noNote = await convert(c.id, { note: undefined });
    expect([noNote.statusCode, noNote.json().code]).toEqual([400, 'case.note_required']);
    // Only with that source; and another township's centre cannot reach the case.
    const wrongSource = await convert(c.id, { source: 'walk_in', regionId: mingdeId });
    expect([wrongSource.statusCode, wrongSource.json().code]).toEqual([400, 'dispute.case_only_for_conversion']);
    const foreign = await call(otherCentre, 'POST', '/api/disputes', {
      typeCode: 'neighbour',
      summary: '越界转办',
      source: 'case_conversion',
      caseId: c.id,
      note: '转',
    });
    expect([foreign.statusCode, foreign.json().code]).toEqual([400, 'dispute.case_required']);
    // The generic action route does not take it: the dispute would be missing.
    const direct = await caseAct(dispatcher, c.id, 'convert_to_dispute', { note: '直接转' });
    expect([direct.statusCode, direct.json().code]).toEqual([400, 'case.action_elsewhere']);
    expect(await everyTableCount(t.database)).toEqual(before);

    // Once a unit holds it, it is too late (the unit returns it to the centre first).
    const [{ id: unitId } = { id: '' }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT unit_id AS id FROM users WHERE username = 'handler'`,
    );
    expect((await caseAct(dispatcher, c.id, 'accept', { conditionMet: true })).statusCode).toBe(200);
    expect((await caseAct(dispatcher, c.id, 'dispatch', { unitId })).statusCode).toBe(200);
    const late = await convert(c.id);
    expect([late.statusCode, late.json().code]).toEqual([422, 'case.invalid_state']);
    expect(await count('disputes', sql`linked_case_id = ${c.id}`)).toBe(0);
  });
});

describe('转案件: mediation files a case for a department', () => {
  /** A dispute registered at 明德社区, diverted to the township committee and held by the demo mediator. */
  async function mediating() {
    const reg = await call(dispatcher, 'POST', '/api/disputes', {
      typeCode: 'neighbour',
      summary: '邻居私搭棚屋占用通道引发争吵',
      regionId: mingdeId,
      source: 'walk_in',
      parties: [
        { kind: 'person', side: 'a', name: '周甲' },
        { kind: 'person', side: 'b', name: '吴乙' },
      ],
    });
    expect(reg.statusCode, reg.body).toBe(201);
    const id = reg.json().id as string;
    const [org] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM mediation_organisations WHERE name = '格物街道人民调解委员会'`,
    );
    for (const [s, body] of [
      [dispatcher, { action: 'accept' }],
      [dispatcher, { action: 'divert', path: 'people_mediation', organisationId: org?.id, note: '街道调处' }],
      [mediator, { action: 'assign', mediatorUserId: mediator.userId }],
    ] as const) {
      const { version } = await disputeView(s, id);
      const res = await call(s, 'POST', `/api/disputes/${id}/actions`, { ...body, version });
      expect(res.statusCode, res.body).toBe(200);
    }
    return disputeView(mediator, id);
  }

  const refer = (s: Session, id: string, version: number, more: object = {}) =>
    call(s, 'POST', `/api/disputes/${id}/case`, {
      itemCode: ITEM?.code,
      description: '调解中发现：吴某私搭棚屋占用消防通道，需城管处置',
      version,
      note: '违建部分属城管职责，转案件',
      ...more,
    });

  it('files the case in the centre’s queue; the dispute goes on; both show the link', async () => {
    const d = await mediating();
    const res = await refer(mediator, d.id, d.version);
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    // The mediator's role does not open cases: the answer says a case was filed, not which.
    expect([r.created, r.disputeVersion, r.case]).toEqual([true, d.version + 1, hidden('referred_to', 'case')]);

    const dv = await disputeView(dispatcher, d.id);
    // The dispute keeps its state and its mediation clock (refer_case: next same, clock keep).
    expect([dv.state, dv.stage, dv.stageDeadline]).toEqual(['mediating', d.stage, d.stageDeadline]);
    const caseId = dv.links[0]?.id as string;
    expect([dv.events.at(-1).type, dv.events.at(-1).label, dv.events.at(-1).data.caseId]).toEqual([
      'refer_case',
      '转案件',
      caseId,
    ]);
    expect(dv.links).toEqual([
      {
        relation: 'referred_to',
        kind: 'case',
        visible: true,
        id: caseId,
        code: expect.stringMatching(/^\d{15}$/),
        state: 'reported',
        stateLabel: '待受理',
      },
    ]);
    // The mediator's timeline records the filing without naming the case.
    const mv = await disputeView(mediator, d.id);
    expect([mv.events.at(-1).type, mv.events.at(-1).data, mv.links]).toEqual([
      'refer_case',
      {},
      [hidden('referred_to', 'case')],
    ]);
    const r2 = { case: { id: caseId } };

    // The centre finds it in its queue, placed at the dispute's village, on channel `dispute`, the mediator its first contact.
    const queue = await call(dispatcher, 'GET', '/api/cases?view=queue&pageSize=100');
    expect(queue.json().items.map((c: { id: string }) => c.id)).toContain(r2.case.id);
    const cv = await caseView(dispatcher, r2.case.id);
    expect([cv.state, cv.channel, cv.regionPath, cv.firstContact?.id]).toEqual([
      'reported',
      'dispute',
      dv.regionPath,
      mediator.userId,
    ]);
    expect(cv.links).toEqual([
      {
        relation: 'referred_from',
        kind: 'dispute',
        visible: true,
        id: d.id,
        code: d.code,
        state: 'mediating',
        stateLabel: '调解中',
      },
    ]);
    // The case chain goes on as usual: the centre accepts it.
    expect((await caseAct(dispatcher, r2.case.id, 'accept', { conditionMet: true })).statusCode).toBe(200);
    expect((await disputeView(dispatcher, d.id)).links[0]).toMatchObject({ state: 'accepted', stateLabel: '待派遣' });
  });

  it('filing twice gives the same case; at once, too', async () => {
    const d = await mediating();
    const first = await refer(mediator, d.id, d.version);
    expect(first.statusCode, first.body).toBe(201);
    const before = await everyTableCount(t.database);
    const again = await refer(dispatcher, d.id, d.version);
    const filedId = (await disputeView(dispatcher, d.id)).links[0]?.id;
    expect([again.statusCode, again.json().created, again.json().case.id]).toEqual([200, false, filedId]);
    expect(await everyTableCount(t.database)).toEqual(before);

    const d2 = await mediating();
    const both = await Promise.all([refer(mediator, d2.id, d2.version), refer(dispatcher, d2.id, d2.version)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    expect(await count('cases', sql`source_dispute_id = ${d2.id}`)).toBe(1);
  });

  it('refuses what DISPUTE_LIFE refuses and what is out of reach, changing nothing', async () => {
    const d = await mediating();
    const before = await everyTableCount(t.database);
    const stale = await refer(mediator, d.id, d.version - 1);
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'dispute.conflict']);
    const noNote = await refer(mediator, d.id, d.version, { note: '' });
    expect(noNote.statusCode).toBe(400);
    const badItem = await refer(mediator, d.id, d.version, { itemCode: '99999' });
    expect([badItem.statusCode, badItem.json().code]).toEqual([400, 'case.unknown_item']);
    const foreign = await refer(otherCentre, d.id, d.version);
    expect([foreign.statusCode, foreign.json().code]).toEqual([404, 'dispute.not_found']);
    const resident403 = await refer(resident, d.id, d.version);
    expect(resident403.statusCode).toBe(403);
    // The generic action route does not take it.
    const direct = await call(mediator, 'POST', `/api/disputes/${d.id}/actions`, {
      action: 'refer_case',
      version: d.version,
      note: '直接转',
    });
    expect(direct.statusCode).toBe(400);
    expect(await everyTableCount(t.database)).toEqual(before);

    // A declined dispute has ended: nothing to file from it.
    const reg = await call(dispatcher, 'POST', '/api/disputes', {
      typeCode: 'neighbour',
      summary: '咨询类事项',
      regionId: mingdeId,
      source: 'walk_in',
    });
    const id = reg.json().id as string;
    const declined = await call(dispatcher, 'POST', `/api/disputes/${id}/actions`, {
      action: 'decline',
      version: 1,
      channel: 'litigation',
      note: '已起诉',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const late = await refer(dispatcher, id, 2);
    expect([late.statusCode, late.json().code]).toEqual([422, 'dispute.invalid_state']);
    expect(await count('cases', sql`source_dispute_id = ${id}`)).toBe(0);
  });

  it('scope: the link shows code and state only to those who may open the other record', async () => {
    const d = await mediating();
    const filed = await refer(dispatcher, d.id, d.version);
    expect(filed.statusCode, filed.body).toBe(201);
    const caseId = filed.json().case.id as string;
    // The mediator may not open cases, so the dispute shows them only that one exists.
    expect((await disputeView(mediator, d.id)).links).toEqual([hidden('referred_to', 'case')]);
    expect((await call(mediator, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(403);
    // The centre and the county's leader see both ends.
    expect((await disputeView(dispatcher, d.id)).links[0]).toMatchObject({ visible: true, id: caseId });
    expect((await caseView(leader, caseId)).links[0]).toMatchObject({ visible: true, id: d.id, code: d.code });
    // Another township's centre reaches neither.
    expect((await call(otherCentre, 'GET', `/api/cases/${caseId}`)).statusCode).toBe(404);
    expect((await call(otherCentre, 'GET', `/api/disputes/${d.id}`)).statusCode).toBe(404);

    // A dispute converted from a case the mediator may not open: its id is not given either.
    const c = await report(resident);
    const conv = await convert(c.id);
    const did = conv.json().id as string;
    const [org] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM mediation_organisations WHERE name = '格物街道人民调解委员会'`,
    );
    for (const body of [
      { action: 'accept' },
      { action: 'divert', path: 'people_mediation', organisationId: org?.id, note: '街道调处' },
    ]) {
      const { version } = await disputeView(dispatcher, did);
      expect((await call(dispatcher, 'POST', `/api/disputes/${did}/actions`, { ...body, version })).statusCode).toBe(
        200,
      );
    }
    const seen = await disputeView(mediator, did);
    expect([seen.linkedCaseId, seen.links]).toEqual([null, [hidden('converted_from', 'case')]]);
  });
});
