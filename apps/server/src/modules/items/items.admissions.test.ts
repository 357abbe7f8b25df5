import { STARTER_CATALOGUE } from '@gewu/domain';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, login, regionIdByCode, type Session, type TestApp } from '../../../test/app.ts';
import { users } from '../users/users.table.ts';
import { getItemByCode, isItemAdmitted } from './items.service.ts';
import { itemAdmissions, items } from './items.table.ts';

let t: TestApp;
let handler: Session; // 格物街道, item.propose
let dispatcher: Session; // 格物街道, item.propose
let leader: Session; // 管城回族区, item.approve
let admin: Session;
let gewu: string;
let zhixing: string;
let county: string;

const GEWU_PATH = '/41/4101/410104/410104001/';
const MINGDE_PATH = `${GEWU_PATH}410104001001/`;
const ZHIXING_PATH = '/41/4101/410104/410104002/410104002001/';
const admissible = STARTER_CATALOGUE.filter((i) => i.gridEligible && !i.negativeList);
const bigOnes = admissible.filter((i) => !i.minor);
/** Seeded: every minor item and the first two big ones active in 格物街道, the third pending. */
const SEEDED_ACTIVE = admissible.filter((i) => i.minor)[0]?.code as string;
const SEEDED_PENDING = bigOnes[2]?.code as string;
const FREE = bigOnes[3]?.code as string;
const NEGATIVE = STARTER_CATALOGUE.find((i) => i.negativeList)?.code as string;
const NOT_ELIGIBLE = STARTER_CATALOGUE.find((i) => !i.gridEligible && !i.negativeList)?.code as string;

/** An extra account for scope tests, sharing the demo password. */
async function addAccount(username: string, regionCode: string, roles: string[]) {
  const [demo] = await t.database.db.select().from(users).where(eq(users.username, 'leader'));
  await t.database.db.insert(users).values({
    username,
    displayName: username,
    passwordHash: demo?.passwordHash as string,
    regionId: await regionIdByCode(t.database, regionCode),
    roles,
  });
  return login(t.app, username);
}

beforeAll(async () => {
  t = await createTestApp();
  [handler, dispatcher, leader, admin] = (await Promise.all(
    ['handler', 'dispatcher', 'leader', 'admin'].map((u) => login(t.app, u)),
  )) as [Session, Session, Session, Session];
  gewu = await regionIdByCode(t.database, '410104001');
  zhixing = await regionIdByCode(t.database, '410104002');
  county = await regionIdByCode(t.database, '410104');
});
afterAll(async () => {
  await t.close();
});

const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, ...as(s) });
const post = (s: Session, url: string, payload: object) => t.app.inject({ method: 'POST', url, ...as(s), payload });
const propose = (s: Session, code: string, regionId: string, reason = '网格员巡查可发现、可劝导') =>
  post(s, `/api/items/${code}/admissions`, { regionId, reason });
const admitted = async (code: string, path: string) =>
  isItemAdmitted(t.database.db, ((await getItemByCode(t.database.db, code)) as { id: string }).id, path);
const admissionCount = async () => (await t.database.db.select().from(itemAdmissions)).length;

describe('the seeded admissions', () => {
  it('admits the small items to 格物街道 and its grids, nowhere else', async () => {
    expect(await admitted(SEEDED_ACTIVE, GEWU_PATH)).toBe(true);
    expect(await admitted(SEEDED_ACTIVE, MINGDE_PATH)).toBe(true);
    expect(await admitted(SEEDED_ACTIVE, `${MINGDE_PATH}410104001001001/`)).toBe(true);
    expect(await admitted(SEEDED_ACTIVE, ZHIXING_PATH)).toBe(false);
    expect(await admitted(SEEDED_ACTIVE, '/41/4101/410104/')).toBe(false);
    expect(await admitted(SEEDED_PENDING, MINGDE_PATH)).toBe(false);
    expect(await admitted(FREE, MINGDE_PATH)).toBe(false);
  });

  it('lists admissions with item, region, proposer and approver', async () => {
    const res = await get(dispatcher, '/api/admissions?state=active');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(admissible.filter((i) => i.minor).length + 2);
    const one = body.items.find((a: { itemCode: string }) => a.itemCode === SEEDED_ACTIVE);
    expect(one).toMatchObject({
      regionName: '格物街道',
      regionLevel: 'township',
      state: 'active',
      stateLabel: '已生效',
      proposedByName: '赵城管',
      decidedByName: '周书记',
      decidedAt: new Date(t.clock.now().getTime() - 30 * 86_400_000).toISOString(),
    });
    const pending = (await get(leader, '/api/admissions?state=proposed')).json().items;
    expect(pending.map((a: { itemCode: string }) => a.itemCode)).toEqual([SEEDED_PENDING]);
    expect((await get(dispatcher, `/api/admissions?regionId=${zhixing}`)).json().total).toBe(0);
    expect((await get(await login(t.app, 'resident'), '/api/admissions')).statusCode).toBe(403);
  });
});

