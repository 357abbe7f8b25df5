import type { Role } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../src/db/client.ts';
import { as, login, type Session } from '../app.ts';
import {
  GRID_ITEM,
  REPORT_ITEM,
  act,
  actOnDispute,
  disputeVersion,
  registerDispute,
  acceptedPetition,
  petitionVersion,
  registerPetition,
  publishedNotice,
  anyGridItem,
  caseIn,
  expectOk,
  fieldVisit,
  next,
  photo,
  proposeAdmission,
  matterReadyFor,
  projectReadyFor,
  reportCase,
  type Side,
  type World,
  freshVote,
  freshPatrol,
  unvotedVoter,
  raisedTopic,
} from './world.ts';
import { INSPECTION_SAMPLES } from './inspections.samples.ts';
import { FORCES_SAMPLES } from './samples-forces.ts';

/** One request of the matrix. `session` replaces the actor's own (logout needs a session to spend). */
export interface Req {
  method: string;
  url: string;
  payload?: object;
  body?: string | Buffer;
  headers?: Record<string, string>;
  session?: Session;
}

export interface SampleCtx {
  w: World;
  /** The actor's role (undefined: anonymous). */
  role: Role | undefined;
  /** Whether the route lets this role through: samples set up fresh objects only then. */
  allowed: boolean;
}

/**
 * How to call a route on the objects of side `o` (A: the actor's own township; B: the other one).
 * - `expectIn`: the status a role allowed by the route gets on its own township's object when that is
 *   not 2xx — each with the business rule that refuses it.
 * - `out: false`: the request names nothing of a township (own things, shared catalogues): no
 *   out-of-scope variant. Every 2xx body is still scanned for the other township's objects.
 */
export interface Sample {
  call: (o: Side, c: SampleCtx) => Req | Promise<Req>;
  out?: false;
  expectIn?: number | Partial<Record<Role, number>>;
  /**
   * The actor's own township's object with a reference to the other township's in the body (a case
   * dispatched to B's worker, A's grid given B's worker …): refused for every role, never a 2xx.
   */
  cross?: (own: Side, other: Side, c: SampleCtx) => Req | Promise<Req>;
  /** `false`: the body may name the other township's ids for a reason given beside it (then `check` says what must hold). */
  scan?: false;
  /** A route-specific check of a 2xx body shown to an actor of township `own`; returns what is wrong. */
  check?: (body: string, own: Side) => string | null;
}

/** A scan (a photo) uploaded by the actor of role `role` in township A, for a paper ballot. */
async function scanOf(w: World, role: Role): Promise<string> {
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(w.A.accounts[role], { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  await expectOk(res, 'scan');
  return res.json().id;
}

const get = (url: string): Req => ({ method: 'GET', url });
const post = (url: string, payload: object): Req => ({ method: 'POST', url, payload });
const put = (url: string, payload: object): Req => ({ method: 'PUT', url, payload });
const patch = (url: string, payload: object): Req => ({ method: 'PATCH', url, payload });
const rect = (w: number, s: number, d = 0.0005) => ({
  type: 'Polygon',
  coordinates: [
    [
      [w, s],
      [w + d, s],
      [w + d, s + d],
      [w, s + d],
      [w, s],
    ],
  ],
});

async function created(w: World, s: Session, r: Req, what: string): Promise<{ id: string; [k: string]: unknown }> {
  const res = await w.t.app.inject({
    method: r.method as 'POST',
    url: r.url,
    ...as(s),
    ...(r.payload ? { payload: r.payload } : {}),
  });
  await expectOk(res, what);
  return res.json();
}

/**
 * The id a write acts on: a fresh object of the actor's own township, made by `make`, when the route
 * lets this role through (each allowed call then finds it in the state it needs), else the world's
 * `existing` one — the other township's, or any for a role the route refuses before looking.
 */
async function targetOf(o: Side, c: SampleCtx, existing: string, make: () => Promise<{ id: string }>): Promise<string> {
  return c.allowed && o.name === 'A' ? (await make()).id : existing;
}

/** A fresh topic of side `o`'s village brought to `state` by its cadre (议事协商). */
async function topicIn(w: World, o: Side, state: 'raised' | 'taken_up' | 'implementing') {
  const topic = await raisedTopic(w.t, o);
  const cadre = o.accounts.village_cadre;
  if (state === 'raised') return topic;
  await created(w, cadre, post(`/api/topics/${topic.id}/take-up`, { plannedMeetingOn: '2099-01-01' }), 'take up');
  if (state === 'taken_up') return topic;
  await created(w, cadre, post(`/api/topics/${topic.id}/meeting`, TOPIC_MEETING), 'topic meeting');
  return topic;
}
const TOPIC_MEETING = {
  heldAt: '2099-01-01T19:00:00+08:00',
  place: '议事厅',
  participants: [{ kind: 'residents', count: 8 }],
  headcount: 8,
  minutes: '同意实施',
  outcome: 'agreed',
  plan: { what: '实施内容', unit: '村委会', dueOn: '2099-02-01' },
};

/** A fresh draft notice of side `o`'s village (by its centre). */
function noticeDraft(w: World, o: Side) {
  return created(
    w,
    o.accounts.dispatcher,
    post('/api/notices', {
      regionId: o.villageId,
      category: 'village',
      title: `草稿${next()}`,
      body: '正文',
      idempotencyKey: crypto.randomUUID(),
    }),
    'notice draft',
  );
}

/** A fresh question about side `o`'s notice (by its resident). */
function noticeInquiry(w: World, o: Side) {
  return created(
    w,
    o.accounts.resident,
    post(`/api/notices/${o.noticeId}/inquiries`, { question: `质询${next()}`, idempotencyKey: crypto.randomUUID() }),
    'notice inquiry',
  );
}

/** A fresh unit of side `o`'s township (by its own admin). */
function freshUnit(w: World, o: Side, name: string) {
  return created(
    w,
    o.accounts.admin,
    post('/api/units', { regionId: o.townshipId, kind: 'emergency', name: `${name}${next()}` }),
    'unit',
  );
}

/** A fresh grid of side `o`'s village (by its own admin), away from the demo grids. */
async function freshGrid(w: World, o: Side) {
  const n = next();
  return created(
    w,
    o.accounts.admin,
    post('/api/grids', {
      villageId: o.villageId,
      seq: String(500 + (n % 400)).padStart(3, '0'),
      name: `新网格${n}`,
      kind: 'dedicated',
      dedicatedKind: 'school',
    }),
    'grid',
  );
}

/** A grid-eligible item with no pending or active admission in the side's township yet. */
async function unproposedItem(w: World, o: Side): Promise<string> {
  const [row] = await queryRows<{ code: string }>(
    w.t.database.db,
    sql`SELECT i.code FROM items i WHERE i.grid_eligible AND NOT i.negative_list AND i.active
        AND NOT EXISTS (SELECT 1 FROM item_admissions a WHERE a.item_id = i.id AND a.region_id = ${o.townshipId} AND a.state IN ('proposed', 'active'))
        ORDER BY i.code DESC LIMIT 1`,
  );
  if (!row) throw new Error('no item left to propose');
  return row.code;
}

async function proposal(w: World, o: Side) {
  return proposeAdmission(w.t, o.accounts.dispatcher, o.townshipId);
}

/** The case action body with the case's current version, as a screen would send it. */
async function actionOn(w: World, o: Side, id: string, body: object): Promise<Req> {
  const detail = await w.t.app.inject({ method: 'GET', url: `/api/cases/${id}`, ...as(o.accounts.dispatcher) });
  return post(`/api/cases/${id}/actions`, { ...body, version: detail.json().version });
}

/** What each role does to a case of its own township it has a part in (a fresh case per call). */
async function caseAction(w: World, o: Side, role: Role | undefined): Promise<Req> {
  switch (role) {
    case 'dispatcher':
      return actionOn(w, o, (await caseIn(w.t, o, 'reported')).id, { action: 'accept', conditionMet: true });
    case 'handler':
      return actionOn(w, o, (await caseIn(w.t, o, 'dispatched')).id, { action: 'sign' });
    case 'leader':
      return actionOn(w, o, (await caseIn(w.t, o, 'accepted')).id, { action: 'supervise', note: '请加快办理' });
    case 'resident':
      return actionOn(w, o, (await caseIn(w.t, o, 'closed')).id, {
        action: 'rate',
        rating: 'satisfied',
        resolved: true,
      });
    case 'grid_worker': {
      // A grid worker holds cases of items admitted to grids that the centre dispatched to them.
      const c = await reportCase(w.t, o, { itemCode: GRID_ITEM?.code });
      await act(w.t, o.accounts.dispatcher, c.id, 'accept', { conditionMet: true });
      await act(w.t, o.accounts.dispatcher, c.id, 'dispatch', { userId: o.accounts.grid_worker.userId });
      return actionOn(w, o, c.id, { action: 'sign' });
    }
    default:
      return post(`/api/cases/${o.caseId}/actions`, { action: 'accept', version: 1, conditionMet: true });
  }
}

/** What each role does to a dispute of its own township (a fresh one for the centre, the world's for the mediator). */
async function disputeAction(w: World, o: Side, role: Role | undefined): Promise<Req> {
  if (role === 'dispatcher') {
    const d = await registerDispute(w.t, o);
    return post(`/api/disputes/${d.id}/actions`, { action: 'accept', version: d.version });
  }
  if (role === 'mediator')
    return post(`/api/disputes/${o.disputeId}/actions`, {
      action: 'record_session',
      version: await disputeVersion(w.t, o, o.disputeId),
      heldAt: w.t.clock.now().toISOString(),
      place: '调解室',
      note: '再次调解',
    });
  return post(`/api/disputes/${o.disputeId}/actions`, { action: 'accept', version: 1 });
}

/** What each role does to a petition of its own township: the centre takes in a fresh one, a leader takes one (包案). */
async function petitionAction(w: World, o: Side, role: Role | undefined): Promise<Req> {
  const p = await registerPetition(w.t, o);
  if (role === 'leader') return post(`/api/petitions/${p.id}/actions`, { action: 'take', version: p.version });
  return post(`/api/petitions/${p.id}/actions`, { action: 'intake', version: p.version, findings: {} });
}

/** A fresh dispute of the side's village held by the side's mediator (nothing filed from it yet). */
async function heldDispute(w: World, o: Side) {
  const d = await registerDispute(w.t, o);
  await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, { action: 'accept' });
  await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, {
    action: 'divert',
    path: 'people_mediation',
    organisationId: o.organisationId,
  });
  await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, {
    action: 'assign',
    mediatorUserId: o.accounts.mediator.userId,
  });
  return { id: d.id, version: await disputeVersion(w.t, o, d.id) };
}

