import { randomUUID } from 'node:crypto';
import { as } from '../app.ts';
import type { Req, Sample } from './samples.ts';
import { type Side, type World, expectOk, photo } from './world.ts';

/*
 * 隐患排查 in the matrix: each side's grid worker inspects the side's key place (a 小餐饮, one failed
 * item), and each side's centre keeps its own version of the fire template; the other side's
 * inspection, place and template version must stay out of reach (404).
 */

const get = (url: string): Req => ({ method: 'GET', url });
const post = (url: string, payload: object): Req => ({ method: 'POST', url, payload });

type Template = { id: string; key: string; name: string; placeTypes: string[]; items: { key: string }[] };
const templates = new Map<string, Template>();
const existing = new Map<string, string>();

async function call(w: World, side: Side, role: 'grid_worker' | 'dispatcher', r: Req) {
  const res = await w.t.app.inject({
    method: r.method as 'POST',
    url: r.url,
    ...as(side.accounts[role]),
    ...(r.payload ? { payload: r.payload } : {}),
  });
  await expectOk(res, `${r.method} ${r.url}`);
  return res.json();
}

/** The fire template in force for the side (its own township version, made once). */
async function fireOf(w: World, side: Side): Promise<Template> {
  let t = templates.get(side.name);
  if (!t) {
    const { items } = await call(w, side, 'dispatcher', get('/api/inspection-templates'));
    const base = items.find((i: Template) => i.key === 'fire_small_place');
    const { name, placeTypes } = base;
    t = await call(
      w,
      side,
      'dispatcher',
      post('/api/inspection-templates/fire_small_place/versions', { name, placeTypes, items: base.items }),
    );
    templates.set(side.name, t as Template);
  }
  return t as Template;
}

const photos = new Map<string, string>();
/** A photo the side's grid worker took (a failed item needs one). */
async function photoOf(w: World, side: Side): Promise<string> {
  let id = photos.get(side.name);
  if (!id) {
    const res = await w.t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      ...as(side.accounts.grid_worker, { 'content-type': 'image/jpeg' }),
      body: await photo(),
    });
    await expectOk(res, 'inspection photo');
    photos.set(side.name, (id = res.json().id as string));
  }
  return id;
}

const body = (side: Side, templateId: string, items: { key: string }[], photoId: string) => ({
  clientId: randomUUID(),
  templateId,
  place: { kind: 'key_place', id: side.placeIds['key-places'] },
  placeType: 'small_restaurant',
  location: side.point,
  performedAt: '2026-11-23T01:00:00Z',
  answers: items.map((i) =>
    i.key === 'extinguishers'
      ? { key: i.key, value: 3 }
      : i.key === 'no_residence'
        ? { key: i.key, result: 'fail', photoIds: [photoId] }
        : { key: i.key, result: 'pass' },
  ),
});

/** An inspection of the side's key place by its grid worker, `no_residence` failed (a fresh one, or the side's first). */
async function inspectionOf(w: World, side: Side, fresh = false): Promise<string> {
  const had = existing.get(side.name);
  if (had && !fresh) return had;
  const t = await fireOf(w, side);
  const made = await call(
    w,
    side,
    'grid_worker',
    post('/api/inspections', body(side, t.id, t.items, await photoOf(w, side))),
  );
  if (!had) existing.set(side.name, made.id);
  return made.id;
}

export const INSPECTION_SAMPLES: Record<string, Sample> = {
  'GET /api/inspection-templates': { call: () => get('/api/inspection-templates'), out: false },
  'GET /api/inspection-templates/:id': {
    call: async (o, c) => get(`/api/inspection-templates/${(await fireOf(c.w, o)).id}`),
  },
  // The demo world's admin sits at a township: templates are kept by the centre or a county admin.
  'POST /api/inspection-templates/:key/versions': {
    call: async (_o, c) => {
      const t = await fireOf(c.w, c.w.A);
      return post('/api/inspection-templates/fire_small_place/versions', {
        name: t.name,
        placeTypes: t.placeTypes,
        items: t.items,
      });
    },
    out: false,
    expectIn: { admin: 403 },
  },
  'POST /api/inspections': {
    call: async (o, c) => {
      const t = await fireOf(c.w, c.w.A);
      return post('/api/inspections', body(o, t.id, t.items, await photoOf(c.w, c.w.A)));
    },
    // The own key place answered on the other township's template version.
    cross: async (own, other, c) => {
      const t = await fireOf(c.w, other);
      return post('/api/inspections', body(own, t.id, t.items, await photoOf(c.w, own)));
    },
  },
  'GET /api/inspections': {
    call: async (_o, c) => {
      await inspectionOf(c.w, c.w.A);
      return get('/api/inspections?pageSize=100');
    },
    out: false,
    check: (b) => (JSON.parse(b).total > 0 ? null : 'the own inspections are missing'),
  },
  'GET /api/inspections/last': {
    call: (o) =>
      get(`/api/inspections/last?placeKind=key_place&placeId=${o.placeIds['key-places']}&templateKey=fire_small_place`),
  },
  'GET /api/inspection-figures': {
    call: () => get('/api/inspection-figures?from=2026-11-01&to=2026-11-30'),
    out: false,
  },
  'GET /api/inspections/:id': { call: async (o, c) => get(`/api/inspections/${await inspectionOf(c.w, o)}`) },
  'POST /api/inspections/:id/items/:key/case': {
    call: async (o, c) =>
      post(`/api/inspections/${await inspectionOf(c.w, o, c.allowed && o.name === 'A')}/items/no_residence/case`, {}),
  },
};
