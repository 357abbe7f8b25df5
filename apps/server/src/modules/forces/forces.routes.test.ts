import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addUser,
  as,
  createTestApp,
  login,
  pointInGrid,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { routeCalls } from '../../../test/route-calls.ts';
import { photo } from '../../../test/matrix/world.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';

/*
 * 群防群治 and 市民认领 over HTTP on the demo: the resident of 明德社区 (410104001001) volunteers, the
 * township centre approves; 修身村's cadre (cadre) is another village. The test clock starts at
 * 2026-11-23 10:00 Beijing. Expected figures counted by hand.
 */

let t: TestApp;
let resident: Session;
let neighbour: Session;
let gridworker: Session;
let dispatcher: Session;
let cadre: Session;
let leader: Session;
let mdcadre: Session;
let mingde: string;
let point: { lon: number; lat: number };
let ip = 0;
const signIn = (u: string) => login(t.app, u, undefined, `10.63.${++ip % 250}.1`);
const { ok, refused, rows } = routeCalls(() => t);
const key = () => `forces-${crypto.randomUUID()}`;
const at = (bj: string) => new Date(`${bj}+08:00`).toISOString();

async function upload(s: Session): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(s, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function report(itemCode: string) {
  return ok(resident, 'POST', '/api/cases', {
    itemCode,
    description: '楼下有人乱扔垃圾',
    location: point,
    attachmentIds: [],
    idempotencyKey: crypto.randomUUID(),
  }) as Promise<{ id: string; version: number }>;
}

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'mdneighbour', role: 'resident', regionCode: '410104001001' });
  resident = await signIn('resident');
  neighbour = await signIn('mdneighbour');
  gridworker = await signIn('gridworker');
  dispatcher = await signIn('dispatcher');
  cadre = await signIn('cadre');
  leader = await signIn('leader');
  await addUser(t.database, { username: 'mdcadre', role: 'village_cadre', regionCode: '410104001001' });
  mdcadre = await signIn('mdcadre');
  mingde = await regionIdByCode(t.database, '410104001001');
  const p = await pointInGrid(t.database, '410104001001001');
  point = { lon: p.lon, lat: p.lat };
});
afterAll(async () => {
  await t.close();
});

describe('teams and members', () => {
  it('the centre sets up a team; members are stored encrypted and shown masked; another village is 404', async () => {
    const team = await ok(dispatcher, 'POST', '/api/forces/teams', {
      regionId: mingde,
      kind: 'patrol_team',
      name: '明德社区平安巡防队',
    });
    const idBody = '41010419800101123';
    const idNumber = idBody + idCheckChar(idBody);
    const m = await ok(dispatcher, 'POST', `/api/forces/teams/${team.id}/members`, {
      name: '队员甲',
      phone: '13800138000',
      idNumber,
      duty: '队长',
    });
    expect([m.phoneMasked, m.idMasked]).toEqual(['138****8000', '4101************' + idNumber.slice(-2)]);
    const [stored] = await rows<{ phone_enc: string; id_enc: string }>(
      sql`SELECT phone_enc, id_enc FROM force_members WHERE id = ${m.id}`,
    );
    expect(stored?.phone_enc).not.toContain('13800138000');
    expect(stored?.id_enc).not.toContain(idNumber);
    const list = await ok(leader, 'GET', '/api/forces/teams');
    expect(list.items.find((x: { id: string }) => x.id === team.id)?.members).toBe(1);
    expect(JSON.stringify(await ok(dispatcher, 'GET', `/api/forces/teams/${team.id}/members`))).not.toContain(
      '13800138000',
    );
    await refused(cadre, 'GET', `/api/forces/teams/${team.id}/members`, undefined, [404, 'forces.team_not_found']);
    await refused(cadre, 'POST', '/api/forces/teams', { regionId: mingde, kind: 'patrol_team', name: 'x' }, [
      404,
      'forces.region_not_found',
    ]);
    await refused(dispatcher, 'POST', `/api/forces/teams/${team.id}/members`, { name: '乙', phone: '12345' }, [
      400,
      'forces.member_invalid',
    ]);
  });
});

