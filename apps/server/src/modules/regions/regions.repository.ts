import type { RegionLevel } from '@gewu/domain';
import { type AnyColumn, type SQL, and, asc, eq, inArray, not, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { regions } from './regions.table.ts';

export type RegionRow = typeof regions.$inferSelect;

/**
 * The name of the region whose id is in `regionId`, as a column of another module's query
 * (`select({ villageName: regionNameOf(residents.villageId) })`): a lookup by primary key.
 */
export function regionNameOf(regionId: AnyColumn | SQL): SQL<string> {
  return sql<string>`(SELECT ${regions.name} FROM ${regions} WHERE ${regions.id} = ${regionId})`;
}

/** Every region in the actor's subtree, ordered so parents come before children. */
export function listRegionsInScope(db: Db, actor: Pick<Actor, 'regionPath'>) {
  return db.select().from(regions).where(inScope(actor, regions.path)).orderBy(asc(regions.path));
}

/**
 * The actor narrowed to a region of their area (figures "for a region"): the same actor whose scope is that
 * region's subtree, or null when the region is not in their area.
 */
export async function actorWithin<A extends Actor>(db: Db, actor: A, regionId: string): Promise<A | null> {
  const r = await findRegionInScope(db, actor, regionId);
  return r ? { ...actor, regionPath: r.path } : null;
}

export async function findRegionInScope(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  id: string,
): Promise<RegionRow | null> {
  const [row] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.id, id), inScope(actor, regions.path)))
    .limit(1);
  return row ?? null;
}

export async function findRegionByCode(db: Db, code: string): Promise<RegionRow | null> {
  const [row] = await db.select().from(regions).where(eq(regions.code, code)).limit(1);
  return row ?? null;
}

/** The villages with a code in `codes` that lie in the actor's subtree (none when `codes` is empty). */
export function villagesInScopeByCode(db: Db, actor: Pick<Actor, 'regionPath'>, codes: string[]): Promise<RegionRow[]> {
  return db
    .select()
    .from(regions)
    .where(
      and(
        inArray(regions.code, codes.length ? codes : ['-']),
        eq(regions.level, 'village'),
        inScope(actor, regions.path),
      ),
    );
}

export async function insertRegion(db: Db, values: typeof regions.$inferInsert): Promise<RegionRow> {
  const [row] = await db.insert(regions).values(values).returning();
  return row as RegionRow;
}

/** How many regions of `level` lie outside the subtree at `path` (the deployment's other counties, say). */
export async function countRegionsOutside(db: Db, level: RegionLevel, path: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(regions)
    .where(and(eq(regions.level, level), not(inScope({ regionPath: path }, regions.path))));
  return row?.n ?? 0;
}
