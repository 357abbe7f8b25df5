import {
  type RegisterVisitInput,
  registerVisitBodySchema,
  riskMeetingBodySchema,
  screeningReportBodySchema,
  STARTER_CATALOGUE,
  chinaDayOf,
} from '@gewu/domain';
import { and, count, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Clock } from '../platform/clock.ts';
import type { Actor, RequestContext } from '../platform/context.ts';
import type { AppDeps } from '../platform/http/app-type.ts';
import { hashPassword } from '../platform/password.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { users } from '../modules/users/users.table.ts';
import { gridAssignments, grids } from '../modules/grids/grids.table.ts';
import { disputes } from '../modules/disputes/disputes.table.ts';
import { receptionVisits } from '../modules/reception/reception.table.ts';
import { registerVisit } from '../modules/reception/reception.register.ts';
import { fileReport } from '../modules/screening/screening.reports.ts';
import { createRiskMeeting } from '../modules/screening/screening.meetings.ts';

type ActivityDeps = Pick<AppDeps, 'db' | 'clock' | 'pii' | 'gridLocator' | 'config'>;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/**
 * The grid workers who file the demo's screening reports (besides the published `gridworker`, whose grid
 * 明德社区第1网格 is left unreported for the visitor to try): each the full-time worker of one grid.
 */
export const DEMO_SCREENING_WORKERS = [
  { username: 'gw_mingde2', displayName: '刘网格', gridCode: '410104001001002' },
  { username: 'gw_zhizhi1', displayName: '陈网格', gridCode: '410104001002001' },
  { username: 'gw_chengyi1', displayName: '杨网格', gridCode: '410104001003001' },
] as const;

/** A case item the window may route a walk-in to (a public urban-management one with no required field). */
const WALK_IN_ITEM = STARTER_CATALOGUE.find(
  (i) =>
    !i.gridEligible &&
    !i.negativeList &&
    i.publicReport &&
    i.departmentKind === 'urban_management' &&
    !i.fields.some((f) => f.required),
);

async function actorOf(deps: ActivityDeps, username: string): Promise<Actor> {
  const [u] = await deps.db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      roles: users.roles,
      unitId: users.unitId,
      regionId: regions.id,
      regionCode: regions.code,
      regionName: regions.name,
      regionLevel: regions.level,
      regionPath: regions.path,
    })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(eq(users.username, username));
  if (!u) throw new Error(`demo account ${username} missing`);
  return { ...u, roles: u.roles as Actor['roles'], sessionId: 'demo-seed', mustChangePassword: false };
}

const contextOf = (actor: Actor): RequestContext => ({ actor, ip: null, requestId: null, audited: false });
/** The deps as they were `daysAgo` days before now at `hour` o'clock Beijing time (the service stamps its rows with it). */
function at(deps: ActivityDeps, daysAgo: number, hour: number): ActivityDeps {
  const day = chinaDayOf(new Date(deps.clock.now().getTime() - daysAgo * DAY_MS));
  const when = new Date(Date.parse(`${day}T00:00:00+08:00`) + hour * HOUR_MS);
  const clock: Clock = { now: () => (when > deps.clock.now() ? deps.clock.now() : when) };
  return { ...deps, clock };
}

async function regionId(deps: ActivityDeps, code: string): Promise<string> {
  const [r] = await deps.db.select({ id: regions.id }).from(regions).where(eq(regions.code, code));
  if (!r) throw new Error(`demo region ${code} missing`);
  return r.id;
}

