import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  as,
  createTestApp,
  everyTableCount,
  login,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';

/*
 * 四议两公开 over HTTP, in the demo's 修身村 (cadre) with 齐家村's cadre (cadre2) as the other village.
 * The test clock starts at 2026-11-23 10:00 Beijing (02:00Z): a villager is 18 from the day of the
 * 18th birthday, so the adults' roll takes those born on or before 2008-11-23. Every expected figure
 * is counted by hand.
 */

let t: TestApp;
let cadre: Session;
let cadre2: Session;
let dispatcher: Session;
let leader: Session;
let xiushen: string;
let ip = 0;
const signIn = (u: string) => login(t.app, u, undefined, `10.61.${++ip % 250}.1`);
const call = (s: Session, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, ...as(s), ...(payload ? { payload } : {}) });
const ok = async (s: Session, method: 'GET' | 'POST', url: string, payload?: object) => {
  const res = await call(s, method, url, payload);
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
};
const idNumber = (birth: string, seq: number) => {
  const body = `410104${birth.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  return body + idCheckChar(body);
};
const rows = <T>(q: ReturnType<typeof sql>) => queryRows<T>(t.database.db, q);
const idOf = async (q: ReturnType<typeof sql>) => ((await rows<{ id: string }>(q))[0]?.id ?? '') as string;

/** Residents of 修身村 added for the roll: one turning 18 today, one tomorrow. */
const turning: Record<'today' | 'tomorrow', string> = { today: '', tomorrow: '' };
const members: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  cadre = await signIn('cadre');
  cadre2 = await signIn('cadre2');
  dispatcher = await signIn('dispatcher');
  leader = await signIn('leader');
  xiushen = await regionIdByCode(t.database, '410104001201');
  for (const [key, birth, seq] of [
    ['today', '2008-11-23', 611],
    ['tomorrow', '2008-11-24', 612],
  ] as const) {
    const r = await ok(dispatcher, 'POST', '/api/residents', {
      villageId: xiushen,
      name: key === 'today' ? '欧阳成年' : '欧阳未满',
      idNumber: idNumber(birth, seq),
    });
    turning[key] = r.id;
  }
  for (let i = 0; i < 9; i++) {
    const r = await ok(dispatcher, 'POST', '/api/residents', {
      villageId: xiushen,
      name: `代表${'甲乙丙丁戊己庚辛壬'[i]}`,
      idNumber: idNumber('1970-01-01', 620 + i),
    });
    members.push(r.id);
  }
});
afterAll(async () => {
  await t.close();
});

describe('rolls', () => {
  it("the villagers' meeting roll by age is the village's residents 18 or over today, names masked", async () => {
    const body = await ok(cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'villagers_meeting',
      basis: 'adults',
    });
    const [count] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM residents r JOIN regions g ON g.id = r.village_id
            WHERE g.code = '410104001201' AND r.birth_date <= '2008-11-23'`,
    );
    expect(body.rollSize).toBe(count?.n);
    const onRoll = await rows<{ resident_id: string }>(
      sql`SELECT resident_id FROM deliberation_roll_members WHERE body_id = ${body.id}`,
    );
    const ids = onRoll.map((r) => r.resident_id);
    expect([ids.includes(turning.today), ids.includes(turning.tomorrow)]).toEqual([true, false]);
    expect(body.members.some((m: { label: string }) => m.label === '欧***')).toBe(true);
    const res = await call(cadre, 'GET', `/api/deliberation/bodies/${body.id}`);
    expect(res.body).not.toContain('欧阳成年');
  });

  it('a roll change without a reason is refused and changes nothing; with one it is kept on the entry', async () => {
    const body = await ok(cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'representatives_meeting',
      basis: 'members',
    });
    expect(body.rollSize).toBe(0);
    const before = await everyTableCount(t.database);
    for (const reason of [undefined, '  ']) {
      const res = await call(cadre, 'POST', `/api/deliberation/bodies/${body.id}/roll`, { add: members, reason });
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('deliberation.reason_required');
    }
    expect(await everyTableCount(t.database)).toEqual(before);
    const after = await ok(cadre, 'POST', `/api/deliberation/bodies/${body.id}/roll`, {
      add: members,
      reason: '2026年村民代表推选结果',
    });
    expect(after.rollSize).toBe(9);
    expect(after.members[0].addedReason).toBe('2026年村民代表推选结果');
    const other = await call(cadre, 'POST', `/api/deliberation/bodies/${body.id}/roll`, {
      add: [members[0]],
      reason: '重复',
    });
    expect([other.statusCode, other.json().code]).toEqual([400, 'deliberation.resident_invalid']);
  });

  it('the party and committee bodies get their members by hand', async () => {
    for (const [kind, n] of [
      ['party_branch', 5],
      ['two_committees', 7],
      ['party_members', 9],
    ] as const) {
      const b = await ok(cadre, 'POST', '/api/deliberation/bodies', { villageId: xiushen, kind, basis: 'members' });
      const r = await ok(cadre, 'POST', `/api/deliberation/bodies/${b.id}/roll`, {
        add: members.slice(0, n),
        reason: '换届选举结果',
      });
      expect(r.rollSize).toBe(n);
    }
    // The list counts each roll too: 5, 7, 9 by hand, and the representatives' 9 from the test above.
    const list = await ok(cadre, 'GET', `/api/deliberation/bodies?villageId=${xiushen}`);
    const sizes = Object.fromEntries(list.items.map((b: { kind: string; rollSize: number }) => [b.kind, b.rollSize]));
    expect([sizes.party_branch, sizes.two_committees, sizes.party_members, sizes.representatives_meeting]).toEqual([
      5, 7, 9, 9,
    ]);
    const dup = await call(cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'party_branch',
      basis: 'members',
    });
    expect([dup.statusCode, dup.json().code]).toEqual([409, 'deliberation.body_exists']);
    const basis = await call(cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'residents_council',
      basis: 'adults',
    });
    expect([basis.statusCode, basis.json().code]).toEqual([400, 'deliberation.basis_invalid']);
  });
});

