import { type SQL, and, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { forgetCachedSessions } from '../../platform/http/session-cache.ts';
import type { Actor } from '../../platform/context.ts';
import { escapeLike, inScope } from '../../platform/access.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from './users.table.ts';

export interface UserFilter {
  q?: string;
  role?: string;
  regionPath?: string;
}

const userColumns = { user: users, region: regions };
export type UserWithRegion = { user: typeof users.$inferSelect; region: typeof regions.$inferSelect };

function filterConditions(actor: Pick<Actor, 'regionPath'>, f: UserFilter): SQL | undefined {
  const pattern = f.q ? `%${escapeLike(f.q)}%` : null;
  return and(
    inScope(actor, regions.path),
    f.regionPath ? sql`${regions.path} LIKE ${escapeLike(f.regionPath) + '%'}` : undefined,
    pattern ? or(ilike(users.username, pattern), ilike(users.displayName, pattern)) : undefined,
    f.role ? sql`${users.roles} @> ARRAY[${f.role}]::text[]` : undefined,
  );
}

/** One page of users inside the actor's subtree; the scope is part of the query. */
export async function listUsersInScope(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  f: UserFilter,
  page: number,
  pageSize: number,
) {
  const where = filterConditions(actor, f);
  const [rows, [total]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(regions, eq(users.regionId, regions.id))
      .where(where)
      .orderBy(asc(regions.path), asc(users.username))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(users).innerJoin(regions, eq(users.regionId, regions.id)).where(where),
  ]);
  return { rows: rows as UserWithRegion[], total: total?.n ?? 0 };
}

export async function findUserInScope(
  db: Db,
  actor: Pick<Actor, 'regionPath'>,
  id: string,
): Promise<UserWithRegion | null> {
  const [row] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(regions, eq(users.regionId, regions.id))
    .where(and(eq(users.id, id), inScope(actor, regions.path)))
    .limit(1);
  return row ?? null;
}

export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  return !!row;
}

/** The display name of the account `id`, or null when there is no such account. */
export async function userDisplayName(db: Db, id: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, id));
  return row?.name ?? null;
}

export async function insertUser(db: Db, values: typeof users.$inferInsert) {
  const [row] = await db.insert(users).values(values).returning();
  return row as typeof users.$inferSelect;
}

export async function updateUser(db: Db, id: string, values: Partial<typeof users.$inferInsert>) {
  forgetCachedSessions();
  await db.update(users).set(values).where(eq(users.id, id));
}

/** The account `userId` when it is an active grid worker (网格员), with the region path it works in. */
export async function activeGridWorker(db: Db, userId: string): Promise<{ id: string; regionPath: string } | null> {
  const [row] = await db
    .select({ id: users.id, regionPath: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(and(eq(users.id, userId), eq(users.status, 'active'), sql`${users.roles} @> ARRAY['grid_worker']::text[]`))
    .limit(1);
  return row ?? null;
}

/**
 * The active grid workers a dispatcher in `actor`'s area may send the case at `placePath` to: inside
 * the area, in a region that holds the place (the same people a dispatch accepts).
 */
export function activeGridWorkersCovering(db: Db, actor: Pick<Actor, 'regionPath'>, placePath: string) {
  return db
    .select({ id: users.id, name: users.displayName, regionPath: regions.path })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        sql`'grid_worker' = ANY(${users.roles})`,
        eq(users.status, 'active'),
        inScope(actor, regions.path),
        sql`${placePath} LIKE ${regions.path} || '%'`,
      ),
    );
}

/** The active grid workers in `actor`'s area, with the name of the region each works in. */
export function activeGridWorkersInScope(db: Db, actor: Pick<Actor, 'regionPath'>) {
  const cond: SQL = and(
    sql`'grid_worker' = ANY(${users.roles})`,
    eq(users.status, 'active'),
    inScope(actor, regions.path),
  ) as SQL;
  return db
    .select({ id: users.id, name: users.displayName, regionName: regions.name })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(cond);
}

/** An account's id and display name, or null. */
export async function userName(db: Db, id: string): Promise<{ id: string; name: string } | null> {
  const r = await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, id));
  return r[0] ?? null;
}
