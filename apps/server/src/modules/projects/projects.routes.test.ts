import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import {
  addUser,
  as,
  createTestApp,
  everyTableCount,
  login,
  regionIdByCode,
  type Session,
  type TestApp,
} from '../../../test/app.ts';
import { routeCalls } from '../../../test/route-calls.ts';
import { photo } from '../../../test/matrix/world.ts';

/*
 * 民生微实事 over HTTP in the demo's 修身村 (cadre; a villager account added here) with 齐家村's cadre
 * (cadre2) as another village and the demo resident of 明德社区 as another community. The test clock
 * starts at 2026-11-23 10:00 Beijing (02:00Z). The representatives' roll has 9 members: a quorum is 6
 * (at least 2/3, 村民委员会组织法 art. 26), and with 6 present a project passes on 4 votes (more than
 * half of those present). Every expected figure is counted by hand.
 */

let t: TestApp;
let cadre: Session;
let cadre2: Session;
let dispatcher: Session;
let leader: Session;
let resident: Session;
let villager: Session;
let xiushen: string;
let ip = 0;
const signIn = (u: string) => login(t.app, u, undefined, `10.62.${++ip % 250}.1`);
const { call, ok, refused, rows } = routeCalls(() => t);
let keys = 0;
const key = () => `micro-key-${++keys}-${Date.now()}`;
const proposal = (over: object = {}) => ({
  title: '加装楼道扶手',
  description: '3号楼楼道无扶手，老人上下楼不便',
  category: 'elderly_disabled',
  estimatedCostFen: 1_200_000,
  place: '修身村3号楼',
  idempotencyKey: key(),
  ...over,
});

const ids: Record<'mingde' | 'a' | 'b' | 'c' | 'd', string> = { mingde: '', a: '', b: '', c: '', d: '' };

beforeAll(async () => {
  t = await createTestApp();
  await addUser(t.database, { username: 'xsvillager', role: 'resident', regionCode: '410104001201' });
  cadre = await signIn('cadre');
  cadre2 = await signIn('cadre2');
  dispatcher = await signIn('dispatcher');
  leader = await signIn('leader');
  resident = await signIn('resident');
  villager = await signIn('xsvillager');
  xiushen = await regionIdByCode(t.database, '410104001201');
});
afterAll(async () => {
  await t.close();
});