/** The window's walk-ins of the last days, one per track, each with its receipt. */
async function seedVisits(deps: ActivityDeps, desk: RequestContext): Promise<number> {
  const mingde = await regionId(deps, '410104001001');
  const xiushen = await regionId(deps, '410104001201');
  const visits: [daysAgo: number, hour: number, body: RegisterVisitInput][] = [
    [
      6,
      9.5,
      {
        idempotencyKey: 'demo-visit-dispute-01',
        visitor: { anonymous: false, name: '吴秀珍', phone: '13912360001' },
        headcount: 1,
        category: 'dispute',
        matter: '楼上住户空调外机滴水到我家阳台，协商多次未果',
        route: {
          track: 'dispute',
          typeCode: 'neighbour',
          regionId: mingde,
          address: '明德社区 5 号楼',
          risk: 'general',
          civilToCriminal: false,
          otherParties: [{ kind: 'person', side: 'b', name: '郑建军', phone: '13912360002' }],
        },
      },
    ],
    [
      5,
      10,
      {
        idempotencyKey: 'demo-visit-petition-01',
        visitor: { anonymous: false, name: '冯德顺', phone: '13912360003' },
        headcount: 1,
        category: 'petition',
        matter: '反映修身村道路硬化工程占用承包地，补偿至今未落实',
        route: {
          track: 'petition',
          regionId: xiushen,
          matterType: 'land_expropriation',
          respondent: '修身村村民委员会',
          subjectObject: '村道硬化工程占地补偿',
        },
      },
    ],
    [
      3,
      14,
      {
        idempotencyKey: 'demo-visit-advice-01',
        visitor: { anonymous: true },
        headcount: 1,
        category: 'legal_consultation',
        matter: '在装修公司打工被拖欠两个月工资，问怎么讨要',
        route: {
          track: 'legal_advice',
          adviserKind: 'lawyer',
          adviserName: '值班律师刘明',
          answer: '可先向劳动保障监察部门投诉，或向劳动人事争议仲裁委员会申请仲裁；保留考勤和工资记录。',
        },
      },
    ],
    [
      2,
      15.5,
      {
        idempotencyKey: 'demo-visit-referral-01',
        visitor: { anonymous: false, name: '褚小雨', phone: '13912360004' },
        headcount: 1,
        category: 'psychological',
        matter: '家庭矛盾后情绪低落，希望有人疏导',
        route: {
          track: 'referral',
          bodyKind: 'psychological_service',
          bodyName: '格物街道社会心理服务站',
          note: '已电话联系心理咨询师，约定本周五面谈',
        },
      },
    ],
    [
      1,
      9,
      {
        idempotencyKey: 'demo-visit-case-01',
        visitor: { anonymous: false, name: '蒋国强', phone: '13912360005' },
        headcount: 1,
        category: 'report_problem',
        matter: '明德社区东门外人行道地砖松动，老人差点绊倒',
        route: { track: 'case', itemCode: WALK_IN_ITEM?.code ?? '', address: '明德社区东门外人行道' },
      },
    ],
  ];
  // Parsed as the route parses them: the defaults filled in, the same checks.
  for (const [daysAgo, hour, body] of visits)
    await registerVisit(at(deps, daysAgo, hour), desk, registerVisitBodySchema.parse(body));
  return visits.length;
}

/** The grid workers' accounts and their grids (the same published password as the demo's other accounts). */
async function seedScreeningWorkers(deps: ActivityDeps): Promise<void> {
  const [template] = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.username, 'gridworker'));
  const passwordHash = template?.passwordHash ?? (await hashPassword(crypto.randomUUID()));
  for (const w of DEMO_SCREENING_WORKERS) {
    const [grid] = await deps.db
      .select({ id: grids.id, villageId: grids.villageId })
      .from(grids)
      .where(eq(grids.code, w.gridCode));
    if (!grid) throw new Error(`demo grid ${w.gridCode} missing`);
    const [user] = await deps.db
      .insert(users)
      .values({
        username: w.username,
        displayName: w.displayName,
        passwordHash,
        regionId: grid.villageId,
        roles: ['grid_worker'],
        passwordChangedAt: deps.clock.now(),
      })
      .returning({ id: users.id });
    await deps.db
      .update(gridAssignments)
      .set({ userId: user?.id ?? null, personName: w.displayName })
      .where(and(eq(gridAssignments.gridId, grid.id), eq(gridAssignments.duty, 'grid_worker_full')));
  }
}

/**
 * This period's screening (排查) of 格物街道: 明德社区第2网格 and 诚意社区第1网格 each found a new dispute
 * (registered from the report), 致知社区第1网格 filed a zero report (零报告); the other grids have not
 * reported yet. Returns the report count and the dispute registered from a report.
 */
