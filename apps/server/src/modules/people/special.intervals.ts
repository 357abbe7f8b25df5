import { eq, sql } from 'drizzle-orm';
import {
  VISIT_PLAN_KINDS,
  type VisitIntervals,
  type VisitPlanKind,
  type VisitRiskLevel,
  VISIT_INTERVALS_LEVEL,
  effectiveIntervals,
  intervalsProblem,
  pathAtLevel,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, authorizeAny } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import type { PeopleDeps } from './residents.service.ts';
import { visitIntervals } from './special.table.ts';
import { intervalsCountyOnly, intervalsInvalid } from './people.errors.ts';

/*
 * Visit intervals by kind and risk (visit-plans.ts): the defaults, with the county's edits laid over
 * them. A county's centre edits them; a plan takes its interval from them when it is registered.
 */

/** The county whose intervals apply at `regionPath` (the path itself above county level). */
export const countyOf = (regionPath: string) => pathAtLevel(regionPath, 'county') ?? regionPath;

/** The intervals in force at `regionPath`. */
export async function intervalsAt(db: Db, regionPath: string): Promise<VisitIntervals> {
  const rows = await db
    .select()
    .from(visitIntervals)
    .where(eq(visitIntervals.countyPath, countyOf(regionPath)));
  return effectiveIntervals(rows);
}

/** The intervals in force: read by those who read the plans, and by those who configure them (the county admin). */
export async function getIntervals(deps: PeopleDeps, ctx: RequestContext) {
  const actor = authorizeAny(ctx, ['special_population.read', 'visit_plan.configure']);
  return { countyPath: countyOf(actor.regionPath), intervals: await intervalsAt(deps.db, actor.regionPath) };
}

/**
 * What else changes with the county's intervals, in the same transaction (the visits module re-times
 * the county's plans): `before` and `after` are the intervals in force; returns how many plans moved.
 */
export type IntervalsChanged = (
  tx: Db,
  countyPath: string,
  before: VisitIntervals,
  after: VisitIntervals,
) => Promise<number>;

/**
 * Replaces the county's intervals, refused as a whole when one kind's are out of range or out of risk
 * order; only a county account may (VISIT_INTERVALS_LEVEL). `changed` runs in the same transaction.
 */
export async function putIntervals(
  deps: PeopleDeps,
  ctx: RequestContext,
  body: VisitIntervals,
  changed?: IntervalsChanged,
) {
  const actor: Actor = authorize(ctx, 'visit_plan.configure');
  if (actor.regionLevel !== VISIT_INTERVALS_LEVEL) throw intervalsCountyOnly();
  for (const kind of VISIT_PLAN_KINDS) {
    const problem = intervalsProblem(body[kind]);
    if (problem) throw intervalsInvalid(kind, problem);
  }
  const countyPath = countyOf(actor.regionPath);
  const now = deps.clock.now();
  const rows = VISIT_PLAN_KINDS.flatMap((kind: VisitPlanKind) =>
    (['high', 'medium', 'low'] as VisitRiskLevel[]).map((riskLevel) => ({
      countyPath,
      kind,
      riskLevel,
      days: body[kind][riskLevel],
      updatedBy: actor.id,
      updatedAt: now,
    })),
  );
  const retimed = await deps.db.transaction(async (tx) => {
    const before = await intervalsAt(tx, countyPath);
    await tx
      .insert(visitIntervals)
      .values(rows)
      .onConflictDoUpdate({
        target: [visitIntervals.countyPath, visitIntervals.kind, visitIntervals.riskLevel],
        set: { days: sql`excluded.days`, updatedBy: actor.id, updatedAt: now },
      });
    await recordAudit(tx, deps.clock, ctx, {
      action: 'visit_intervals.update',
      regionPath: countyPath,
      detail: { intervals: body },
    });
    return changed ? changed(tx, countyPath, before, body) : 0;
  });
  return { countyPath, intervals: await intervalsAt(deps.db, actor.regionPath), retimedPlans: retimed };
}
