import { and, asc, eq, inArray, isNotNull, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { gridBoundaries, grids } from '../grids/grids.table.ts';
import { keyPlaces } from '../people/people.table.ts';

/**
 * The map's read model: outlines and places of the actor's subtree, read together for drawing. The
 * data layer of this module, so it names the regions, grids and people tables (the boundaries rule).
 */

type Scope = Pick<Actor, 'regionPath'>;

/** The region an account belongs to. */
export async function regionById(db: Db, id: string) {
  const [row] = await db
    .select({ id: regions.id, code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(eq(regions.id, id))
    .limit(1);
  return row ?? null;
}

/** Paths of the regions in scope that have an outline, parents before children (no geometry: cheap). */
export function outlinedRegionPaths(db: Db, actor: Scope) {
  return db
    .select({ id: regions.id, path: regions.path })
    .from(regions)
    .where(and(inScope(actor, regions.path), isNotNull(regions.boundary)))
    .orderBy(asc(regions.path));
}

export async function regionOutlines(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: regions.id,
      code: regions.code,
      name: regions.name,
      level: regions.level,
      boundary: regions.boundary,
    })
    .from(regions)
    .where(inArray(regions.id, ids))
    .orderBy(asc(regions.path));
}

const liveUnitGridsInScope = (actor: Scope) =>
  and(inScope(actor, grids.regionPath), isNull(grids.retiredAt), ne(grids.kind, 'micro'));
const currentBoundary = and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo));

/** How many live unit grids with a boundary lie in scope. */
export async function countOutlinedGrids(db: Db, actor: Scope): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(grids)
    .innerJoin(gridBoundaries, currentBoundary)
    .where(liveUnitGridsInScope(actor));
  return row?.n ?? 0;
}

/** Live unit grids in scope with their current boundary. */
export function outlinedGrids(db: Db, actor: Scope, limit: number) {
  return db
    .select({
      id: grids.id,
      code: grids.code,
      name: grids.name,
      kind: grids.kind,
      boundary: gridBoundaries.geometry,
    })
    .from(grids)
    .innerJoin(gridBoundaries, currentBoundary)
    .where(liveUnitGridsInScope(actor))
    .orderBy(asc(grids.code))
    .limit(limit);
}

/** Key places in scope that have a position. */
export function placesWithPosition(db: Db, actor: Scope, limit: number) {
  return db
    .select({ id: keyPlaces.id, name: keyPlaces.name, kind: keyPlaces.kind, lon: keyPlaces.lon, lat: keyPlaces.lat })
    .from(keyPlaces)
    .where(and(inScope(actor, keyPlaces.regionPath), isNotNull(keyPlaces.lon), isNotNull(keyPlaces.lat)))
    .orderBy(asc(keyPlaces.regionPath), asc(keyPlaces.name))
    .limit(limit);
}
