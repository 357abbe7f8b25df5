import { and, asc, eq, gt, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Actor } from '../../platform/context.ts';
import { inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { gridBoundaries, grids } from '../grids/grids.table.ts';
import { houses, organisations, residents } from '../people/people.table.ts';

/**
 * The read models of imports and exports: places looked up by code while a file is read, and the
 * exported rows joined with the codes and names of their village and grid.
 */
type Scope = Pick<Actor, 'regionPath'>;

/** Villages in scope (their codes are what an import file names). */
export function villagesInScope(db: Db, scope: Scope) {
  return db
    .select({ id: regions.id, code: regions.code, path: regions.path })
    .from(regions)
    .where(and(eq(regions.level, 'village'), inScope(scope, regions.path)));
}

/** Grids in scope (their codes are what an import file names). */
export function gridsInScope(db: Db, scope: Scope) {
  return db
    .select({ id: grids.id, code: grids.code, villageId: grids.villageId, path: grids.regionPath })
    .from(grids)
    .where(inScope(scope, grids.regionPath));
}

/** Live grids in scope with their village's code and current area, by grid code. */
export function gridsForExport(db: Db, actor: Scope) {
  return db
    .select({ g: grids, villageCode: regions.code, area: gridBoundaries.areaM2 })
    .from(grids)
    .innerJoin(regions, eq(regions.id, grids.villageId))
    .leftJoin(gridBoundaries, and(eq(gridBoundaries.gridId, grids.id), isNull(gridBoundaries.validTo)))
    .where(and(inScope(actor, grids.regionPath), isNull(grids.retiredAt)))
    .orderBy(asc(grids.code));
}

/** Houses or organisations in scope with their village and grid codes, by region path. */
export function placesForExport(db: Db, actor: Scope, kind: 'houses' | 'organisations') {
  const table = kind === 'houses' ? houses : organisations;
  return db
    .select({ r: table, villageCode: regions.code, gridCode: grids.code })
    .from(table)
    .innerJoin(regions, eq(regions.id, table.villageId))
    .leftJoin(grids, eq(grids.id, table.gridId))
    .where(inScope(actor, table.regionPath))
    .orderBy(asc(table.regionPath));
}

/** One page of residents in scope (ids after `after`, at most `limit`), with their village and grid. */
export function residentsExportPage(db: Db, actor: Scope, q: { villageId?: string }, after: string, limit: number) {
  return db
    .select({ r: residents, villageCode: regions.code, villageName: regions.name, gridCode: grids.code })
    .from(residents)
    .innerJoin(regions, eq(regions.id, residents.villageId))
    .leftJoin(grids, eq(grids.id, residents.gridId))
    .where(
      and(
        inScope(actor, residents.regionPath),
        gt(residents.id, after),
        q.villageId ? eq(residents.villageId, q.villageId) : undefined,
      ),
    )
    .orderBy(asc(residents.id))
    .limit(limit);
}
