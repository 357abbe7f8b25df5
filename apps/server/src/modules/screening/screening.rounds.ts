import {
  DEFAULT_SCREENING_SCHEDULE,
  SCREENING_ROUNDS_AHEAD_DAYS,
  type ScreeningPeriodKind,
  type ScreeningScheduleBody,
  addDays,
  chinaDayOf,
  screeningDueAt,
  screeningPeriodOf,
  screeningRoundFrom,
  screeningWarnAt,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { recordAudit } from '../../platform/audit/audit.service.ts';
import { cancelDeadlines, scheduleDeadlines } from '../../platform/clocks/index.ts';
import { findRegionInScope } from '../regions/regions.repository.ts';
import { roundLights, screeningReportClock } from './screening.clocks.ts';
import { screeningTownshipNotFound, screeningTownshipRequired } from './screening.errors.ts';
import {
  type RoundRow,
  deleteRoundsAfter,
  findSchedule,
  firstRound,
  insertRounds,
  latestRound,
  roundOn,
  upsertSchedule,
} from './screening.repository.ts';

export type RoundDeps = { db: Db; clock: Clock };

/** A township's schedule: its own if its centre set one, else the default (monthly), with where it comes from. */
export async function townshipSchedule(db: Db, townshipPath: string) {
  const own = await findSchedule(db, townshipPath);
  return own
    ? { periodKind: own.periodKind, graceDays: own.graceDays, own: true, source: '本乡镇（街道）设定' }
    : { ...DEFAULT_SCREENING_SCHEDULE, own: false };
}

/**
 * Lays out the township's rounds up to SCREENING_ROUNDS_AHEAD_DAYS ahead, each with its reminder and
 * due time on the clock engine, continuing from the last one laid out (a township never seen before,
 * or idle for longer than that, starts with the period running today). Cheap when nothing is missing
 * (one read); two callers at once lay each round out once.
 */
export async function ensureRounds(deps: RoundDeps, townshipPath: string): Promise<void> {
  const today = chinaDayOf(deps.clock.now());
  const horizon = addDays(today, SCREENING_ROUNDS_AHEAD_DAYS);
  const last = await latestRound(deps.db, townshipPath);
  if (last && last.periodEnd >= horizon) return;
  const { periodKind, graceDays } = await townshipSchedule(deps.db, townshipPath);
  const current = screeningPeriodOf(periodKind, today).start;
  const afterLast = last ? addDays(last.periodEnd, 1) : current;
  await layOut(deps, townshipPath, periodKind, graceDays, afterLast > current ? afterLast : current, horizon);
}

async function layOut(
  deps: RoundDeps,
  townshipPath: string,
  kind: ScreeningPeriodKind,
  graceDays: number,
  from: string,
  horizon: string,
): Promise<void> {
  const now = deps.clock.now();
  const rows: Parameters<typeof insertRounds>[1] = [];
  for (let start = from; start <= horizon;) {
    const p = screeningRoundFrom(kind, start);
    const dueAt = screeningDueAt(p.end, graceDays);
    rows.push({
      regionPath: townshipPath,
      periodKind: kind,
      periodStart: p.start,
      periodEnd: p.end,
      label: p.label,
      warnAt: screeningWarnAt(p.start, dueAt),
      dueAt,
      createdAt: now,
    });
    start = addDays(p.end, 1);
  }
  await deps.db.transaction(async (tx) => {
    for (const r of await insertRounds(tx, rows))
      await scheduleDeadlines(tx, screeningReportClock, r.id, roundLights(r));
  });
}

/**
 * The round `day` falls in. Rounds are laid out first only when the day would fall in one (from the
 * first round there is — or the period running today for a township without any — up to the
 * horizon), so a request refused for its day writes nothing.
 */
export async function roundFor(deps: RoundDeps, townshipPath: string, day: string): Promise<RoundRow | undefined> {
  const found = await roundOn(deps.db, townshipPath, day);
  if (found) return found;
  const today = chinaDayOf(deps.clock.now());
  const first = await firstRound(deps.db, townshipPath);
  const { periodKind } = await townshipSchedule(deps.db, townshipPath);
  const earliest = first?.periodStart ?? screeningPeriodOf(periodKind, today).start;
  if (day < earliest || day > addDays(today, SCREENING_ROUNDS_AHEAD_DAYS)) return undefined;
  await ensureRounds(deps, townshipPath);
  return roundOn(deps.db, townshipPath, day);
}

/** The last day of the period running today, as laid out or as it would be: a later day's period has not begun. */
export async function currentPeriodEnd(deps: RoundDeps, townshipPath: string): Promise<string> {
  const today = chinaDayOf(deps.clock.now());
  const running = await roundOn(deps.db, townshipPath, today);
  if (running) return running.periodEnd;
  const { periodKind } = await townshipSchedule(deps.db, townshipPath);
  return screeningPeriodOf(periodKind, today).end;
}

/** The township a request names (a township region in the actor's area), or the actor's own when they sit at one. */
export async function townshipOf(
  db: Db,
  actor: { regionPath: string; regionLevel: string; regionId: string; regionName: string },
  regionId: string | undefined,
): Promise<{ id: string; name: string; path: string }> {
  if (!regionId) {
    if (actor.regionLevel !== 'township') throw screeningTownshipRequired();
    return { id: actor.regionId, name: actor.regionName, path: actor.regionPath };
  }
  const region = await findRegionInScope(db, actor, regionId);
  if (!region) throw screeningTownshipNotFound();
  if (region.level !== 'township') throw screeningTownshipRequired();
  return { id: region.id, name: region.name, path: region.path };
}

/**
 * Sets a township's schedule (its centre or one above). The round running today keeps its period;
 * the rounds after it are laid out again on the new schedule, the first starting the day after the
 * current one ends (a short period when that is mid-period), so no day is left out.
 */
export async function setSchedule(
  deps: RoundDeps,
  ctx: RequestContext,
  regionId: string,
  body: ScreeningScheduleBody,
): Promise<{
  current: RoundRow | undefined;
  next: RoundRow | undefined;
  periodKind: ScreeningPeriodKind;
  graceDays: number;
  townshipId: string;
}> {
  const actor = authorize(ctx, 'dispute.centre');
  const township = await townshipOf(deps.db, actor, regionId);
  const now = deps.clock.now();
  const today = chinaDayOf(now);
  await ensureRounds(deps, township.path);
  await deps.db.transaction(async (tx) => {
    const before = await findSchedule(tx, township.path);
    await upsertSchedule(tx, {
      regionPath: township.path,
      periodKind: body.periodKind,
      graceDays: body.graceDays,
      updatedBy: actor.id,
      updatedAt: now,
    });
    for (const r of await deleteRoundsAfter(tx, township.path, today))
      await cancelDeadlines(tx, screeningReportClock, r.id, roundLights(r));
    await recordAudit(tx, deps.clock, ctx, {
      action: 'screening.schedule',
      targetType: 'region',
      targetId: township.id,
      regionPath: township.path,
      detail: {
        before: before ? { periodKind: before.periodKind, graceDays: before.graceDays } : null,
        after: body,
      },
    });
  });
  await ensureRounds(deps, township.path);
  const current = await roundOn(deps.db, township.path, today);
  const next = current ? await roundOn(deps.db, township.path, addDays(current.periodEnd, 1)) : undefined;
  return { current, next, periodKind: body.periodKind, graceDays: body.graceDays, townshipId: township.id };
}