describe('team changes and the audited reveal of a member’s number', () => {
  it('the centre renames a team, reveals a number with a reason (audited), removes a member; others cannot', async () => {
    const team = await ok(dispatcher, 'POST', '/api/forces/teams', {
      regionId: mingde,
      kind: 'patrol_team',
      name: '明德巡防二队',
    });
    const renamed = await ok(dispatcher, 'PUT', `/api/forces/teams/${team.id}`, {
      kind: 'volunteer_team',
      name: '明德志愿服务队',
    });
    expect([renamed.kind, renamed.name, renamed.members]).toEqual(['volunteer_team', '明德志愿服务队', 0]);
    const m = await ok(dispatcher, 'POST', `/api/forces/teams/${team.id}/members`, {
      name: '队员丙',
      phone: '13900139001',
    });
    // The village's own cadre manages the team but may not reveal (no person.reveal), as for residents.
    await refused(mdcadre, 'POST', `/api/forces/members/${m.id}/reveal`, { field: 'phone', reason: '联系排班' }, [
      403,
      'access.denied',
    ]);
    // Another village's cadre: the member is not theirs (404), nothing removed.
    await refused(cadre, 'DELETE', `/api/forces/members/${m.id}`, undefined, [404, 'forces.member_not_found']);
    await refused(cadre, 'PUT', `/api/forces/teams/${team.id}`, { kind: 'patrol_team', name: 'x' }, [
      404,
      'forces.team_not_found',
    ]);
    await refused(dispatcher, 'POST', `/api/forces/members/${m.id}/reveal`, { field: 'phone', reason: '看' }, [
      400,
      'validation.failed',
    ]);
    await refused(dispatcher, 'POST', `/api/forces/members/${m.id}/reveal`, { field: 'idNumber', reason: '核实身份' }, [
      404,
      'forces.member_field_empty',
    ]);
    const shown = await ok(dispatcher, 'POST', `/api/forces/members/${m.id}/reveal`, {
      field: 'phone',
      reason: '联系队员排班',
    });
    expect(shown).toEqual({ field: 'phone', value: '13900139001' });
    const audit = await rows<{ detail: unknown; actor: string; target: string }>(
      sql`SELECT detail, actor_name AS actor, target_id AS target FROM audit_log WHERE action = 'forces.member_reveal'`,
    );
    expect(audit).toEqual([
      { detail: { field: 'phone', reason: '联系队员排班' }, actor: expect.any(String), target: m.id },
    ]);
    expect(JSON.stringify(audit)).not.toContain('13900139001');
    expect(await ok(mdcadre, 'DELETE', `/api/forces/members/${m.id}`)).toEqual({ id: m.id });
    expect((await ok(dispatcher, 'GET', `/api/forces/teams/${team.id}/members`)).items).toEqual([]);
    await refused(dispatcher, 'DELETE', `/api/forces/members/${m.id}`, undefined, [404, 'forces.member_not_found']);
    const removed = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM audit_log WHERE action = 'forces.member_remove' AND target_id = ${m.id}`,
    );
    expect(removed).toEqual([{ n: 1 }]);
  });
});

describe('volunteers and activities', () => {
  let activityId: string;
  it('a resident registers (pending, once); the centre approves; another village cannot', async () => {
    const v = await ok(resident, 'POST', '/api/forces/volunteers', { skills: '会急救' });
    expect([v.state, v.minutes, v.points]).toEqual(['pending', 0, 0]);
    expect((await ok(resident, 'POST', '/api/forces/volunteers', {})).id).toBe(v.id);
    await refused(cadre, 'POST', `/api/forces/volunteers/${v.id}/decide`, { approved: true }, [
      404,
      'forces.volunteer_not_found',
    ]);
    await refused(resident, 'GET', '/api/forces/claims/nearby?lon=113.6&lat=34.7', undefined, [
      403,
      'forces.not_volunteer',
    ]);
    expect((await ok(dispatcher, 'POST', `/api/forces/volunteers/${v.id}/decide`, { approved: true })).state).toBe(
      'approved',
    );
    await refused(dispatcher, 'POST', `/api/forces/volunteers/${v.id}/decide`, { approved: false }, [
      409,
      'forces.volunteer_decided',
    ]);
    const n = await ok(neighbour, 'POST', '/api/forces/volunteers', {});
    await ok(dispatcher, 'POST', `/api/forces/volunteers/${n.id}/decide`, { approved: true });
  });

  it('publishes an activity (a retry is the same), sign-up is idempotent, full → 409', async () => {
    activityId = crypto.randomUUID();
    const body = {
      id: activityId,
      regionId: mingde,
      kind: 'patrol_shift',
      title: '周末夜间巡防',
      placeName: '明德社区东门',
      ...point,
      startsAt: at('2026-11-23T10:30:00'),
      endsAt: at('2026-11-23T12:30:00'),
      capacity: 1,
    };
    const a = await ok(dispatcher, 'POST', '/api/forces/activities', body);
    expect((await ok(dispatcher, 'POST', '/api/forces/activities', body)).id).toBe(a.id);
    const s = await ok(resident, 'POST', `/api/forces/activities/${a.id}/signup`, { idempotencyKey: key() });
    expect(s.checkedInAt).toBeNull();
    await ok(resident, 'POST', `/api/forces/activities/${a.id}/signup`, { idempotencyKey: key() });
    await refused(neighbour, 'POST', `/api/forces/activities/${a.id}/signup`, { idempotencyKey: key() }, [
      409,
      'forces.activity_full',
    ]);
    const list = await ok(resident, 'GET', '/api/forces/activities');
    const mine = list.items.find((x: { id: string }) => x.id === a.id);
    expect([mine.signedUp, mine.mine?.minutes]).toEqual([1, 0]);
    await refused(cadre, 'POST', '/api/forces/activities', { ...body, id: crypto.randomUUID() }, [
      404,
      'forces.region_not_found',
    ]);
  });

  it('checks in within 200 m only (distance recorded), out after 95 minutes, capped at the end', async () => {
    const far = { lon: point.lon, lat: point.lat + 0.003 }; // ≈ 334 m north
    const tooFar = await refused(resident, 'POST', `/api/forces/activities/${activityId}/check-in`, far, [
      422,
      'forces.check_in_too_far',
    ]);
    expect(tooFar.message).toContain('334');
    const near = { lon: point.lon, lat: point.lat + 0.001 }; // ≈ 111 m
    const inn = await ok(resident, 'POST', `/api/forces/activities/${activityId}/check-in`, near);
    expect(inn.checkInDistanceM).toBe(111);
    t.clock.advance(95 * 60_000); // 10:00 → 11:35; counted from the 10:30 start: 65 minutes
    const out = await ok(resident, 'POST', `/api/forces/activities/${activityId}/check-out`);
    expect(out.minutes).toBe(65);
    const me = await ok(resident, 'GET', '/api/forces/volunteers');
    expect([me.items[0].minutes, me.items[0].points]).toEqual([65, 10]); // 4 quarters → 10 points
    // The desk's list of the activity: who came, how far from the place, minutes; leaders see the name masked.
    const desk = await ok(mdcadre, 'GET', `/api/forces/activities/${activityId}/signups`);
    expect(desk.items.map((x: Record<string, unknown>) => [x.name, x.checkInDistanceM, x.minutes])).toEqual([
      [me.items[0].name, 111, 65],
    ]);
    const masked = await ok(leader, 'GET', `/api/forces/activities/${activityId}/signups`);
    expect(masked.items[0].name).not.toBe(me.items[0].name);
    expect(masked.items[0].name).toContain('*');
    await refused(cadre, 'GET', `/api/forces/activities/${activityId}/signups`, undefined, [
      404,
      'forces.activity_not_found',
    ]);
    // Ended activities stay on the desk's list (for their hours), not on the volunteer's.
    const past = await ok(dispatcher, 'POST', '/api/forces/activities', {
      id: crypto.randomUUID(),
      regionId: mingde,
      kind: 'volunteer_event',
      title: '昨日清扫',
      placeName: '明德社区东门',
      ...point,
      startsAt: at('2026-11-22T08:00:00'),
      endsAt: at('2026-11-22T10:00:00'),
      capacity: 10,
    });
    const ids = async (s: Session) =>
      (await ok(s, 'GET', '/api/forces/activities')).items.map((x: { id: string }) => x.id);
    expect(await ids(dispatcher)).toContain(past.id);
    expect(await ids(resident)).not.toContain(past.id);
  });
});

describe('市民认领 on the case chain', () => {
  it('a non-claimable item is 422 claim.not_claimable; nothing changes', async () => {
    const c = await report('03001'); // 道路破损: not claimable
    await refused(resident, 'POST', '/api/forces/claims', { caseId: c.id, version: c.version, idempotencyKey: key() }, [
      422,
      'claim.not_claimable',
    ]);
  });

  it('a volunteer claims litter nearby, closes it with photos, the grid worker confirms: closed as claim-handled', async () => {
    const c = await report('01001');
    const nearby = await ok(resident, 'GET', `/api/forces/claims/nearby?lon=${point.lon}&lat=${point.lat}`);
    expect(nearby.items.map((x: { id: string }) => x.id)).toContain(c.id);
    expect(JSON.stringify(nearby)).not.toContain('乱扔垃圾'); // no reporter's words
    const k = key();
    const claimed = await ok(neighbour, 'POST', '/api/forces/claims', {
      caseId: c.id,
      version: c.version,
      idempotencyKey: k,
    });
    expect(claimed.state).toBe('claimed');
    const desk = async () =>
      (await ok(mdcadre, 'GET', '/api/forces/claims')).items
        .filter((x: { id: string }) => x.id === c.id)
        .map((x: { state: string; claimantName: string }) => [x.state, x.claimantName]);
    const neighbourName = (await ok(neighbour, 'GET', '/api/forces/volunteers')).items[0].name;
    expect(await desk()).toEqual([['claimed', neighbourName]]);
    expect((await ok(cadre, 'GET', '/api/forces/claims')).items.map((x: { id: string }) => x.id)).not.toContain(c.id);
    // The phone's retry with the same key gets the case, not a conflict.
    expect(
      (await ok(neighbour, 'POST', '/api/forces/claims', { caseId: c.id, version: c.version, idempotencyKey: k }))
        .state,
    ).toBe('claimed');
    await refused(
      resident,
      'POST',
      '/api/forces/claims',
      { caseId: c.id, version: claimed.version, idempotencyKey: key() },
      [422, 'case.invalid_state'],
    );
    const [before, after] = [await upload(neighbour), await upload(neighbour)];
    await refused(
      neighbour,
      'POST',
      `/api/forces/claims/${c.id}/close`,
      { version: claimed.version, beforePhotoId: before, afterPhotoId: before, note: '已清理', idempotencyKey: key() },
      [400, 'claim.photos_same'],
    );
    const done = await ok(neighbour, 'POST', `/api/forces/claims/${c.id}/close`, {
      version: claimed.version,
      beforePhotoId: before,
      afterPhotoId: after,
      note: '已装袋投放到垃圾桶',
      idempotencyKey: key(),
    });
    expect(done.state).toBe('claim_done');
    expect(await desk()).toEqual([['claim_done', neighbourName]]);
    const confirmed = await ok(gridworker, 'POST', `/api/forces/claims/${c.id}/decide`, {
      version: done.version,
      confirm: true,
      idempotencyKey: key(),
    });
    expect(confirmed.state).toBe('closed');
    expect(await desk()).toEqual([]);
    const [row] = await rows<{ claim_handled: boolean; self_handled: boolean; verifier: string }>(
      sql`SELECT c.claim_handled, c.self_handled, u.username AS verifier FROM cases c JOIN users u ON u.id = c.verifier_user_id WHERE c.id = ${c.id}`,
    );
    expect(row).toEqual({ claim_handled: true, self_handled: false, verifier: 'gridworker' });
    const v = (await ok(neighbour, 'GET', '/api/forces/volunteers')).items[0];
    expect([v.selfHandled, v.points]).toEqual([1, 5]);
    const f = await ok(dispatcher, 'GET', '/api/forces/figures?from=2026-11-23&to=2026-11-23');
    expect([f.volunteers, f.attendances, f.minutes, f.selfHandled, f.claimsReopened]).toEqual([2, 1, 65, 1, 0]);
  });

  it('the grid worker sends a claim back: the case returns to intake, counted as reopened', async () => {
    const c = await report('01004');
    const claimed = await ok(neighbour, 'POST', '/api/forces/claims', {
      caseId: c.id,
      version: c.version,
      idempotencyKey: key(),
    });
    const done = await ok(neighbour, 'POST', `/api/forces/claims/${c.id}/close`, {
      version: claimed.version,
      beforePhotoId: await upload(neighbour),
      afterPhotoId: await upload(neighbour),
      note: '已铲除',
      idempotencyKey: key(),
    });
    await refused(
      gridworker,
      'POST',
      `/api/forces/claims/${c.id}/decide`,
      { version: done.version, confirm: false, idempotencyKey: key() },
      [400, 'case.note_required'],
    );
    await refused(
      cadre,
      'POST',
      `/api/forces/claims/${c.id}/decide`,
      { version: done.version, confirm: true, idempotencyKey: key() },
      [403, 'access.denied'],
    );
    const back = await ok(gridworker, 'POST', `/api/forces/claims/${c.id}/decide`, {
      version: done.version,
      confirm: false,
      note: '墙面仍有残留',
      idempotencyKey: key(),
    });
    expect(back.state).toBe('reported');
    const f = await ok(leader, 'GET', '/api/forces/figures?from=2026-11-23&to=2026-11-23');
    expect([f.selfHandled, f.claimsReopened]).toEqual([1, 1]);
  });
});

describe('认领时限: a claim not closed within 48 h is released by the clock engine', () => {
  const HOUR = 3_600_000;
  const pending = (caseId: string) =>
    rows<{ at: Date }>(sql`SELECT at FROM clock_deadlines WHERE kind = 'case.claim' AND subject_id = ${caseId}`);

  /** A fresh claimable case reported by the resident and claimed now by the neighbour volunteer. */
  async function claimFresh() {
    neighbour = await signIn('mdneighbour');
    resident = await signIn('resident');
    const c = await report('01004');
    const claimedAt = t.clock.now().getTime();
    const claimed = await ok(neighbour, 'POST', '/api/forces/claims', {
      caseId: c.id,
      version: c.version,
      idempotencyKey: key(),
    });
    return { c, claimedAt, claimed };
  }

  it('on the sweep after 48 h: back to intake, the volunteer and the centre told, the timeline shows it', async () => {
    const { c, claimedAt, claimed } = await claimFresh();
    expect(claimed.state).toBe('claimed');
    expect((await pending(c.id)).map((r) => new Date(r.at).getTime())).toEqual([claimedAt + 48 * HOUR]);
    const stateOf = async () =>
      (
        await rows<{ state: string; claimant: string | null }>(
          sql`SELECT state, claimant_user_id AS claimant FROM cases WHERE id = ${c.id}`,
        )
      )[0];
    t.clock.set(new Date(claimedAt + 48 * HOUR - 1)); // one millisecond before: the sweep leaves it
    await sweepDeadlines(t.deps);
    expect(await stateOf()).toMatchObject({ state: 'claimed' });
    t.clock.set(new Date(claimedAt + 48 * HOUR + 1000));
    await sweepDeadlines(t.deps);
    expect(await stateOf()).toEqual({ state: 'reported', claimant: null });
    expect(await pending(c.id)).toEqual([]);
    await sweepDeadlines(t.deps); // once only
    const told = await rows<{ kind: string; role: string | null; username: string | null }>(
      sql`SELECT n.kind, n.role, u.username FROM notifications n LEFT JOIN users u ON u.id = n.user_id
           WHERE n.case_id = ${c.id} AND n.kind = 'case.claim_expired' ORDER BY n.role NULLS FIRST`,
    );
    expect(told).toEqual([
      { kind: 'case.claim_expired', role: null, username: 'mdneighbour' },
      { kind: 'case.claim_expired', role: 'dispatcher', username: null },
    ]);
    dispatcher = await signIn('dispatcher');
    const detail = await ok(dispatcher, 'GET', `/api/cases/${c.id}`);
    const last = detail.events.at(-1);
    expect(last).toMatchObject({
      type: 'unclaim',
      label: '认领超时自动退回',
      note: '认领后 48 小时内未完成处置，系统自动退回综治中心',
      data: { expired: true },
    });
    expect(detail.state).toBe('reported');
    // The centre's acceptance clock runs again.
    const [stage] = await rows<{ stage: string | null }>(sql`SELECT stage FROM cases WHERE id = ${c.id}`);
    expect(stage?.stage).toBe('accept');
  });

  it('a claim closed in time takes its pending release back; the sweep after 48 h changes nothing', async () => {
    const { c, claimedAt, claimed } = await claimFresh();
    expect(await pending(c.id)).toHaveLength(1);
    t.clock.set(new Date(claimedAt + 47 * HOUR));
    neighbour = await signIn('mdneighbour');
    const done = await ok(neighbour, 'POST', `/api/forces/claims/${c.id}/close`, {
      version: claimed.version,
      beforePhotoId: await upload(neighbour),
      afterPhotoId: await upload(neighbour),
      note: '已清理干净',
      idempotencyKey: key(),
    });
    expect(done.state).toBe('claim_done');
    expect(await pending(c.id)).toEqual([]);
    t.clock.set(new Date(claimedAt + 49 * HOUR));
    await sweepDeadlines(t.deps);
    const [row] = await rows<{ state: string }>(sql`SELECT state FROM cases WHERE id = ${c.id}`);
    expect(row?.state).toBe('claim_done');
  });
});
