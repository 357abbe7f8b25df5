import { type SQL, and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forgetCachedSessions } from '../../platform/http/session-cache.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { units } from './units.table.ts';

export type UnitRow = typeof units.$inferSelect;
export type RegionRow = typeof regions.$inferSelect;
export type UnitWithRegion = { unit: UnitRow; region: RegionRow; members: number };

const memberCount = sql<number>`(SELECT count(*)::int FROM ${users} WHERE ${users.unitId} = ${units.id})`.mapWith(
  Number,
);
const columns = { unit: units, region: regions, members: memberCount };

/** `path` is `prefix` or lies below it. */
export const pathUnder = (column: SQL | typeof units.regionPath, prefix: string) =>
  sql`${column} LIKE ${escapeLike(prefix) + '%'}`;
/** The row's path is an ancestor of (or equal to) the given path. */
export const pathAbove = (column: typeof units.regionPath, path: string) => sql`starts_with(${path}, ${column})`;

export interface UnitFilter {
  kind?: string;
  /** Only units at this region or below it. */
  underPath?: string;
  includeRetired?: boolean;
  /** Also the units of the regions above the actor's own (county bureaux serving a township). */
  withAncestors?: boolean;
}

export async function listUnits(db: Db, actor: Pick<Actor, 'regionPath'>, f: UnitFilter): Promise<UnitWithRegion[]> {
  const scope = f.withAncestors
    ? sql`(${inScope(actor, units.regionPath)} OR ${pathAbove(units.regionPath, actor.regionPath)})`
    : inScope(actor, units.regionPath);
  return db
    .select(columns)
    .from(units)
    .innerJoin(regions, eq(units.regionId, regions.id))
    .where(
      and(
        scope,
        f.kind ? eq(units.kind, f.kind) : undefined,
        f.underPath ? pathUnder(units.regionPath, f.underPath) : undefined,
        f.includeRetired ? undefined : isNull(units.retiredAt),
      ),
    )
    .orderBy(asc(units.regionPath), asc(units.kind), asc(units.name));
}

export async function findUnitInScope(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  id: string,
): Promise<UnitWithRegion | null> {
  const [row] = await db
    .select(columns)
    .from(units)
    .innerJoin(regions, eq(units.regionId, regions.id))
    .where(and(eq(units.id, id), inScope(actor, units.regionPath)))
    .limit(1);
  return row ?? null;
}

/** The units among `ids` that are not retired (a case is dispatched only to those). */
export async function activeUnitsByIds(db: Db, ids: string[]): Promise<UnitRow[]> {
  if (!ids.length) return [];
  return db
    .select()
    .from(units)
    .where(and(inArray(units.id, ids), isNull(units.retiredAt)));
}

export async function insertUnit(db: Db, values: typeof units.$inferInsert): Promise<UnitRow> {
  const [row] = await db.insert(units).values(values).returning();
  return row as UnitRow;
}

export async function updateUnit(
  db: Db,
  id: string,
  set: Partial<Pick<UnitRow, 'name' | 'kind' | 'retiredAt'>>,
): Promise<void> {
  await db.update(units).set(set).where(eq(units.id, id));
}

export async function setUserUnitId(db: Db, userId: string, unitId: string | null): Promise<void> {
  forgetCachedSessions();
  await db.update(users).set({ unitId }).where(eq(users.id, userId));
}

/**
 * The unit responsible for a department kind at a location: among non-retired units of that kind
 * whose region lies on the path from the root to `regionPath`, the nearest one (longest path).
 */
export async function findResponsibleUnit(db: Db, kind: string, regionPath: string): Promise<UnitRow | null> {
  const [row] = await db
    .select()
    .from(units)
    .where(and(eq(units.kind, kind), isNull(units.retiredAt), pathAbove(units.regionPath, regionPath)))
    .orderBy(desc(sql`length(${units.regionPath})`), asc(units.createdAt), asc(units.name))
    .limit(1);
  return row ?? null;
}

/** The unit a (handler) account belongs to, retired or not; null when it has none. */
export async function unitOfUser(db: Db, userId: string): Promise<UnitRow | null> {
  const [row] = await db
    .select({ unit: units })
    .from(users)
    .innerJoin(units, eq(users.unitId, units.id))
    .where(eq(users.id, userId))
    .limit(1);
  return row?.unit ?? null;
}

export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return (err?.code ?? err?.cause?.code) === '23505';
}

/** The live units whose region path is one of `paths`, with their region's name and level. */
export function liveUnitsAtPaths(db: Db, paths: string[]) {
  return db
    .select({
      id: units.id,
      name: units.name,
      kind: units.kind,
      regionPath: units.regionPath,
      regionName: regions.name,
      level: regions.level,
    })
    .from(units)
    .innerJoin(regions, eq(regions.id, units.regionId))
    .where(and(inArray(units.regionPath, paths), isNull(units.retiredAt)));
}

/** The names of the units among `ids`. */
export function unitNames(db: Db, ids: string[]): Promise<{ id: string; name: string }[]> {
  return db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, ids));
}