describe('proposals', () => {
  it('a resident proposes for their own community; the proposer is masked; a retry gets the same project', async () => {
    const body = proposal({ title: '社区口袋公园座椅', place: '明德社区东门' });
    const p = await ok(resident, 'POST', '/api/micro-projects', body);
    expect([p.state, p.proposerLabel, p.mine, p.villageName, p.canManage]).toEqual([
      'proposed',
      '李**',
      true,
      '明德社区',
      false,
    ]);
    expect(JSON.stringify(p)).not.toContain('李群众');
    const again = await ok(resident, 'POST', '/api/micro-projects', body);
    expect(again.id).toBe(p.id);
    const [n] = await rows<{ n: number }>(sql`SELECT count(*)::int AS n FROM micro_projects WHERE id = ${p.id}`);
    expect(n?.n).toBe(1);
    ids.mingde = p.id;
  });

  it('refuses a proposal over the ¥200,000 cap (400) and bad input, changing nothing', async () => {
    const over = await refused(resident, 'POST', '/api/micro-projects', proposal({ estimatedCostFen: 20_000_001 }), [
      400,
      'projects.over_cap',
    ]);
    expect(over.message).toContain('200000.00');
    // Exactly the cap is allowed (checked below with project d).
    for (const bad of [
      { category: 'roads' },
      { estimatedCostFen: 0 },
      { estimatedCostFen: 12.5 },
      { title: '' },
      { place: 'a\u0000b' },
      { photoIds: ['not-a-uuid'] },
      { extra: 1 },
    ])
      await refused(resident, 'POST', '/api/micro-projects', proposal(bad), [400, 'validation.failed']);
  });

  it('only residents propose; staff of the village may not (403)', async () => {
    await refused(cadre, 'POST', '/api/micro-projects', proposal(), [403, 'access.denied']);
    await refused(dispatcher, 'POST', '/api/micro-projects', proposal(), [403, 'access.denied']);
  });

  it("a villager of 修身村 proposes with a photo; each sees only their own village's projects", async () => {
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      ...as(villager, { 'content-type': 'image/jpeg' }),
      body: await photo(),
    });
    expect(up.statusCode, up.body).toBe(201);
    const a = await ok(villager, 'POST', '/api/micro-projects', proposal({ photoIds: [up.json().id] }));
    const b = await ok(villager, 'POST', '/api/micro-projects', proposal({ title: '村口路灯', category: 'safety' }));
    const c = await ok(
      villager,
      'POST',
      '/api/micro-projects',
      proposal({ title: '广场舞音响', category: 'culture_sports' }),
    );
    const d = await ok(
      villager,
      'POST',
      '/api/micro-projects',
      proposal({ title: '凉亭', estimatedCostFen: 20_000_000 }),
    );
    Object.assign(ids, { a: a.id, b: b.id, c: c.id, d: d.id });
    const mine = await ok(villager, 'GET', '/api/micro-projects');
    expect(mine.items.map((p: { id: string }) => p.id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
    const theirs = await ok(resident, 'GET', '/api/micro-projects');
    expect(theirs.items.map((p: { id: string }) => p.id)).toEqual([ids.mingde]);
    // Another community's project does not exist for a resident, nor for another village's cadre.
    await refused(resident, 'GET', `/api/micro-projects/${a.id}`, undefined, [404, 'projects.not_found']);
    await refused(cadre2, 'GET', `/api/micro-projects/${a.id}`, undefined, [404, 'projects.not_found']);
    await refused(cadre, 'GET', `/api/micro-projects/${ids.mingde}`, undefined, [404, 'projects.not_found']);
    // The photo: its village's cadre sees it; the other community's resident does not.
    expect((await call(cadre, 'GET', `/api/attachments/${up.json().id}?size=thumb`)).statusCode).toBe(200);
    expect((await call(resident, 'GET', `/api/attachments/${up.json().id}?size=thumb`)).statusCode).toBe(404);
  });

  it('the township centre and leaders read the whole area; the cadre theirs, with the steps open to them', async () => {
    const all = await ok(dispatcher, 'GET', '/api/micro-projects?pageSize=100');
    expect(all.items.length).toBe(5);
    expect((await ok(leader, 'GET', '/api/micro-projects')).total).toBe(5);
    const own = await ok(cadre, 'GET', `/api/micro-projects?villageId=${xiushen}&state=proposed`);
    expect([own.total, own.items.every((p: { canManage: boolean }) => p.canManage)]).toEqual([4, true]);
    const qijia = await regionIdByCode(t.database, '410104001202');
    await refused(cadre, 'GET', `/api/micro-projects?villageId=${qijia}`, undefined, [
      404,
      'projects.village_not_found',
    ]);
    await refused(cadre, 'GET', '/api/micro-projects?state=done', undefined, [400, 'validation.failed']);
  });
});

describe('shortlist and reject', () => {
  it('refuses a rejection without a reason; with one the proposer is told', async () => {
    await refused(cadre, 'POST', `/api/micro-projects/${ids.c}/reject`, { reason: ' ' }, [400, 'validation.failed']);
    const c = await ok(cadre, 'POST', `/api/micro-projects/${ids.c}/reject`, { reason: '已列入年度文体项目' });
    expect([c.state, c.rejectReason]).toEqual(['rejected', '已列入年度文体项目']);
    const told = await rows<{ user_id: string; kind: string; title: string }>(
      sql`SELECT user_id, kind, title FROM notifications WHERE subject_id = ${ids.c} AND user_id IS NOT NULL`,
    );
    expect(told).toEqual([
      { user_id: villager.userId, kind: 'projects.reject', title: '您提出的“广场舞音响”未能入库：已列入年度文体项目' },
    ]);
    await refused(cadre, 'POST', `/api/micro-projects/${ids.c}/shortlist`, undefined, [409, 'projects.wrong_state']);
  });

  it('shortlists a and b; another village’s cadre and a resident cannot', async () => {
    await refused(cadre2, 'POST', `/api/micro-projects/${ids.a}/shortlist`, undefined, [404, 'projects.not_found']);
    await refused(villager, 'POST', `/api/micro-projects/${ids.a}/shortlist`, undefined, [403, 'access.denied']);
    await refused(dispatcher, 'POST', `/api/micro-projects/${ids.a}/shortlist`, undefined, [403, 'access.denied']);
    for (const id of [ids.a, ids.b])
      expect((await ok(cadre, 'POST', `/api/micro-projects/${id}/shortlist`)).state).toBe('shortlisted');
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/shortlist`, undefined, [409, 'projects.wrong_state']);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM notifications WHERE subject_id = ${ids.a} AND kind = 'projects.shortlist'`,
    );
    expect(n?.n).toBe(1);
  });
});

