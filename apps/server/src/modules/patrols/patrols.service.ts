import {
  type CheckinView,
  PATROL_RULES,
  type PatrolCheckin,
  type PatrolPoints,
  type PatrolStart,
  type PatrolView,
  batchProblem,
  checkinAt,
  flaggedSteps,
} from '@gewu/domain';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Actor, RequestContext } from '../../platform/context.ts';
import { authorize, hasRole } from '../../platform/access.ts';
import { auditRow, recordAudit } from '../../platform/audit/audit.service.ts';
import { GroupCommit } from '../../db/group-commit.ts';
import { isUniqueViolation } from '../cases/cases.intake.ts';
import { encodePoints } from './patrols.codec.ts';
import { storeSummary } from './patrols.summary.ts';
import {
  beforeStart,
  endBeforeStart,
  futurePoint,
  noVillage,
  outOfOrder,
  outOfRadius,
  patrolEnded,
  patrolGridNotFound,
  patrolIdTaken,
  patrolNotFound,
  placeNotFound,
  placeWithoutLocation,
} from './patrols.errors.ts';
import {
  type PatrolRow,
  checkinById,
  endPatrolRow,
  gridInScope,
  soleGridOfWorker,
  insertCheckin,
  insertPatrol,
  insertSegments,
  patrolById,
  patrolInScope,
  placeInScope,
  segmentTallies,
  uploadTarget,
} from './patrols.repository.ts';

export type PatrolDeps = { db: Db; clock: Clock };

/** A grid worker reads only their own patrols; the township centre and leaders their whole area's. */
export const ownOnly = (actor: Actor) => !hasRole(actor, 'dispatcher') && !hasRole(actor, 'leader');

