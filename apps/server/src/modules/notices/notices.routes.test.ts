import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { sweepDeadlines } from '../../platform/clocks/index.ts';
import { addUser, as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { publishFromRecord } from './notices.service.ts';

let t: TestApp;
let dispatcher: Session;
let resident: Session;
let otherDispatcher: Session;
let otherResident: Session;
let villageId: string;
const VILLAGE = '410104001001'; // 明德社区, the demo resident's

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(new Date('2026-05-20T02:00:00.000Z')); // 10:00 Beijing, 2026-05-20 (Q2)
  await addUser(t.database, { username: 'n-other-centre', role: 'dispatcher', regionCode: '410104002' });
  await addUser(t.database, { username: 'n-other-resident', role: 'resident', regionCode: '410104001002' });
  await addUser(t.database, { username: 'n-colleague', role: 'dispatcher', regionCode: '410104001' });
  dispatcher = await login(t.app, 'dispatcher');
  resident = await login(t.app, 'resident');
  otherDispatcher = await login(t.app, 'n-other-centre');
  otherResident = await login(t.app, 'n-other-resident');
  villageId = await regionIdByCode(t.database, VILLAGE);
});
afterAll(async () => {
  await t.close();
});

/** Sessions lapse when the test moves the clock by days: sign in again at the new time. */
async function relogin() {
  dispatcher = await login(t.app, 'dispatcher');
  resident = await login(t.app, 'resident');
  otherResident = await login(t.app, 'n-other-resident');
}

let keys = 0;
const key = () => `notice-key-${++keys}-${Date.now()}`;
const inject = (s: Session | null, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, ...(s ? as(s) : {}), ...(payload ? { payload } : {}) });

