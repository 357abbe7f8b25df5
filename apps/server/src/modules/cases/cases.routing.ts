import { HOLDING_STATES } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { type Db, sqlList } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { activeGridWorkersCovering, activeGridWorkersInScope } from '../users/users.repository.ts';
import { liveUnitsAtPaths } from '../units/units.repository.ts';
import { gridWorkerOf } from '../grids/grids.repository.ts';
import { isItemAdmitted } from '../items/items.service.ts';
import { itemByCode } from './cases.intake.ts';
import { visibleCase } from './cases.actions.ts';

export type RoutingDeps = { db: Db; clock: Clock };

/** Open tasks per grid worker (cases held, cases to verify): the load the dispatcher weighs (减负). */
async function loads(db: Db, userIds: string[]) {
  if (!userIds.length) return new Map<string, { holding: number; verifying: number }>();
  const rows = await db
    .select({
      userId: sql<string>`u.id`,
      holding: sql<number>`(SELECT count(*)::int FROM cases c WHERE c.assignee_user_id = u.id AND c.state IN (${sqlList(HOLDING_STATES)}))`,
      verifying: sql<number>`(SELECT count(*)::int FROM cases c WHERE c.verifier_user_id = u.id AND c.state = 'fed_back')`,
    })
    .from(sql`users u`)
    .where(
      sql`u.id IN (${sql.join(
        userIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})`,
    );
  return new Map(rows.map((r) => [r.userId, { holding: r.holding, verifying: r.verifying }]));
}

/**
 * The dispatch proposal for a case: the unit the item list makes responsible, nearest to the
 * place (township before county), and — when the item is admitted to grids there — the grid's
 * own worker (小事一格解决). The dispatcher may choose any candidate instead.
 */
export async function proposeDispatch(deps: RoutingDeps, ctx: RequestContext, id: string) {
  const actor = authorize(ctx, 'case.centre');
  const row = await visibleCase(deps.db, ctx, id);
  const item = await itemByCode(deps, row.itemCode);
  // Candidate units: every live unit at a level above or at the case's place.
  const ancestors = row.regionPath
    .split('/')
    .filter(Boolean)
    .map((_, i, parts) => `/${parts.slice(0, i + 1).join('/')}/`);
  const candidates = await liveUnitsAtPaths(deps.db, ancestors);
  candidates.sort((a, b) => b.regionPath.length - a.regionPath.length || a.name.localeCompare(b.name, 'zh'));
  const responsible = candidates.find((u) => u.kind === item.departmentKind) ?? null;
  const admitted = await isItemAdmitted(deps.db, item.id, row.regionPath);
  const ownWorker = await gridWorkerOf(deps.db, row.gridId);
  // The same people a dispatch accepts (dispatchTarget): active grid workers inside the dispatcher's area whose region holds the place.
  const workerRows = await activeGridWorkersCovering(deps.db, actor, row.regionPath);
  const load = await loads(
    deps.db,
    workerRows.map((w) => w.id),
  );
  const gridWorkers = workerRows.map((w) => ({
    id: w.id,
    name: w.name,
    ownGrid: w.id === ownWorker,
    ...(load.get(w.id) ?? { holding: 0, verifying: 0 }),
  }));
  const recommended =
    admitted && item.gridEligible && ownWorker
      ? { kind: 'grid_worker' as const, userId: ownWorker }
      : responsible
        ? { kind: 'unit' as const, unitId: responsible.id }
        : null;
  return {
    item: {
      code: item.code,
      name: item.name,
      departmentKind: item.departmentKind,
      gridEligible: item.gridEligible,
      negativeList: item.negativeList,
      admitted,
    },
    recommended,
    units: candidates.map((u) => ({
      id: u.id,
      name: u.name,
      kind: u.kind,
      regionName: u.regionName,
      responsible: u.id === responsible?.id,
    })),
    gridWorkers,
  };
}

/** Each grid worker's current load in the actor's area. */
export async function gridWorkerLoads(deps: RoutingDeps, ctx: RequestContext) {
  const actor = authorize(ctx, 'case.read');
  const rows = await activeGridWorkersInScope(deps.db, actor);
  const load = await loads(
    deps.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows
      .map((r) => ({ ...r, ...(load.get(r.id) ?? { holding: 0, verifying: 0 }) }))
      .sort((a, b) => b.holding - a.holding),
  };
}