let matterId = '';
const stageUrl = (stage: string, op: string) => `/api/deliberation/matters/${matterId}/stages/${stage}/${op}`;
const convene = (stage: string) =>
  ok(cadre, 'POST', stageUrl(stage, 'convene'), { heldAt: '2026-11-23T01:00:00Z', place: '村委会会议室' });
const stageOf = (m: { stages: { stage: string }[] }, s: string) =>
  m.stages.find((x) => x.stage === s) as never as {
    status: string;
    expected: number;
    quorate: boolean;
    passed: boolean;
    dueAt: string | null;
    roll: { id: string }[];
  };

describe('matters go to the body the law names', () => {
  const matter = (over: object) => ({
    villageId: xiushen,
    title: '征地补偿费分配方案',
    kind: 'land_compensation',
    decidingBody: 'representatives_meeting',
    idempotencyKey: crypto.randomUUID(),
    ...over,
  });
  it('refuses the wrong body, and the representatives without the authorisation, changing nothing', async () => {
    const before = await everyTableCount(t.database);
    const noAuth = await call(cadre, 'POST', '/api/deliberation/matters', matter({}));
    expect([noAuth.statusCode, noAuth.json().code]).toEqual([422, 'deliberation.authorisation_required']);
    const charter = await call(
      cadre,
      'POST',
      '/api/deliberation/matters',
      matter({ kind: 'village_charter', authorisation: '村民会议授权' }),
    );
    expect([charter.statusCode, charter.json().code]).toEqual([422, 'deliberation.wrong_body']);
    const council = await call(
      cadre,
      'POST',
      '/api/deliberation/matters',
      matter({ decidingBody: 'residents_council' }),
    );
    expect([council.statusCode, council.json().code]).toEqual([422, 'deliberation.wrong_body']);
    expect(await everyTableCount(t.database)).toEqual(before);
  });
  it('takes it with the authorisation; a retry with the same key gets the same matter', async () => {
    const body = matter({ authorisation: '2026年3月村民会议授权村民代表会议决定征地补偿费分配' });
    const m = await ok(cadre, 'POST', '/api/deliberation/matters', body);
    const again = await ok(cadre, 'POST', '/api/deliberation/matters', body);
    expect(again.id).toBe(m.id);
    matterId = m.id;
    expect(m.stage).toBe('proposal');
    expect(m.stages.map((s: { status: string }) => s.status)).toEqual([
      'open',
      'pending',
      'pending',
      'pending',
      'pending',
      'pending',
    ]);
  });
});

