import { type RegionLevel, type Role, regionLevelOfCode } from '@gewu/domain';
import { and, count, eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { recordAudit } from '../platform/audit/audit.service.ts';
import { systemContext } from '../platform/context.ts';
import { hashPassword } from '../platform/password.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { users } from '../modules/users/users.table.ts';
import { gridAssignments, grids } from '../modules/grids/grids.table.ts';
import type { PiiCipher } from '../platform/pii.ts';
import { seedDemoBase } from './demo-base.ts';
import { seedCaseBase } from './demo-cases-base.ts';
import { seedPetitionBase } from './demo-petitions.ts';
import { seedDisputeBase } from './demo-disputes.ts';
import { seedVoteBase } from './demo-votes.ts';
import { seedNoticeBase } from './demo-notices.ts';
import { seedTopicBase } from './demo-topics.ts';

export const DEMO_PASSWORD = 'Gewu@2026';
/** The village of the demo grid worker; their grid is its first (…001). */
export const DEMO_GRID_WORKER_VILLAGE = '410104001001';

/** A fictional township (格物街道) and its neighbour under the real county code 410104 郑州市管城回族区. */
export const DEMO_REGIONS: [code: string, name: string][] = [
  ['41', '河南省'],
  ['4101', '郑州市'],
  ['410104', '管城回族区'],
  ['410104001', '格物街道'],
  ['410104001001', '明德社区'],
  ['410104001002', '致知社区'],
  ['410104001003', '诚意社区'],
  ['410104001004', '正心社区'],
  ['410104001201', '修身村'],
  ['410104001202', '齐家村'],
  ['410104002', '知行街道'],
  ['410104002001', '笃行社区'],
  ['410104002201', '博学村'],
];

/** One account per role (all with DEMO_PASSWORD), listed in the README. */
export const DEMO_USERS: { username: string; displayName: string; role: Role; regionCode: string }[] = [
  { username: 'resident', displayName: '李群众', role: 'resident', regionCode: '410104001001' },
  { username: 'gridworker', displayName: '王网格', role: 'grid_worker', regionCode: '410104001001' },
  { username: 'dispatcher', displayName: '张受理', role: 'dispatcher', regionCode: '410104001' },
  { username: 'handler', displayName: '赵城管', role: 'handler', regionCode: '410104001' },
  { username: 'mediator', displayName: '孙调解', role: 'mediator', regionCode: '410104001' },
  { username: 'leader', displayName: '周书记', role: 'leader', regionCode: '410104' },
  { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: '410104' },
  { username: 'secadmin', displayName: '安全管理员', role: 'security_admin', regionCode: '410104' },
  { username: 'auditor', displayName: '安全审计员', role: 'auditor', regionCode: '410104' },
  { username: 'cadre', displayName: '钱村干', role: 'village_cadre', regionCode: '410104001201' },
  { username: 'cadre2', displayName: '吴村干', role: 'village_cadre', regionCode: '410104001202' },
];

export function levelOfCode(code: string): RegionLevel {
  const level = regionLevelOfCode(code);
  if (!level) throw new Error(`bad region code ${code}`);
  return level;
}

/** Inserts regions given parent-first, computing levels and paths. Returns code → id. */
export async function insertRegionTree(
  db: Db,
  list: [string, string][],
): Promise<Map<string, { id: string; path: string }>> {
  const byCode = new Map<string, { id: string; path: string }>();
  for (const [code, name] of list) {
    const parentCode = [...byCode.keys()]
      .filter((c) => code.startsWith(c) && c !== code)
      .sort((a, b) => b.length - a.length)[0];
    const parent = parentCode ? byCode.get(parentCode) : undefined;
    const path = `${parent?.path ?? '/'}${code}/`;
    const [row] = await db
      .insert(regions)
      .values({ code, name, level: levelOfCode(code), parentId: parent?.id ?? null, path })
      .returning({ id: regions.id });
    byCode.set(code, { id: (row as { id: string }).id, path });
  }
  return byCode;
}

/** Creates the demo township and accounts when the database holds no regions yet. */
export async function seedDemoIfEmpty(db: Db, clock: Clock, pii: PiiCipher): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(regions);
  if ((existing?.n ?? 0) > 0) return false;
  // One hash for all demo accounts: they share one published password anyway, and argon2id is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ids = await insertRegionTree(tx, DEMO_REGIONS);
    for (const u of DEMO_USERS) {
      const region = ids.get(u.regionCode);
      if (!region) throw new Error(`demo region ${u.regionCode} missing`);
      await tx.insert(users).values({
        username: u.username,
        displayName: u.displayName,
        passwordHash,
        regionId: region.id,
        roles: [u.role],
        passwordChangedAt: clock.now(),
      });
    }
    const base = await seedDemoBase(tx, clock, pii);
    const caseBase = await seedCaseBase(tx, clock, ids);
    await linkDemoGridWorker(tx);
    const disputeBase = await seedDisputeBase(tx, clock, pii, ids);
    const petitionBase = await seedPetitionBase(tx, clock, pii, ids);
    const voteBase = await seedVoteBase(tx, clock, pii, ids);
    const noticeBase = await seedNoticeBase(tx, clock, ids);
    const topicBase = await seedTopicBase(tx, clock, ids);
    await recordAudit(tx, clock, systemContext(), {
      action: 'system.seed_demo',
      detail: {
        regions: DEMO_REGIONS.length,
        users: DEMO_USERS.length,
        ...base,
        ...caseBase,
        ...disputeBase,
        ...petitionBase,
        ...voteBase,
        ...noticeBase,
        ...topicBase,
      },
    });
  });
  return true;
}

/** The demo grid worker account is the full-time worker of 明德社区第1网格 (so cases there reach a real person). */
async function linkDemoGridWorker(db: Db) {
  const [worker] = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(eq(users.username, 'gridworker'));
  const [grid] = await db
    .select({ id: grids.id })
    .from(grids)
    .where(eq(grids.code, `${DEMO_GRID_WORKER_VILLAGE}001`));
  if (!worker || !grid) throw new Error('demo grid worker or grid missing');
  await db
    .update(gridAssignments)
    .set({ userId: worker.id, personName: worker.name })
    .where(and(eq(gridAssignments.gridId, grid.id), eq(gridAssignments.duty, 'grid_worker_full')));
}