/** 转案件 as each role may: a fresh dispute of the own township (registered for the centre, held for the mediator). */
async function referral(w: World, o: Side, c: SampleCtx, at?: { lon: number; lat: number }): Promise<Req> {
  const d =
    c.allowed && o.name === 'A'
      ? c.role === 'mediator'
        ? await heldDispute(w, o)
        : await registerDispute(w.t, o)
      : { id: o.disputeId, version: 1 };
  return post(`/api/disputes/${d.id}/case`, {
    itemCode: REPORT_ITEM?.code,
    description: '调解中发现占道违建，需城管处置',
    version: d.version,
    note: '转城管',
    ...(at ? { location: at } : {}),
  });
}

/** The current version of the side's screening report. */
async function screeningVersion(w: World, o: Side): Promise<number> {
  const [row] = await queryRows<{ version: number }>(
    w.t.database.db,
    sql`SELECT version FROM screening_reports WHERE id = ${o.screeningReportId}`,
  );
  return row?.version ?? 1;
}

/** A fresh dispute of the side's village, diverted to its committee and agreed by its mediator. */
async function agreedDispute(w: World, o: Side): Promise<string> {
  const d = await registerDispute(w.t, o);
  await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, { action: 'accept' });
  await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, {
    action: 'divert',
    path: 'people_mediation',
    organisationId: o.organisationId,
  });
  const held = await actOnDispute(w.t, o.accounts.dispatcher, o, d.id, {
    action: 'assign',
    mediatorUserId: o.accounts.mediator.userId,
  });
  await actOnDispute(w.t, o.accounts.mediator, o, d.id, {
    action: 'agree',
    partyIds: held.parties.map((p: { id: string }) => p.id),
    facts: '邻里噪音纠纷',
    terms: [{ text: '乙方夜间不再施工', dueDate: null }],
  });
  return d.id;
}

/** A fresh mediator account of the side's township in the side's committee, holding nothing. */
async function freshMediator(w: World, o: Side) {
  const user = await created(
    w,
    o.accounts.admin,
    post('/api/users', {
      username: `med${next()}`,
      displayName: '新调解员',
      password: 'Init#2026a',
      regionId: o.townshipId,
      roles: ['mediator'],
    }),
    'mediator account',
  );
  await created(w, o.accounts.admin, put(`/api/mediators/${user.id}`, { organisationId: o.organisationId }), 'link');
  return user;
}

async function importJob(w: World, o: Side, role: Role | undefined) {
  const kind = role === 'admin' ? 'grids' : 'residents';
  const csv =
    kind === 'grids'
      ? `网格编码,名称\n${o.villageCode}001,明德社区第1网格\n`
      : `姓名,村（社区）代码\n导入人,${o.villageCode}\n`;
  const s = role === 'admin' ? o.accounts.admin : o.accounts.dispatcher;
  const res = await w.t.app.inject({
    method: 'POST',
    url: `/api/imports?kind=${kind}&format=csv`,
    ...as(s, { 'content-type': 'application/octet-stream' }),
    body: csv,
  });
  await expectOk(res, 'import');
  const id = res.json().id as string;
  for (let i = 0; i < 200; i++) {
    const job = await w.t.app.inject({ method: 'GET', url: `/api/imports/${id}`, ...as(s) });
    if (job.json().status !== 'validating' && job.json().status !== 'pending') return id;
    await new Promise((r) => setTimeout(r, 20));
  }
  return id;
}

const places = ['organisations', 'buildings', 'key-places'] as const;
const placeBody = (path: (typeof places)[number], o: Side) =>
  path === 'organisations'
    ? { villageId: o.villageId, name: `企业${next()}`, kind: 'enterprise' }
    : path === 'buildings'
      ? { villageId: o.villageId, name: `楼栋${next()}` }
      : { villageId: o.villageId, name: `场所${next()}`, kind: 'school' };

