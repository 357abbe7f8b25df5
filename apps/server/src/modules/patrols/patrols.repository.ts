import { type SQL, and, asc, count, desc, eq, gte, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { auditLog } from '../../platform/audit/audit.table.ts';
import { cases } from '../cases/cases.table.ts';
import { gridAssignments, gridBoundaries, grids } from '../grids/grids.table.ts';
import { keyPlaces } from '../people/people.table.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { patrolCheckins, patrolSegments, patrols } from './patrols.table.ts';

export type PatrolRow = typeof patrols.$inferSelect;
export type SegmentRow = typeof patrolSegments.$inferSelect;

const under = (column: unknown, path: string) => sql`${column} LIKE ${`${escapeLike(path)}%`}`;

export async function patrolInScope(db: Db, id: string, scopePath: string): Promise<PatrolRow | null> {
  const [row] = await db
    .select()
    .from(patrols)
    .where(and(eq(patrols.id, id), under(patrols.regionPath, scopePath)));
  return row ?? null;
}

export async function patrolById(db: Db, id: string): Promise<PatrolRow | null> {
  const [row] = await db.select().from(patrols).where(eq(patrols.id, id));
  return row ?? null;
}

export async function insertPatrol(db: Db, row: typeof patrols.$inferInsert): Promise<void> {
  await db.insert(patrols).values(row);
}

export async function endPatrolRow(db: Db, id: string, endedAt: Date): Promise<void> {
  await db
    .update(patrols)
    .set({ endedAt })
    .where(and(eq(patrols.id, id), isNull(patrols.endedAt)));
}

/** Batch counts, points and flagged steps of patrols, by patrol id. */
export async function segmentTallies(db: Db, ids: string[]) {
  if (!ids.length) return new Map<string, { batches: number; points: number; flagged: number }>();
  const rows = await db
    .select({
      id: patrolSegments.patrolId,
      batches: count(),
      points: sql<number>`coalesce(sum(${patrolSegments.n}), 0)::int`,
      flagged: sql<number>`coalesce(sum(${patrolSegments.flagged}), 0)::int`,
    })
    .from(patrolSegments)
    .where(inArray(patrolSegments.patrolId, ids))
    .groupBy(patrolSegments.patrolId);
  return new Map(rows.map((r) => [r.id, { batches: r.batches, points: r.points, flagged: r.flagged }]));
}

export async function pageOfPatrols(
  db: Db,
  scopePath: string,
  q: { workerId?: string; from?: Date; page: number; pageSize: number },
): Promise<{ rows: PatrolRow[]; total: number }> {
  const where = and(
    under(patrols.regionPath, scopePath),
    q.workerId ? eq(patrols.workerId, q.workerId) : undefined,
    q.from ? gte(patrols.startedAt, q.from) : undefined,
  ) as SQL;
  const rows = await db
    .select()
    .from(patrols)
    .where(where)
    .orderBy(desc(patrols.startedAt), desc(patrols.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [n] = await db.select({ n: count() }).from(patrols).where(where);
  return { rows, total: n?.n ?? 0 };
}

/**
 * What an upload needs to know, in one query: the patrol when it is in scope, the batch already stored
 * under this seq (a retry), and whether another stored batch overlaps [t0, t1] in time.
 */
export async function uploadTarget(
  db: Db,
  id: string,
  scopePath: string,
  b: { seq: number; t0: number; t1: number },
): Promise<{ patrol: PatrolRow; stored: { n: number; flagged: number } | null; overlaps: boolean } | null> {
  const [row] = await db
    .select({
      patrol: patrols,
      n: patrolSegments.n,
      flagged: patrolSegments.flagged,
      overlaps: sql<boolean>`EXISTS (SELECT 1 FROM patrol_segments o WHERE o.patrol_id = ${patrols.id} AND o.t0 <= ${b.t1} AND o.t1 >= ${b.t0})`,
    })
    .from(patrols)
    .leftJoin(patrolSegments, and(eq(patrolSegments.patrolId, patrols.id), eq(patrolSegments.seq, b.seq)))
    .where(and(eq(patrols.id, id), under(patrols.regionPath, scopePath)));
  if (!row) return null;
  const stored = row.n === null || row.flagged === null ? null : { n: row.n, flagged: row.flagged };
  return { patrol: row.patrol, stored, overlaps: row.overlaps };
}

/**
 * Stores batches with their audit rows in one transaction, each unless its (patrol, seq) is stored
 * already: per batch, whether this call stored it.
 */
export async function insertSegments(
  db: Db,
  items: { row: SegmentRow; audit: typeof auditLog.$inferInsert }[],
): Promise<boolean[]> {
  return db.transaction(async (tx) => {
    const made = await tx
      .insert(patrolSegments)
      .values(items.map((i) => i.row))
      .onConflictDoNothing()
      .returning({ patrolId: patrolSegments.patrolId, seq: patrolSegments.seq });
    const key = (p: string, seq: number) => `${p}/${seq}`;
    const stored = new Set(made.map((m) => key(m.patrolId, m.seq)));
    const done = items.map((i) => stored.has(key(i.row.patrolId, i.row.seq)));
    const audits = items.filter((_, k) => done[k]).map((i) => i.audit);
    if (audits.length) await tx.insert(auditLog).values(audits);
    return done;
  });
}

export function segmentsOf(db: Db, patrolIds: string[]): Promise<SegmentRow[]> {
  if (!patrolIds.length) return Promise.resolve([]);
  return db
    .select()
    .from(patrolSegments)
    .where(inArray(patrolSegments.patrolId, patrolIds))
    .orderBy(asc(patrolSegments.t0));
}

/** A key place in scope with its location, kind and own radius. */
export async function placeInScope(db: Db, id: string, scopePath: string) {
  const [row] = await db
    .select({
      id: keyPlaces.id,
      name: keyPlaces.name,
      kind: keyPlaces.kind,
      lon: keyPlaces.lon,
      lat: keyPlaces.lat,
      radiusM: keyPlaces.radiusM,
    })
    .from(keyPlaces)
    .where(and(eq(keyPlaces.id, id), under(keyPlaces.regionPath, scopePath)));
  return row ?? null;
}

export async function checkinById(db: Db, id: string) {
  const [row] = await db.select().from(patrolCheckins).where(eq(patrolCheckins.id, id));
  return row ?? null;
}

export async function insertCheckin(db: Db, row: typeof patrolCheckins.$inferInsert): Promise<boolean> {
  const rows = await db.insert(patrolCheckins).values(row).onConflictDoNothing().returning({ id: patrolCheckins.id });
  return rows.length > 0;
}

export function checkinsOf(db: Db, patrolId: string) {
  return db
    .select({ c: patrolCheckins, placeName: keyPlaces.name })
    .from(patrolCheckins)
    .innerJoin(keyPlaces, eq(keyPlaces.id, patrolCheckins.placeId))
    .where(eq(patrolCheckins.patrolId, patrolId))
    .orderBy(asc(patrolCheckins.at));
}

/** The current boundary of a grid in scope (null: no such grid, or no boundary yet). */
export async function gridInScope(db: Db, id: string, scopePath: string) {
  const [row] = await db
    .select({ id: grids.id, geometry: gridBoundaries.geometry })
    .from(grids)
    .leftJoin(gridBoundaries, and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo)))
    .where(and(eq(grids.id, id), under(grids.regionPath, scopePath)));
  return row ?? null;
}

/** The current boundary of a grid (one the patrol named when it started), or null. */
export async function gridBoundary(db: Db, id: string) {
  const [row] = await db
    .select({ geometry: gridBoundaries.geometry })
    .from(gridBoundaries)
    .where(and(eq(gridBoundaries.gridId, id), isNull(gridBoundaries.validTo)));
  return row?.geometry ?? null;
}

/** Locks a patrol's row for the rest of the transaction (false: no such patrol). */
export async function lockPatrol(db: Db, id: string): Promise<boolean> {
  const rows = await db.select({ id: patrols.id }).from(patrols).where(eq(patrols.id, id)).for('update');
  return rows.length > 0;
}

export async function saveSummary(
  db: Db,
  id: string,
  s: { onTrackS: number; distanceM: number; coverage: number | null },
): Promise<void> {
  await db.update(patrols).set(s).where(eq(patrols.id, id));
}

/**
 * The one grid in `scopePath` a grid worker is assigned to now (网格员 of one grid, the usual case), or
 * null when they hold none or several: a patrol started without naming its grid is counted against it.
 */
export async function soleGridOfWorker(db: Db, userId: string, scopePath: string): Promise<string | null> {
  const rows = await db
    .selectDistinct({ id: gridAssignments.gridId })
    .from(gridAssignments)
    .innerJoin(grids, eq(grids.id, gridAssignments.gridId))
    .where(
      and(
        eq(gridAssignments.userId, userId),
        inArray(gridAssignments.duty, ['grid_worker_full', 'grid_worker_part']),
        isNull(gridAssignments.validTo),
        under(grids.regionPath, scopePath),
      ),
    )
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

/** Cases a user reported in [from, to): the problems found on a patrol. */
export async function casesReportedBetween(db: Db, userId: string, from: Date, to: Date): Promise<Date[]> {
  const rows = await db
    .select({ at: cases.reportedAt })
    .from(cases)
    .where(and(eq(cases.reporterUserId, userId), gte(cases.reportedAt, from), lt(cases.reportedAt, to)));
  return rows.map((r) => r.at);
}

/** A user's patrols started in [from, to). */
export function patrolsOfWorker(db: Db, workerId: string, from: Date, to: Date): Promise<PatrolRow[]> {
  return db
    .select()
    .from(patrols)
    .where(and(eq(patrols.workerId, workerId), gte(patrols.startedAt, from), lt(patrols.startedAt, to)));
}

/** A grid worker account whose region lies in scope. */
/** The region path of grid worker `id` when they are in `scopePath`, else null. */
/** The region paths of these workers. */
export async function workerPaths(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, path: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(inArray(users.id, [...ids]));
  return new Map(rows.map((r) => [r.id, r.path]));
}

export async function workerInScope(db: Db, id: string, scopePath: string): Promise<string | null> {
  const rows = await db
    .select({ path: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.id, id), under(regions.path, scopePath), sql`'grid_worker' = ANY(${users.roles})`));
  return rows[0]?.path ?? null;
}