describe('scope', () => {
  it("another village's cadre gets 404; the township centre and leader read but do not act", async () => {
    const bodyId = await idOf(
      sql`SELECT id FROM deliberation_bodies WHERE village_id = ${xiushen} AND kind = 'party_branch'`,
    );
    for (const [method, url, payload] of [
      ['GET', `/api/deliberation/matters/${matterId}`],
      ['GET', `/api/deliberation/bodies/${bodyId}`],
      ['POST', stageUrl('proposal', 'convene'), { heldAt: '2026-11-23T01:00:00Z', place: '外村' }],
      ['POST', `/api/deliberation/bodies/${bodyId}/roll`, { remove: [], add: [members[0]], reason: '外村' }],
    ] as const) {
      const res = await call(cadre2, method, url, payload);
      expect(res.statusCode, url).toBe(404);
    }
    const list = await ok(cadre2, 'GET', '/api/deliberation/matters');
    expect(list.total).toBe(0);
    expect((await call(cadre2, 'GET', `/api/deliberation/matters?villageId=${xiushen}`)).statusCode).toBe(404);
    for (const s of [dispatcher, leader]) {
      const view = await ok(s, 'GET', `/api/deliberation/matters/${matterId}`);
      expect([view.villageName, view.canManage]).toEqual(['修身村', false]);
      expect(
        (await call(s, 'POST', stageUrl('proposal', 'convene'), { heldAt: '2026-11-23T01:00:00Z', place: 'x' }))
          .statusCode,
      ).toBe(403);
    }
  });
});

