import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { changeCounters, gridAssignments, gridBoundaries, grids } from './grids.table.ts';

export type GridRow = typeof grids.$inferSelect;
export type BoundaryRow = typeof gridBoundaries.$inferSelect;

/** Live grids in scope with their current boundary (null when none has been drawn yet). */
export async function listGridsInScope(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  f: { villageId?: string; kind?: string },
) {
  return db
    .select({ grid: grids, boundary: gridBoundaries })
    .from(grids)
    .leftJoin(gridBoundaries, and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo)))
    .where(
      and(
        inScope(actor, grids.regionPath),
        isNull(grids.retiredAt),
        f.villageId ? eq(grids.villageId, f.villageId) : undefined,
        f.kind ? eq(grids.kind, f.kind as GridRow['kind']) : undefined,
      ),
    )
    .orderBy(asc(grids.code));
}

export async function findGridInScope(db: Db, actor: Pick<Actor, 'regionPath'>, id: string) {
  const [row] = await db
    .select({ grid: grids, boundary: gridBoundaries })
    .from(grids)
    .leftJoin(gridBoundaries, and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo)))
    .where(and(eq(grids.id, id), inScope(actor, grids.regionPath)))
    .limit(1);
  return row ?? null;
}

/** The grid `gridId` when it lies in the village `villageId` (where a resident or house is placed). */
export async function findGridInVillage(db: Db, gridId: string, villageId: string): Promise<GridRow | null> {
  const [row] = await db
    .select()
    .from(grids)
    .where(and(eq(grids.id, gridId), eq(grids.villageId, villageId)))
    .limit(1);
  return row ?? null;
}

export async function gridCodeExists(db: Db, code: string) {
  const [row] = await db.select({ id: grids.id }).from(grids).where(eq(grids.code, code)).limit(1);
  return !!row;
}

export async function insertGrid(db: Db, values: typeof grids.$inferInsert) {
  const [row] = await db.insert(grids).values(values).returning();
  return row as GridRow;
}

export async function updateGrid(db: Db, id: string, values: Partial<typeof grids.$inferInsert>) {
  await db.update(grids).set(values).where(eq(grids.id, id));
}

/** Closes the current boundary version (if any) at `at` and adds the new one from `at`. */
export async function replaceBoundary(
  db: Db,
  gridId: string,
  geometry: Polygon | MultiPolygon,
  bbox: [number, number, number, number],
  areaM2: number,
  at: Date,
  by: string | null,
) {
  await db
    .update(gridBoundaries)
    .set({ validTo: at })
    .where(and(eq(gridBoundaries.gridId, gridId), isNull(gridBoundaries.validTo)));
  const [minLon, minLat, maxLon, maxLat] = bbox;
  const [row] = await db
    .insert(gridBoundaries)
    .values({ gridId, geometry, minLon, minLat, maxLon, maxLat, areaM2, validFrom: at, createdBy: by })
    .returning();
  return row as BoundaryRow;
}

export function boundaryHistory(db: Db, gridId: string) {
  return db
    .select()
    .from(gridBoundaries)
    .where(eq(gridBoundaries.gridId, gridId))
    .orderBy(asc(gridBoundaries.validFrom));
}

/** The boundary a grid had at a moment (for historical cases). */
export async function boundaryAt(db: Db, gridId: string, at: Date) {
  const [row] = await db
    .select()
    .from(gridBoundaries)
    .where(
      and(
        eq(gridBoundaries.gridId, gridId),
        sql`${gridBoundaries.validFrom} <= ${at}`,
        sql`(${gridBoundaries.validTo} IS NULL OR ${gridBoundaries.validTo} > ${at})`,
      ),
    )
    .limit(1);
  return row ?? null;
}

/** The region path of a grid, or undefined when there is no such grid. */
export async function gridRegionPath(db: Db, gridId: string): Promise<string | undefined> {
  const [grid] = await db.select({ regionPath: grids.regionPath }).from(grids).where(eq(grids.id, gridId));
  return grid?.regionPath;
}

/** The grid worker (with an account) currently responsible for a grid, full-time before part-time. */
export async function gridWorkerOf(db: Db, gridId: string | null): Promise<string | null> {
  if (!gridId) return null;
  const rows = await db
    .select({ userId: gridAssignments.userId, duty: gridAssignments.duty })
    .from(gridAssignments)
    .where(
      and(
        eq(gridAssignments.gridId, gridId),
        inArray(gridAssignments.duty, ['grid_worker_full', 'grid_worker_part']),
        isNull(gridAssignments.validTo),
      ),
    );
  const withAccount = rows
    .filter((r) => r.userId)
    .sort((a, b) => (a.duty === 'grid_worker_full' ? -1 : 1) - (b.duty === 'grid_worker_full' ? -1 : 1));
  return withAccount[0]?.userId ?? null;
}

export function currentAssignments(db: Db, gridIds: string[]) {
  if (gridIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(gridAssignments)
    .where(and(sql`${gridAssignments.gridId} IN ${gridIds}`, isNull(gridAssignments.validTo)))
    .orderBy(asc(gridAssignments.duty), asc(gridAssignments.validFrom));
}

export async function insertAssignment(db: Db, values: typeof gridAssignments.$inferInsert) {
  const [row] = await db.insert(gridAssignments).values(values).returning();
  return row as typeof gridAssignments.$inferSelect;
}

export async function endAssignment(db: Db, gridId: string, assignmentId: string, at: Date) {
  const rows = await db
    .update(gridAssignments)
    .set({ validTo: at })
    .where(
      and(eq(gridAssignments.id, assignmentId), eq(gridAssignments.gridId, gridId), isNull(gridAssignments.validTo)),
    )
    .returning({ id: gridAssignments.id });
  return rows.length > 0;
}

/** All current boundaries, for building the in-memory index. */
export function allCurrentBoundaries(db: Db) {
  return db
    .select({ id: grids.id, code: grids.code, kind: grids.kind, geometry: gridBoundaries.geometry })
    .from(grids)
    .innerJoin(gridBoundaries, and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo)))
    .where(isNull(grids.retiredAt));
}

export async function bumpChangeCounter(db: Db, topic: string) {
  await db
    .insert(changeCounters)
    .values({ topic, version: 1 })
    .onConflictDoUpdate({ target: changeCounters.topic, set: { version: sql`${changeCounters.version} + 1` } });
}

export async function readChangeCounter(db: Db, topic: string): Promise<number> {
  const [row] = await db
    .select({ v: changeCounters.version })
    .from(changeCounters)
    .where(eq(changeCounters.topic, topic));
  return row?.v ?? 0;
}

/** Grid attribute rows (imports) update existing grids; empty cells keep what was there. */
export async function updateGridsBulk(db: Db, rows: { id: string; name: string | null; households: number | null }[]) {
  if (!rows.length) return;
  await db.execute(sql`UPDATE grids AS g SET name = COALESCE(x.name, g.name), households = COALESCE(x.households, g.households)
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) AS x(id uuid, name text, households integer) WHERE g.id = x.id`);
}