async function seedScreening(deps: ActivityDeps): Promise<{ reports: number; screenedDisputeId: string }> {
  const [mingde2, zhizhi1, chengyi1] = await Promise.all(DEMO_SCREENING_WORKERS.map((w) => actorOf(deps, w.username)));
  const gridIdOf = async (code: string) => {
    const [g] = await deps.db.select({ id: grids.id }).from(grids).where(eq(grids.code, code));
    if (!g) throw new Error(`demo grid ${code} missing`);
    return g.id;
  };
  const period = chinaDayOf(deps.clock.now());
  const file = (hour: number, worker: Actor, body: z.input<typeof screeningReportBodySchema>) =>
    fileReport(at(deps, 0, hour), contextOf(worker), screeningReportBodySchema.parse(body));
  const found = await file(8, mingde2!, {
    gridId: await gridIdOf(DEMO_SCREENING_WORKERS[0].gridCode),
    period,
    zero: false,
    disputeIds: [],
    newDisputes: [
      {
        typeCode: 'property_management',
        summary: '8 号楼业主因物业费上调与物业公司争执，部分业主拒交物业费',
        address: '明德社区 8 号楼',
        risk: 'general',
        civilToCriminal: false,
        parties: [],
      },
    ],
    note: '入户走访 36 户，发现 1 起',
    idempotencyKey: 'demo-screening-mingde2',
  });
  await file(8.25, chengyi1!, {
    gridId: await gridIdOf(DEMO_SCREENING_WORKERS[2].gridCode),
    period,
    zero: false,
    disputeIds: [],
    newDisputes: [
      {
        typeCode: 'consumer',
        summary: '小区门口健身房突然停业，十余名居民要求退还预付卡余额',
        address: '诚意社区南门商铺',
        risk: 'general',
        civilToCriminal: false,
        parties: [],
      },
    ],
    note: '商户走访中发现',
    idempotencyKey: 'demo-screening-chengyi1',
  });
  await file(8.5, zhizhi1!, {
    gridId: await gridIdOf(DEMO_SCREENING_WORKERS[1].gridCode),
    period,
    zero: true,
    disputeIds: [],
    newDisputes: [],
    note: '本期排查未发现矛盾纠纷',
    idempotencyKey: 'demo-screening-zhizhi1',
  });
  const screenedDisputeId = found.report.disputes[0]?.id;
  if (!screenedDisputeId) throw new Error('demo screening registered no dispute');
  return { reports: 3, screenedDisputeId };
}

/** A 风险研判 meeting of the township centre this week on three disputes, one re-assessed. */
async function seedRiskMeeting(deps: ActivityDeps, centre: RequestContext, screenedDisputeId: string): Promise<void> {
  const bySummary = async (summary: string) => {
    const [d] = await deps.db.select({ id: disputes.id }).from(disputes).where(eq(disputes.summary, summary));
    if (!d) throw new Error(`demo dispute "${summary}" missing`);
    return d.id;
  };
  const leak = await bySummary('楼上卫生间漏水致楼下天花板受损，双方就维修和赔偿产生争议');
  const major = await bySummary('旧改项目补偿标准争议，当事人情绪激动，扬言采取极端行为');
  const held = at(deps, 0, 9.5);
  const body: z.input<typeof riskMeetingBodySchema> = {
    heldAt: held.clock.now().toISOString(),
    topic: '本周矛盾纠纷风险研判',
    place: '格物街道综治中心会议室',
    participants: ['张受理（综治中心）', '孙调解（街道人民调解委员会）', '格物派出所 李警官', '街道司法所 王所长'],
    minutes:
      '逐件研判在办纠纷：漏水纠纷双方对立情绪加剧，调为较大风险；旧改补偿争议稳控措施已落实，继续盯防；物业费纠纷涉及多户，由社区先行协调。',
    attachmentIds: [],
    decisions: [
      {
        disputeId: leak,
        kind: 'assess_risk',
        note: '双方对立情绪加剧，调为较大风险，加快调解',
        risk: 'serious',
        civilToCriminal: false,
      },
      { disputeId: major, kind: 'watch', note: '稳控措施已落实，稳控责任人每日联系当事人' },
      { disputeId: screenedDisputeId, kind: 'watch', note: '涉及多户业主，社区先行协调物业公司' },
    ],
  };
  await createRiskMeeting(held, centre, riskMeetingBodySchema.parse(body));
}

/**
 * The demo's life at the 综治中心 (issue 15), written through the modules' own services as the desk and
 * the grid workers would: walk-ins on each track with their receipts, this period's screening of some
 * grids (one a zero report, most still missing), and a 风险研判 meeting on open disputes. Runs once, on
 * the freshly seeded demo township: a database with any visit is left as it is (false).
 */
export async function seedDemoActivity(
  deps: ActivityDeps,
): Promise<false | { visits: number; screeningReports: number; riskMeetings: number }> {
  const [existing] = await deps.db.select({ n: count() }).from(receptionVisits);
  if ((existing?.n ?? 0) > 0) return false;
  return deps.db.transaction(async (tx) => {
    const d = { ...deps, db: tx };
    const desk = contextOf(await actorOf(d, 'dispatcher'));
    const visits = await seedVisits(d, desk);
    await seedScreeningWorkers(d);
    const { reports, screenedDisputeId } = await seedScreening(d);
    await seedRiskMeeting(d, desk, screenedDisputeId);
    return { visits, screeningReports: reports, riskMeetings: 1 };
  });
}
