import { type DisputeEventRecord, idCheckChar, replayDispute } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';

/*
 * The dispute flow over HTTP, each branch end to end: agreement → 司法确认 → follow-up → close;
 * decline; failure; escalation tier by tier. Expected states, limits and dates are written by hand
 * from DISPUTE_LIFE's brief (domain.md, 人民调解法) — the test clock starts on Monday 2026-11-23 10:00
 * in Beijing (02:00 UTC).
 */

let t: TestApp;
let dispatcher: Session;
let mediator: Session;
let mingdeId: string;
const DAY = 86_400_000;

const ID_A = (() => {
  const body = '41010419850612003';
  return body + idCheckChar(body);
})();
const PHONE_A = '13987650001';
const PHONE_B = '13987650002';

beforeAll(async () => {
  t = await createTestApp();
  mingdeId = await regionIdByCode(t.database, '410104001001');
});
beforeEach(signIn);

/** Fresh sessions (moving the clock by days ends the old ones: they idle out after two hours). */
async function signIn() {
  dispatcher = await signedIn('dispatcher');
  mediator = await signedIn('mediator');
}
let logins = 0;
/** Each login from its own address, so the login rate limit never stands in the way. */
const signedIn = (username: string) => login(t.app, username, undefined, `10.31.${++logins % 250}.${logins % 7}`);

/** Moves the test clock on and signs in again. */
async function later(ms: number) {
  t.clock.advance(ms);
  await signIn();
}
afterAll(async () => {
  await t.close();
});

async function call(s: Session, method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) {
  return t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
}