export const SAMPLES: Record<string, Sample> = {
  // Public routes: everyone gets the same answer.
  'GET /api/health': { call: () => get('/api/health'), out: false },
  'GET /api/openapi.json': { call: () => get('/api/openapi.json'), out: false },
  'POST /api/auth/login': {
    call: () => post('/api/auth/login', { username: `nobody-${next()}`, password: 'wrong-Password1' }),
    out: false,
    expectIn: 401,
  },
  'POST /api/intake/cases': {
    call: () => ({
      ...post('/api/intake/cases', {
        itemCode: REPORT_ITEM?.code,
        description: '无密钥上报',
        idempotencyKey: crypto.randomUUID(),
      }),
    }),
    out: false,
    expectIn: 403,
  },
  // The endpoint itself (FixMyStreet's form, with its trailing slash): service discovery.
  'GET /open311/v2': { call: () => get('/open311/v2/'), out: false },
  'GET /open311/v2/:file': { call: () => get('/open311/v2/services.json'), out: false },
  'GET /open311/v2/services/:file': { call: () => get(`/open311/v2/services/${REPORT_ITEM?.code}.json`), out: false },
  // A resident's report without consent or a staff decision is not on the public feed.
  'GET /open311/v2/requests/:file': {
    call: (o) => get(`/open311/v2/requests/${o.caseCode}.json`),
    out: false,
    expectIn: 404,
  },
  'GET /open311/v2/tokens/:file': {
    call: () => get('/open311/v2/tokens/no-such-token.json'),
    out: false,
    expectIn: 404,
  },
  'POST /open311/v2/:file': {
    call: () => ({
      method: 'POST',
      url: '/open311/v2/requests.json',
      body: `service_code=${REPORT_ITEM?.code}&description=x`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    }),
    out: false,
    expectIn: 403,
  },

  // The caller's own session.
  'GET /api/auth/me': { call: () => get('/api/auth/me'), out: false },
  'POST /api/auth/logout': {
    call: async (o, c) => ({
      ...post('/api/auth/logout', {}),
      session:
        c.allowed && c.role
          ? await login(c.w.t.app, `${o.name.toLowerCase()}-${c.role}`, undefined, `10.8.0.${next() % 250}`)
          : undefined,
    }),
    out: false,
  },
  // A wrong current password: the route is reached (400), and no account's password changes.
  'POST /api/auth/password': {
    call: () => post('/api/auth/password', { currentPassword: 'Not-the-password1', newPassword: 'Another#Pass2026' }),
    out: false,
    expectIn: 400,
  },
  'GET /api/notifications': { call: () => get('/api/notifications'), out: false },
  'POST /api/notifications/read': { call: () => post('/api/notifications/read', { ids: 'all' }), out: false },
  'GET /api/notifications/stream': { call: () => get('/api/notifications/stream?probe=1'), out: false, expectIn: 400 },

  'GET /api/users': { call: (o) => get(`/api/users?regionId=${o.townshipId}`) },
  'GET /api/users/:id': { call: (o) => get(`/api/users/${o.targetUserId}`) },
  'POST /api/users': {
    call: (o) =>
      post('/api/users', {
        username: `u${next()}`,
        displayName: '新账号',
        password: 'Init#2026a',
        regionId: o.townshipId,
        roles: ['grid_worker'],
      }),
  },
  'PATCH /api/users/:id': { call: (o) => patch(`/api/users/${o.targetUserId}`, { displayName: `网格员${next()}` }) },
  'PUT /api/users/:id/roles': { call: (o) => put(`/api/users/${o.targetUserId}/roles`, { roles: ['grid_worker'] }) },
  'POST /api/users/:id/unlock': { call: (o) => post(`/api/users/${o.targetUserId}/unlock`, {}) },
  'POST /api/users/:id/password': {
    call: (o) => post(`/api/users/${o.targetUserId}/password`, { newPassword: `Reset#${next()}x2026` }),
  },
  'POST /api/users/:id/sessions/revoke': { call: (o) => post(`/api/users/${o.targetUserId}/sessions/revoke`, {}) },
  'PUT /api/users/:id/unit': {
    call: (o) => put(`/api/users/${o.targetHandlerId}/unit`, { unitId: o.unitId }),
    cross: (a, b) => put(`/api/users/${a.targetHandlerId}/unit`, { unitId: b.unitId }),
  },

  'GET /api/regions': { call: () => get('/api/regions'), out: false },
  'GET /api/map/config': { call: () => get('/api/map/config'), out: false },
  'GET /api/map/outlines': {
    call: () => get('/api/map/outlines'),
    out: false,
    check: (body, own) => (body.includes(own.gridId) ? null : "the own grid's outline is missing"),
  },
  'POST /api/regions': {
    call: (o) =>
      post('/api/regions', {
        parentId: o.townshipId,
        code: `${o.townshipCode}${300 + (next() % 600)}`,
        name: `新社区${next()}`,
      }),
  },
  // The log records what A's own accounts asked for — B's ids in their refused URLs included, which is
  // what an auditor needs to see. So instead of the id scan: every row shown lies in A's subtree.
  'GET /api/audit': {
    call: () => get('/api/audit?pageSize=200'),
    out: false,
    scan: false,
    check: (body, own) => {
      const rows = (JSON.parse(body) as { items: { regionPath: string | null; id: string }[] }).items;
      const foreign = rows.filter((r) => r.regionPath !== null && !r.regionPath.includes(`/${own.townshipCode}/`));
      return foreign.length > 0 ? `audit rows of other regions: ${foreign.map((r) => r.regionPath).join(', ')}` : null;
    },
  },
  'POST /api/audit/verify': { call: () => post('/api/audit/verify', {}), out: false },

  'GET /api/grids': { call: (o) => get(`/api/grids?villageId=${o.villageId}`) },
  'GET /api/grids/lookup': { call: (o) => get(`/api/grids/lookup?lon=${o.point.lon}&lat=${o.point.lat}`) },
  'GET /api/grids/checks': { call: (o) => get(`/api/grids/checks?villageId=${o.villageId}`) },
  'GET /api/grids/export.geojson': { call: () => get('/api/grids/export.geojson'), out: false },
  'POST /api/grids/import': {
    call: (o) =>
      post('/api/grids/import?commit=false', {
        type: 'FeatureCollection',
        features: [
          {
            type: 'Feature',
            geometry: rect(o.point.lon, o.point.lat),
            properties: { code: `${o.villageCode}001`, name: '校验网格' },
          },
        ],
      }),
  },
  'GET /api/grids/:id': { call: (o) => get(`/api/grids/${o.gridId}`) },
  'POST /api/grids': {
    call: (o) =>
      post('/api/grids', {
        villageId: o.villageId,
        seq: String(100 + (next() % 400)).padStart(3, '0'),
        name: `网格${next()}`,
        kind: 'dedicated',
        dedicatedKind: 'hospital',
      }),
  },
  'PATCH /api/grids/:id': { call: (o) => patch(`/api/grids/${o.gridId}`, { households: 120 }) },
  'PUT /api/grids/:id/boundary': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.gridId, () => freshGrid(c.w, o));
      return put(`/api/grids/${id}/boundary`, { boundary: rect(o.point.lon - 0.001, o.point.lat - 0.001, 0.0002) });
    },
  },
  'POST /api/grids/:id/assignments': {
    call: (o) =>
      post(`/api/grids/${o.gridId}/assignments`, {
        duty: 'grid_worker_part',
        userId: o.accounts.grid_worker.userId,
        personName: '兼职网格员',
      }),
    cross: (a, b) =>
      post(`/api/grids/${a.gridId}/assignments`, {
        duty: 'grid_worker_part',
        userId: b.accounts.grid_worker.userId,
        personName: '外街道网格员',
      }),
  },
  'DELETE /api/grids/:id/assignments/:assignmentId': {
    call: async (o, c) => {
      const a = c.allowed
        ? await created(
            c.w,
            o.accounts.admin,
            post(`/api/grids/${o.gridId}/assignments`, { duty: 'police', personName: `民警${next()}` }),
            'assignment',
          )
        : { id: crypto.randomUUID() };
      return { method: 'DELETE', url: `/api/grids/${o.gridId}/assignments/${a.id}` };
    },
  },

  'GET /api/residents': { call: (o) => get(`/api/residents?villageId=${o.villageId}&pageSize=200`) },
  // The number to look up travels in the body (URLs are logged): the other township's is not found.
  'POST /api/residents/search': { call: (o) => post('/api/residents/search', { idNumber: o.plaintexts[0] }) },
  'GET /api/residents/:id': { call: (o) => get(`/api/residents/${o.residentId}`) },
  'POST /api/residents': {
    call: (o) => post('/api/residents', { villageId: o.villageId, name: `登记人${next()}` }),
    cross: (a, b) => post('/api/residents', { villageId: a.villageId, gridId: b.gridId, name: `登记人${next()}` }),
  },
  'POST /api/residents/:id/reveal': {
    call: (o) => post(`/api/residents/${o.residentId}/reveal`, { field: 'phone', reason: '核实联系方式' }),
  },
  'GET /api/residents/:id/visits': { call: (o) => get(`/api/residents/${o.residentId}/visits`) },
  'GET /api/visits': { call: () => get('/api/visits?pageSize=100'), out: false },
  'POST /api/visits': {
    call: (o) =>
      post('/api/visits', { residentId: o.residentId, specialPopulationId: o.specialId, note: '上门走访，情况稳定' }),
    cross: (a, b) =>
      post('/api/visits', { residentId: a.residentId, specialPopulationId: b.specialId, note: '上门走访' }),
  },
  'POST /api/visits/:id/case': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.fieldVisitId, async () => ({ id: await fieldVisit(c.w.t, o) }));
      return post(`/api/visits/${id}/case`, { itemCode: REPORT_ITEM?.code, location: o.point });
    },
  },
  'POST /api/visits/:id/dispute': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.fieldVisitId, async () => ({ id: await fieldVisit(c.w.t, o) }));
      return post(`/api/visits/${id}/dispute`, { typeCode: 'neighbour' });
    },
  },
  'GET /api/visit-plans': { call: () => get('/api/visit-plans?pageSize=500'), out: false },
  'GET /api/visit-plans/figures': {
    call: () => get('/api/visit-plans/figures?from=2026-11-01&to=2026-12-31'),
    out: false,
  },
  'GET /api/visit-plans/intervals': { call: () => get('/api/visit-plans/intervals'), out: false },
  'PUT /api/visit-plans/intervals': {
    call: () =>
      put('/api/visit-plans/intervals', {
        community_correction: { high: 7, medium: 15, low: 30 },
        released_prisoner: { high: 15, medium: 30, low: 90 },
        drug_user: { high: 7, medium: 15, low: 30 },
        severe_mental_disorder: { high: 7, medium: 14, low: 30 },
      }),
    out: false,
    // The intervals are the county's (VISIT_INTERVALS_LEVEL): the matrix's township accounts are refused by level.
    expectIn: { dispatcher: 403, admin: 403 },
  },
  'GET /api/special-populations': { call: () => get('/api/special-populations?pageSize=500'), out: false },
  'POST /api/special-populations': {
    call: async (o, c) => {
      const residentId = await targetOf(o, c, o.residentId, () =>
        created(
          c.w,
          o.accounts.dispatcher,
          post('/api/residents', { villageId: o.villageId, name: `帮教对象${next()}` }),
          'resident',
        ),
      );
      return post('/api/special-populations', {
        residentId,
        kind: 'community_correction',
        riskLevel: 'medium',
        visitIntervalDays: 14,
      });
    },
  },
  'GET /api/houses': { call: (o) => get(`/api/houses?villageId=${o.villageId}&pageSize=200`) },
  'POST /api/houses': {
    call: (o) => post('/api/houses', { villageId: o.villageId, address: `幸福路${next()}号`, usage: 'self_occupied' }),
  },
  'POST /api/houses/:id/residents': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.houseId, () =>
        created(
          c.w,
          o.accounts.dispatcher,
          post('/api/houses', { villageId: o.villageId, address: `和平路${next()}号`, usage: 'rental' }),
          'house',
        ),
      );
      return post(`/api/houses/${id}/residents`, { residentId: o.residentId, relation: 'tenant' });
    },
    cross: (a, b) => post(`/api/houses/${a.houseId}/residents`, { residentId: b.residentId, relation: 'tenant' }),
  },
  ...Object.fromEntries(
    places.flatMap((path) => [
      [`GET /api/${path}`, { call: (o: Side) => get(`/api/${path}?villageId=${o.villageId}`) }],
      [`POST /api/${path}`, { call: (o: Side) => post(`/api/${path}`, placeBody(path, o)) }],
    ]),
  ),
  'PUT /api/key-places/:id/radius': {
    call: (o) => put(`/api/key-places/${o.placeIds['key-places']}/radius`, { radiusM: 120 }),
  },

  'POST /api/imports': {
    call: (o, c) => ({
      method: 'POST',
      url: `/api/imports?kind=${c.role === 'admin' ? 'grids' : 'residents'}&format=csv`,
      headers: { 'content-type': 'application/octet-stream' },
      body:
        c.role === 'admin'
          ? `网格编码,名称\n${o.villageCode}001,明德社区第1网格\n`
          : `姓名,村（社区）代码\n导入人,${o.villageCode}\n`,
    }),
  },
  // Each role asks for a kind it manages (IMPORT_KIND_ACTION): the administrator grids, the centre houses.
  'GET /api/imports/template': {
    call: (_o, c) => get(`/api/imports/template?kind=${c.role === 'admin' ? 'grids' : 'houses'}&format=csv`),
    out: false,
  },
  'GET /api/imports/:id': {
    call: async (o, c) => get(`/api/imports/${c.allowed ? await importJob(c.w, o, c.role) : o.importId}`),
  },
  'POST /api/imports/:id/commit': {
    call: async (o, c) => post(`/api/imports/${c.allowed ? await importJob(c.w, o, c.role) : o.importId}/commit`, {}),
  },
  'GET /api/exports/residents': { call: (o) => get(`/api/exports/residents?format=csv&villageId=${o.villageId}`) },
  'GET /api/exports/:kind': { call: () => get('/api/exports/grids?format=csv'), out: false },
  'GET /api/stats/tallies': { call: (o) => get(`/api/stats/tallies?regionId=${o.villageId}`) },
  'GET /api/stats/tallies/export': { call: (o) => get(`/api/stats/tallies/export?regionId=${o.villageId}`) },

  'GET /api/calendar': { call: () => get('/api/calendar'), out: false },
  // The working calendar and the item catalogue belong to the county (SETTING_OWNER_LEVEL): a township admin is refused.
  'PUT /api/calendar': {
    call: async (_o, c) => {
      const cur = await c.w.t.app.inject({ method: 'GET', url: '/api/calendar', ...as(c.w.A.accounts.dispatcher) });
      return put('/api/calendar', cur.json().calendar);
    },
    out: false,
    expectIn: { admin: 403 },
  },
  'GET /api/calendar/deadline': {
    call: () =>
      get(`/api/calendar/deadline?start=${encodeURIComponent('2026-12-01T09:00:00+08:00')}&amount=2&unit=work_days`),
    out: false,
  },

  'GET /api/units': { call: (o) => get(`/api/units?regionId=${o.villageId}`) },
  'POST /api/units': {
    call: (o) => post('/api/units', { regionId: o.townshipId, kind: 'housing', name: `城建办${next()}` }),
  },
  'PATCH /api/units/:id': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.unitId, () => freshUnit(c.w, o, '应急'));
      return patch(`/api/units/${id}`, { name: `应急办${next()}` });
    },
  },
  'POST /api/units/:id/retire': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.unitId, () => freshUnit(c.w, o, '临时'));
      return post(`/api/units/${id}/retire`, {});
    },
  },

  'GET /api/items': { call: () => get('/api/items'), out: false },
  'GET /api/items/:code': { call: () => get(`/api/items/${REPORT_ITEM?.code}`), out: false },
  'POST /api/items': {
    call: () =>
      post('/api/items', {
        ...REPORT_ITEM,
        code: `${REPORT_ITEM?.categoryCode}${900 + (next() % 99)}`,
        name: `新事项${next()}`,
      }),
    out: false,
    expectIn: { admin: 403 },
  },
  'PUT /api/items/:code': {
    call: () => put(`/api/items/${REPORT_ITEM?.code}`, { ...REPORT_ITEM }),
    out: false,
    expectIn: { admin: 403 },
  },
  'POST /api/items/:code/admissions': {
    call: async (o, c) =>
      post(`/api/items/${c.allowed ? await unproposedItem(c.w, o) : anyGridItem()}/admissions`, {
        regionId: o.townshipId,
        reason: '本辖区需要',
      }),
  },
  'GET /api/admissions': { call: (o) => get(`/api/admissions?regionId=${o.townshipId}`) },
  'POST /api/admissions/:id/decision': {
    call: async (o, c) =>
      post(`/api/admissions/${await targetOf(o, c, o.admissionId, () => proposal(c.w, o))}/decision`, {
        approve: true,
      }),
  },
  'POST /api/admissions/:id/withdraw': {
    call: async (o, c) => {
      // An active admission: proposed, then approved by the leader.
      const id = await targetOf(o, c, o.admissionId, async () => {
        const proposed = await proposal(c.w, o);
        return created(
          c.w,
          o.accounts.leader,
          post(`/api/admissions/${proposed.id}/decision`, { approve: true }),
          'approve',
        );
      });
      return post(`/api/admissions/${id}/withdraw`, { reason: '不再适合网格承办' });
    },
  },

  'GET /api/api-keys': { call: () => get('/api/api-keys'), out: false },
  'POST /api/api-keys': {
    call: (o) => post('/api/api-keys', { name: `接口${next()}`, regionId: o.townshipId, source: 'sensor' }),
  },
  'POST /api/api-keys/:id/revoke': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.apiKeyId, () =>
        created(
          c.w,
          o.accounts.admin,
          post('/api/api-keys', { name: `临时接口${next()}`, regionId: o.townshipId, source: 'other' }),
          'key',
        ),
      );
      return post(`/api/api-keys/${id}/revoke`, {});
    },
  },

  'POST /api/attachments': {
    call: async () => ({
      method: 'POST',
      url: '/api/attachments',
      headers: { 'content-type': 'image/jpeg' },
      body: await photo(),
    }),
    out: false,
  },
  // A mediator sees the photos of their organisation's disputes (a session's), not the cases'; a village
  // cadre those of their village's meeting records.
  'GET /api/attachments/:id': {
    call: (o, c) =>
      get(
        `/api/attachments/${c.role === 'mediator' ? o.disputeAttachmentId : c.role === 'village_cadre' ? o.deliberationAttachmentId : o.attachmentId}?size=thumb`,
      ),
  },
  // Anyone may report a problem wherever they see it: the case then belongs to the place, and its
  // reporter follows it there. So there is no out-of-scope report, only the report's own answer.
  'POST /api/cases': {
    call: (o) =>
      post('/api/cases', {
        itemCode: REPORT_ITEM?.code,
        description: '路灯不亮需要维修',
        location: o.point,
        idempotencyKey: crypto.randomUUID(),
      }),
    out: false,
  },
  'GET /api/cases': { call: () => get('/api/cases?pageSize=100'), out: false },
  'GET /api/cases/:id': { call: (o) => get(`/api/cases/${o.caseId}`) },
  'POST /api/cases/:id/actions': {
    call: (o, c) =>
      c.allowed && o.name === 'A'
        ? caseAction(c.w, o, c.role)
        : post(`/api/cases/${o.caseId}/actions`, { action: 'accept', version: 1, conditionMet: true }),
    // The centre dispatching its case to another township's grid worker or unit, or merging it into another township's case.
    cross: async (a, b, c) => {
      if (!c.allowed || c.role !== 'dispatcher')
        return post(`/api/cases/${a.caseId}/actions`, {
          action: 'merge',
          version: 1,
          targetCaseId: b.caseId,
          note: '重复上报',
        });
      // An item admitted to grids, so only the target's township can be what refuses it.
      const kase = await reportCase(c.w.t, a, { itemCode: GRID_ITEM?.code });
      await act(c.w.t, a.accounts.dispatcher, kase.id, 'accept', { conditionMet: true });
      return actionOn(c.w, a, kase.id, { action: 'dispatch', userId: b.accounts.grid_worker.userId });
    },
  },
  // A fresh case each time: the world's case stays unpublished (the Open311 sample expects it off the feed).
  'PUT /api/cases/:id/publication': {
    call: async (o, c) =>
      put(`/api/cases/${await targetOf(o, c, o.caseId, () => caseIn(c.w.t, o, 'reported'))}/publication`, {
        published: true,
        publicDescription: '路面有坑洼',
      }),
  },
  // The report form (issue 14): the common items and nearby reports of the actor's own area; 我也遇到 on the side's open case.
  'GET /api/cases/common-items': { call: () => get('/api/cases/common-items'), out: false },
  'GET /api/cases/nearby': {
    call: (o) => get(`/api/cases/nearby?itemCode=${REPORT_ITEM?.code}&lon=${o.point.lon}&lat=${o.point.lat}`),
  },
  'POST /api/cases/:id/supplements': {
    call: (o) =>
      post(`/api/cases/${o.caseId}/supplements`, { note: '我也遇到了这个问题', idempotencyKey: crypto.randomUUID() }),
  },
  'GET /api/cases/:id/supplements': { call: (o) => get(`/api/cases/${o.caseId}/supplements`) },
  'GET /api/cases/:id/duplicates': { call: (o) => get(`/api/cases/${o.caseId}/duplicates`) },
  'GET /api/cases/:id/dispatch-proposal': { call: (o) => get(`/api/cases/${o.caseId}/dispatch-proposal`) },
  'GET /api/grid-workers/load': { call: () => get('/api/grid-workers/load'), out: false },

  // Disputes (矛盾纠纷): the centre registers and diverts, the organisation's mediator mediates, leaders read.
  'GET /api/disputes': {
    call: () => get('/api/disputes?pageSize=100'),
    out: false,
    check: (body, own) => (body.includes(own.disputeId) ? null : "the own township's dispute is missing"),
  },
  'POST /api/disputes': {
    call: (o) =>
      post('/api/disputes', {
        typeCode: 'neighbour',
        summary: '邻里噪音纠纷',
        regionId: o.villageId,
        source: 'walk_in',
      }),
    // Turning the other township's case into a dispute here.
    cross: (a, b) =>
      post('/api/disputes', {
        typeCode: 'neighbour',
        summary: '案件转纠纷',
        regionId: a.villageId,
        source: 'case_conversion',
        caseId: b.caseId,
      }),
  },
  'GET /api/disputes/:id': { call: (o) => get(`/api/disputes/${o.disputeId}`) },
  'POST /api/disputes/:id/actions': {
    call: (o, c) =>
      c.allowed && o.name === 'A'
        ? disputeAction(c.w, o, c.role)
        : post(`/api/disputes/${o.disputeId}/actions`, { action: 'accept', version: 1 }),
    // The centre diverting its dispute to the other township's committee; handing the own dispute to the other township's mediator.
    cross: async (a, b, c) => {
      if (c.allowed && c.role === 'dispatcher') {
        const d = await registerDispute(c.w.t, a);
        await actOnDispute(c.w.t, a.accounts.dispatcher, a, d.id, { action: 'accept' });
        return post(`/api/disputes/${d.id}/actions`, {
          action: 'divert',
          version: await disputeVersion(c.w.t, a, d.id),
          path: 'people_mediation',
          organisationId: b.organisationId,
          note: '分流',
        });
      }
      return post(`/api/disputes/${a.disputeId}/actions`, {
        action: 'reassign',
        version: await disputeVersion(c.w.t, a, a.disputeId),
        mediatorUserId: b.accounts.mediator.userId,
        note: '更换',
      });
    },
  },
  'POST /api/disputes/:id/case': {
    call: (o, c) => referral(c.w, o, c),
    // Filing the own township's dispute as a case located in the other township.
    cross: (a, b, c) => referral(c.w, a, c, b.point),
  },
  // The 人民调解协议书 of an agreed dispute (a fresh one of the own township; the other's is out of scope).
  'GET /api/disputes/:id/agreement.pdf': {
    call: async (o, c) =>
      get(`/api/disputes/${c.allowed && o.name === 'A' ? await agreedDispute(c.w, o) : o.disputeId}/agreement.pdf`),
  },
  'GET /api/disputes/:id/organisation-proposal': {
    call: (o) => get(`/api/disputes/${o.disputeId}/organisation-proposal`),
    check: (body, own) => (body.includes(own.organisationId) ? null : "the own village's committee is not proposed"),
  },
  'POST /api/disputes/:id/parties': {
    call: (o) => post(`/api/disputes/${o.disputeId}/parties`, { kind: 'person', side: 'third', name: '第三人' }),
  },
  'PATCH /api/disputes/:id/parties/:partyId': {
    call: (o) => patch(`/api/disputes/${o.disputeId}/parties/${o.partyIds[1]}`, { address: `幸福路${next()}号` }),
  },
  'DELETE /api/disputes/:id/parties/:partyId': {
    call: async (o, c) => {
      const party =
        c.allowed && o.name === 'A'
          ? await created(
              c.w,
              o.accounts.dispatcher,
              post(`/api/disputes/${o.disputeId}/parties`, { kind: 'person', side: 'third', name: '误录人' }),
              'party',
            )
          : { id: o.partyIds[1] };
      return { method: 'DELETE', url: `/api/disputes/${o.disputeId}/parties/${party.id}` };
    },
  },
  // The reception window (来访登记): the centre registers and routes; the centre and leaders read their region's visits.
  'POST /api/reception/visits': {
    // Routed to a dispute of the side's village: another township's village is not the centre's to register.
    call: (o) =>
      post('/api/reception/visits', {
        idempotencyKey: crypto.randomUUID(),
        visitor: { anonymous: false, name: '来访群众', phone: '13800138000' },
        category: 'dispute',
        matter: '邻里噪音纠纷',
        route: { track: 'dispute', typeCode: 'neighbour', regionId: o.villageId },
      }),
  },
  'GET /api/reception/visits': {
    call: () => get('/api/reception/visits?pageSize=100'),
    out: false,
    check: (body, own) => (body.includes(own.visitId) ? null : "the own centre's visit is missing"),
  },
  'GET /api/reception/visits/:id': { call: (o) => get(`/api/reception/visits/${o.visitId}`) },
  'GET /api/reception/visits/:id/receipt.pdf': { call: (o) => get(`/api/reception/visits/${o.visitId}/receipt.pdf`) },
  'POST /api/reception/visits/:id/reveal': {
    call: (o) => post(`/api/reception/visits/${o.visitId}/reveal`, { field: 'name', reason: '电话回访核实' }),
  },
  // Public: the receipt number and the phone's last four are the credential (right ones here: 200 for everyone).
  'POST /api/reception/progress': {
    call: (o) => post('/api/reception/progress', { receiptNumber: o.receiptNumber, phoneLast4: o.visitPhoneLast4 }),
  },
  // A resident's own visits: a visit is claimed with its receipt and digits, whichever centre received it.
  'GET /api/reception/my-visits': { call: () => get('/api/reception/my-visits'), out: false },
  'POST /api/reception/my-visits': {
    call: (o) => post('/api/reception/my-visits', { receiptNumber: o.receiptNumber, phoneLast4: o.visitPhoneLast4 }),
    out: false,
  },
  'GET /api/mediation-organisations': {
    call: () => get('/api/mediation-organisations'),
    out: false,
    check: (body, own) => (body.includes(own.organisationId) ? null : "the own village's committee is missing"),
  },
  'POST /api/mediation-organisations': {
    call: (o) =>
      post('/api/mediation-organisations', {
        regionId: o.villageId,
        name: `物业纠纷调委会${next()}`,
        kind: 'professional',
        typeCodes: ['property_management'],
      }),
  },
  'PATCH /api/mediation-organisations/:id': {
    call: (o) => patch(`/api/mediation-organisations/${o.organisationId}`, { name: `${o.name}区调委会改${next()}` }),
  },
  'PUT /api/mediators/:userId': {
    call: (o) =>
      put(`/api/mediators/${o.accounts.mediator.userId}`, { organisationId: o.organisationId, title: '专职' }),
    cross: (a, b) => put(`/api/mediators/${a.accounts.mediator.userId}`, { organisationId: b.organisationId }),
  },
  'DELETE /api/mediators/:userId': {
    call: async (o, c) => ({
      method: 'DELETE',
      url: `/api/mediators/${await targetOf(o, c, o.accounts.mediator.userId, () => freshMediator(c.w, o))}`,
    }),
  },
  'GET /api/dispute-types': { call: () => get('/api/dispute-types'), out: false },
  // The dispute types are the county's (SETTING_OWNER_LEVEL): a township admin is refused.
  'POST /api/dispute-types': {
    call: () => post('/api/dispute-types', { code: `kind_${next()}`, name: '新类型纠纷' }),
    out: false,
    expectIn: { admin: 403 },
  },
  'PATCH /api/dispute-types/:code': {
    call: () => patch('/api/dispute-types/other', { limits: { mediate: { amount: 20, unit: 'natural_days' } } }),
    out: false,
    expectIn: { admin: 403 },
  },
  // Petitions (信访): the centre registers and handles, leaders take (包案), approve extensions and supervise.
  'GET /api/petitions': {
    call: () => get('/api/petitions?pageSize=100'),
    out: false,
    check: (body, own) => (body.includes(own.petitionId) ? null : "the own township's petition is missing"),
  },
  'POST /api/petitions': {
    call: (o) =>
      post('/api/petitions', {
        channel: 'visit',
        regionId: o.villageId,
        summary: '反映噪音扰民',
        matterType: 'environment',
        respondent: '某工地',
        subjectObject: `幸福路${next()}号`,
        petitioners: [{ name: '来访人' }],
      }),
    // Linking the own petition to the other township's as its earlier one.
    cross: (a, b) =>
      post('/api/petitions', {
        channel: 'letter',
        regionId: a.villageId,
        summary: '重复信访',
        matterType: 'other',
        respondent: '某单位',
        subjectObject: '某事',
        petitioners: [{ name: '来信人' }],
        repeatOfId: b.petitionId,
      }),
  },
  'GET /api/petitions/:id': { call: (o) => get(`/api/petitions/${o.petitionId}`) },
  'POST /api/petitions/:id/actions': {
    call: (o, c) =>
      c.allowed && o.name === 'A'
        ? petitionAction(c.w, o, c.role)
        : post(`/api/petitions/${o.petitionId}/actions`, { action: 'take', version: 1 }),
    // An extension of the own petition "approved" by the other township's leader.
    cross: async (a, b, c) => {
      const p = c.allowed ? await acceptedPetition(c.w.t, a) : { id: a.petitionId };
      return post(`/api/petitions/${p.id}/actions`, {
        action: 'extend',
        version: await petitionVersion(c.w.t, a, p.id),
        days: 10,
        reason: '需补充调查',
        approverUserId: b.accounts.leader.userId,
      });
    },
  },
  // The written opinion names the petitioner: the centre and the leader who took the petition print it.
  'GET /api/petitions/:id/opinion.pdf': { call: (o) => get(`/api/petitions/${o.petitionId}/opinion.pdf`) },
  'GET /api/petition-figures': {
    call: () =>
      get(
        `/api/petition-figures?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-31T00:00:00+08:00')}`,
      ),
    out: false,
    check: (body) => (JSON.parse(body).total.counts.registered > 0 ? null : 'the own petitions are not counted'),
  },
  // 排查 (screening) and 风险研判: the side's grid worker reports for its grid; its centre sees the township.
  'GET /api/screening/mine': {
    call: () => get('/api/screening/mine'),
    out: false,
    check: (body, own) => (body.includes(own.gridId) ? null : 'the own grid is missing'),
  },
  'POST /api/screening/reports': {
    // Its own grid's report again, with the key it was filed with: the same report back (a retry).
    call: (o) =>
      post('/api/screening/reports', {
        gridId: o.gridId,
        period: '2026-11-23',
        zero: true,
        idempotencyKey: o.screeningKey,
      }),
    // Naming the other township's dispute among its findings.
    cross: (a, b) =>
      post('/api/screening/reports', {
        gridId: a.gridId,
        period: '2026-11-23',
        zero: false,
        disputeIds: [b.disputeId],
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'POST /api/screening/reports/:id/amend': {
    call: async (o, c) =>
      post(`/api/screening/reports/${o.screeningReportId}/amend`, {
        version: await screeningVersion(c.w, o),
        note: '补报',
        newDisputes: [{ typeCode: 'neighbour', summary: `${o.name}区补报纠纷${next()}` }],
      }),
    cross: async (a, b, c) =>
      post(`/api/screening/reports/${a.screeningReportId}/amend`, {
        version: await screeningVersion(c.w, a),
        note: '补报',
        disputeIds: [b.disputeId],
      }),
  },
  'GET /api/screening/reports/:id': { call: (o) => get(`/api/screening/reports/${o.screeningReportId}`) },
  'GET /api/screening/overview': {
    call: (o) => get(`/api/screening/overview?regionId=${o.townshipId}`),
    check: (body, own) => (body.includes(own.gridId) ? null : 'the own grid is missing'),
  },
  'PUT /api/screening/schedules/:regionId': {
    call: (o) => put(`/api/screening/schedules/${o.townshipId}`, { periodKind: 'month', graceDays: 0 }),
  },
  'GET /api/risk-meetings': {
    call: () => get('/api/risk-meetings'),
    out: false,
    check: (body, own) => (body.includes(own.meetingId) ? null : "the own township's meeting is missing"),
  },
  'POST /api/risk-meetings': {
    call: (o) =>
      post('/api/risk-meetings', {
        heldAt: '2026-11-23T01:00:00Z',
        topic: '风险研判',
        participants: ['综治中心'],
        minutes: '研判本周纠纷',
        decisions: [{ disputeId: o.disputeId, kind: 'watch', note: '持续关注' }],
      }),
    // The own township's dispute and the other township's, in one meeting.
    cross: (a, b) =>
      post('/api/risk-meetings', {
        heldAt: '2026-11-23T01:00:00Z',
        topic: '风险研判',
        participants: ['综治中心'],
        minutes: '研判',
        decisions: [
          { disputeId: a.disputeId, kind: 'watch', note: '关注' },
          { disputeId: b.disputeId, kind: 'watch', note: '关注' },
        ],
      }),
  },
  'GET /api/risk-meetings/:id': { call: (o) => get(`/api/risk-meetings/${o.meetingId}`) },
  'GET /api/dispute-figures': {
    call: (o) =>
      get(
        `/api/dispute-figures?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+08:00')}&regionId=${o.townshipId}`,
      ),
  },
  'GET /api/case-figures': {
    call: () =>
      get(
        `/api/case-figures?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2027-01-01T00:00:00+08:00')}`,
      ),
    out: false,
  },
  // 四议两公开: the side village's cadre keeps its bodies and matters; the centre and leaders read.
  'GET /api/deliberation/bodies': { call: (o) => get(`/api/deliberation/bodies?villageId=${o.villageId}`) },
  'POST /api/deliberation/bodies': {
    call: (o) =>
      post('/api/deliberation/bodies', { villageId: o.villageId, kind: 'villagers_meeting', basis: 'adults' }),
  },
  'GET /api/deliberation/bodies/:id': { call: (o) => get(`/api/deliberation/bodies/${o.deliberationBodyId}`) },
  'POST /api/deliberation/bodies/:id/roll': {
    call: (o) => post(`/api/deliberation/bodies/${o.deliberationBodyId}/roll`, { add: [o.residentId], reason: '推选' }),
    // The own council with the other township's resident added.
    cross: (a, b) =>
      post(`/api/deliberation/bodies/${a.deliberationBodyId}/roll`, { add: [b.residentId], reason: '推选' }),
  },
  'GET /api/deliberation/bodies/:id/candidates': {
    call: (o) => get(`/api/deliberation/bodies/${o.deliberationBodyId}/candidates`),
  },
  'GET /api/deliberation/matters': {
    call: () => get('/api/deliberation/matters?pageSize=100'),
    out: false,
    check: (body, own) => (body.includes(own.matterId) ? null : "the own village's matter is missing"),
  },
  'POST /api/deliberation/matters': {
    call: (o) =>
      post('/api/deliberation/matters', {
        villageId: o.villageId,
        title: '村道硬化',
        kind: 'public_works',
        decidingBody: 'villagers_meeting',
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'GET /api/deliberation/matters/:id': { call: (o) => get(`/api/deliberation/matters/${o.matterId}`) },
  'POST /api/deliberation/matters/:id/stages/:stage/convene': {
    call: (o) =>
      post(`/api/deliberation/matters/${o.matterId}/stages/proposal/convene`, {
        heldAt: '2026-11-23T01:00:00Z',
        place: '村委会',
      }),
  },
  'POST /api/deliberation/matters/:id/stages/:stage/record': {
    call: async (o, c) => {
      const id = c.allowed && o === c.w.A ? await matterReadyFor(c.w.t, o, 'proposal', 'record') : o.matterId;
      return post(`/api/deliberation/matters/${id}/stages/proposal/record`, {
        present: 1,
        inFavour: 1,
        against: 0,
        abstaining: 0,
        minutes: '纪要',
      });
    },
  },
  'POST /api/deliberation/matters/:id/stages/:stage/publish': {
    call: async (o, c) => {
      const id = c.allowed && o === c.w.A ? await matterReadyFor(c.w.t, o, 'resolution_notice', 'publish') : o.matterId;
      return post(`/api/deliberation/matters/${id}/stages/resolution_notice/publish`, {
        noticeText: '决议公开',
        noticeEndsOn: '2027-01-31',
      });
    },
  },
  // 业主表决 (民法典 art. 278): the centre runs its estates' votes; the side's resident is a verified owner.
  'GET /api/votes': {
    call: () => get('/api/votes'),
    out: false,
    check: (body, own) => (body.includes(own.voteId) ? null : "the own estate's vote is missing"),
  },
  'POST /api/votes': {
    call: (o) =>
      post('/api/votes', {
        regionId: o.villageId,
        buildingIds: [o.placeIds.buildings],
        title: '业主表决',
        item: 'committee',
        closesAt: '2099-01-01T00:00:00Z',
      }),
    // The own village with the other township's building.
    cross: (a, b) =>
      post('/api/votes', {
        regionId: a.villageId,
        buildingIds: [b.placeIds.buildings],
        title: '业主表决',
        item: 'committee',
        closesAt: '2099-01-01T00:00:00Z',
      }),
  },
  'GET /api/votes/:id': { call: (o) => get(`/api/votes/${o.voteId}`) },
  'GET /api/votes/:id/roll': { call: (o) => get(`/api/votes/${o.voteId}/roll`) },
  'POST /api/votes/:id/open': {
    call: async (o, c) =>
      post(`/api/votes/${c.allowed ? await freshVote(c.w.t, o, { open: false }) : o.voteId}/open`, {}),
  },
  'POST /api/votes/:id/close': {
    call: async (o, c) => post(`/api/votes/${c.allowed ? await freshVote(c.w.t, o) : o.voteId}/close`, {}),
  },
  'POST /api/votes/:id/paper-ballots': {
    call: async (o, c) => {
      const voteId = c.allowed ? await freshVote(c.w.t, o) : o.voteId;
      return post(`/api/votes/${voteId}/paper-ballots`, {
        voterId: c.allowed ? await unvotedVoter(c.w.t, o, voteId) : o.residentId,
        choice: 'for',
        channel: 'paper',
        scanAttachmentId: c.allowed && c.role ? await scanOf(c.w, c.role) : o.attachmentId,
        idempotencyKey: `matrix-paper-${next()}`,
      });
    },
    // The own vote with the other township's voter.
    cross: async (a, b, c) => {
      const voteId = c.allowed ? await freshVote(c.w.t, a) : a.voteId;
      const bVoter = await unvotedVoter(c.w.t, b, b.voteId);
      return post(`/api/votes/${voteId}/paper-ballots`, {
        voterId: bVoter,
        choice: 'for',
        channel: 'paper',
        scanAttachmentId: c.allowed && c.role ? await scanOf(c.w, c.role) : a.attachmentId,
        idempotencyKey: `matrix-paper-${next()}`,
      });
    },
  },
  'POST /api/my/owner-verification': {
    // The own resident's ID number; the other township's owner's number fails (422).
    call: (o) => post('/api/my/owner-verification', { idNumber: o.plaintexts[0] as string }),
  },
  'GET /api/my/votes': {
    call: () => get('/api/my/votes'),
    out: false,
    check: (body, own) => (body.includes(own.voteId) ? null : 'the own vote is missing'),
  },
  'GET /api/my/votes/:id': { call: (o) => get(`/api/my/votes/${o.voteId}`) },
  'POST /api/my/votes/:id/ballot': {
    call: async (o, c) =>
      post(`/api/my/votes/${c.allowed ? await freshVote(c.w.t, o) : o.voteId}/ballot`, {
        choice: 'against',
        idempotencyKey: `matrix-phone-${next()}`,
      }),
  },
  'GET /api/public/votes/:id': {
    call: (o) => get(`/api/public/votes/${o.closedVoteId}`),
    check: (body) => (body.includes('receiptHash') ? null : 'the ballot list is missing'),
  },
  'GET /api/public/votes/:id/receipts/:code': {
    call: (o) => get(`/api/public/votes/${o.closedVoteId}/receipts/${o.receiptCode}`),
  },
  // 村(居)务公开: the centre keeps its villages' boards; a resident reads their village's and asks (质询).
  'GET /api/notice-boards/:regionId': {
    call: (o) => get(`/api/notice-boards/${o.villageId}`),
    check: (body, own) => (body.includes(own.noticeId) ? null : "the own village's notice is missing"),
  },
  'PUT /api/notice-boards/:regionId': {
    call: (o) => put(`/api/notice-boards/${o.villageId}`, { manyFinanceTransactions: false }),
  },
  'GET /api/notice-boards/:regionId/qr.svg': { call: (o) => get(`/api/notice-boards/${o.villageId}/qr.svg`) },
  'POST /api/notices': {
    call: (o) =>
      post('/api/notices', {
        regionId: o.villageId,
        category: 'party',
        title: `${o.name}区党务公开`,
        body: '正文',
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'PATCH /api/notices/:id': {
    call: async (o, c) =>
      patch(`/api/notices/${await targetOf(o, c, o.noticeId, () => noticeDraft(c.w, o))}`, {
        version: 1,
        title: '修改草稿',
      }),
  },
  'POST /api/notices/:id/publish': {
    call: async (o, c) =>
      post(`/api/notices/${await targetOf(o, c, o.noticeId, () => noticeDraft(c.w, o))}/publish`, { version: 1 }),
  },
  'POST /api/notices/:id/supersede': {
    call: async (o, c) =>
      post(`/api/notices/${await targetOf(o, c, o.noticeId, () => publishedNotice(c.w.t, o))}/supersede`, {
        version: 2,
        title: '更正',
        body: '更正后的内容',
        reason: '数字有误',
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'GET /api/notices/:id': { call: (o) => get(`/api/notices/${o.noticeId}`) },
  'POST /api/notices/:id/inquiries': {
    call: (o) =>
      post(`/api/notices/${o.noticeId}/inquiries`, { question: '请问这笔支出？', idempotencyKey: crypto.randomUUID() }),
  },
  'GET /api/notice-inquiries': {
    call: () => get('/api/notice-inquiries'),
    out: false,
    check: (body, own) => (body.includes(own.inquiryId) ? null : "the own village's question is missing"),
  },
  'POST /api/notice-inquiries/:id/answer': {
    call: async (o, c) =>
      post(`/api/notice-inquiries/${await targetOf(o, c, o.inquiryId, () => noticeInquiry(c.w, o))}/answer`, {
        answer: '已核实，见附表',
      }),
  },
  'GET /api/my-notices': {
    call: () => get('/api/my-notices'),
    out: false,
    check: (body, own) => (body.includes(own.noticeId) ? null : "the own village's notice is missing"),
  },
  // 议事协商: residents raise and support in their own village; its cadres take topics through; the township reads.
  'GET /api/topics': {
    call: () => get('/api/topics'),
    out: false,
    check: (body, own) => (body.includes(own.topicId) ? null : "the own village's topic is missing"),
  },
  'GET /api/topics/:id': { call: (o) => get(`/api/topics/${o.topicId}`) },
  'POST /api/topics': {
    call: (o) =>
      post('/api/topics', {
        villageId: o.villageId,
        title: `${o.name}区新议题`,
        description: '议题的具体内容和建议',
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'POST /api/topics/:id/support': {
    call: async (o, c) =>
      post(`/api/topics/${await targetOf(o, c, o.topicId, () => topicIn(c.w, o, 'raised'))}/support`, {}),
  },
  'POST /api/topics/:id/take-up': {
    call: async (o, c) =>
      post(`/api/topics/${await targetOf(o, c, o.topicId, () => topicIn(c.w, o, 'raised'))}/take-up`, {
        plannedMeetingOn: '2099-01-01',
      }),
  },
  'POST /api/topics/:id/decline': {
    call: async (o, c) =>
      post(`/api/topics/${await targetOf(o, c, o.topicId, () => topicIn(c.w, o, 'raised'))}/decline`, {
        reason: '不属于本村事务',
      }),
  },
  'POST /api/topics/:id/meeting': {
    call: async (o, c) =>
      post(`/api/topics/${await targetOf(o, c, o.topicId, () => topicIn(c.w, o, 'taken_up'))}/meeting`, TOPIC_MEETING),
  },
  'POST /api/topics/:id/implementation': {
    call: async (o, c) =>
      post(`/api/topics/${await targetOf(o, c, o.topicId, () => topicIn(c.w, o, 'implementing'))}/implementation`, {
        result: '已实施完毕',
      }),
  },
  'PUT /api/topic-settings/:villageId': {
    call: (o) => put(`/api/topic-settings/${o.villageId}`, { supportThreshold: 10, responseDays: 15 }),
  },
  // 民生微实事: the side's resident proposes and follows; the side's cadre runs them; the centre and leaders read.
  'GET /api/micro-projects': {
    call: () => get('/api/micro-projects?pageSize=100'),
    out: false,
    check: (body, own) => (body.includes(own.projectId) ? null : "the own village's project is missing"),
  },
  'POST /api/micro-projects': {
    // Always the resident's own village: nothing of a township is named.
    call: () =>
      post('/api/micro-projects', {
        title: '村口路灯',
        description: '夜间照明不足',
        category: 'safety',
        estimatedCostFen: 300_000,
        place: '村口',
        idempotencyKey: crypto.randomUUID(),
      }),
    out: false,
  },
  'GET /api/micro-projects/:id': { call: (o) => get(`/api/micro-projects/${o.projectId}`) },
  'POST /api/micro-projects/:id/shortlist': {
    call: async (o, c) =>
      post(
        `/api/micro-projects/${await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'shortlist') }))}/shortlist`,
        {},
      ),
  },
  'POST /api/micro-projects/:id/reject': {
    call: async (o, c) =>
      post(
        `/api/micro-projects/${await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'shortlist') }))}/reject`,
        { reason: '不属于民生微实事范围' },
      ),
  },
  'POST /api/micro-project-votes': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'vote') }));
      return post('/api/micro-project-votes', {
        villageId: o.villageId,
        heldAt: '2026-11-23T01:00:00Z',
        place: '村委会',
        present: 1,
        minutes: '表决',
        items: [{ projectId: id, inFavour: 1, against: 0, abstaining: 0 }],
        idempotencyKey: crypto.randomUUID(),
      });
    },
    // The own village's meeting voting on the other township's project.
    cross: (a, b) =>
      post('/api/micro-project-votes', {
        villageId: a.villageId,
        heldAt: '2026-11-23T01:00:00Z',
        place: '村委会',
        present: 1,
        minutes: '表决',
        items: [{ projectId: b.projectId, inFavour: 1, against: 0, abstaining: 0 }],
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'POST /api/micro-projects/:id/implement': {
    call: async (o, c) =>
      post(
        `/api/micro-projects/${await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'implement') }))}/implement`,
        { implementer: '物业', budgetFen: 400_000, dueOn: '2027-06-30' },
      ),
  },
  'POST /api/micro-projects/:id/complete': {
    call: async (o, c) =>
      post(
        `/api/micro-projects/${await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'complete') }))}/complete`,
        { acceptanceNote: '合格', actualCostFen: 390_000 },
      ),
  },
  'POST /api/micro-projects/:id/publish': {
    call: async (o, c) =>
      post(
        `/api/micro-projects/${await targetOf(o, c, o.projectId, async () => ({ id: await projectReadyFor(c.w.t, o, 'publish') }))}/publish`,
        { noticeEndsOn: '2027-01-31' },
      ),
  },
  // Public: the village's public page (anyone, no names); another village's page is just as public.
  'GET /p/notices/:regionCode': { call: (o) => get(`/p/notices/${o.villageCode}`) },
  // 巡查: a grid worker's own patrols (a fresh one of township A for each allowed write; B's is not found).
  'POST /api/patrols': {
    call: (o) => post('/api/patrols', { id: crypto.randomUUID(), gridId: o.gridId }),
  },
  'POST /api/patrols/:id/points': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.patrolId, async () => ({ id: await freshPatrol(c.w.t, o) }));
      const t = c.w.t.clock.now().getTime() - 300_000;
      return post(`/api/patrols/${id}/points`, { seq: 1, points: [{ t, ...o.point, acc: 9 }] });
    },
  },
  'POST /api/patrols/:id/end': {
    call: async (o, c) =>
      post(
        `/api/patrols/${await targetOf(o, c, o.patrolId, async () => ({ id: await freshPatrol(c.w.t, o) }))}/end`,
        {},
      ),
  },
  'POST /api/patrols/:id/checkins': {
    call: async (o, c) => {
      const id = await targetOf(o, c, o.patrolId, async () => ({ id: await freshPatrol(c.w.t, o) }));
      const t = c.w.t.clock.now().getTime() - 300_000;
      return post(`/api/patrols/${id}/checkins`, {
        id: crypto.randomUUID(),
        placeId: o.patrolPlaceId,
        t,
        ...o.point,
        acc: 9,
      });
    },
    // The own patrol checking in at the other township's place.
    cross: async (a, b, c) => {
      const id = c.allowed ? await freshPatrol(c.w.t, a) : a.patrolId;
      const t = c.w.t.clock.now().getTime() - 300_000;
      return post(`/api/patrols/${id}/checkins`, {
        id: crypto.randomUUID(),
        placeId: b.patrolPlaceId,
        t,
        ...b.point,
        acc: 9,
      });
    },
  },
  'GET /api/patrols': {
    call: () => get('/api/patrols?pageSize=100'),
    out: false,
  },
  'GET /api/patrols/norm': {
    call: (o) => get(`/api/patrols/norm?week=2026-11-23&workerId=${o.accounts.grid_worker.userId}`),
  },
  'GET /api/patrols/norm-setting': { call: () => get('/api/patrols/norm-setting'), out: false },
  // A norm is set by a province, city or county (DUTY_NORM_LEVELS): the matrix's township admin is refused by level.
  'PUT /api/patrols/norm-setting': {
    call: () =>
      put('/api/patrols/norm-setting', {
        normId: 'custom',
        name: '矩阵标准',
        daysPerWeek: 5,
        patrolsPerDay: 2,
        hoursPerDay: 4,
        reportsPerDay: 1,
      }),
    out: false,
    expectIn: { admin: 403 },
  },
  'GET /api/patrols/:id': { call: (o) => get(`/api/patrols/${o.patrolId}`) },
  'GET /api/patrol-figures': {
    call: (o) => get(`/api/patrol-figures?from=2026-11-23&to=2026-11-29&by=worker&regionId=${o.villageId}`),
  },
  ...INSPECTION_SAMPLES,
  // 群防群治 and 市民认领 (samples-forces.ts).
  ...FORCES_SAMPLES,
};