describe("the representatives' vote", () => {
  const vote = (present: number, a: number[], b: number[], over: object = {}) => ({
    villageId: xiushen,
    heldAt: '2026-11-23T01:00:00Z',
    place: '村委会议室',
    present,
    minutes: '对入库项目逐项表决',
    items: [
      { projectId: ids.a, inFavour: a[0], against: a[1], abstaining: a[2] },
      { projectId: ids.b, inFavour: b[0], against: b[1], abstaining: b[2] },
    ],
    idempotencyKey: key(),
    ...over,
  });

  it('needs the representatives’ roll (422 without one)', async () => {
    await refused(cadre, 'POST', '/api/micro-project-votes', vote(6, [4, 1, 1], [3, 2, 1]), [
      422,
      'projects.body_missing',
    ]);
    const body = await ok(cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'representatives_meeting',
      basis: 'members',
    });
    const members: string[] = [];
    for (let i = 0; i < 9; i++) {
      const num = `410104197001016${String(30 + i).padStart(2, '0')}`;
      const r = await ok(dispatcher, 'POST', '/api/residents', {
        villageId: xiushen,
        name: `微实事代表${'甲乙丙丁戊己庚辛壬'[i]}`,
        idNumber: num + idCheckChar(num),
      });
      members.push(r.id);
    }
    const roll = await ok(cadre, 'POST', `/api/deliberation/bodies/${body.id}/roll`, {
      add: members,
      reason: '代表推选',
    });
    expect(roll.rollSize).toBe(9);
  });

  it('refuses a vote the arithmetic does not support, recording nothing', async () => {
    // 5 of 9 present: under two thirds → 422 (quorum 6).
    const nq = await refused(cadre, 'POST', '/api/micro-project-votes', vote(5, [5, 0, 0], [5, 0, 0]), [
      422,
      'projects.not_quorate',
    ]);
    expect(nq.message).toContain('至少需 6');
    await refused(cadre, 'POST', '/api/micro-project-votes', vote(10, [4, 1, 1], [3, 2, 1]), [
      400,
      'projects.counts_invalid',
    ]);
    await refused(cadre, 'POST', '/api/micro-project-votes', vote(6, [4, 2, 1], [3, 2, 1]), [
      400,
      'projects.counts_invalid',
    ]);
    await refused(
      cadre,
      'POST',
      '/api/micro-project-votes',
      vote(6, [4, 1, 1], [3, 2, 1], { heldAt: '2026-11-24T01:00:00Z' }),
      [400, 'projects.held_at_invalid'],
    );
    const dup = vote(6, [4, 1, 1], [3, 2, 1]);
    dup.items[1] = { ...dup.items[0]! };
    await refused(cadre, 'POST', '/api/micro-project-votes', dup, [400, 'projects.batch_duplicate']);
    // d was never shortlisted, c was rejected: 409.
    for (const id of [ids.d, ids.c]) {
      const v = vote(6, [4, 1, 1], [3, 2, 1]);
      v.items[1] = { ...v.items[1]!, projectId: id };
      await refused(cadre, 'POST', '/api/micro-project-votes', v, [409, 'projects.wrong_state']);
    }
    // Another community's project in the batch, or another village named: 404.
    const other = vote(6, [4, 1, 1], [3, 2, 1]);
    other.items[1] = { ...other.items[1]!, projectId: ids.mingde };
    await refused(cadre, 'POST', '/api/micro-project-votes', other, [404, 'projects.not_found']);
    const qijia = await regionIdByCode(t.database, '410104001202');
    await refused(cadre, 'POST', '/api/micro-project-votes', vote(6, [4, 1, 1], [3, 2, 1], { villageId: qijia }), [
      404,
      'projects.village_not_found',
    ]);
    await refused(cadre, 'POST', '/api/micro-project-votes', { ...vote(6, [4, 1, 1], [3, 2, 1]), items: [] }, [
      400,
      'validation.failed',
    ]);
    await refused(resident, 'POST', '/api/micro-project-votes', vote(6, [4, 1, 1], [3, 2, 1]), [403, 'access.denied']);
  });

  it('6 of 9 present: a (4 of 6) passes, b (3 of 6) does not; the result is a 决议 notice; a retry records nothing more', async () => {
    const body = vote(6, [4, 1, 1], [3, 2, 1]);
    const r = await ok(cadre, 'POST', '/api/micro-project-votes', body);
    expect([r.vote.expected, r.vote.present, r.vote.quorate]).toEqual([9, 6, true]);
    const states = Object.fromEntries(r.items.map((p: { id: string; state: string }) => [p.id, p.state]));
    expect(states).toEqual({ [ids.a]: 'approved', [ids.b]: 'not_approved' });
    const notices = await rows<{ category: string; title: string; body: string }>(
      sql`SELECT category, title, body FROM notices WHERE source_ref = ${`micro-projects:vote:${r.vote.id}`}`,
    );
    expect(notices.map((n) => [n.category, n.title])).toEqual([['resolution', '修身村民生微实事项目表决结果']]);
    expect(notices[0]?.body).toContain('应到 9 人，实到 6 人');
    expect(notices[0]?.body).toContain('加装楼道扶手（适老助残，预估 12000.00 元）：赞成 4，反对 1，弃权 1 —— 通过');
    expect(notices[0]?.body).toContain('村口路灯（安全设施，预估 12000.00 元）：赞成 3，反对 2，弃权 1 —— 未通过');
    const before = await everyTableCount(t.database);
    const again = await ok(cadre, 'POST', '/api/micro-project-votes', body);
    expect(again.vote.id).toBe(r.vote.id);
    expect(await everyTableCount(t.database)).toEqual(before);
    const told = await rows<{ kind: string }>(
      sql`SELECT kind FROM notifications WHERE user_id = ${villager.userId} AND kind = 'projects.vote'`,
    );
    expect(told.length).toBe(2);
    // The residents read their own village's notice board.
    const board = await ok(villager, 'GET', '/api/my-notices');
    expect(JSON.stringify(board)).toContain('修身村民生微实事项目表决结果');
  });
});