async function register(more: object = {}) {
  const res = await call(dispatcher, 'POST', '/api/disputes', {
    typeCode: 'neighbour',
    summary: '楼上装修噪音和漏水，邻里多次争吵',
    regionId: mingdeId,
    source: 'walk_in',
    parties: [
      { kind: 'person', side: 'a', name: '钱多多', idNumber: ID_A, phone: PHONE_A },
      { kind: 'person', side: 'b', name: '孙少少', phone: PHONE_B },
    ],
    ...more,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; state: string; version: number };
}

async function detail(s: Session, id: string) {
  const res = await call(s, 'GET', `/api/disputes/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** An action with the version the actor sees now. */
async function act(s: Session, id: string, action: string, more: object = {}) {
  const { version } = await detail(s, id);
  return call(s, 'POST', `/api/disputes/${id}/actions`, { action, version, ...more });
}

async function ok(s: Session, id: string, action: string, more: object = {}) {
  const res = await act(s, id, action, more);
  expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
  return res.json();
}

async function orgId(name: string): Promise<string> {
  const [row] = await queryRows<{ id: string }>(
    t.database.db,
    sql`SELECT id FROM mediation_organisations WHERE name = ${name}`,
  );
  if (!row) throw new Error(`no organisation ${name}`);
  return row.id;
}

const TOWNSHIP_COMMITTEE = '格物街道人民调解委员会';

/** Registered, accepted, diverted to the township committee (with a reason) and assigned to the demo mediator. */
async function mediating(more: object = {}) {
  const d = await register(more);
  await ok(dispatcher, d.id, 'accept');
  await ok(dispatcher, d.id, 'divert', {
    path: 'people_mediation',
    organisationId: await orgId(TOWNSHIP_COMMITTEE),
    note: '涉及多户，由街道调委会调处',
  });
  await ok(mediator, d.id, 'assign', { mediatorUserId: mediator.userId });
  return d;
}

describe('the agreement branch: register → accept → divert → assign → sessions → agree → 司法确认 → follow-up → close', () => {
  it('runs end to end with the clocks, the records and the notices the rules say', async () => {
    const d = await register();
    expect(d.code).toMatch(/^JF20261123\d{7}$/);
    expect(d.state).toBe('registered');
    let view = await detail(dispatcher, d.id);
    // Acceptance: 3 working days from Mon 10:00 → the end of Thursday's working day (17:30 Beijing = 09:30 UTC).
    expect([view.stage, view.stageDeadline, view.tier]).toEqual(['accept', '2026-11-26T09:30:00.000Z', 'village']);
    expect(view.actions).toEqual(['accept', 'decline', 'assess_risk', 'refer_case']);

    await ok(dispatcher, d.id, 'accept');
    // The proposal: the village's own committee first (no reason needed), then the township's with the demo mediator's load.
    const proposal = await call(dispatcher, 'GET', `/api/disputes/${d.id}/organisation-proposal?path=people_mediation`);
    expect(proposal.statusCode).toBe(200);
    const orgs = proposal.json().organisations as { name: string; atTier: boolean; mediators: { name: string }[] }[];
    expect(orgs.map((o) => [o.name, o.atTier])).toEqual([
      ['明德社区人民调解委员会', true],
      ['格物街道人民调解委员会', false],
      ['管城回族区人民调解委员会', false],
    ]);
    expect(orgs[1]?.mediators.map((m) => m.name)).toEqual(['孙调解']);

    // Above the lowest tier without a reason: refused, nothing changed.
    const township = await orgId(TOWNSHIP_COMMITTEE);
    const noReason = await act(dispatcher, d.id, 'divert', { path: 'people_mediation', organisationId: township });
    expect([noReason.statusCode, noReason.json().code, noReason.json().message]).toEqual([
      400,
      'dispute.tier_reason_required',
      '矛盾纠纷应先由最低一级调处，分流到更高一级的调解组织须说明理由',
    ]);
    expect((await detail(dispatcher, d.id)).state).toBe('accepted');
    view = await ok(dispatcher, d.id, 'divert', {
      path: 'people_mediation',
      organisationId: township,
      note: '双方均要求街道调解',
    });
    expect([view.state, view.tier, view.organisationName, view.stage]).toEqual([
      'diverted',
      'township',
      TOWNSHIP_COMMITTEE,
      'assign',
    ]);
    // The organisation's mediators were told.
    const told = await queryRows<{ kind: string }>(
      t.database.db,
      sql`SELECT kind FROM notifications WHERE subject_kind = 'dispute' AND subject_id = ${d.id} AND user_id = ${mediator.userId}`,
    );
    expect(told.map((n) => n.kind)).toEqual(['dispute.divert']);

    // The mediator of the organisation takes it: the mediation limit of 邻里纠纷 is 15 natural days.
    view = await ok(mediator, d.id, 'assign', { mediatorUserId: mediator.userId });
    expect([view.state, view.mediatorName, view.stage, view.stageDeadline]).toEqual([
      'mediating',
      '孙调解',
      'mediate',
      '2026-12-08T02:00:00.000Z',
    ]);

    const parties = view.parties as { id: string; side: string }[];
    await later(DAY);
    view = await ok(mediator, d.id, 'record_session', {
      heldAt: '2026-11-24T09:00:00+08:00',
      place: '格物街道综治中心调解室',
      attendeePartyIds: parties.map((p) => p.id),
      otherAttendees: ['社区书记 吴某'],
      note: '双方陈述，约定次日再谈',
    });
    expect(view.counters.sessions).toBe(1);

    // Closing before a follow-up is refused later; first the agreement.
    await later(DAY);
    view = await ok(mediator, d.id, 'agree', {
      partyIds: parties.map((p) => p.id),
      facts: '楼上装修导致楼下漏水',
      terms: [{ text: '甲方（楼上）于 12 月 5 日前修复防水并赔偿 1200 元', dueDate: '2026-12-05' }],
      effectiveAt: '2026-11-25T10:00:00+08:00',
    });
    // 人民调解法 art. 33: thirty days from the agreement taking effect (25 Nov 10:00 Beijing) → 25 Dec 10:00.
    expect([view.state, view.stage, view.confirmationDeadline, view.stageDeadline]).toEqual([
      'agreed',
      'confirm_window',
      '2026-12-25T02:00:00.000Z',
      '2026-12-25T02:00:00.000Z',
    ]);
    expect(view.agreement.terms).toEqual([
      { text: '甲方（楼上）于 12 月 5 日前修复防水并赔偿 1200 元', dueDate: '2026-12-05' },
    ]);

    await later(2 * DAY);
    view = await ok(mediator, d.id, 'apply_confirmation', { court: '管城回族区人民法院' });
    // The court decides within 15 days of accepting the application.
    expect([view.state, view.stage, view.stageDeadline]).toEqual(['confirming', 'court', '2026-12-12T02:00:00.000Z']);
    await later(5 * DAY);
    view = await ok(mediator, d.id, 'record_confirmation', { result: 'confirmed', rulingNo: '（2026）豫0104民特88号' });
    expect([view.state, view.confirmationResult, view.stage]).toEqual(['performing', 'confirmed', 'follow_up']);

    const early = await act(dispatcher, d.id, 'close');
    expect([early.statusCode, early.json().code]).toEqual([422, 'dispute.follow_up_required']);
    await ok(mediator, d.id, 'follow_up', { performance: 'full', note: '回访双方，已修复并赔付' });
    view = await ok(dispatcher, d.id, 'close');
    expect([view.state, view.stage, view.light, view.actions]).toEqual(['closed', null, null, []]);
    expect(view.events.map((e: { type: string }) => e.type)).toEqual([
      'register',
      'accept',
      'divert',
      'assign',
      'record_session',
      'agree',
      'apply_confirmation',
      'record_confirmation',
      'follow_up',
      'close',
    ]);
    // The row equals the replay of its events, and those cannot be changed or deleted.
    const events = await queryRows<{ type: string; at: string; actor_id: string | null; data: unknown }>(
      t.database.db,
      sql`SELECT type, at, actor_id, data FROM dispute_events WHERE dispute_id = ${d.id} ORDER BY seq`,
    );
    const replayed = replayDispute(
      events.map(
        (e) => ({ type: e.type, at: new Date(e.at), actorId: e.actor_id, data: e.data }) as DisputeEventRecord,
      ),
    );
    const [row] = await queryRows<Record<string, unknown>>(
      t.database.db,
      sql`SELECT state, version, tier, organisation_id, mediator_user_id, session_count, follow_up_count, confirmation_result, performance FROM disputes WHERE id = ${d.id}`,
    );
    expect(row).toEqual({
      state: replayed.state,
      version: replayed.version,
      tier: replayed.tier,
      organisation_id: replayed.organisationId,
      mediator_user_id: replayed.mediatorUserId,
      session_count: replayed.sessionCount,
      follow_up_count: replayed.followUpCount,
      confirmation_result: replayed.confirmationResult,
      performance: replayed.performance,
    });
    expect([row?.state, row?.version, row?.session_count]).toEqual(['closed', 10, 1]);
    await expect(
      t.database.db.execute(sql`UPDATE dispute_events SET note = 'x' WHERE dispute_id = ${d.id}`),
    ).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM dispute_events WHERE dispute_id = ${d.id}`)).rejects.toThrow();
    expect((await detail(dispatcher, d.id)).events).toHaveLength(10);
    // Every step is in the audit log.
    const audited = await queryRows<{ action: string }>(
      t.database.db,
      sql`SELECT action FROM audit_log WHERE target_id = ${d.id} AND outcome = 'success' ORDER BY at, id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'dispute.register',
      'dispute.accept',
      'dispute.divert',
      'dispute.assign',
      'dispute.record_session',
      'dispute.agree',
      'dispute.apply_confirmation',
      'dispute.record_confirmation',
      'dispute.follow_up',
      'dispute.close',
    ]);
  });

  it('refuses 司法确认 applied for after the 30-day window', async () => {
    const d = await mediating();
    const { parties } = await detail(mediator, d.id);
    const now = t.clock.now();
    await ok(mediator, d.id, 'agree', {
      partyIds: parties.map((p: { id: string }) => p.id),
      facts: '噪音纠纷',
      terms: [{ text: '晚十点后停止施工', dueDate: null }],
    });
    t.clock.set(new Date(now.getTime() + 30 * DAY + 1000));
    await signIn();
    const late = await act(mediator, d.id, 'apply_confirmation', { court: '管城回族区人民法院' });
    expect([late.statusCode, late.json().code]).toEqual([422, 'dispute.confirmation_window_passed']);
    const waived = await ok(mediator, d.id, 'waive_confirmation', { note: '当事人未在期限内申请' });
    expect(waived.state).toBe('performing');
  });

  it('tells the mediator as the mediation stage turns yellow, once, through the shared sweep', async () => {
    const d = await mediating();
    const { stageDeadline } = await detail(mediator, d.id);
    await sweepDeadlines(t.deps);
    // 80 % of 15 days = 12 days after the start.
    t.clock.set(new Date(new Date(stageDeadline).getTime() - 3 * DAY + 1000));
    await signIn();
    await sweepDeadlines(t.deps);
    await sweepDeadlines(t.deps);
    const notes = await queryRows<{ kind: string; title: string }>(
      t.database.db,
      sql`SELECT kind, title FROM notifications WHERE subject_id = ${d.id} AND kind IN ('dispute.warning', 'dispute.overdue') AND user_id = ${mediator.userId}`,
    );
    expect(notes).toEqual([{ kind: 'dispute.warning', title: `${d.code}：即将超期` }]);
    const inbox = await call(mediator, 'GET', '/api/notifications?limit=100');
    const mine = inbox.json().items.find((n: { kind: string; subject: unknown }) => n.kind === 'dispute.warning');
    expect(mine.subject).toEqual({ kind: 'dispute', id: d.id });
    const board = await call(dispatcher, 'GET', `/api/disputes?light=yellow&pageSize=100`);
    expect(board.json().items.map((i: { id: string }) => i.id)).toContain(d.id);
  });
});

describe('the other branches', () => {
  it('decline: needs a reason and a channel, then ends', async () => {
    const d = await register();
    const bare = await act(dispatcher, d.id, 'decline', { channel: 'litigation' });
    expect([bare.statusCode, bare.json().code, bare.json().message]).toEqual([
      400,
      'dispute.note_required',
      '不予受理需要填写说明',
    ]);
    const view = await ok(dispatcher, d.id, 'decline', { channel: 'litigation', note: '已进入诉讼程序' });
    expect([view.state, view.declineChannel, view.stage, view.actions]).toEqual(['declined', 'litigation', null, []]);
    const again = await act(dispatcher, d.id, 'accept');
    expect([again.statusCode, again.json().code]).toEqual([422, 'dispute.invalid_state']);
  });

  it('failure: the mediation ends with the path the parties were guided to', async () => {
    const d = await mediating();
    const view = await ok(mediator, d.id, 'fail', { guidedPath: 'litigation', note: '双方分歧较大，引导其向法院起诉' });
    expect([view.state, view.guidedPath, view.stage, view.endedAt]).toEqual([
      'failed',
      'litigation',
      null,
      t.clock.now().toISOString(),
    ]);
  });

  it('escalation: village → township → county, each centre diverting at its own tier, no further', async () => {
    // A village mediator of 明德社区's committee.
    await addUser(t.database, { username: 'mingde_mediator', role: 'mediator', regionCode: '410104001001' });
    const admin = await signedIn('admin');
    const [villageMediator] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT id FROM users WHERE username = 'mingde_mediator'`,
    );
    const linked = await call(admin, 'PUT', `/api/mediators/${villageMediator?.id}`, {
      organisationId: await orgId('明德社区人民调解委员会'),
    });
    expect(linked.statusCode, linked.body).toBe(200);
    const village = await signedIn('mingde_mediator');
    await addUser(t.database, { username: 'county_centre', role: 'dispatcher', regionCode: '410104' });
    const county = await signedIn('county_centre');

    const d = await register();
    await ok(dispatcher, d.id, 'accept');
    await ok(dispatcher, d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('明德社区人民调解委员会'),
    });
    await ok(village, d.id, 'assign', { mediatorUserId: villageMediator?.id });
    let view = await ok(village, d.id, 'escalate', { note: '涉及物业公司，社区调解不成' });
    expect([view.state, view.tier, view.organisationId, view.mediatorUserId, view.stage]).toEqual([
      'accepted',
      'township',
      null,
      null,
      'divert',
    ]);
    // The village mediator no longer sees it (it left their organisation).
    expect((await call(village, 'GET', `/api/disputes/${d.id}`)).statusCode).toBe(404);
    // The township centre may not send it back down.
    const down = await act(dispatcher, d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('明德社区人民调解委员会'),
      note: '退回社区',
    });
    expect([down.statusCode, down.json().code]).toEqual([422, 'dispute.tier_below']);
    view = await ok(dispatcher, d.id, 'escalate', { note: '案情复杂，提请区级调处' });
    expect([view.state, view.tier]).toEqual(['accepted', 'county']);
    // The township centre sees it still but no longer acts on it; the county centre does.
    expect(view.actions).toEqual([]);
    const township = await act(dispatcher, d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('管城回族区人民调解委员会'),
    });
    expect([township.statusCode, township.json().code]).toEqual([403, 'dispute.not_allowed']);
    const top = await act(county, d.id, 'escalate', { note: '再上交' });
    expect([top.statusCode, top.json().code]).toEqual([422, 'dispute.top_tier']);
    view = await ok(county, d.id, 'divert', {
      path: 'people_mediation',
      organisationId: await orgId('管城回族区人民调解委员会'),
    });
    expect([view.state, view.tier, view.organisationName, view.counters.escalations]).toEqual([
      'diverted',
      'county',
      '管城回族区人民调解委员会',
      2,
    ]);
  });
});