export async function patrolViews(db: Db, actor: Actor, rows: PatrolRow[]): Promise<PatrolView[]> {
  const tallies = await segmentTallies(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((p) => ({
    id: p.id,
    workerId: p.workerId,
    villageId: p.villageId,
    gridId: p.gridId,
    startedAt: p.startedAt.toISOString(),
    endedAt: p.endedAt?.toISOString() ?? null,
    ...(tallies.get(p.id) ?? { batches: 0, points: 0, flagged: 0 }),
    mine: p.workerId === actor.id,
  }));
}

/** The patrol `id` when it is the actor's own (anyone else's, or out of scope: 404). */
async function ownPatrol(deps: PatrolDeps, actor: Actor, id: string): Promise<PatrolRow> {
  const p = await patrolInScope(deps.db, id, actor.regionPath);
  if (!p || p.workerId !== actor.id) throw patrolNotFound();
  return p;
}

const viewOf = async (deps: PatrolDeps, actor: Actor, p: PatrolRow) =>
  (await patrolViews(deps.db, actor, [p]))[0] as PatrolView;

function notInFuture(deps: PatrolDeps, t: number) {
  if (t > deps.clock.now().getTime() + PATROL_RULES.futureSkewMs) throw futurePoint(0);
}

/** A grid worker starts a patrol with an id made on the phone; a retried start returns the same patrol. */
export async function startPatrol(deps: PatrolDeps, ctx: RequestContext, body: PatrolStart): Promise<PatrolView> {
  const actor = authorize(ctx, 'patrol.record');
  const again = await patrolById(deps.db, body.id);
  if (again && again.workerId === actor.id) return viewOf(deps, actor, again);
  if (again) throw patrolIdTaken();
  if (actor.regionLevel !== 'village') throw noVillage();
  if (body.gridId && !(await gridInScope(deps.db, body.gridId, actor.regionPath))) throw patrolGridNotFound();
  // The phone does not name the grid: a worker of one grid patrols that grid (its coverage is counted).
  const gridId = body.gridId ?? (await soleGridOfWorker(deps.db, actor.id, actor.regionPath));
  const now = deps.clock.now();
  if (body.startedAt !== undefined) notInFuture(deps, body.startedAt);
  const row = {
    id: body.id,
    regionPath: actor.regionPath,
    villageId: actor.regionId,
    gridId,
    workerId: actor.id,
    startedAt: body.startedAt !== undefined ? new Date(body.startedAt) : now,
    endedAt: null,
    onTrackS: null,
    distanceM: null,
    coverage: null,
    createdAt: now,
  };
  try {
    await deps.db.transaction(async (tx) => {
      await insertPatrol(tx, row);
      await recordAudit(tx, deps.clock, ctx, {
        action: 'patrols.start',
        targetType: 'patrol',
        targetId: row.id,
        regionPath: row.regionPath,
        detail: { gridId: row.gridId },
      });
    });
  } catch (e) {
    const raced = isUniqueViolation(e) ? await patrolById(deps.db, body.id) : null;
    if (raced?.workerId === actor.id) return viewOf(deps, actor, raced);
    if (raced) throw patrolIdTaken();
    throw e;
  }
  return viewOf(deps, actor, row);
}

/**
 * Batches are written by group commit (db/group-commit.ts): those arriving while a write is in flight
 * go together in one transaction (one multi-row insert of segments, one of audit rows), so at a
 * province's thousands of batches a second the database commits many at a time. Each caller waits for
 * its own batch. One write in flight, as the cases' intake (it found two no faster on 2 cores).
 */
const SEGMENT_BATCH = { maxBatch: 100, maxInFlight: 1 };
const segmentWriters = new WeakMap<Db, GroupCommit<Parameters<typeof insertSegments>[1][number], boolean>>();

function segmentWriterFor(db: Db) {
  let writer = segmentWriters.get(db);
  if (!writer) segmentWriters.set(db, (writer = new GroupCommit((items) => insertSegments(db, items), SEGMENT_BATCH)));
  return writer;
}

/**
 * Stores one uploaded batch of the track as one packed segment. The same seq twice stores once (the
 * answer says `duplicate`). Refused whole (422) when out of order, in the future, before the start,
 * after the end or overlapping a stored batch; impossible speeds are stored and counted as flags.
 */
export async function addPoints(deps: PatrolDeps, ctx: RequestContext, id: string, body: PatrolPoints) {
  const actor = authorize(ctx, 'patrol.record');
  const pts = body.points;
  const t0 = pts[0]!.t;
  const t1 = pts.at(-1)!.t;
  const target = await uploadTarget(deps.db, id, actor.regionPath, { seq: body.seq, t0, t1 });
  if (!target || target.patrol.workerId !== actor.id) throw patrolNotFound();
  const result = (s: { n: number; flagged: number }, duplicate: boolean) => ({
    patrolId: id,
    seq: body.seq,
    stored: s.n,
    flagged: s.flagged,
    duplicate,
  });
  if (target.stored) return result(target.stored, true);
  const p = target.patrol;
  const problem = batchProblem(pts, deps.clock.now().getTime());
  if (problem?.code === 'out_of_order') throw outOfOrder(problem.index);
  if (problem) throw futurePoint(problem.index);
  if (t0 < p.startedAt.getTime()) throw beforeStart();
  if (p.endedAt && t1 > p.endedAt.getTime()) throw patrolEnded();
  if (target.overlaps) throw outOfOrder(null);
  const row = {
    patrolId: id,
    seq: body.seq,
    t0,
    t1,
    n: pts.length,
    flagged: flaggedSteps(pts),
    data: encodePoints(pts, t0),
  };
  const audit = auditRow(deps.clock, ctx, {
    action: 'patrols.points',
    targetType: 'patrol',
    targetId: id,
    regionPath: p.regionPath,
    detail: { seq: body.seq, points: row.n, flagged: row.flagged },
  });
  const inserted = await segmentWriterFor(deps.db).submit({ row, audit });
  ctx.audited = true;
  // A batch sent after the end (a day offline): the kept summary is redone with it.
  if (inserted && p.endedAt) await storeSummary(deps.db, p);
  return result(row, !inserted);
}

/** Ends the actor's patrol (ending it again changes nothing). */
export async function endPatrol(deps: PatrolDeps, ctx: RequestContext, id: string, endedAtMs?: number) {
  const actor = authorize(ctx, 'patrol.record');
  const p = await ownPatrol(deps, actor, id);
  if (p.endedAt) {
    if (p.onTrackS === null) await storeSummary(deps.db, p); // an end retried after its summary failed
    return viewOf(deps, actor, p);
  }
  if (endedAtMs !== undefined) notInFuture(deps, endedAtMs);
  const endedAt = endedAtMs !== undefined ? new Date(endedAtMs) : deps.clock.now();
  if (endedAt < p.startedAt) throw endBeforeStart();
  await deps.db.transaction(async (tx) => {
    await endPatrolRow(tx, id, endedAt);
    await recordAudit(tx, deps.clock, ctx, {
      action: 'patrols.end',
      targetType: 'patrol',
      targetId: id,
      regionPath: p.regionPath,
    });
  });
  await storeSummary(deps.db, { ...p, endedAt });
  return viewOf(deps, actor, { ...p, endedAt });
}

/**
 * A check-in at a key place of the actor's area during their patrol: accepted only within the place's
 * radius (its own, or its kind's default), the distance kept; outside it, 422 with the distance.
 */
export async function checkIn(
  deps: PatrolDeps,
  ctx: RequestContext,
  id: string,
  body: PatrolCheckin,
): Promise<CheckinView> {
  const actor = authorize(ctx, 'patrol.record');
  const p = await ownPatrol(deps, actor, id);
  const place = await placeInScope(deps.db, body.placeId, actor.regionPath);
  if (!place) throw placeNotFound();
  const view = (c: { id: string; at: Date; distanceM: number; radiusM: number }) => ({
    id: c.id,
    placeId: place.id,
    placeName: place.name,
    at: c.at.toISOString(),
    distanceM: c.distanceM,
    radiusM: c.radiusM,
  });
  const again = await checkinById(deps.db, body.id);
  if (again && again.patrolId === id && again.placeId === place.id) return view(again);
  if (again) throw patrolIdTaken();
  if (place.lon === null || place.lat === null) throw placeWithoutLocation();
  notInFuture(deps, body.t);
  if (body.t < p.startedAt.getTime()) throw beforeStart();
  if (p.endedAt && body.t > p.endedAt.getTime()) throw patrolEnded();
  const c = checkinAt({ lon: place.lon, lat: place.lat, kind: place.kind, radiusM: place.radiusM }, body);
  if (!c.accepted) throw outOfRadius(c.distanceM, c.radiusM);
  const row = {
    id: body.id,
    patrolId: id,
    placeId: place.id,
    at: new Date(body.t),
    distanceM: c.distanceM,
    radiusM: c.radiusM,
    accuracyM: Math.round(body.acc),
  };
  await deps.db.transaction(async (tx) => {
    if (!(await insertCheckin(tx, row))) return;
    await recordAudit(tx, deps.clock, ctx, {
      action: 'patrols.checkin',
      targetType: 'patrol',
      targetId: id,
      regionPath: p.regionPath,
      detail: { placeId: place.id, distanceM: c.distanceM, radiusM: c.radiusM },
    });
  });
  return view(row);
}