describe('四议两公开 from proposal to the published implementation result', () => {
  it('a stage opens only when the one before it concluded', async () => {
    const early = await call(cadre, 'POST', stageUrl('consultation', 'convene'), {
      heldAt: '2026-11-23T01:00:00Z',
      place: '村委会会议室',
    });
    expect([early.statusCode, early.json().code]).toEqual([409, 'deliberation.stage_not_open']);
  });

  it('the party branch proposes, the two committees consult, the party members review', async () => {
    // [stage, expected, present, for]: 5 of the branch: 3 present, 3 for (more than half of 5 expected);
    // 7 of the two committees: 4 present, 3 for (more than half of 4 present); 9 members: 5 present, 5 for.
    for (const [stage, expected, present, inFavour] of [
      ['proposal', 5, 3, 3],
      ['consultation', 7, 4, 3],
      ['review', 9, 5, 5],
    ] as const) {
      const c = await convene(stage);
      expect(stageOf(c, stage).expected).toBe(expected);
      const m = await ok(cadre, 'POST', stageUrl(stage, 'record'), {
        present,
        inFavour,
        against: present - inFavour,
        abstaining: 0,
        minutes: `${stage} 会议纪要`,
      });
      expect([stageOf(m, stage).status, stageOf(m, stage).quorate, stageOf(m, stage).passed]).toEqual([
        'concluded',
        true,
        true,
      ]);
    }
  });

  it("the representatives' roll is frozen at convening: a later change does not move the denominator", async () => {
    const c = await convene('resolution');
    expect(stageOf(c, 'resolution').expected).toBe(9);
    const bodyId = await idOf(
      sql`SELECT id FROM deliberation_bodies WHERE village_id = ${xiushen} AND kind = 'representatives_meeting'`,
    );
    const body = await ok(cadre, 'GET', `/api/deliberation/bodies/${bodyId}`);
    const changed = await ok(cadre, 'POST', `/api/deliberation/bodies/${bodyId}/roll`, {
      remove: [body.members[0].id],
      reason: '迁出本村',
    });
    expect(changed.rollSize).toBe(8);
    expect(stageOf(await ok(cadre, 'GET', `/api/deliberation/matters/${matterId}`), 'resolution').expected).toBe(9);
  });

  it('refuses a resolution the arithmetic does not support, changing nothing', async () => {
    const before = await everyTableCount(t.database);
    const url = stageUrl('resolution', 'record');
    const base = { minutes: '决议会议纪要', implementationDue: '2026-12-31', against: 0, abstaining: 0 };
    // [present, for, against, abstaining, status, code] — 9 expected: 6 is two thirds exactly.
    for (const [present, inFavour, against, abstaining, status, code] of [
      [5, 5, 0, 0, 422, 'deliberation.not_quorate'],
      [6, 3, 3, 0, 422, 'deliberation.not_passed'],
      [6, 3, 0, 3, 422, 'deliberation.not_passed'],
      [10, 10, 0, 0, 400, 'deliberation.counts_invalid'],
      [6, 4, 2, 1, 400, 'deliberation.counts_invalid'],
    ] as const) {
      const res = await call(cadre, 'POST', url, { ...base, present, inFavour, against, abstaining });
      expect([res.statusCode, res.json().code], `${present}/${inFavour}`).toEqual([status, code]);
      expect(res.json().message).toMatch(/[\u4e00-\u9fa5]/);
    }
    const noDue = await call(cadre, 'POST', url, { ...base, implementationDue: undefined, present: 6, inFavour: 4 });
    expect([noDue.statusCode, noDue.json().code]).toEqual([400, 'deliberation.implementation_due_required']);
    const roll = stageOf(await ok(cadre, 'GET', `/api/deliberation/matters/${matterId}`), 'resolution').roll;
    const wrongList = await call(cadre, 'POST', url, {
      ...base,
      present: 6,
      inFavour: 4,
      attendance: roll.slice(0, 5).map((r) => r.id),
    });
    expect([wrongList.statusCode, wrongList.json().code]).toEqual([400, 'deliberation.counts_invalid']);
    expect(await everyTableCount(t.database)).toEqual(before);
  });

  it('records the resolution with exactly two thirds present; the resolution notice is due in 3 days', async () => {
    const roll = stageOf(await ok(cadre, 'GET', `/api/deliberation/matters/${matterId}`), 'resolution').roll;
    const m = await ok(cadre, 'POST', stageUrl('resolution', 'record'), {
      present: 6,
      attendance: roll.slice(0, 6).map((r) => r.id),
      inFavour: 4,
      against: 1,
      abstaining: 1,
      minutes: '决议会议纪要',
      implementationDue: '2026-12-31',
    });
    expect([m.stage, stageOf(m, 'resolution_notice').status]).toEqual(['resolution_notice', 'open']);
    expect(stageOf(m, 'resolution_notice').dueAt).toBe('2026-11-26T02:00:00.000Z');
    // The list shows the publication's deadline and light beside the stage.
    const listed = (await ok(cadre, 'GET', '/api/deliberation/matters')).items.find(
      (i: { id: string }) => i.id === matterId,
    );
    expect([listed.stage, listed.dueAt, listed.light]).toEqual([
      'resolution_notice',
      '2026-11-26T02:00:00.000Z',
      'green',
    ]);
    const again = await call(cadre, 'POST', stageUrl('resolution', 'record'), {
      present: 6,
      inFavour: 6,
      against: 0,
      abstaining: 0,
      minutes: '重复',
      implementationDue: '2026-12-31',
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'deliberation.stage_not_open']);
  });

  it('an unpublished resolution turns red on the clock engine: the cadres and the township centre are told', async () => {
    t.clock.set(new Date('2026-11-26T03:00:00Z'));
    await sweepDeadlines(t.deps);
    cadre = await signIn('cadre');
    const told = await rows<{ role: string; region_path: string; kind: string }>(
      sql`SELECT role, region_path, kind FROM notifications WHERE subject_id = ${matterId} ORDER BY kind, role`,
    );
    const [paths] = await rows<{ xs: string; ts: string }>(
      sql`SELECT (SELECT path FROM regions WHERE code = '410104001201') AS xs, (SELECT path FROM regions WHERE code = '410104001') AS ts`,
    );
    expect(told).toEqual([
      { role: 'dispatcher', region_path: paths?.ts, kind: 'deliberation.overdue' },
      { role: 'village_cadre', region_path: paths?.xs, kind: 'deliberation.overdue' },
      { role: 'village_cadre', region_path: paths?.xs, kind: 'deliberation.warning' },
    ]);
    const listed = (await ok(cadre, 'GET', '/api/deliberation/matters')).items.find(
      (i: { id: string }) => i.id === matterId,
    );
    expect(listed.light).toBe('red');
  });

  it('publishes the resolution (at least 7 days up), then the implementation result due by 2026-12-31', async () => {
    // Today is 2026-11-26 (Beijing): the notice must stay up through 2026-12-02.
    const short = await call(cadre, 'POST', stageUrl('resolution_notice', 'publish'), {
      noticeText: '决议内容',
      noticeEndsOn: '2026-12-01',
    });
    expect([short.statusCode, short.json().code]).toEqual([400, 'deliberation.notice_too_short']);
    const m = await ok(cadre, 'POST', stageUrl('resolution_notice', 'publish'), {
      noticeText: '决议内容',
      noticeEndsOn: '2026-12-02',
    });
    expect([m.stage, stageOf(m, 'result_notice').dueAt]).toEqual(['result_notice', '2026-12-31T16:00:00.000Z']);
    const done = await ok(cadre, 'POST', stageUrl('result_notice', 'publish'), {
      noticeText: '补偿费已按方案发放到户',
      noticeEndsOn: '2026-12-02',
    });
    expect(done.stage).toBeNull();
    expect(done.stages.map((s: { status: string }) => s.status)).toEqual(Array(6).fill('concluded'));
    const pending = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE kind = 'deliberation.stage' AND subject_id = ${matterId}`,
    );
    expect(pending[0]?.n).toBe(0);
  });
});
