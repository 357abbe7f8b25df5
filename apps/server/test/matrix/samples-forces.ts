import { as, addUser, login, type Session } from '../app.ts';
import type { Req, Sample, SampleCtx } from './samples.ts';
import { expectOk, next, photo, reportCase, type Side, type World } from './world.ts';

/*
 * 群防群治 and 市民认领 in the authorization matrix: each side's team, volunteer (its resident, approved),
 * activity (signed up and checked in) and claimable cases, made once per side on first use; their ids
 * and names join the side's markers.
 */

interface ForcesSide {
  teamId: string;
  memberId: string;
  volunteerId: string;
  activityId: string;
  claimedCaseId: string;
}
const built = new Map<string, ForcesSide>();
let ip = 0;

const inject = (w: World, s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  w.t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });

async function made(w: World, s: Session, url: string, payload: object, what: string) {
  const res = await inject(w, s, 'POST', url, payload);
  await expectOk(res, what);
  return res.json();
}

/** A claimable case (暴露垃圾) of the side, reported by its resident at the side's point. */
async function claimableCase(w: World, o: Side) {
  return reportCase(w.t, o, { itemCode: '01001' });
}

async function upload(w: World, s: Session): Promise<string> {
  const res = await w.t.app.inject({
    method: 'POST',
    url: '/api/attachments',
    ...as(s, { 'content-type': 'image/jpeg' }),
    body: await photo(),
  });
  await expectOk(res, 'photo');
  return res.json().id;
}

/** A case of the side claimed by its resident (the approved volunteer), and its version. */
async function claimedCase(w: World, o: Side): Promise<{ id: string; version: number }> {
  await forcesOf(w, o);
  const c = await claimableCase(w, o);
  return made(
    w,
    o.accounts.resident,
    '/api/forces/claims',
    {
      caseId: c.id,
      version: c.version,
      idempotencyKey: crypto.randomUUID(),
    },
    'claim',
  );
}

/** A case of the side whose claim awaits the grid worker's confirmation. */
async function claimDone(w: World, o: Side): Promise<{ id: string; version: number }> {
  const c = await claimedCase(w, o);
  const s = o.accounts.resident;
  return made(
    w,
    s,
    `/api/forces/claims/${c.id}/close`,
    {
      version: c.version,
      beforePhotoId: await upload(w, s),
      afterPhotoId: await upload(w, s),
      note: '已清理',
      idempotencyKey: crypto.randomUUID(),
    },
    'claim close',
  );
}

/** A fresh resident of the side's village, registered as a volunteer (pending). */
async function pendingVolunteer(w: World, o: Side): Promise<{ id: string }> {
  const username = `${o.name.toLowerCase()}-vol-${next()}`;
  await addUser(w.t.database, { username, role: 'resident', regionCode: o.villageCode });
  const s = await login(w.t.app, username, undefined, `10.77.${++ip % 250}.1`);
  return made(w, s, '/api/forces/volunteers', {}, 'volunteer');
}

async function forcesOf(w: World, o: Side): Promise<ForcesSide> {
  const have = built.get(o.name);
  if (have) return have;
  const { dispatcher, resident } = o.accounts;
  const team = await made(
    w,
    dispatcher,
    '/api/forces/teams',
    { regionId: o.villageId, kind: 'volunteer_team', name: `${o.name}区志愿服务队` },
    'team',
  );
  const phone = o.name === 'A' ? '13700006601' : '13700006602';
  o.plaintexts.push(phone);
  const member = await made(
    w,
    dispatcher,
    `/api/forces/teams/${team.id}/members`,
    { name: `${o.name}区队员`, phone },
    'member',
  );
  const v = await made(w, resident, '/api/forces/volunteers', {}, 'volunteer');
  await made(w, dispatcher, `/api/forces/volunteers/${v.id}/decide`, { approved: true }, 'approve');
  const now = w.t.clock.now().getTime();
  const activity = await made(
    w,
    dispatcher,
    '/api/forces/activities',
    {
      id: crypto.randomUUID(),
      regionId: o.villageId,
      kind: 'volunteer_event',
      title: `${o.name}区志愿活动`,
      placeName: `${o.name}区广场`,
      ...o.point,
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 365 * 86_400_000).toISOString(),
      capacity: 100,
    },
    'activity',
  );
  await made(
    w,
    resident,
    `/api/forces/activities/${activity.id}/signup`,
    { idempotencyKey: crypto.randomUUID() },
    'signup',
  );
  await made(w, resident, `/api/forces/activities/${activity.id}/check-in`, o.point, 'check-in');
  const side: ForcesSide = {
    teamId: team.id,
    memberId: member.id,
    volunteerId: v.id,
    activityId: activity.id,
    claimedCaseId: '',
  };
  built.set(o.name, side);
  side.claimedCaseId = (await claimedCase(w, o)).id;
  o.markers.push(team.id, team.name, v.id, activity.id, activity.title, side.claimedCaseId);
  return side;
}