describe('proposing', () => {
  it('refuses negative-list and non-eligible items with 422, duplicates with 409, changing nothing', async () => {
    const before = await admissionCount();
    const negative = await propose(handler, NEGATIVE, gewu);
    expect(negative.statusCode).toBe(422);
    expect(negative.json()).toMatchObject({ code: 'item.negative_list', message: '该事项列入负面清单，不得下沉网格' });
    const notEligible = await propose(handler, NOT_ELIGIBLE, gewu);
    expect(notEligible.statusCode).toBe(422);
    expect(notEligible.json().code).toBe('item.not_grid_eligible');
    expect((await propose(handler, SEEDED_ACTIVE, gewu)).statusCode).toBe(409);
    expect((await propose(dispatcher, SEEDED_PENDING, gewu)).statusCode).toBe(409);
    expect(await admissionCount()).toBe(before);
  });

  it("only at a township or county in the proposer's scope, by roles that may propose", async () => {
    const village = await regionIdByCode(t.database, '410104001001');
    const atVillage = await propose(handler, FREE, village);
    expect(atVillage.statusCode).toBe(400);
    expect(atVillage.json().code).toBe('admission.bad_level');
    expect((await propose(handler, FREE, zhixing)).statusCode).toBe(404);
    expect((await propose(handler, FREE, county)).statusCode).toBe(404);
    expect((await propose(leader, FREE, gewu)).statusCode).toBe(403);
    expect((await propose(admin, FREE, gewu)).statusCode).toBe(403);
    expect((await propose(handler, '99999', gewu)).statusCode).toBe(404);
  });
});

