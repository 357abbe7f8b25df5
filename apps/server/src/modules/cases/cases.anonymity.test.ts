import { STARTER_CATALOGUE } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, pointInGrid, type Session, type TestApp } from '../../../test/app.ts';

let t: TestApp;
let resident: Session;
let gridworker: Session;
let dispatcher: Session;
let handler: Session;
let leader: Session;
let spot: { lon: number; lat: number; gridId: string };

// Not for grids, handled by the 城管 squad (the demo `handler`'s unit).
const item = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
) as (typeof STARTER_CATALOGUE)[number];

/** The demo resident, as the seed creates them (written here by hand, not read from the code). */
const REPORTER_NAME = '李群众';
const REPORTER_USERNAME = '"resident"'; // as a JSON string value ("resident_web" is the channel, not the account)

beforeAll(async () => {
  t = await createTestApp();
  [resident, gridworker, dispatcher, handler, leader] = (await Promise.all(
    ['resident', 'gridworker', 'dispatcher', 'handler', 'leader'].map((u) => login(t.app, u)),
  )) as [Session, Session, Session, Session, Session];
  spot = await pointInGrid(t.database, '410104001001001');
});
afterAll(async () => {
  await t.close();
});

const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const act = async (s: Session, id: string, action: string, more: object = {}) => {
  const version = (await get(s, `/api/cases/${id}`)).json().version as number;
  const res = await post(s, `/api/cases/${id}/actions`, { action, version, ...more });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};
const file = (s: Session, anonymous: boolean) =>
  post(s, '/api/cases', {
    itemCode: item.code,
    description: '小区门口垃圾堆放多日无人清理',
    location: { lon: spot.lon, lat: spot.lat },
    idempotencyKey: crypto.randomUUID(),
    anonymous,
  });

/** Every body a staff member reads about the case: its detail, the lists, the duplicates, the proposal, the figures, the inbox. */
async function everythingSeenBy(s: Session, id: string, centre: boolean): Promise<string[]> {
  const from = new Date(t.clock.now().getTime() - 86_400_000).toISOString();
  const to = new Date(t.clock.now().getTime() + 86_400_000).toISOString();
  const urls = [
    `/api/cases/${id}`,
    '/api/cases?view=all',
    '/api/cases?view=tasks',
    '/api/cases?view=verify',
    `/api/cases/${id}/duplicates`,
    '/api/notifications',
    `/api/case-figures?from=${from}&to=${to}&by=unit`,
  ];
  if (centre)
    urls.push(
      '/api/cases?view=queue',
      '/api/cases?view=supervision',
      `/api/cases/${id}/dispatch-proposal`,
      `/api/case-figures?from=${from}&to=${to}&by=grid`,
    );
  const bodies = [];
  for (const url of urls) {
    const res = await get(s, url);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    bodies.push(res.body);
  }
  return bodies;
}

function expectNoReporter(bodies: string[]) {
  for (const body of bodies) {
    expect(body).not.toContain(REPORTER_NAME);
    expect(body).not.toContain(REPORTER_USERNAME);
    expect(body).not.toContain(resident.userId);
  }
}

describe('an anonymous report', () => {
  it('names its reporter to nobody but the reporter, through the whole loop', async () => {
    const filed = await file(resident, true);
    expect(filed.statusCode).toBe(201);
    const id = filed.json().id as string;
    const detail = (await get(dispatcher, `/api/cases/${id}`)).json();
    expect(detail).toMatchObject({ anonymous: true, reporterName: null, reporterPhoneMasked: null });
    expect(detail.events[0]).toMatchObject({ type: 'report', actorName: null });

    await act(dispatcher, id, 'accept', { conditionMet: true });
    const squad = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`))
      .json()
      .units.find((u: { responsible: boolean }) => u.responsible);
    await act(dispatcher, id, 'dispatch', { unitId: squad.id });
    // The unit given the case.
    expectNoReporter(await everythingSeenBy(handler, id, false));
    await act(handler, id, 'sign');
    await act(handler, id, 'feed_back', { note: '已清理' });
    await act(gridworker, id, 'verify_pass');
    await act(dispatcher, id, 'close', { conditionMet: true });
    // What the reporter does later does not name them either.
    await act(resident, id, 'rate', { rating: 'dissatisfied', resolved: false });
    await act(resident, id, 'reopen', { note: '垃圾又堆起来了' });

    const seenByDispatcher = await everythingSeenBy(dispatcher, id, true);
    expectNoReporter(seenByDispatcher);
    expectNoReporter(await everythingSeenBy(gridworker, id, false));
    expectNoReporter(await everythingSeenBy(leader, id, false));
    // The timeline still shows who on the staff did what.
    const timeline = JSON.parse(seenByDispatcher[0] as string).events as { type: string; actorName: string | null }[];
    expect(timeline.map((e) => [e.type, e.actorName])).toEqual([
      ['report', null],
      ['accept', '张受理'],
      ['dispatch', '张受理'],
      ['sign', '赵城管'],
      ['feed_back', '赵城管'],
      ['verify_pass', '王网格'],
      ['close', '张受理'],
      ['rate', null],
      ['reopen', null],
    ]);

    // The reporter sees their own name on their own report.
    const own = (await get(resident, `/api/cases/${id}`)).json();
    expect(
      own.events
        .filter((e: { actorName: string | null }) => e.actorName !== null)
        .map((e: { type: string; actorName: string }) => [e.type, e.actorName]),
    ).toEqual([
      ['report', REPORTER_NAME],
      ['rate', REPORTER_NAME],
      ['reopen', REPORTER_NAME],
    ]);
  });

  it('a report with a name shows it to the centre, not to the unit', async () => {
    const id = (await file(resident, false)).json().id as string;
    const centre = (await get(dispatcher, `/api/cases/${id}`)).json();
    expect(centre).toMatchObject({ anonymous: false, reporterName: REPORTER_NAME });
    expect(centre.events[0]).toMatchObject({ type: 'report', actorName: REPORTER_NAME });
    await act(dispatcher, id, 'accept', { conditionMet: true });
    const squad = (await get(dispatcher, `/api/cases/${id}/dispatch-proposal`))
      .json()
      .units.find((u: { responsible: boolean }) => u.responsible);
    await act(dispatcher, id, 'dispatch', { unitId: squad.id });
    const unitView = await get(handler, `/api/cases/${id}`);
    expect(unitView.json()).toMatchObject({ reporterName: null, reporterPhoneMasked: null });
    // Nor as the actor of the report in the timeline: the unit sees that it was reported, not by whom.
    expect(unitView.json().events[0]).toMatchObject({ type: 'report', actorName: null });
    expect(unitView.body).not.toContain(REPORTER_NAME);
    expect((await get(resident, `/api/cases/${id}`)).json().events[0]).toMatchObject({
      type: 'report',
      actorName: REPORTER_NAME,
    });
  });
});
