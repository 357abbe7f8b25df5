import { type SQL, and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import type { WarningLight } from '@gewu/domain';
import { type Db, queryRows } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { hasRole, inScope } from '../../platform/access.ts';
import { lightIsSql, lightSql, replaceDeadlines } from '../../platform/clocks/index.ts';
import { gridAssignments } from '../grids/grids.table.ts';
import { residents, specialPopulations } from './people.table.ts';
import { planClock, planLights, visitPlanClock } from './special.clocks.ts';

export type SpecialRow = typeof specialPopulations.$inferSelect;

/**
 * Who sees special-population records (plans, visits): the township centre (dispatcher) across its
 * region; a grid worker only for people of a grid they are assigned to now (网格员 responsible for the
 * grid), or of no grid yet in their village. Anyone else sees none (their routes refuse them first).
 */
export function responsibleSql(actor: Pick<Actor, 'id' | 'roles'>, gridColumn: SQL | typeof residents.gridId): SQL {
  if (hasRole(actor, 'dispatcher')) return sql`TRUE`;
  if (!hasRole(actor, 'grid_worker')) return sql`FALSE`;
  return sql`(${gridColumn} IS NULL OR ${gridColumn} IN (SELECT ${gridAssignments.gridId} FROM ${gridAssignments}
    WHERE ${gridAssignments.userId} = ${actor.id} AND ${gridAssignments.validTo} IS NULL
      AND ${gridAssignments.duty} IN ('grid_worker_full', 'grid_worker_part')))`;
}

/** Whether `actor` is responsible for a person of grid `gridId` (see `responsibleSql`). */
export async function isResponsible(db: Db, actor: Pick<Actor, 'id' | 'roles'>, gridId: string | null) {
  const [row] = await queryRows<{ ok: boolean }>(db, sql`SELECT ${responsibleSql(actor, sql`${gridId}::uuid`)} AS ok`);
  return row?.ok === true;
}

/** The active plan `id` of resident `residentId`, locked for the visit that moves it on. */
export async function planForVisit(db: Db, id: string, residentId: string): Promise<SpecialRow | undefined> {
  const [row] = await db
    .select()
    .from(specialPopulations)
    .where(and(eq(specialPopulations.id, id), eq(specialPopulations.residentId, residentId)))
    .for('update');
  return row;
}

/** Moves a plan's next due day (and its clock on the engine) to `dueDay`; with `intervalDays`, its interval too. */
export async function movePlan(db: Db, plan: SpecialRow, dueDay: string, intervalDays?: number): Promise<void> {
  const next = planClock(dueDay);
  await db
    .update(specialPopulations)
    .set({ nextVisitDue: dueDay, ...next, ...(intervalDays ? { visitIntervalDays: intervalDays } : {}) })
    .where(eq(specialPopulations.id, plan.id));
  await replaceDeadlines(
    db,
    visitPlanClock,
    plan.id,
    plan.status === 'active' ? planLights(plan) : [],
    planLights(next),
  );
}

/** The active plans under `regionPath` (a county's, when its intervals change), locked for re-timing. */
export function activePlansUnder(db: Db, regionPath: string): Promise<SpecialRow[]> {
  return db
    .select()
    .from(specialPopulations)
    .where(and(inScope({ regionPath }, specialPopulations.regionPath), eq(specialPopulations.status, 'active')))
    .orderBy(asc(specialPopulations.id))
    .for('update');
}

/** Active plans in scope that `actor` is responsible for, most urgent first, with their light at `now`. */
export async function plansPage(
  db: Db,
  actor: Actor,
  now: Date,
  q: { light?: WarningLight; kind?: SpecialRow['kind']; gridId?: string; page: number; pageSize: number },
) {
  const clock = { warnAt: specialPopulations.visitWarnAt, deadline: specialPopulations.visitDeadline };
  const where = and(
    inScope(actor, specialPopulations.regionPath),
    eq(specialPopulations.status, 'active'),
    responsibleSql(actor, residents.gridId),
    q.kind ? eq(specialPopulations.kind, q.kind) : undefined,
    q.gridId ? eq(residents.gridId, q.gridId) : undefined,
    q.light ? lightIsSql(q.light, clock, now) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    db
      .select({
        s: specialPopulations,
        name: residents.name,
        gridId: residents.gridId,
        light: lightSql(clock, now),
      })
      .from(specialPopulations)
      .innerJoin(residents, eq(residents.id, specialPopulations.residentId))
      .where(where)
      .orderBy(asc(specialPopulations.nextVisitDue), asc(specialPopulations.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db
      .select({ n: count() })
      .from(specialPopulations)
      .innerJoin(residents, eq(residents.id, specialPopulations.residentId))
      .where(where),
  ]);
  return { rows, total: total?.n ?? 0 };
}

/** Active plans due in [from, to] in scope, counted per due day (the figures split them by `isVisitOverdue`). */
export function openPlansByDueDay(db: Db, actor: Actor, from: string, to: string) {
  return db
    .select({ day: specialPopulations.nextVisitDue, n: count() })
    .from(specialPopulations)
    .innerJoin(residents, eq(residents.id, specialPopulations.residentId))
    .where(
      and(
        inScope(actor, specialPopulations.regionPath),
        eq(specialPopulations.status, 'active'),
        responsibleSql(actor, residents.gridId),
        gte(specialPopulations.nextVisitDue, from),
        lte(specialPopulations.nextVisitDue, to),
      ),
    )
    .groupBy(specialPopulations.nextVisitDue);
}
