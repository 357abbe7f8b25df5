import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { addUser, as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';
import { REPORT_ITEM } from '../../../test/matrix/world.ts';

/**
 * The chain's rules beyond who-may-do-what (issue 13): conditions confirmed and recorded, 首接负责制,
 * the centre told of feedback, merging with a reason, dispatching off the item's department with a reason.
 */
let t: TestApp;
let resident: Session;
let dispatcher: Session;
let handler: Session;
let spot: { lon: number; lat: number };

/** An item residents may report, for a department (not for grids), with no required field: the matrix's. */
const item = REPORT_ITEM as NonNullable<typeof REPORT_ITEM>;

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'police1', role: 'handler', regionCode: '410104001', unitName: '格物派出所' });
  [resident, dispatcher, handler] = (await Promise.all(
    ['resident', 'dispatcher', 'handler'].map((u) => login(t.app, u)),
  )) as [Session, Session, Session];
  spot = await pointInGrid(t.database, '410104001001001');
});
afterAll(async () => {
  await t.close();
});

const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const get = async (s: Session, url: string) => (await t.app.inject({ method: 'GET', url, ...as(s) })).json();
const report = async (s: Session, more: object = {}) =>
  (
    await post(s, '/api/cases', {
      itemCode: item.code,
      description: '人行道上堆放杂物',
      location: { lon: spot.lon, lat: spot.lat },
      idempotencyKey: crypto.randomUUID(),
      ...more,
    })
  ).json() as { id: string; version: number };
const act = (s: Session, id: string, version: number, action: string, more: object = {}) =>
  post(s, `/api/cases/${id}/actions`, { action, version, ...more });
const eventData = async (id: string, type: string) =>
  (
    await queryRows<{ data: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT data FROM case_events WHERE case_id = ${id} AND type = ${type} ORDER BY seq DESC LIMIT 1`,
    )
  )[0]?.data;
const userId = async (username: string) =>
  (await queryRows<{ id: string }>(t.database.db, sql`SELECT id FROM users WHERE username = ${username}`))[0]?.id;

/** Accepts and dispatches a case to the unit named, returning its version. */
async function acceptAndDispatch(id: string, unitName: string, note?: string) {
  expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
  const proposal = await get(dispatcher, `/api/cases/${id}/dispatch-proposal`);
  const unit = proposal.units.find((u: { name: string }) => u.name === unitName);
  return act(dispatcher, id, 2, 'dispatch', { unitId: unit.id, ...(note ? { note } : {}) });
}

describe('conditions of the item', () => {
  it('refuses to accept or close without confirming the condition, and records the text confirmed', async () => {
    const { id } = await report(resident);
    const refused = await act(dispatcher, id, 1, 'accept');
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({ code: 'case.condition_unconfirmed', message: '请确认符合该事项的立案条件' });
    expect((await get(dispatcher, `/api/cases/${id}`)).state).toBe('reported');
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: false })).statusCode).toBe(400);
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
    expect(await eventData(id, 'accept')).toMatchObject({ filing: { text: item.filingCondition, met: true } });
    // The centre sees both conditions on the case, to read before confirming.
    expect((await get(dispatcher, `/api/cases/${id}`)).conditions).toEqual({
      filing: item.filingCondition,
      closing: item.closingCondition,
    });
  });
});

describe('首接负责制 (first contact)', () => {
  it("is nobody for a resident's report until a dispatcher accepts it, then that dispatcher", async () => {
    const { id } = await report(resident);
    expect((await get(dispatcher, `/api/cases/${id}`)).firstContact).toBeNull();
    await act(dispatcher, id, 1, 'accept', { conditionMet: true });
    const dispatcherId = await userId('dispatcher');
    expect((await get(dispatcher, `/api/cases/${id}`)).firstContact).toEqual({ id: dispatcherId, name: '张受理' });
    // Residents are not shown staff names.
    expect((await get(resident, `/api/cases/${id}`)).firstContact).toBeNull();
  });

  it('is the staff member who took a hotline call', async () => {
    const { id } = await report(dispatcher, { caller: { name: '来电人' } });
    const dispatcherId = await userId('dispatcher');
    expect((await get(dispatcher, `/api/cases/${id}`)).firstContact).toEqual({ id: dispatcherId, name: '张受理' });
  });

  it('stays with whoever accepted first, who is told of the outcome to keep the reporter informed', async () => {
    const { id } = await report(resident);
    const dispatcherId = await userId('dispatcher');
    expect((await act(dispatcher, id, 1, 'accept', { conditionMet: true })).statusCode).toBe(200);
    await addUser(t.database, { username: 'dispatcher2', role: 'dispatcher', regionCode: '410104001' });
    const other = await login(t.app, 'dispatcher2');
    // Another dispatcher voids it: the first contact stays, and is told.
    expect((await act(other, id, 2, 'void', { note: '经核实不属实' })).statusCode).toBe(200);
    expect((await get(other, `/api/cases/${id}`)).firstContact.id).toBe(dispatcherId);
    const told = await queryRows<{ kind: string }>(
      t.database.db,
      sql`SELECT kind FROM notifications WHERE case_id = ${id} AND user_id = ${dispatcherId}`,
    );
    expect(told.map((n) => n.kind)).toEqual(['case.void']);
  });
});

describe('feedback reaches the centre', () => {
  it('tells the township centre when the unit feeds back', async () => {
    const { id } = await report(resident);
    expect((await acceptAndDispatch(id, '格物街道综合行政执法中队')).statusCode).toBe(200);
    expect((await act(handler, id, 3, 'sign')).statusCode).toBe(200);
    expect((await act(handler, id, 4, 'feed_back', { note: '已清理' })).statusCode).toBe(200);
    const rows = await queryRows<{ role: string | null; region_path: string | null }>(
      t.database.db,
      sql`SELECT role, region_path FROM notifications WHERE case_id = ${id} AND kind = 'case.feed_back' AND role = 'dispatcher'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.region_path).toMatch(/\/410104001\/$/);
  });
});