async function draft(category = 'village', title = '2026年第二季度村务公开') {
  const res = await inject(dispatcher, 'POST', '/api/notices', {
    regionId: villageId,
    category,
    title,
    body: '一、道路硬化工程完工；二、低保评议结果。',
    periodFrom: '2026-04-01',
    periodTo: '2026-06-30',
    idempotencyKey: key(),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; rowVersion: number };
}
async function published(category = 'village', title?: string) {
  const d = await draft(category, title);
  const res = await inject(dispatcher, 'POST', `/api/notices/${d.id}/publish`, { version: d.rowVersion });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { id: string; rowVersion: number };
}
const noticeCount = async () =>
  (await queryRows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM notices`))[0]?.n;
const row = async (id: string) =>
  (await queryRows<Record<string, unknown>>(t.database.db, sql`SELECT * FROM notices WHERE id = ${id}`))[0];

describe('composing, publishing and superseding', () => {
  it('publishes a draft, and a correction is a new version with the old one in the history', async () => {
    const n = await published('village', '第二季度村务公开');
    const fix = await inject(dispatcher, 'POST', `/api/notices/${n.id}/supersede`, {
      version: n.rowVersion,
      title: '第二季度村务公开（更正）',
      body: '一、道路硬化工程完工；二、低保评议结果（更正户数）。',
      reason: '低保户数填写有误',
      idempotencyKey: key(),
    });
    expect(fix.statusCode, fix.body).toBe(201);
    expect(fix.json()).toMatchObject({ version: 2, state: 'published' });
    const detail = await inject(resident, 'GET', `/api/notices/${fix.json().id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().history.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([
      [1, 'superseded'],
      [2, 'published'],
    ]);
    expect(detail.json().history[1].reason).toBe('低保户数填写有误');
  });

  it('a correction by a colleague keeps the first photos; a photo someone else uploaded is refused; residents see them', async () => {
    const upload = async (s: Session): Promise<string> => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/attachments',
        headers: { ...as(s).headers, 'content-type': 'image/png' },
        payload: await sharp({ create: { width: 20, height: 20, channels: 3, background: '#208040' } })
          .png()
          .toBuffer(),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const photo = await upload(dispatcher);
    // In the other community, so the schedule tests below start from an empty board.
    const d = await inject(dispatcher, 'POST', '/api/notices', {
      regionId: await regionIdByCode(t.database, '410104001002'),
      category: 'finance',
      title: '五月财务公开（附报表）',
      body: '收支明细见附件照片。',
      attachmentIds: [photo],
      idempotencyKey: key(),
    });
    expect(d.statusCode, d.body).toBe(201);
    const p = await inject(dispatcher, 'POST', `/api/notices/${d.json().id}/publish`, { version: d.json().rowVersion });
    expect(p.statusCode, p.body).toBe(200);
    const colleague = await login(t.app, 'n-colleague');
    const theirs = await upload(otherResident);
    const correction = (attachmentIds: string[]) => ({
      version: p.json().rowVersion,
      title: '五月财务公开（更正）',
      body: '收支明细见附件照片（更正一笔）。',
      reason: '一笔支出金额有误',
      attachmentIds,
      idempotencyKey: key(),
    });
    const refused = await inject(
      colleague,
      'POST',
      `/api/notices/${d.json().id}/supersede`,
      correction([photo, theirs]),
    );
    expect([refused.statusCode, refused.json().details?.[0]?.path]).toEqual([400, 'attachmentIds.1']);
    const fix = await inject(colleague, 'POST', `/api/notices/${d.json().id}/supersede`, correction([photo]));
    expect(fix.statusCode, fix.body).toBe(201);
    const mine = await inject(otherResident, 'GET', '/api/my-notices');
    const shown = mine.json().notices.find((n: { id: string }) => n.id === fix.json().id);
    expect([shown.attachmentCount, shown.attachmentIds]).toEqual([1, [photo]]);
    const photoRes = await t.app.inject({ method: 'GET', url: `/api/attachments/${photo}`, ...as(otherResident) });
    expect(photoRes.statusCode).toBe(200);
    // The public board (no login) gives the count only.
    const board = await t.app.inject({ method: 'GET', url: '/p/notices/410104001002' });
    expect(board.body).toContain('附件 1 张');
    expect(board.body).not.toContain(photo);
  });

  it('refuses to edit a published notice (409), and nothing changes', async () => {
    const n = await published();
    const before = await row(n.id);
    const res = await inject(dispatcher, 'PATCH', `/api/notices/${n.id}`, { version: n.rowVersion, title: '悄悄改掉' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('notice.published_immutable');
    expect(await row(n.id)).toEqual(before);
  });

  it('the database itself refuses to alter or delete a published row', async () => {
    const n = await published();
    await expect(t.database.db.execute(sql`UPDATE notices SET title = '改' WHERE id = ${n.id}`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM notices WHERE id = ${n.id}`)).rejects.toThrow();
    await expect(
      t.database.db.execute(
        sql`UPDATE notices SET state = 'superseded', superseded_at = now(), body = '改' WHERE id = ${n.id}`,
      ),
    ).rejects.toThrow();
    expect((await row(n.id))?.state).toBe('published');
  });

  it('a superseded version cannot be superseded again, nor a draft published twice', async () => {
    const n = await published();
    const body = { version: n.rowVersion, title: '更正稿', body: '正文', reason: '错字', idempotencyKey: key() };
    expect((await inject(dispatcher, 'POST', `/api/notices/${n.id}/supersede`, body)).statusCode).toBe(201);
    const again = await inject(dispatcher, 'POST', `/api/notices/${n.id}/supersede`, {
      ...body,
      idempotencyKey: key(),
    });
    expect([again.statusCode, again.json().code]).toEqual([409, 'notice.not_current']);
    const twice = await inject(dispatcher, 'POST', `/api/notices/${n.id}/publish`, { version: n.rowVersion });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'notice.not_draft']);
  });

  it('bad input: a period ending before it starts, an empty title — 400, nothing written', async () => {
    const before = await noticeCount();
    const res = await inject(dispatcher, 'POST', '/api/notices', {
      regionId: villageId,
      category: 'finance',
      title: '',
      body: '收支',
      periodFrom: '2026-06-30',
      periodTo: '2026-04-01',
      idempotencyKey: key(),
    });
    expect(res.statusCode).toBe(400);
    expect(await noticeCount()).toBe(before);
  });

  it('a retried draft with the same key is the same draft', async () => {
    const payload = {
      regionId: villageId,
      category: 'party',
      title: '党费收缴公开',
      body: '正文',
      idempotencyKey: key(),
    };
    const a = await inject(dispatcher, 'POST', '/api/notices', payload);
    const b = await inject(dispatcher, 'POST', '/api/notices', payload);
    expect(b.json().id).toBe(a.json().id);
  });
});

describe('scope', () => {
  it("another township's staff and another village's resident do not find the notice (404)", async () => {
    const n = await published();
    for (const s of [otherDispatcher, otherResident]) {
      const res = await inject(s, 'GET', `/api/notices/${n.id}`);
      expect([res.statusCode, res.json().code]).toEqual([404, 'notice.not_found']);
    }
    const board = await inject(otherDispatcher, 'GET', `/api/notice-boards/${villageId}`);
    expect(board.statusCode).toBe(404);
    const write = await inject(otherDispatcher, 'POST', '/api/notices', {
      regionId: villageId,
      category: 'village',
      title: '越权公开',
      body: '正文',
      idempotencyKey: key(),
    });
    expect(write.statusCode).toBe(404);
  });

  it('a resident sees only published notices: a draft is not found, and is not on their list', async () => {
    const d = await draft('village', '尚未发布的草稿');
    const res = await inject(resident, 'GET', `/api/notices/${d.id}`);
    expect(res.statusCode).toBe(404);
    const mine = await inject(otherResident, 'GET', '/api/my-notices');
    expect(mine.statusCode).toBe(200);
    expect(mine.body).not.toContain('尚未发布的草稿');
    const page = await t.app.inject({ method: 'GET', url: `/p/notices/${VILLAGE}` });
    expect(page.body).not.toContain('尚未发布的草稿');
  });
});

describe('the public page', () => {
  it('needs no login; a code that is no village is 404 with its code, a non-number 400', async () => {
    const ok = await t.app.inject({ method: 'GET', url: `/p/notices/${VILLAGE}` });
    expect([ok.statusCode, ok.headers['cache-control']]).toEqual([200, 'public, max-age=60']);
    const township = await t.app.inject({ method: 'GET', url: '/p/notices/410104001' });
    expect([township.statusCode, township.json().code]).toEqual([404, 'notice.board_not_found']);
    const bad = await t.app.inject({ method: 'GET', url: '/p/notices/abc' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('the schedule on the clock engine (art. 30)', () => {
  it('a publication starts the board: each periodic category due by its period end, village affairs by the next quarter', async () => {
    await published('village');
    const board = await inject(dispatcher, 'GET', `/api/notice-boards/${villageId}`);
    const due = Object.fromEntries(
      board
        .json()
        .schedules.map((s: { category: string; dueOn: string; lastPublishedOn: string | null }) => [
          s.category,
          [s.lastPublishedOn, s.dueOn],
        ]),
    );
    expect(due).toEqual({
      party: [null, '2026-06-30'],
      village: ['2026-05-20', '2026-09-30'],
      finance: [null, '2026-06-30'],
    });
    const monthly = await inject(dispatcher, 'PUT', `/api/notice-boards/${villageId}`, {
      manyFinanceTransactions: true,
    });
    expect(monthly.statusCode).toBe(200);
    const finance = monthly.json().schedules.find((s: { category: string }) => s.category === 'finance');
    expect([finance.cadence, finance.dueOn]).toEqual(['month', '2026-05-31']);
  });

  it('turns yellow then red and tells the centre, once', async () => {
    await published('village');
    // 2026-05-27 00:00 Beijing: five days before 05-31, the monthly finances turn yellow.
    t.clock.set(new Date('2026-05-26T16:00:00.000Z'));
    await sweepDeadlines(t.deps);
    const yellow = await queryRows<{ title: string; role: string; region_path: string }>(
      t.database.db,
      sql`SELECT title, role, region_path FROM notifications WHERE kind = 'notice.due' ORDER BY region_path, role`,
    );
    // The township's centre, the village's centre staff and the village's cadres.
    expect(yellow).toEqual([
      {
        title: '明德社区：财务公开将于 2026-05-31 到期',
        role: 'dispatcher',
        region_path: '/41/4101/410104/410104001/',
      },
      {
        title: '明德社区：财务公开将于 2026-05-31 到期',
        role: 'dispatcher',
        region_path: '/41/4101/410104/410104001/410104001001/',
      },
      {
        title: '明德社区：财务公开将于 2026-05-31 到期',
        role: 'village_cadre',
        region_path: '/41/4101/410104/410104001/410104001001/',
      },
    ]);
    t.clock.set(new Date('2026-05-31T16:00:00.001Z')); // just past 24:00 of 05-31
    await sweepDeadlines(t.deps);
    await sweepDeadlines(t.deps);
    const red = await queryRows<{ title: string }>(
      t.database.db,
      sql`SELECT title FROM notifications WHERE kind = 'notice.overdue' AND region_path = '/41/4101/410104/410104001/'`,
    );
    expect(red).toEqual([{ title: '明德社区：财务公开已逾期（应于 2026-05-31 前公开）' }]);
    await relogin();
    const board = await inject(dispatcher, 'GET', `/api/notice-boards/${villageId}`);
    expect(board.json().schedules.map((s: { category: string; light: string }) => [s.category, s.light])).toEqual([
      ['party', 'green'], // due 06-30: yellow only from 06-15
      ['village', 'green'],
      ['finance', 'red'],
    ]);
    t.clock.set(new Date('2026-05-20T02:00:00.000Z'));
    await relogin();
  });
});

describe('质询', () => {
  it('a resident asks, the answer is due in ten days, overdue shows to the township, the answer is published without the asker', async () => {
    const n = await published('finance', '四月财务收支公开');
    const ask = await inject(resident, 'POST', `/api/notices/${n.id}/inquiries`, {
      question: '修路款为何比预算多两万元？',
      idempotencyKey: key(),
    });
    expect(ask.statusCode, ask.body).toBe(201);
    expect(ask.json().deadline).toBe('2026-05-30T02:00:00.000Z');
    const elsewhere = await inject(otherResident, 'POST', `/api/notices/${n.id}/inquiries`, {
      question: '我不是本村的',
      idempotencyKey: key(),
    });
    expect(elsewhere.statusCode).toBe(404);
    t.clock.set(new Date('2026-05-31T00:00:00.000Z'));
    await relogin();
    const overdue = await inject(dispatcher, 'GET', '/api/notice-inquiries?overdue=true');
    expect(overdue.json().items.map((i: { id: string; light: string }) => [i.id, i.light])).toContainEqual([
      ask.json().id,
      'red',
    ]);
    const answer = await inject(dispatcher, 'POST', `/api/notice-inquiries/${ask.json().id}/answer`, {
      answer: '增加了排水沟，经村民代表会议同意。',
    });
    expect(answer.statusCode, answer.body).toBe(200);
    const twice = await inject(dispatcher, 'POST', `/api/notice-inquiries/${ask.json().id}/answer`, { answer: '再答' });
    expect([twice.statusCode, twice.json().code]).toEqual([409, 'notice.inquiry_answered']);
    const page = await t.app.inject({ method: 'GET', url: `/p/notices/${VILLAGE}` });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('修路款为何比预算多两万元？');
    expect(page.body).toContain('增加了排水沟');
    expect(page.body).not.toContain('李群众');
    expect(page.body).not.toContain('<script');
    t.clock.set(new Date('2026-05-20T02:00:00.000Z'));
    await relogin();
  });
});

describe('publishFromRecord', () => {
  it('publishes a resolution at once, once per record, and refuses another category', async () => {
    const first = await t.database.db.transaction((tx) =>
      publishFromRecord(tx, {
        regionId: villageId,
        category: '决议',
        title: '关于村道拓宽的决议',
        body: '村民代表会议应到 30 人，实到 25 人，同意 20 人，通过。',
        sourceRef: 'deliberation-meeting:test-1',
        at: t.clock.now(),
      }),
    );
    expect([first.category, first.state]).toEqual(['resolution', 'published']);
    const again = await t.database.db.transaction((tx) =>
      publishFromRecord(tx, {
        regionId: villageId,
        category: '决议',
        title: '重复',
        body: '重复',
        sourceRef: 'deliberation-meeting:test-1',
      }),
    );
    expect(again.id).toBe(first.id);
    await expect(
      publishFromRecord(t.database.db, {
        regionId: villageId,
        category: '财务' as '决议',
        title: 'x',
        body: 'x',
        sourceRef: 'r',
      }),
    ).rejects.toMatchObject({ code: 'notice.record_category_invalid' });
    const page = await t.app.inject({ method: 'GET', url: `/p/notices/${VILLAGE}` });
    expect(page.body).toContain('关于村道拓宽的决议');
  });
});
