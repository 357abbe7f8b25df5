import { and, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { grids } from '../grids/grids.table.ts';
import { houses, residentHouses, residents, specialPopulations } from '../people/people.table.ts';

/**
 * The read models of the 一表通 tallies: they join regions, grids and people, so they live here
 * rather than in any one of those modules.
 */

type Scope = Pick<Actor, 'regionPath'>;

/** The path of region `regionId` when it lies in the actor's subtree, else null. */
export async function regionPathInScope(db: Db, actor: Scope, regionId: string): Promise<string | null> {
  const [r] = await db
    .select({ path: regions.path })
    .from(regions)
    .where(and(eq(regions.id, regionId), inScope(actor, regions.path)));
  return r?.path ?? null;
}

/** Elderly living alone per village of the scope (villages without any counted as 0), by village code. */
export function elderlyAlonePerVillage(db: Db, scope: Scope) {
  return db
    .select({
      villageId: regions.id,
      villageCode: regions.code,
      villageName: regions.name,
      count: count(residents.id),
    })
    .from(regions)
    .leftJoin(
      residents,
      and(eq(residents.villageId, regions.id), sql`${residents.categories} @> ARRAY['elderly_alone']::text[]`),
    )
    .where(and(eq(regions.level, 'village'), inScope(scope, regions.path)))
    .groupBy(regions.id, regions.code, regions.name)
    .orderBy(regions.code);
}

/** Rental houses and their tenants per current (not micro) grid of the scope, by grid code. */
export function rentalsPerGrid(db: Db, scope: Scope) {
  return db
    .select({
      gridId: grids.id,
      gridCode: grids.code,
      gridName: grids.name,
      rentalHouses: sql<number>`count(DISTINCT ${houses.id})::int`,
      tenants: sql<number>`count(${residentHouses.residentId}) FILTER (WHERE ${residentHouses.relation} = 'tenant')::int`,
    })
    .from(grids)
    .leftJoin(houses, and(eq(houses.gridId, grids.id), eq(houses.usage, 'rental')))
    .leftJoin(residentHouses, eq(residentHouses.houseId, houses.id))
    .where(and(inScope(scope, grids.regionPath), sql`${grids.kind} <> 'micro'`, sql`${grids.retiredAt} IS NULL`))
    .groupBy(grids.id, grids.code, grids.name)
    .orderBy(grids.code);
}

/** Active special-population records of the scope per township code (the path's fifth segment) and risk level. */
export function specialPerRiskPerTownship(db: Db, scope: Scope) {
  const township = sql<string>`split_part(${specialPopulations.regionPath}, '/', 5)`;
  return db
    .select({ townshipCode: township, riskLevel: specialPopulations.riskLevel, count: count() })
    .from(specialPopulations)
    .where(and(inScope(scope, specialPopulations.regionPath), eq(specialPopulations.status, 'active')))
    .groupBy(township, specialPopulations.riskLevel);
}

/** Every township's code, id and name. */
export function allTownships(db: Db) {
  return db
    .select({ code: regions.code, id: regions.id, name: regions.name })
    .from(regions)
    .where(eq(regions.level, 'township'));
}