describe('merging', () => {
  it('needs a reason, like voiding', async () => {
    const a = await report(resident);
    const b = await report(resident);
    const bare = await act(dispatcher, b.id, 1, 'merge', { targetCaseId: a.id });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().code).toBe('case.note_required');
    expect((await get(dispatcher, `/api/cases/${b.id}`)).state).toBe('reported');
    const merged = await act(dispatcher, b.id, 1, 'merge', { targetCaseId: a.id, note: '同一处杂物' });
    expect(merged.statusCode).toBe(200);
    expect((await get(dispatcher, `/api/cases/${b.id}`)).mergedIntoId).toBe(a.id);
  });
});

describe('dispatching off the item list (准确派遣率)', () => {
  it("needs a reason to send a case to a unit of another kind than the item's department, and counts it", async () => {
    // A period of its own: what other tests dispatched before it is outside.
    t.clock.advance(3_600_000);
    const from = t.clock.now().toISOString();
    const { id } = await report(resident);
    const bare = await acceptAndDispatch(id, '格物派出所');
    expect(bare.statusCode).toBe(400);
    expect(bare.json()).toMatchObject({ code: 'dispatch.reason_required' });
    expect((await get(dispatcher, `/api/cases/${id}`)).state).toBe('accepted');
    const proposal = await get(dispatcher, `/api/cases/${id}/dispatch-proposal`);
    const police = proposal.units.find((u: { name: string }) => u.name === '格物派出所');
    const sent = await act(dispatcher, id, 2, 'dispatch', {
      unitId: police.id,
      note: '涉及占道经营纠纷，需派出所处置',
    });
    expect(sent.statusCode).toBe(200);
    expect(await eventData(id, 'dispatch')).toMatchObject({
      kindMismatch: { itemKind: 'urban_management', unitKind: police.kind },
    });
    // The responsible department's own unit needs no reason.
    const other = await report(resident);
    expect((await acceptAndDispatch(other.id, '格物街道综合行政执法中队')).statusCode).toBe(200);

    t.clock.advance(60_000);
    const to = t.clock.now().toISOString();
    const figures = await get(dispatcher, `/api/case-figures?from=${from}&to=${to}&by=unit`);
    const policeRow = figures.items.find((i: { name: string }) => i.name === '格物派出所');
    expect(policeRow.counts).toMatchObject({ dispatched: 1, returned: 0, mismatched: 1 });
    expect(policeRow.rates.dispatchAccuracy).toBe(0);
    const squad = figures.items.find((i: { name: string }) => i.name === '格物街道综合行政执法中队');
    expect(squad.counts).toMatchObject({ dispatched: 1, returned: 0, mismatched: 0 });
    expect(squad.rates.dispatchAccuracy).toBe(1);
  });
});
