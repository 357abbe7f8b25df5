import { type DepartmentKind, DEPARTMENT_KINDS, STARTER_CATALOGUE, defaultWorkCalendar } from '@gewu/domain';
import { eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import type { Clock } from '../platform/clock.ts';
import { regions } from '../modules/regions/regions.table.ts';
import { users } from '../modules/users/users.table.ts';
import { units } from '../modules/units/units.table.ts';
import { itemAdmissions, items } from '../modules/items/items.table.ts';
import { workCalendars } from '../modules/calendar/calendar.table.ts';

const DAY_MS = 86_400_000;
const COUNTY = '410104';
const GEWU = '410104001';
const ZHIXING = '410104002';

/** The county's bureaux, one per department kind (村(居)委会 exist only in villages). */
const COUNTY_UNITS: Record<Exclude<DepartmentKind, 'village_committee'>, string> = {
  urban_management: '管城区城市管理局',
  housing: '管城区住房和城乡建设局',
  transport: '管城区交通运输局',
  traffic_police: '管城区交警大队',
  police: '管城区公安分局',
  justice: '管城区司法局',
  market_regulation: '管城区市场监督管理局',
  ecology_environment: '管城区生态环境分局',
  emergency: '管城区应急管理局',
  fire: '管城区消防救援大队',
  civil_affairs: '管城区民政局',
  human_resources: '管城区人力资源和社会保障局',
  health: '管城区卫生健康委员会',
  water: '管城区水利局',
  gardens: '管城区园林绿化中心',
  natural_resources: '管城区自然资源和规划分局',
  education: '管城区教育局',
  agriculture: '管城区农业农村局',
  utilities: '管城区公用事业服务中心',
  postal: '管城区邮政管理办公室',
  culture_tourism: '管城区文化广电和旅游局',
  governance_centre: '管城区社会治安综合治理中心',
};

const TOWNSHIP_UNITS: Record<string, [DepartmentKind, string][]> = {
  [GEWU]: [
    ['urban_management', '格物街道综合行政执法中队'],
    ['police', '格物派出所'],
    ['justice', '格物司法所'],
    ['housing', '格物街道城建办'],
    ['emergency', '格物街道应急办'],
    ['market_regulation', '格物市场监管所'],
    ['civil_affairs', '格物街道民政办'],
    ['governance_centre', '格物街道综治中心'],
  ],
  [ZHIXING]: [
    ['urban_management', '知行街道综合行政执法中队'],
    ['police', '知行派出所'],
  ],
};

export interface CaseBaseCounts {
  items: number;
  units: number;
  admissions: number;
}

/**
 * What the case chain needs in the demo: the starter item catalogue, handling units for the county,
 * both townships and every village, the demo handler in 格物's 城管 squad, admissions of the small
 * items to 格物街道's grids (approved a month ago, one still pending), and the working calendar.
 */
export async function seedCaseBase(
  db: Db,
  clock: Clock,
  ids: Map<string, { id: string; path: string }>,
): Promise<CaseBaseCounts> {
  const now = clock.now();
  const region = (code: string) => {
    const r = ids.get(code);
    if (!r) throw new Error(`demo region ${code} missing`);
    return r;
  };

  // The migrations already put the 不确定/其他 item in (every deployment needs it): keep that row.
  await db
    .insert(items)
    .values(STARTER_CATALOGUE.map((i) => ({ ...i, updatedAt: now })))
    .onConflictDoNothing({ target: items.code });
  const insertedItems = await db.select({ id: items.id, code: items.code }).from(items);
  const itemId = new Map(insertedItems.map((i) => [i.code, i.id]));

  const villageCodes = [...ids.keys()].filter((c) => c.length === 12);
  const villages = villageCodes.length
    ? await db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, villageCodes))
    : [];
  const unitRows: (typeof units.$inferInsert)[] = [];
  const add = (code: string, kind: DepartmentKind, name: string) =>
    unitRows.push({ regionId: region(code).id, regionPath: region(code).path, kind, name, createdAt: now });
  for (const kind of DEPARTMENT_KINDS) if (kind !== 'village_committee') add(COUNTY, kind, COUNTY_UNITS[kind]);
  for (const [code, list] of Object.entries(TOWNSHIP_UNITS)) for (const [kind, name] of list) add(code, kind, name);
  for (const v of villages)
    add(v.code, 'village_committee', `${v.name}${v.name.endsWith('村') ? '村民委员会' : '居民委员会'}`);
  const insertedUnits = await db.insert(units).values(unitRows).returning({ id: units.id, name: units.name });

  const squad = insertedUnits.find((u) => u.name === '格物街道综合行政执法中队');
  if (squad) await db.update(users).set({ unitId: squad.id }).where(eq(users.username, 'handler'));

  const people = await db
    .select({ id: users.id, username: users.username })
    .from(users)
    .where(inArray(users.username, ['leader', 'handler', 'dispatcher']));
  const userId = (name: string) => people.find((p) => p.username === name)?.id;
  const leader = userId('leader');
  const proposer = userId('handler') ?? userId('dispatcher');
  const pendingProposer = userId('dispatcher') ?? proposer;
  let admissions = 0;
  if (leader && proposer && pendingProposer) {
    const gewu = region(GEWU);
    const admissible = STARTER_CATALOGUE.filter((i) => i.gridEligible && !i.negativeList);
    const bigOnes = admissible.filter((i) => !i.minor);
    const admitted = [...admissible.filter((i) => i.minor), ...bigOnes.slice(0, 2)];
    const decidedAt = new Date(now.getTime() - 30 * DAY_MS);
    const proposedAt = new Date(decidedAt.getTime() - 3 * DAY_MS);
    const rows: (typeof itemAdmissions.$inferInsert)[] = admitted.map((i) => ({
      itemId: itemId.get(i.code) as string,
      regionId: gewu.id,
      regionPath: gewu.path,
      state: 'active' as const,
      reason: `${i.name}属网格员日常巡查可发现、可劝导处置的事项，申请准入格物街道网格`,
      proposedBy: proposer,
      proposedAt,
      decidedBy: leader,
      decidedAt,
      decisionNote: '经街道党工委、办事处研究同意准入',
    }));
    const pending = bigOnes[2];
    if (pending)
      rows.push({
        itemId: itemId.get(pending.code) as string,
        regionId: gewu.id,
        regionPath: gewu.path,
        state: 'proposed',
        reason: `${pending.name}需网格员协助发现和劝导，申请准入格物街道网格`,
        proposedBy: pendingProposer,
        proposedAt: new Date(now.getTime() - 2 * DAY_MS),
      });
    if (rows.length) await db.insert(itemAdmissions).values(rows);
    admissions = rows.length;
  }

  await db
    .insert(workCalendars)
    .values({ id: 'default', calendar: defaultWorkCalendar(), updatedAt: now })
    .onConflictDoNothing();
  return { items: insertedItems.length, units: insertedUnits.length, admissions };
}