describe('implementation, acceptance and the published result', () => {
  it('implements only the approved project, within the cap and not due in the past', async () => {
    const impl = { implementer: '修身村物业', budgetFen: 1_150_000, dueOn: '2026-12-20' };
    await refused(cadre, 'POST', `/api/micro-projects/${ids.b}/implement`, impl, [409, 'projects.wrong_state']);
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/implement`, { ...impl, budgetFen: 20_000_001 }, [
      400,
      'projects.over_cap',
    ]);
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/implement`, { ...impl, dueOn: '2026-11-22' }, [
      400,
      'projects.due_invalid',
    ]);
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/implement`, { ...impl, dueOn: '2026/12/20' }, [
      400,
      'validation.failed',
    ]);
    await refused(cadre2, 'POST', `/api/micro-projects/${ids.a}/implement`, impl, [404, 'projects.not_found']);
    const a = await ok(cadre, 'POST', `/api/micro-projects/${ids.a}/implement`, impl);
    expect([a.state, a.budgetFen, a.dueOn, a.light]).toEqual(['implementing', 1_150_000, '2026-12-20', 'green']);
    const pending = await rows<{ light: string; at: Date }>(
      sql`SELECT light, at FROM clock_deadlines WHERE kind = 'projects.implementation' AND subject_id = ${ids.a} ORDER BY at`,
    );
    // From 2026-11-23 02:00Z to the end of 2026-12-20 Beijing (2026-12-20 16:00Z): 27 days 14 h; 80 % is 22 d 1 h 36 min.
    expect(pending.map((p) => [p.light, new Date(p.at).toISOString()])).toEqual([
      ['yellow', '2026-12-15T03:36:00.000Z'],
      ['red', '2026-12-20T16:00:00.000Z'],
    ]);
  });

  it('turns yellow on the clock engine: the village cadres are told', async () => {
    t.clock.set(new Date('2026-12-16T00:00:00Z'));
    await sweepDeadlines(t.deps);
    const told = await rows<{ role: string; kind: string }>(
      sql`SELECT role, kind FROM notifications WHERE subject_id = ${ids.a} AND kind LIKE 'projects.%ing' ORDER BY kind`,
    );
    expect(told).toEqual([{ role: 'village_cadre', kind: 'projects.warning' }]);
    cadre = await signIn('cadre');
    villager = await signIn('xsvillager');
    expect((await ok(cadre, 'GET', `/api/micro-projects/${ids.a}`)).light).toBe('yellow');
  });

  it('accepts with photos and the actual cost; the clock stops', async () => {
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/complete`, { acceptanceNote: '', actualCostFen: 1 }, [
      400,
      'validation.failed',
    ]);
    const up = await t.app.inject({
      method: 'POST',
      url: '/api/attachments',
      ...as(cadre, { 'content-type': 'image/jpeg' }),
      body: await photo(),
    });
    const a = await ok(cadre, 'POST', `/api/micro-projects/${ids.a}/complete`, {
      acceptanceNote: '扶手安装牢固，验收合格',
      actualCostFen: 1_098_000,
      afterPhotoIds: [up.json().id],
    });
    expect([a.state, a.actualCostFen, a.afterPhotoIds, a.light]).toEqual([
      'completed',
      1_098_000,
      [up.json().id],
      null,
    ]);
    const [n] = await rows<{ n: number }>(
      sql`SELECT count(*)::int AS n FROM clock_deadlines WHERE kind = 'projects.implementation' AND subject_id = ${ids.a}`,
    );
    expect(n?.n).toBe(0);
    // The proposer sees the after photo of their village's project.
    expect((await call(villager, 'GET', `/api/attachments/${up.json().id}?size=thumb`)).statusCode).toBe(200);
    await refused(
      cadre,
      'POST',
      `/api/micro-projects/${ids.a}/complete`,
      { acceptanceNote: '再验', actualCostFen: 1 },
      [409, 'projects.wrong_state'],
    );
  });

  it('publishes the result for at least 7 days as a 实施结果 notice on the public page', async () => {
    // Today is 2026-12-16 (Beijing): the notice stays up through 2026-12-22 at least.
    await refused(cadre, 'POST', `/api/micro-projects/${ids.a}/publish`, { noticeEndsOn: '2026-12-21' }, [
      400,
      'projects.notice_too_short',
    ]);
    await refused(cadre, 'POST', `/api/micro-projects/${ids.b}/publish`, { noticeEndsOn: '2026-12-22' }, [
      409,
      'projects.wrong_state',
    ]);
    const a = await ok(cadre, 'POST', `/api/micro-projects/${ids.a}/publish`, { noticeEndsOn: '2026-12-22' });
    expect(a.state).toBe('published');
    const page = await t.app.inject({ method: 'GET', url: '/p/notices/410104001201' });
    expect(page.body).toContain('民生微实事实施结果：加装楼道扶手');
    expect(page.body).toContain('实际费用 10980.00 元');
    expect(page.body).not.toContain('xsvillager');
    const mine = await ok(villager, 'GET', `/api/micro-projects/${ids.a}`);
    expect([mine.state, mine.mine, mine.proposerLabel]).toEqual(['published', true, 'x*********']);
  });
});
