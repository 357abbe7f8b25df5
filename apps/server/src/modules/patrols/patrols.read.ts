import {
  type DutyDay,
  type PatrolDetail,
  addDays,
  chinaDayOf,
  chinaMidnight,
  readTrack,
  scoreWeek,
  weekOf,
} from '@gewu/domain';
import type { RequestContext } from '../../platform/context.ts';
import { authorize } from '../../platform/access.ts';
import { decodePoints } from './patrols.codec.ts';
import { patrolNotFound, workerNotFound } from './patrols.errors.ts';
import { trackOf } from './patrols.summary.ts';
import {
  type SegmentRow,
  casesReportedBetween,
  checkinsOf,
  gridInScope,
  pageOfPatrols,
  patrolInScope,
  patrolsOfWorker,
  segmentsOf,
  workerInScope,
} from './patrols.repository.ts';
import { type PatrolDeps, ownOnly, patrolViews } from './patrols.service.ts';
import { normInForce } from './patrols.norm.ts';

const decode = (s: SegmentRow) => decodePoints(s.data, s.t0);

/** Patrols of the actor's area, newest first (a grid worker: their own). */
export async function listPatrols(
  deps: PatrolDeps,
  ctx: RequestContext,
  q: { workerId?: string; from?: string; page: number; pageSize: number },
) {
  const actor = authorize(ctx, 'patrol.read');
  const workerId = ownOnly(actor) ? actor.id : q.workerId;
  const from = q.from ? chinaMidnight(q.from) : undefined;
  const { rows, total } = await pageOfPatrols(deps.db, actor.regionPath, { ...q, workerId, from });
  return { items: await patrolViews(deps.db, actor, rows), total };
}

/**
 * A patrol with its summary — time on track and distance (gaps and flagged jumps left out), coverage of
 * its grid within 50 m of the track, places checked, problems the worker reported during it — and the
 * track as separate lines (a gap or a jump is never drawn).
 */
export async function getPatrol(deps: PatrolDeps, ctx: RequestContext, id: string): Promise<PatrolDetail> {
  const actor = authorize(ctx, 'patrol.read');
  const p = await patrolInScope(deps.db, id, actor.regionPath);
  if (!p || (ownOnly(actor) && p.workerId !== actor.id)) throw patrolNotFound();
  const [segments, checkins, grid] = await Promise.all([
    segmentsOf(deps.db, [id]),
    checkinsOf(deps.db, id),
    p.gridId ? gridInScope(deps.db, p.gridId, actor.regionPath) : null,
  ]);
  const { track, coverage } = trackOf(segments, grid?.geometry);
  const end = p.endedAt ?? deps.clock.now();
  // The patrol's window, its end included.
  const problems = await casesReportedBetween(deps.db, p.workerId, p.startedAt, new Date(end.getTime() + 1));
  const [view] = await patrolViews(deps.db, actor, [p]);
  return {
    ...view!,
    summary: {
      onTrackSeconds: track.onTrackSeconds,
      elapsedSeconds: Math.max(0, Math.round((end.getTime() - p.startedAt.getTime()) / 1000)),
      distanceM: Math.round(track.distanceM),
      gaps: track.gaps,
      flagged: track.flagged,
      coverage,
      placesChecked: new Set(checkins.map((c) => c.c.placeId)).size,
      problemsReported: problems.length,
    },
    lines: track.lines,
    jumps: track.jumps,
    checkins: checkins.map(({ c, placeName }) => ({
      id: c.id,
      placeId: c.placeId,
      placeName,
      at: c.at.toISOString(),
      distanceM: c.distanceM,
      radiusM: c.radiusM,
    })),
  };
}

/**
 * A grid worker's week (the week of `week`, Monday to Sunday, Beijing days) scored against the duty
 * norm in force at their region (patrols.norm.ts): per day the patrols started, hours on track, problems reported. A grid worker: their own only.
 */
export async function normScore(deps: PatrolDeps, ctx: RequestContext, q: { week: string; workerId?: string }) {
  const actor = authorize(ctx, 'patrol.read');
  const workerId = q.workerId ?? actor.id;
  const workerPath = ownOnly(actor)
    ? workerId === actor.id
      ? actor.regionPath
      : null
    : await workerInScope(deps.db, workerId, actor.regionPath);
  if (!workerPath) throw workerNotFound();
  const days = weekOf(q.week);
  const from = chinaMidnight(days[0]!);
  const to = chinaMidnight(addDays(days[6]!, 1));
  const [patrols, reports] = await Promise.all([
    patrolsOfWorker(deps.db, workerId, from, to),
    casesReportedBetween(deps.db, workerId, from, to),
  ]);
  const segments = await segmentsOf(
    deps.db,
    patrols.map((p) => p.id),
  );
  const byDay = new Map<string, DutyDay>(days.map((day) => [day, { day, patrols: 0, onTrackSeconds: 0, reports: 0 }]));
  for (const p of patrols) {
    const seconds = readTrack(segments.filter((s) => s.patrolId === p.id).map(decode)).onTrackSeconds;
    const d = byDay.get(chinaDayOf(p.startedAt));
    if (!d || seconds <= 0) continue; // a patrol with no track is not counted
    d.patrols++;
    d.onTrackSeconds += seconds;
  }
  for (const at of reports) {
    const d = byDay.get(chinaDayOf(at));
    if (d) d.reports++;
  }
  // The norm in force at the worker's region (its nearest ancestor's setting, else 7362).
  const { norm, setAt } = await normInForce(deps.db, workerPath);
  return { workerId, norm, normSetAt: setAt, ...scoreWeek(norm, [...byDay.values()]) };
}