describe('deciding and withdrawing', () => {
  let id: string;
  it('a proposal is pending until a leader whose scope covers the region approves it', async () => {
    const res = await propose(handler, FREE, gewu, '网格员可先行劝导');
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json()).toMatchObject({ itemCode: FREE, state: 'proposed', proposedByName: '赵城管', decidedAt: null });
    expect(await admitted(FREE, MINGDE_PATH)).toBe(false);

    expect((await post(dispatcher, `/api/admissions/${id}/decision`, { approve: true })).statusCode).toBe(403);
    expect((await post(admin, `/api/admissions/${id}/decision`, { approve: true })).statusCode).toBe(403);
    const otherLeader = await addAccount('zhixing_leader', '410104002', ['leader']);
    expect((await post(otherLeader, `/api/admissions/${id}/decision`, { approve: true })).statusCode).toBe(404);

    t.clock.advance(3_600_000);
    const ok = await post(leader, `/api/admissions/${id}/decision`, { approve: true, note: '同意' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      state: 'active',
      decidedByName: '周书记',
      decidedAt: t.clock.now().toISOString(),
      decisionNote: '同意',
    });
    expect(await admitted(FREE, MINGDE_PATH)).toBe(true);
    expect((await post(leader, `/api/admissions/${id}/decision`, { approve: false, note: '再议' })).statusCode).toBe(
      409,
    );
  });

  it("a leader below the admission's region sees it but may not decide it", async () => {
    const countyDispatcher = await addAccount('county_dispatcher', '410104', ['dispatcher']);
    const res = await propose(countyDispatcher, bigOnes[4]?.code as string, county);
    expect(res.statusCode).toBe(201);
    const townLeader = await addAccount('gewu_leader', '410104001', ['leader']);
    expect(
      (await get(townLeader, '/api/admissions?state=proposed')).json().items.map((a: { id: string }) => a.id),
    ).toContain(res.json().id);
    const refused = await post(townLeader, `/api/admissions/${res.json().id}/decision`, { approve: true });
    expect(refused.statusCode).toBe(403);
    // The county leader approves: the admission covers both townships.
    expect((await post(leader, `/api/admissions/${res.json().id}/decision`, { approve: true })).statusCode).toBe(200);
    expect(await admitted(bigOnes[4]?.code as string, ZHIXING_PATH)).toBe(true);
  });

  it('turning a proposal down needs a reason; then it may be proposed again', async () => {
    const pending = (await get(leader, `/api/admissions?state=proposed&itemCode=${SEEDED_PENDING}`)).json().items[0];
    const noNote = await post(leader, `/api/admissions/${pending.id}/decision`, { approve: false });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().message).toBe('不予批准须说明理由');
    const rejected = await post(leader, `/api/admissions/${pending.id}/decision`, {
      approve: false,
      note: '需要专业执法力量',
    });
    expect(rejected.json()).toMatchObject({ state: 'rejected', decisionNote: '需要专业执法力量' });
    expect(await admitted(SEEDED_PENDING, MINGDE_PATH)).toBe(false);
    expect((await propose(dispatcher, SEEDED_PENDING, gewu)).statusCode).toBe(201);
  });

  it('withdrawal (退出) ends an admission; only leaders and admins may withdraw', async () => {
    expect((await post(dispatcher, `/api/admissions/${id}/withdraw`, { reason: '不再需要' })).statusCode).toBe(403);
    expect((await post(admin, `/api/admissions/${id}/withdraw`, { reason: '' })).statusCode).toBe(400);
    const res = await post(admin, `/api/admissions/${id}/withdraw`, { reason: '网格负担过重，退出' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      state: 'withdrawn',
      withdrawnByName: '系统管理员',
      withdrawnAt: t.clock.now().toISOString(),
    });
    expect(await admitted(FREE, MINGDE_PATH)).toBe(false);
    expect((await post(leader, `/api/admissions/${id}/withdraw`, { reason: '再次退出' })).statusCode).toBe(409);
    const auditor = await login(t.app, 'auditor');
    const audit = (await get(auditor, '/api/audit?action=item.admission.withdraw')).json().items[0];
    expect(audit).toMatchObject({ targetId: id, detail: { reason: '网格负担过重，退出' } });
    // Proposed again later: a fresh proposal is allowed once nothing is live.
    expect((await propose(handler, FREE, gewu)).statusCode).toBe(201);
  });

  it('moves only as the domain allows (proposed → active/rejected, active → withdrawn); any other move is a 409', async () => {
    const refusal = async (url: string, payload: object) => {
      const res = await post(leader, url, payload);
      return [res.statusCode, res.json().code, res.json().message];
    };
    const stateOf = async (id: string) =>
      (await get(leader, `/api/admissions?itemCode=${bigOnes[5]?.code}`))
        .json()
        .items.concat((await get(leader, `/api/admissions?itemCode=${bigOnes[6]?.code}`)).json().items)
        .find((a: { id: string }) => a.id === id).state;

    const kept = (await propose(handler, bigOnes[5]?.code as string, gewu)).json().id;
    expect(await refusal(`/api/admissions/${kept}/withdraw`, { reason: '尚未生效' })).toEqual([
      409,
      'admission.not_active',
      '该准入已提出，只有已生效的准入可以退出',
    ]);
    expect(await stateOf(kept)).toBe('proposed');
    expect((await post(leader, `/api/admissions/${kept}/decision`, { approve: true })).statusCode).toBe(200);
    expect(await refusal(`/api/admissions/${kept}/decision`, { approve: true })).toEqual([
      409,
      'admission.not_pending',
      '该准入申请已生效，不能重复审批',
    ]);
    expect((await post(leader, `/api/admissions/${kept}/withdraw`, { reason: '试点结束' })).statusCode).toBe(200);
    expect(await refusal(`/api/admissions/${kept}/decision`, { approve: false, note: '不同意' })).toEqual([
      409,
      'admission.not_pending',
      '该准入申请已退出，不能重复审批',
    ]);
    expect(await refusal(`/api/admissions/${kept}/withdraw`, { reason: '再次退出' })).toEqual([
      409,
      'admission.not_active',
      '该准入已退出，只有已生效的准入可以退出',
    ]);
    expect(await stateOf(kept)).toBe('withdrawn');

    const refused = (await propose(handler, bigOnes[6]?.code as string, gewu)).json().id;
    expect(
      (await post(leader, `/api/admissions/${refused}/decision`, { approve: false, note: '需执法力量' })).statusCode,
    ).toBe(200);
    expect(await refusal(`/api/admissions/${refused}/decision`, { approve: true })).toEqual([
      409,
      'admission.not_pending',
      '该准入申请未批准，不能重复审批',
    ]);
    expect(await refusal(`/api/admissions/${refused}/withdraw`, { reason: '退出' })).toEqual([
      409,
      'admission.not_active',
      '该准入未批准，只有已生效的准入可以退出',
    ]);
    expect(await stateOf(refused)).toBe('rejected');
  });

  it('a negative-list item is never admitted, whatever its admissions say', async () => {
    const item = (await getItemByCode(t.database.db, SEEDED_ACTIVE)) as { id: string };
    await t.database.db.update(items).set({ negativeList: true }).where(eq(items.id, item.id));
    expect(await admitted(SEEDED_ACTIVE, MINGDE_PATH)).toBe(false);
    await t.database.db.update(items).set({ negativeList: false }).where(eq(items.id, item.id));
    expect(await admitted(SEEDED_ACTIVE, MINGDE_PATH)).toBe(true);
  });

  it('moving an item to the negative list ends its live admissions', async () => {
    const code = admissible.filter((i) => i.minor)[1]?.code as string;
    const def = STARTER_CATALOGUE.find((i) => i.code === code);
    expect(await admitted(code, MINGDE_PATH)).toBe(true);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/items/${code}`,
      ...as(admin),
      payload: { ...def, gridEligible: false, minor: false, negativeList: true },
    });
    expect(res.statusCode).toBe(200);
    expect(await admitted(code, MINGDE_PATH)).toBe(false);
    const list = (await get(leader, `/api/admissions?itemCode=${code}`)).json().items;
    expect(list.map((a: { state: string }) => a.state)).toEqual(['withdrawn']);
    expect((await propose(handler, code, gewu)).json().code).toBe('item.negative_list');
  });
});
