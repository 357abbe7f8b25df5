import { type ScreeningOverview, type ScreeningOverviewQuery, type ScreeningStatus, chinaDayOf } from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { screeningPeriodUnknown } from './screening.errors.ts';
import { neighbourRounds, reportDisputes, reportsOfRound, unitGridsOf, workersOf } from './screening.repository.ts';
import { periodView } from './screening.reports.ts';
import { ensureRounds, roundFor, townshipOf, townshipSchedule } from './screening.rounds.ts';

export type OverviewDeps = { db: Db; clock: Clock };

/**
 * The township's view of a period (排查情况): every unit grid with the grid workers responsible and
 * how it stands — reported with disputes, reported zero (零报告), or missing (overdue once the period's
 * report has fallen due), late reports marked. For the township's centre and those above it.
 */
export async function screeningOverview(
  deps: OverviewDeps,
  ctx: RequestContext,
  q: ScreeningOverviewQuery,
): Promise<ScreeningOverview> {
  const actor = authorize(ctx, 'screening.read');
  const township = await townshipOf(deps.db, actor, q.regionId);
  const now = deps.clock.now();
  const today = chinaDayOf(now);
  const round = await roundFor(deps, township.path, q.day ?? today);
  if (!round) throw screeningPeriodUnknown();
  // Keeps the rounds laid out ahead as the days go by (their reminders run while nobody looks).
  await ensureRounds(deps, township.path);
  const [grids, reports, schedule, around] = await Promise.all([
    unitGridsOf(deps.db, township.path, round.dueAt),
    reportsOfRound(deps.db, round.id),
    townshipSchedule(deps.db, township.path),
    neighbourRounds(deps.db, round),
  ]);
  const workers = await workersOf(
    deps.db,
    grids.map((g) => g.id),
  );
  const links = await reportDisputes(
    deps.db,
    reports.map((r) => r.id),
  );
  const rows = grids.map((g) => {
    const r = reports.find((x) => x.gridId === g.id);
    const status: ScreeningStatus = r ? (r.zero ? 'zero' : 'reported') : 'missing';
    return {
      gridId: g.id,
      gridCode: g.code,
      gridName: g.name,
      villageName: g.villageName,
      workers: workers.get(g.id) ?? [],
      status,
      disputeCount: r ? links.filter((l) => l.reportId === r.id).length : 0,
      reportId: r?.id ?? null,
      reportedAt: r?.reportedAt.toISOString() ?? null,
      late: r?.late ?? false,
    };
  });
  const count = (s: ScreeningStatus) => rows.filter((r) => r.status === s).length;
  return {
    township: { id: township.id, name: township.name },
    period: periodView(round),
    due: now > round.dueAt,
    schedule: {
      periodKind: schedule.periodKind,
      graceDays: schedule.graceDays,
      own: schedule.own,
      source: schedule.source,
    },
    counts: { grids: rows.length, reported: count('reported'), zero: count('zero'), missing: count('missing') },
    grids: rows,
    previousDay: around.previous?.periodStart ?? null,
    // Periods not begun yet have nothing to show.
    nextDay: around.next && around.next.periodStart <= today ? around.next.periodStart : null,
  };
}
