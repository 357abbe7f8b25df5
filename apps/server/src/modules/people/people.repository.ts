import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { users } from '../users/users.table.ts';
import { houses, residents, visits } from './people.table.ts';

/** How many residents and houses are placed in the grid `gridId` (the grid detail shows them). */
export async function countPeopleInGrid(db: Db, gridId: string): Promise<{ residents: number; houses: number }> {
  const [[r], [h]] = await Promise.all([
    db.select({ n: count() }).from(residents).where(eq(residents.gridId, gridId)),
    db.select({ n: count() }).from(houses).where(eq(houses.gridId, gridId)),
  ]);
  return { residents: r?.n ?? 0, houses: h?.n ?? 0 };
}

/** The visits to resident `residentId`, oldest first, each with its visitor's name (null when the account is gone). */
export function visitsOfResident(db: Db, residentId: string) {
  return db
    .select({ v: visits, visitorName: users.displayName })
    .from(visits)
    .leftJoin(users, eq(users.id, visits.visitorId))
    .where(eq(visits.residentId, residentId))
    .orderBy(asc(visits.visitedAt));
}
