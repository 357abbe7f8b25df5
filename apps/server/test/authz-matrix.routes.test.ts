import { type Role, ROLES } from '@gewu/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublic, rolesAllowed } from '../src/platform/http/route-access.ts';
import { createTestApp, type TestApp } from './app.ts';
import { captureLogs, findPersonalData } from './log-capture.ts';
import { type Req, SAMPLES } from './matrix/samples.ts';
import { buildWorld, type World } from './matrix/world.ts';

/**
 * The authorization matrix, generated from the route table: every route, for every role and for
 * anonymous, against an object of the actor's own township (A) and one of another township (B).
 * What each role may do is the route's own declaration (`config.access`, next to the route);
 * how to call it is SAMPLES. A route with no sample fails here, so a new route cannot skip the matrix.
 *
 * Expected, for a route that is not public:
 * - anonymous → 401; a role the route does not name → 403 `access.denied`;
 * - a role it names, on its own township's object → 2xx (or the business refusal the sample names);
 * - a role it names, on the other township's object → a 4xx other than 401, or a 2xx that shows
 *   nothing of the other township;
 * - a role it names, on its own object with the other township's object in the body (`cross`) → a 4xx
 *   other than 401;
 * and no 2xx body anywhere carries an id, code or name of the other township's objects, nor a
 * stored identity or phone number in plaintext.
 */
let t: TestApp;
let w: World;
const ACTORS: (Role | undefined)[] = [undefined, ...ROLES];
const checked = { calls: 0, routes: 0, in: 0, out: 0, cross: 0, head: 0 };
const logs = captureLogs();

beforeAll(async () => {
  t = await createTestApp({}, { logStream: logs.stream });
  w = await buildWorld(t);
  await t.app.ready();
}, 300_000);
afterAll(async () => {
  console.log(
    `authorization matrix: ${checked.routes} routes × ${ACTORS.length} actors (${ROLES.length} roles + anonymous) × in scope / out of scope / naming another township's object → ${checked.calls} calls ` +
      `(${checked.in} in scope, ${checked.out} out of scope, ${checked.cross} naming another township's object, ${checked.head} HEAD twins of GETs)`,
  );
  await t?.close();
});

/** Routes the matrix covers: ours, not the API viewer's assets; HEAD runs with its GET. */
function matrixKeys(): string[] {
  return t.app.declaredRoutes
    .filter((r) => !r.url.startsWith('/api/docs') && r.method !== 'HEAD')
    .map((r) => `${r.method} ${r.url}`);
}

async function send(req: Req, actor: Role | undefined, method = req.method) {
  const session = actor ? (req.session ?? w.A.accounts[actor]) : undefined;
  const headers = { ...(session ? { cookie: session.cookie, 'x-csrf-token': session.csrf } : {}), ...req.headers };
  return t.app.inject({
    method: method as 'GET',
    url: req.url,
    headers,
    ...(req.payload ? { payload: req.payload } : {}),
    ...(req.body !== undefined ? { body: req.body } : {}),
  });
}

describe('authorization matrix', () => {
  it('every route has a sample and every sample a route', async () => {
    await t.app.ready();
    const keys = matrixKeys();
    expect(keys.filter((k) => !SAMPLES[k])).toEqual([]);
    expect(Object.keys(SAMPLES).filter((k) => !keys.includes(k))).toEqual([]);
  });

  for (const [key, sample] of Object.entries(SAMPLES)) {
    it(key, async () => {
      const route = t.app.declaredRoutes.find((r) => `${r.method} ${r.url}` === key);
      const access = route?.access;
      if (!access) throw new Error(`${key}: no route or no declaration`);
      const failures: string[] = [];
      const foreign = w.B.markers;
      const stored = [...w.A.plaintexts, ...w.B.plaintexts];
      checked.routes += 1;
      for (const actor of ACTORS) {
        for (const side of ['in', 'out', 'cross'] as const) {
          if (side === 'out' && (sample.out === false || isPublic(access))) continue;
          if (side === 'cross' && !sample.cross) continue;
          const o = side === 'in' ? w.A : w.B;
          const allowed = actor ? rolesAllowed(access, [actor]) : isPublic(access);
          const c = { w, role: actor, allowed };
          const req = side === 'cross' && sample.cross ? await sample.cross(w.A, w.B, c) : await sample.call(o, c);
          const res = await send(req, actor);
          checked.calls += 1;
          checked[side] += 1;
          const who = `${actor ?? 'anonymous'} ${side} ${req.method} ${req.url}`;
          const status = res.statusCode;
          const ok = status >= 200 && status < 300;
          const wanted =
            typeof sample.expectIn === 'number' ? sample.expectIn : actor ? sample.expectIn?.[actor] : undefined;
          if (status >= 500) failures.push(`${who}: ${status} ${res.body.slice(0, 200)}`);
          else if (isPublic(access)) {
            if (wanted ? status !== wanted : !ok)
              failures.push(`${who}: public route answered ${status}, expected ${wanted ?? '2xx'}`);
          } else if (!actor) {
            if (status !== 401) failures.push(`${who}: expected 401, got ${status}`);
          } else if (!allowed) {
            if (status !== 403 || res.json().code !== 'access.denied')
              failures.push(`${who}: expected 403 access.denied, got ${status} ${res.body.slice(0, 120)}`);
          } else if (side === 'in') {
            if (wanted ? status !== wanted : !ok)
              failures.push(`${who}: expected ${wanted ?? '2xx'}, got ${status} ${res.body.slice(0, 200)}`);
          } else if (side === 'cross') {
            if (status < 400 || status === 401)
              failures.push(`${who}: naming the other township's object answered ${status} ${res.body.slice(0, 160)}`);
          } else if (!(ok || (status >= 400 && status !== 401))) {
            failures.push(`${who}: out of scope answered ${status}`);
          }
          if (ok && actor) {
            const leaked = foreign.filter((m) => res.body.includes(m));
            if (leaked.length > 0 && sample.scan !== false)
              failures.push(`${who}: shows the other township's ${leaked.join(', ')}`);
            const wrong = sample.check?.(res.body, w.A);
            if (wrong) failures.push(`${who}: ${wrong}`);
            const revealing = [
              'POST /api/residents/:id/reveal',
              'POST /api/reception/visits/:id/reveal',
              'POST /api/forces/members/:id/reveal',
            ].includes(key);
            const plain = revealing ? [] : stored.filter((p) => res.body.includes(p));
            if (plain.length > 0) failures.push(`${who}: carries a stored number in plaintext`);
          }
          if (req.method === 'GET' && key !== 'GET /api/notifications/stream') {
            const head = await send(req, actor, 'HEAD');
            checked.calls += 1;
            checked.head += 1;
            if (head.statusCode !== status) failures.push(`${who}: HEAD answered ${head.statusCode}, GET ${status}`);
          }
        }
      }
      expect(failures).toEqual([]);
    });
  }

  it('nothing the matrix made the server log carries personal data or a secret', () => {
    expect(logs.text().length).toBeGreaterThan(0);
    expect(findPersonalData(logs.text(), [...w.A.plaintexts, ...w.B.plaintexts])).toEqual([]);
  });
});
