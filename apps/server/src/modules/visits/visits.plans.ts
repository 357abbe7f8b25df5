import { sql } from 'drizzle-orm';
import {
  type VisitFigures,
  type VisitIntervals,
  addDays,
  chinaDayOf,
  chinaMidnight,
  dueFigures,
  retimedPlan,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import {
  activePlansUnder,
  movePlan,
  openPlansByDueDay,
  plansPage,
  responsibleSql,
} from '../people/special.repository.ts';
import { actorWithin } from '../regions/regions.repository.ts';
import { regionNotFound } from './visits.errors.ts';
import type { VisitsDeps } from './visits.service.ts';
import { lastVisitsOfPlans, specialVisitFigures } from './visits.repository.ts';
import { visits } from './visits.table.ts';

type PlanQuery = Parameters<typeof plansPage>[3];

/**
 * Special-population visit plans with their light (green / yellow from the day before / red once the
 * due day ended in China time), most urgent first: a grid worker's own grids, the centre's region.
 */
export async function listPlans(deps: VisitsDeps, ctx: RequestContext, q: PlanQuery) {
  const actor = authorize(ctx, 'special_population.read');
  const { rows, total } = await plansPage(deps.db, actor, deps.clock.now(), q);
  const last = new Map(
    (
      await lastVisitsOfPlans(
        deps.db,
        rows.map((r) => r.s.id),
      )
    ).map((l) => [l.planId, l.at]),
  );
  await recordAudit(deps.db, deps.clock, ctx, {
    action: 'visit_plan.list',
    detail: { filter: q, count: rows.length },
  });
  return {
    items: rows.map(({ s, name, gridId, light }) => ({
      specialPopulationId: s.id,
      residentId: s.residentId,
      residentName: name,
      gridId,
      kind: s.kind,
      riskLevel: s.riskLevel,
      visitIntervalDays: s.visitIntervalDays,
      nextVisitDue: s.nextVisitDue,
      lastVisitedAt: last.get(s.id)?.toISOString() ?? null,
      light: light ?? 'green',
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * Visits done / due / overdue for the days [from, to] (China time) in the actor's region and grids.
 * Done: special-population visits made in the period (on time / late as they counted). Due: the due
 * days in the period — answered by a visit or still open. Overdue: answered late, or open and overdue
 * now by `isVisitOverdue` (the list's and the alerts' definition).
 */
export async function visitFigures(
  deps: VisitsDeps,
  ctx: RequestContext,
  q: { from: string; to: string; regionId?: string },
): Promise<VisitFigures> {
  const whole = authorize(ctx, 'special_population.read');
  const actor = q.regionId ? await actorWithin(deps.db, whole, q.regionId) : whole;
  if (!actor) throw regionNotFound();
  const start = chinaMidnight(q.from);
  const end = chinaMidnight(addDays(q.to, 1));
  const [{ done, answered }, open] = await Promise.all([
    specialVisitFigures(deps.db, actor, { start, end, ...q }, responsibleSql(actor, sql`${visits.gridId}`)),
    openPlansByDueDay(deps.db, actor, q.from, q.to),
  ]);
  const n = (rows: { counted: string | null; n: number }[], c?: string) =>
    rows.filter((r) => !c || r.counted === c).reduce((a, r) => a + r.n, 0);
  const still = dueFigures(open, deps.clock.now());
  return {
    from: q.from,
    to: q.to,
    regionPath: actor.regionPath,
    done: n(done),
    onTime: n(done, 'on_time'),
    late: n(done, 'late'),
    due: n(answered) + still.due,
    overdue: n(answered, 'late') + still.overdue,
  };
}

/**
 * The county edited its intervals: every active plan of the county that followed the old interval of
 * its kind and risk takes the new one, due that many days after its last visit (or, never visited, the
 * day it was counted from),
 * its clock on the engine moved with it (movePlan) — in the edit's transaction. Returns how many moved.
 */
export async function retimeCountyPlans(
  tx: Db,
  countyPath: string,
  before: VisitIntervals,
  after: VisitIntervals,
): Promise<number> {
  const plans = await activePlansUnder(tx, countyPath);
  const last = new Map(
    (
      await lastVisitsOfPlans(
        tx,
        plans.map((p) => p.id),
      )
    ).map((l) => [l.planId, l.at]),
  );
  let moved = 0;
  for (const p of plans) {
    const lastAt = last.get(p.id);
    // Never visited: the day its interval counts from (the registration day, due day less the interval).
    const fromDay = lastAt ? chinaDayOf(new Date(lastAt)) : addDays(p.nextVisitDue, -p.visitIntervalDays);
    const r = retimedPlan(
      { intervalDays: p.visitIntervalDays, fromDay },
      before[p.kind][p.riskLevel],
      after[p.kind][p.riskLevel],
    );
    if (!r) continue;
    await movePlan(tx, p, r.nextVisitDue, r.intervalDays);
    moved++;
  }
  return moved;
}
