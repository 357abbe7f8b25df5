import { idCheckChar } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../src/db/client.ts';
import { as, createTestApp, login, pointInGrid, regionIdByCode, type Session, type TestApp } from './app.ts';
import { REPORT_ITEM } from './matrix/world.ts';

let t: TestApp;
const bodies: { who: string; url: string; body: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function call(
  who: string,
  s: Session,
  method: 'GET' | 'POST',
  url: string,
  payload?: object | string,
  headers: Record<string, string> = {},
) {
  const res = await t.app.inject({
    method,
    url,
    ...as(s, headers),
    ...(typeof payload === 'string' ? { body: payload } : payload ? { payload } : {}),
  });
  bodies.push({ who, url, body: res.body });
  return res;
}

describe('no response carries an unmasked identity or phone number', () => {
  it('across a scripted scenario of every role and every read endpoint', async () => {
    const s = Object.fromEntries(
      await Promise.all(
        ['dispatcher', 'gridworker', 'leader', 'mediator', 'admin', 'auditor', 'handler'].map(
          async (u) => [u, await login(t.app, u)] as const,
        ),
      ),
    );
    const d = s.dispatcher as Session;
    const village = await regionIdByCode(t.database, '410104001001');
    const newId = `41010419660606${'123'}`;
    const fullId = newId + idCheckChar(newId);
    const created = await call('dispatcher', d, 'POST', '/api/residents', {
      villageId: village,
      name: '扫描对象',
      idNumber: fullId,
      phone: '13700001234',
    });
    const rid = created.json().id as string;
    await call(
      'dispatcher',
      d,
      'POST',
      '/api/imports?kind=residents&format=csv',
      `姓名,身份证号,联系电话,村（社区）代码\n甲,${fullId},13700001234,410104001001\n乙,11010519491231002X,13700005678,410104001001`,
      { 'content-type': 'application/octet-stream' },
    );
    // A special-population plan and a visit (走访) of the resident, and the visit's finding made a case.
    const plan = await call('dispatcher', d, 'POST', '/api/special-populations', {
      residentId: rid,
      kind: 'community_correction',
      riskLevel: 'high',
    });
    const fieldVisit = await call('dispatcher', d, 'POST', '/api/visits', {
      residentId: rid,
      specialPopulationId: plan.json().id,
      note: '谈话教育',
      findings: '住所附近路灯损坏',
    });
    const spot = await pointInGrid(t.database, '410104001001001');
    await call('dispatcher', d, 'POST', `/api/visits/${fieldVisit.json().id}/case`, {
      itemCode: REPORT_ITEM?.code,
      location: { lon: spot.lon, lat: spot.lat },
    });
    // A walk-in registered at the window and routed to a dispute: its visitor's numbers are stored too.
    const visit = (
      await call('dispatcher', d, 'POST', '/api/reception/visits', {
        idempotencyKey: 'pii-scan-visit',
        visitor: { anonymous: false, name: '扫描来访人', idNumber: fullId, phone: '13500002468' },
        category: 'dispute',
        matter: '邻里纠纷',
        route: { track: 'dispute', typeCode: 'neighbour', regionId: village },
      })
    ).json() as { id: string; receiptNumber: string };
    await t.app
      .inject({
        method: 'POST',
        url: '/api/reception/progress',
        payload: { receiptNumber: visit.receiptNumber, phoneLast4: '2468' },
      })
      .then((res) => bodies.push({ who: 'anonymous', url: '/api/reception/progress', body: res.body }));
    const grids = (await call('admin', s.admin as Session, 'GET', '/api/grids')).json().items as { id: string }[];
    await call('admin', s.admin as Session, 'POST', `/api/grids/${grids[0]?.id}/assignments`, {
      duty: 'police',
      personName: '扫描警官',
      phone: '13600009999',
    });
    // A petition whose petitioner has an identity number and a phone (信访人: stored encrypted, shown masked).
    const petitionerId = `41010419700707${'456'}`;
    const petition = await call('dispatcher', d, 'POST', '/api/petitions', {
      channel: 'visit',
      regionId: village,
      summary: '扫描用信访事项',
      matterType: 'other',
      respondent: '某单位',
      subjectObject: '某事项',
      petitioners: [{ name: '扫描信访人', idNumber: petitionerId + idCheckChar(petitionerId), phone: '13700004321' }],
    });
    const pid = petition.json().id as string;
    await call('dispatcher', d, 'POST', `/api/petitions/${pid}/actions`, {
      action: 'intake',
      version: 1,
      findings: {},
    });
    // A notice of the village with a resident's question (质询): the asker is never named, to staff or the public.
    const draft = await call('dispatcher', d, 'POST', '/api/notices', {
      regionId: village,
      category: 'finance',
      title: '扫描用财务公开',
      body: '收支明细',
      idempotencyKey: 'pii-scan-notice',
    });
    const nid = draft.json().id as string;
    await call('dispatcher', d, 'POST', `/api/notices/${nid}/publish`, { version: 1 });
    const resident = await login(t.app, 'resident');
    const asked = await call('resident', resident, 'POST', `/api/notices/${nid}/inquiries`, {
      question: '扫描用质询',
      idempotencyKey: 'pii-scan-inquiry',
    });
    await call('dispatcher', d, 'POST', `/api/notice-inquiries/${asked.json().id}/answer`, { answer: '已答复' });
    await call('resident', resident, 'GET', '/api/my-notices');
    await call('resident', resident, 'GET', `/api/notices/${nid}`);
    // A topic the resident raised (议事协商): shown to others as 李** only.
    const topic = await call('resident', resident, 'POST', '/api/topics', {
      title: '扫描用议题标题',
      description: '扫描用议题的具体内容',
      idempotencyKey: 'pii-scan-topic',
    });
    const tid = topic.json().id as string;
    await call('resident', resident, 'GET', `/api/topics/${tid}`);
    const publicPage = await t.app.inject({ method: 'GET', url: '/p/notices/410104001001' });
    bodies.push({ who: 'anonymous', url: '/p/notices/410104001001', body: publicPage.body });
    for (const [who, session] of Object.entries(s)) {
      for (const url of [
        `/api/notice-boards/${village}`,
        `/api/notices/${nid}`,
        '/api/topics',
        `/api/topics/${tid}`,
        '/api/notice-inquiries',
        '/api/petitions?pageSize=100',
        `/api/petitions/${pid}`,
        `/api/petition-figures?from=${encodeURIComponent('2026-01-01T00:00:00+08:00')}&to=${encodeURIComponent('2026-12-31T00:00:00+08:00')}`,
        '/api/auth/me',
        '/api/users?pageSize=200',
        '/api/regions',
        '/api/grids',
        `/api/grids/${grids[0]?.id}`,
        '/api/grids/lookup?lon=113.692&lat=34.748',
        '/api/special-populations',
        '/api/visit-plans?pageSize=500',
        '/api/visit-plans/figures?from=2026-11-01&to=2026-12-31',
        '/api/visit-plans/intervals',
        '/api/patrols/norm-setting',
        '/api/key-places',
        '/api/houses?pageSize=200',
        `/api/residents/${rid}`,
        `/api/residents/${rid}/visits`,
        '/api/visits?pageSize=100',
        '/api/stats/tallies',
        '/api/exports/residents?format=csv',
        '/api/audit?pageSize=200',
        '/api/reception/visits?pageSize=100',
        `/api/reception/visits/${visit.id}`,
        ...Array.from({ length: 12 }, (_, p) => `/api/residents?pageSize=200&page=${p + 1}`),
      ]) {
        await call(who, session as Session, 'GET', url);
      }
      await call(who, session as Session, 'POST', '/api/residents/search', { idNumber: fullId });
    }
    // 四议两公开 rolls derived from 修身村's residents (by age and by household): names masked, numbers masked.
    const cadre = await login(t.app, 'cadre');
    const xiushen = await regionIdByCode(t.database, '410104001201');
    const roll = await call('cadre', cadre, 'POST', '/api/deliberation/bodies', {
      villageId: xiushen,
      kind: 'villagers_meeting',
      basis: 'households',
    });
    expect(roll.statusCode).toBe(201);
    await call('cadre', cadre, 'GET', `/api/deliberation/bodies/${roll.json().id}`);
    await call('cadre', cadre, 'GET', `/api/deliberation/bodies/${roll.json().id}/candidates`);
    const [someone] = await queryRows<{ name: string }>(
      t.database.db,
      sql`SELECT r.name FROM residents r JOIN regions g ON g.id = r.village_id WHERE g.code = '410104001201' AND r.birth_date <= '2000-01-01' ORDER BY r.name LIMIT 1`,
    );
    const rollBodies = bodies.filter((b) => b.url.startsWith('/api/deliberation/bodies'));
    expect(rollBodies.length).toBe(3);
    expect(roll.json().rollSize).toBeGreaterThan(0);
    expect(rollBodies.every((b) => !b.body.includes(`"${someone?.name}"`))).toBe(true);
    // 民生微实事: the resident's proposal, read by the resident, the centre and the leader: the proposer masked.
    const proposal = await call('resident', resident, 'POST', '/api/micro-projects', {
      title: '扫描用微实事',
      description: '加装扶手',
      category: 'elderly_disabled',
      estimatedCostFen: 100_000,
      place: '明德社区',
      idempotencyKey: 'pii-scan-project',
    });
    expect(proposal.statusCode).toBe(201);
    await call('resident', resident, 'GET', '/api/micro-projects');
    for (const who of ['dispatcher', 'leader'] as const) {
      await call(who, s[who] as Session, 'GET', '/api/micro-projects');
      await call(who, s[who] as Session, 'GET', `/api/micro-projects/${proposal.json().id}`);
    }
    const projectBodies = bodies.filter((b) => b.url.startsWith('/api/micro-projects'));
    expect(projectBodies.length).toBe(6);
    expect(projectBodies.every((b) => b.body.includes('李**') && !b.body.includes('李群众'))).toBe(true);
    // 巡查: the grid worker's patrol (track, check-in at a place) read by the worker, the centre and the leader.
    const gw = s.gridworker as Session;
    const patrolId = crypto.randomUUID();
    const at = t.clock.now().getTime() - 600_000;
    expect((await call('gridworker', gw, 'POST', '/api/patrols', { id: patrolId, startedAt: at })).statusCode).toBe(
      201,
    );
    const batch = [0, 10_000].map((dt) => ({ t: at + dt, lon: 113.65, lat: 34.75, acc: 8 }));
    await call('gridworker', gw, 'POST', `/api/patrols/${patrolId}/points`, { seq: 0, points: batch });
    const gwId = JSON.parse(bodies.at(-2)!.body).workerId as string;
    for (const who of ['gridworker', 'dispatcher', 'leader'] as const) {
      await call(who, s[who] as Session, 'GET', '/api/patrols');
      await call(who, s[who] as Session, 'GET', `/api/patrols/${patrolId}`);
      await call(who, s[who] as Session, 'GET', `/api/patrols/norm?week=2026-11-23&workerId=${gwId}`);
    }
    const patrolBodies = bodies.filter((b) => b.url.startsWith('/api/patrols') && b.body.includes(patrolId));
    expect(patrolBodies.length).toBe(8);
    // 巡查统计: the patrol ended, its figures per worker (staff display names) and per grid.
    await call('gridworker', gw, 'POST', `/api/patrols/${patrolId}/end`, { endedAt: at + 10_000 });
    for (const who of ['gridworker', 'dispatcher', 'leader'] as const)
      for (const by of ['worker', 'grid'])
        await call(who, s[who] as Session, 'GET', `/api/patrol-figures?from=2026-11-01&to=2026-11-30&by=${by}`);
    const figureBodies = bodies.filter(
      (b) => b.url.startsWith('/api/patrol-figures') && b.body.includes('"patrols":1'),
    );
    expect(figureBodies.length).toBe(6);
    // 隐患排查: the grid worker inspects a house of 明德社区 (its occupants known), the centre and the leader read it.
    const [house] = await queryRows<{ id: string }>(
      t.database.db,
      sql`SELECT h.id FROM houses h JOIN regions g ON g.id = h.village_id WHERE g.code = '410104001001' ORDER BY h.id LIMIT 1`,
    );
    const gwSession = s.gridworker as Session;
    const templates = await call('gridworker', gwSession, 'GET', '/api/inspection-templates');
    const rental = templates.json().items.find((i: { key: string }) => i.key === 'rental_housing');
    const made = await call('gridworker', gwSession, 'POST', '/api/inspections', {
      clientId: '00000000-0000-4000-8000-00000000beef',
      templateId: rental.id,
      place: { kind: 'house', id: house?.id },
      placeType: 'rental_housing',
      performedAt: '2026-11-23T01:00:00Z',
      answers: [
        { key: 'registered', result: 'fail' },
        { key: 'no_partition', result: 'pass' },
        { key: 'ebike_indoor', result: 'pass' },
        { key: 'exits_clear', result: 'pass' },
      ],
    });
    expect(made.statusCode, made.body).toBe(201);
    for (const who of ['gridworker', 'dispatcher', 'leader'] as const) {
      await call(who, s[who] as Session, 'GET', '/api/inspections');
      await call(who, s[who] as Session, 'GET', `/api/inspections/${made.json().id}`);
      await call(
        who,
        s[who] as Session,
        'GET',
        `/api/inspections/last?placeKind=house&placeId=${house?.id}&templateKey=rental_housing`,
      );
      await call(who, s[who] as Session, 'GET', '/api/inspection-figures?from=2026-11-23&to=2026-11-23');
    }
    expect(bodies.filter((b) => b.url.startsWith('/api/inspection')).length).toBe(14);
    // 群防群治: a team member's numbers (stored encrypted) and a volunteer's name, read by the centre, the
    // leader (the name masked) and the resident.
    const mingde = await regionIdByCode(t.database, '410104001001');
    const team = await call('dispatcher', d, 'POST', '/api/forces/teams', {
      regionId: mingde,
      kind: 'patrol_team',
      name: '扫描巡防队',
    });
    const memberId = `41010419770707${'321'}`;
    await call('dispatcher', d, 'POST', `/api/forces/teams/${team.json().id}/members`, {
      name: '扫描队员',
      phone: '13700007777',
      idNumber: memberId + idCheckChar(memberId),
    });
    await call('resident', resident, 'POST', '/api/forces/volunteers', { skills: '扫描' });
    await call('resident', resident, 'GET', '/api/forces/volunteers');
    for (const who of ['dispatcher', 'leader'] as const) {
      await call(who, s[who] as Session, 'GET', '/api/forces/teams');
      await call(who, s[who] as Session, 'GET', `/api/forces/teams/${team.json().id}/members`);
      await call(who, s[who] as Session, 'GET', '/api/forces/volunteers');
      await call(who, s[who] as Session, 'GET', '/api/forces/claims');
    }
    const forcesBodies = bodies.filter((b) => b.url.startsWith('/api/forces/'));
    expect(forcesBodies.length).toBe(12);
    expect(forcesBodies.find((b) => b.who === 'leader' && b.url === '/api/forces/volunteers')?.body).toContain('李**');
    expect(forcesBodies.filter((b) => b.who === 'leader' && b.body.includes('李群众'))).toEqual([]);
    // Everything the server knows in plaintext, decrypted from the database.
    const stored = await queryRows<{ enc: string }>(
      t.database.db,
      sql`SELECT id_enc AS enc FROM residents WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM residents WHERE phone_enc IS NOT NULL UNION ALL SELECT phone_enc FROM grid_assignments WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM reception_visits WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM reception_visits WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM petition_petitioners WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM petition_petitioners WHERE phone_enc IS NOT NULL
        UNION ALL SELECT id_enc FROM force_members WHERE id_enc IS NOT NULL UNION ALL SELECT phone_enc FROM force_members WHERE phone_enc IS NOT NULL`,
    );
    const secrets = new Set(stored.map((r) => t.deps.pii.decrypt(r.enc)));
    expect(secrets.has(fullId)).toBe(true);
    expect(secrets.has('13600009999')).toBe(true);
    expect(secrets.has('13500002468')).toBe(true);
    // The window's reads were made, and answered.
    expect(bodies.filter((b) => b.url.startsWith('/api/reception/') && b.who === 'dispatcher').length).toBeGreaterThan(
      2,
    );
    expect(bodies.find((b) => b.url === '/api/reception/progress')?.body).toContain(visit.receiptNumber);
    expect(secrets.has('13700004321')).toBe(true);
    expect(secrets.has('13700007777')).toBe(true);
    // The petition was read in full by the centre (its petitioner's name included) and masked by the leader.
    const petitionBodies = bodies.filter((b) => b.url === `/api/petitions/${pid}`);
    expect(petitionBodies.find((b) => b.who === 'dispatcher')?.body).toContain('扫描信访人');
    expect(petitionBodies.find((b) => b.who === 'leader')?.body).toContain('137****4321');
    expect(petitionBodies.find((b) => b.who === 'leader')?.body).not.toContain('扫描信访人');
    // The notices' reads were answered (the question is there) and never name the resident who asked (李群众).
    const noticeBodies = bodies.filter((b) => /notice/.test(b.url) && b.body.includes('扫描用质询'));
    expect(noticeBodies.map((b) => b.who)).toEqual(expect.arrayContaining(['dispatcher', 'resident', 'anonymous']));
    expect(noticeBodies.filter((b) => b.body.includes('李群众')).map((b) => `${b.who} ${b.url}`)).toEqual([]);
    const topicBodies = bodies.filter((b) => /topics/.test(b.url) && b.body.includes('扫描用议题标题'));
    expect(topicBodies.map((b) => b.who)).toEqual(expect.arrayContaining(['dispatcher', 'gridworker', 'leader']));
    expect(topicBodies.filter((b) => b.body.includes('李群众')).map((b) => `${b.who} ${b.url}`)).toEqual([]);
    expect(topicBodies.find((b) => b.who === 'dispatcher')?.body).toContain('李**');
    expect(secrets.size).toBeGreaterThan(2500);
    const leaks: string[] = [];
    for (const b of bodies)
      for (const m of b.body.match(/\d{17}[\dX]|\d{11}/g) ?? [])
        if (secrets.has(m)) leaks.push(`${b.who} ${b.url}: ${m}`);
    expect(leaks).toEqual([]);
    // The scan looked at real data: the resident lists were read in full by the dispatcher.
    expect(
      bodies
        .filter((b) => b.who === 'dispatcher' && b.url.startsWith('/api/residents?pageSize=200'))
        .map((b) => JSON.parse(b.body).items.length)
        .reduce((a, n) => a + n, 0),
    ).toBeGreaterThan(1800);
    // …and the one endpoint that does reveal a number is the audited reveal.
    const reveal = await t.app.inject({
      method: 'POST',
      url: `/api/residents/${rid}/reveal`,
      ...as(d),
      payload: { field: 'phone', reason: '电话回访核实' },
    });
    expect(reveal.json().value).toBe('13700001234');
  });
});