const get = (url: string): Req => ({ method: 'GET', url });
const post = (url: string, payload: object): Req => ({ method: 'POST', url, payload });
const put = (url: string, payload: object): Req => ({ method: 'PUT', url, payload });
/** A fresh object of the actor's own side when the route lets them through, else the side's standing one. */
async function fresh<T extends { id: string }>(o: Side, c: SampleCtx, existing: string, make: () => Promise<T>) {
  return c.allowed && o.name === 'A' ? await make() : { id: existing, version: 1 };
}

export const FORCES_SAMPLES: Record<string, Sample> = {
  'GET /api/forces/teams': {
    call: async (o, c) => (await forcesOf(c.w, o), get('/api/forces/teams')),
    out: false,
  },
  'POST /api/forces/teams': {
    call: async (o, c) => (
      await forcesOf(c.w, o),
      post('/api/forces/teams', { regionId: o.villageId, kind: 'patrol_team', name: '平安巡防队' })
    ),
  },
  'GET /api/forces/teams/:id/members': {
    call: async (o, c) => get(`/api/forces/teams/${(await forcesOf(c.w, o)).teamId}/members`),
  },
  'POST /api/forces/teams/:id/members': {
    call: async (o, c) => post(`/api/forces/teams/${(await forcesOf(c.w, o)).teamId}/members`, { name: '队员' }),
  },
  'PUT /api/forces/teams/:id': {
    call: async (o, c) =>
      put(`/api/forces/teams/${(await forcesOf(c.w, o)).teamId}`, {
        kind: 'volunteer_team',
        name: `${o.name}区志愿服务队`,
      }),
  },
  'DELETE /api/forces/members/:id': {
    call: async (o, c) => {
      const side = await forcesOf(c.w, o);
      const m = await fresh(o, c, side.memberId, () =>
        made(c.w, o.accounts.dispatcher, `/api/forces/teams/${side.teamId}/members`, { name: '临时队员' }, 'member'),
      );
      return { method: 'DELETE', url: `/api/forces/members/${m.id}` };
    },
  },
  'POST /api/forces/members/:id/reveal': {
    call: async (o, c) =>
      post(`/api/forces/members/${(await forcesOf(c.w, o)).memberId}/reveal`, {
        field: 'phone',
        reason: '联系队员排班',
      }),
  },
  'GET /api/forces/activities/:id/signups': {
    call: async (o, c) => get(`/api/forces/activities/${(await forcesOf(c.w, o)).activityId}/signups`),
  },
  'GET /api/forces/claims': {
    call: async (o, c) => (await forcesOf(c.w, o), get('/api/forces/claims')),
    out: false,
  },
  'GET /api/forces/volunteers': {
    call: async (o, c) => (await forcesOf(c.w, o), get('/api/forces/volunteers')),
    out: false,
  },
  'POST /api/forces/volunteers': { call: () => post('/api/forces/volunteers', {}), out: false },
  'POST /api/forces/volunteers/:id/decide': {
    call: async (o, c) => {
      const existing = (await forcesOf(c.w, o)).volunteerId;
      const v = await fresh(o, c, existing, () => pendingVolunteer(c.w, o));
      return post(`/api/forces/volunteers/${v.id}/decide`, { approved: true });
    },
  },
  'GET /api/forces/activities': {
    call: async (o, c) => (await forcesOf(c.w, o), get('/api/forces/activities')),
    out: false,
  },
  'POST /api/forces/activities': {
    call: async (o, c) => {
      const now = c.w.t.clock.now().getTime();
      return post('/api/forces/activities', {
        id: crypto.randomUUID(),
        regionId: o.villageId,
        kind: 'patrol_shift',
        title: '巡防值班',
        placeName: '村口',
        ...o.point,
        startsAt: new Date(now + 3_600_000).toISOString(),
        endsAt: new Date(now + 7_200_000).toISOString(),
        capacity: 5,
      });
    },
  },
  'POST /api/forces/activities/:id/signup': {
    call: async (o, c) =>
      post(`/api/forces/activities/${(await forcesOf(c.w, o)).activityId}/signup`, {
        idempotencyKey: crypto.randomUUID(),
      }),
  },
  'POST /api/forces/activities/:id/check-in': {
    call: async (o, c) => post(`/api/forces/activities/${(await forcesOf(c.w, o)).activityId}/check-in`, o.point),
  },
  'POST /api/forces/activities/:id/check-out': {
    call: async (o, c) => ({
      method: 'POST',
      url: `/api/forces/activities/${(await forcesOf(c.w, o)).activityId}/check-out`,
    }),
  },
  'GET /api/forces/claims/nearby': {
    call: async (o, c) => (
      await forcesOf(c.w, o),
      get(`/api/forces/claims/nearby?lon=${c.w.A.point.lon}&lat=${c.w.A.point.lat}`)
    ),
    out: false,
  },
  'GET /api/forces/claims/mine': {
    call: async (o, c) => (await forcesOf(c.w, o), get('/api/forces/claims/mine')),
    out: false,
  },
  'POST /api/forces/claims': {
    call: async (o, c) => {
      await forcesOf(c.w, o);
      const k = await claimableCase(c.w, o);
      return post('/api/forces/claims', { caseId: k.id, version: k.version, idempotencyKey: crypto.randomUUID() });
    },
  },
  'POST /api/forces/claims/:caseId/close': {
    call: async (o, c) => {
      const k = await fresh(o, c, (await forcesOf(c.w, o)).claimedCaseId, () => claimedCase(c.w, o));
      const s = c.w.A.accounts.resident;
      return post(`/api/forces/claims/${k.id}/close`, {
        version: k.version,
        beforePhotoId: await upload(c.w, s),
        afterPhotoId: await upload(c.w, s),
        note: '已清理',
        idempotencyKey: crypto.randomUUID(),
      });
    },
  },
  'POST /api/forces/claims/:caseId/release': {
    call: async (o, c) => {
      const k = await fresh(o, c, (await forcesOf(c.w, o)).claimedCaseId, () => claimedCase(c.w, o));
      return post(`/api/forces/claims/${k.id}/release`, {
        version: k.version,
        note: '临时有事',
        idempotencyKey: crypto.randomUUID(),
      });
    },
  },
  'POST /api/forces/claims/:caseId/decide': {
    // The side's grid worker account is not the worker of the grid the case lies in (the demo's is): only
    // the verifier named at claim_close, or the centre, decides (CASE_LIFE.claim_confirm).
    expectIn: { grid_worker: 403 },
    call: async (o, c) => {
      const k = await fresh(o, c, (await forcesOf(c.w, o)).claimedCaseId, () => claimDone(c.w, o));
      return post(`/api/forces/claims/${k.id}/decide`, {
        version: k.version,
        confirm: true,
        idempotencyKey: crypto.randomUUID(),
      });
    },
  },
  'GET /api/forces/figures': {
    call: async (o, c) => (
      await forcesOf(c.w, o),
      get(`/api/forces/figures?from=2026-01-01&to=2026-12-31&regionId=${o.villageId}`)
    ),
  },
};
