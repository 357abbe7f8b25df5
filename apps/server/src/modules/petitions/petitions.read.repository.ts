import type { WarningLight } from '@gewu/domain';
import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { lightSql } from '../../platform/clocks/index.ts';
import { regions } from '../regions/regions.table.ts';
import { users } from '../users/users.table.ts';
import { petitions } from './petitions.table.ts';

/** The stage clock's instants, for the light and its filter. */
export const PETITION_CLOCK = { warnAt: petitions.stageWarnAt, deadline: petitions.stageDeadline };

export type PetitionSummaryRow = {
  p: typeof petitions.$inferSelect;
  regionName: string | null;
  leaderName: string | null;
  light: WarningLight | null;
};

function joined(db: Db, now: Date) {
  return db
    .select({
      p: petitions,
      regionName: regions.name,
      leaderName: users.displayName,
      light: lightSql(PETITION_CLOCK, now),
    })
    .from(petitions)
    .leftJoin(regions, eq(regions.path, petitions.regionPath))
    .leftJoin(users, eq(users.id, petitions.leaderUserId));
}

/** One page of petitions matching `where`, newest first or deadline first, with the total. */
export async function pageOfPetitions(
  db: Db,
  now: Date,
  where: SQL | undefined,
  page: { page: number; pageSize: number; sort: 'registered_desc' | 'deadline_asc' },
): Promise<{ rows: PetitionSummaryRow[]; total: number }> {
  const order =
    page.sort === 'deadline_asc'
      ? [sql`${petitions.stageDeadline} ASC NULLS LAST`, desc(petitions.registeredAt), asc(petitions.id)]
      : [desc(petitions.registeredAt), asc(petitions.id)];
  const rows = await joined(db, now)
    .where(where)
    .orderBy(...order)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(petitions)
    .where(where);
  return { rows: rows as PetitionSummaryRow[], total: count?.n ?? 0 };
}

/** One petition with its names (no visibility check: the caller has loaded it for the actor). */
export async function petitionSummaryOf(db: Db, now: Date, id: string): Promise<PetitionSummaryRow | undefined> {
  const [row] = await joined(db, now).where(eq(petitions.id, id));
  return row as PetitionSummaryRow | undefined;
}

/** A staff account as the petition rules look at it: roles, status and the region it covers. */
export async function staffAccount(db: Db, userId: string) {
  const [row] = await db
    .select({
      id: users.id,
      name: users.displayName,
      roles: users.roles,
      status: users.status,
      regionPath: regions.path,
    })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(eq(users.id, userId));
  return row ?? null;
}

/** Region names by path (the centre's and its parent's, for the written opinions). */
export async function regionNamesByPath(db: Db, paths: readonly string[]): Promise<Map<string, string>> {
  if (!paths.length) return new Map();
  const rows = await db
    .select({ path: regions.path, name: regions.name })
    .from(regions)
    .where(inArray(regions.path, [...paths]));
  return new Map(rows.map((r) => [r.path, r.name]));
}

/** The active leaders whose region covers a petition's place (who may approve its extension). */
export async function leadersOver(db: Db, regionPath: string) {
  return db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .innerJoin(regions, eq(regions.id, users.regionId))
    .where(
      and(
        eq(users.status, 'active'),
        sql`'leader' = ANY(${users.roles})`,
        sql`${regionPath} LIKE ${regions.path} || '%'`,
      ),
    )
    .orderBy(asc(regions.path), asc(users.displayName))
    .limit(50);
}
