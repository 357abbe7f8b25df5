import {
  type DutyDay,
  NORM_7362,
  type PatrolFigures,
  type PatrolFiguresQuery,
  addDays,
  chinaMidnight,
  periodCompliance,
  weeksWithin,
} from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { periodReversed, periodTooLong, regionNotFound } from './patrols.errors.ts';
import { dutyDaysOf, patrolRows, patrolTotals } from './patrols.figures.repository.ts';
import { normInForce, normsOfWorkers } from './patrols.norm.ts';
import { workerPaths } from './patrols.repository.ts';
import { type PatrolDeps, ownOnly } from './patrols.service.ts';

/** The longest period the figures add up (a year and a day: a leap year's whole year). */
const MAX_PERIOD_DAYS = 366;

/**
 * 巡查 figures of a period (Beijing days `from`..`to`, both included) and a region of the actor's area:
 * totals, and one page of rows per grid or per worker — patrols (open ones apart), hours on track, mean
 * coverage, check-ins, problems reported; per worker also the whole weeks meeting the duty norm. A grid
 * worker: their own patrols only. Hours and coverage come from the summary kept when a patrol ends.
 */
export async function patrolFigures(
  deps: PatrolDeps,
  ctx: RequestContext,
  q: PatrolFiguresQuery,
): Promise<PatrolFigures> {
  const actor = authorize(ctx, 'patrol.read');
  if (q.from > q.to) throw periodReversed();
  if (addDays(q.from, MAX_PERIOD_DAYS - 1) < q.to) throw periodTooLong(MAX_PERIOD_DAYS);
  let path = actor.regionPath;
  if (q.regionId) {
    const r = await findRegionInScope(deps.db, actor, q.regionId);
    if (!r) throw regionNotFound();
    path = r.path;
  }
  const f = {
    path,
    from: chinaMidnight(q.from),
    to: chinaMidnight(addDays(q.to, 1)),
    workerId: ownOnly(actor) ? actor.id : undefined,
  };
  const [totals, rows] = await Promise.all([
    patrolTotals(deps.db, f),
    patrolRows(deps.db, f, q.by, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize }),
  ]);
  const weeks = weeksWithin(q.from, q.to);
  const met = new Map<string, number>();
  if (q.by === 'worker' && weeks.length) {
    const ids = rows.map((r) => r.id).filter((id): id is string => id !== null);
    const first = weeks[0]![0]!;
    const last = weeks.at(-1)![6]!;
    const days = await dutyDaysOf(deps.db, ids, chinaMidnight(first), chinaMidnight(addDays(last, 1)));
    const byWorker = new Map<string, DutyDay[]>();
    for (const d of days) {
      const day = new Date(d.dayNo * 86_400_000).toISOString().slice(0, 10);
      const list = byWorker.get(d.workerId) ?? [];
      list.push({ day, patrols: d.patrols, onTrackSeconds: d.seconds, reports: d.reports });
      byWorker.set(d.workerId, list);
    }
    // Each worker against the norm in force at their own region (patrols.norm.ts).
    const norms = await normsOfWorkers(deps.db, path, await workerPaths(deps.db, ids));
    for (const id of ids)
      met.set(id, periodCompliance(norms.get(id) ?? NORM_7362, first, last, byWorker.get(id) ?? []).weeksMet);
  }
  const round = (c: number | null) => (c === null ? null : Math.round(c * 10_000) / 10_000);
  return {
    regionPath: path,
    from: q.from,
    to: q.to,
    normId: (await normInForce(deps.db, path)).norm.id,
    weeks: weeks.length,
    totals: { ...totals, coverage: round(totals.coverage) },
    by: q.by,
    rows: rows.map((r) => ({
      ...r,
      coverage: round(r.coverage),
      weeksMet: q.by === 'worker' && r.id ? (met.get(r.id) ?? 0) : null,
    })),
    total: q.by === 'grid' ? totals.grids : totals.workers,
  };
}
