import { DESK_CLAIM_STATES } from '@gewu/domain';
import { and, asc, between, count, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from '../../platform/access.ts';
import { caseEvents, cases } from '../cases/cases.table.ts';
import { items } from '../items/items.table.ts';
import { volunteers } from './forces.table.ts';

/* Read models over the case chain's tables for 市民认领 (the cases module writes them, through CASE_LIFE). */

const claimColumns = {
  id: cases.id,
  code: cases.code,
  itemCode: cases.itemCode,
  itemName: items.name,
  state: cases.state,
  address: cases.address,
  lon: cases.lon,
  lat: cases.lat,
  version: cases.version,
};
const under = (col: Parameters<typeof sql>[1], path: string) => sql`${col} LIKE ${escapeLike(path) + '%'}`;
const claimRows = (db: Db) => db.select(claimColumns).from(cases).innerJoin(items, eq(items.id, cases.itemId));
export type ClaimRow = Awaited<ReturnType<typeof claimRowById>>;

/** New or accepted cases of claimable items under `path` inside the box (the caller measures the distance). */
export function claimableInBox(
  db: Db,
  path: string,
  box: { minLon: number; maxLon: number; minLat: number; maxLat: number },
) {
  return claimRows(db)
    .where(
      and(
        eq(items.claimable, true),
        inArray(cases.state, ['reported', 'accepted']),
        under(cases.regionPath, path),
        between(cases.lon, box.minLon, box.maxLon),
        between(cases.lat, box.minLat, box.maxLat),
      ),
    )
    .limit(500);
}

/** The cases a volunteer claimed, newest first. */
export function claimsOf(db: Db, userId: string) {
  return claimRows(db).where(eq(cases.claimantUserId, userId)).orderBy(desc(cases.updatedAt)).limit(50);
}

export async function claimRowById(db: Db, id: string) {
  const [r] = await claimRows(db).where(eq(cases.id, id));
  return r;
}

/** The case row, if it lies under `path` (a volunteer's village). */
export async function caseUnder(db: Db, id: string, path: string) {
  const [row] = await db
    .select()
    .from(cases)
    .where(and(eq(cases.id, id), under(cases.regionPath, path)));
  return row;
}

/** Cases of the area held by a volunteer or awaiting the grid worker's confirmation, oldest change first. */
export function deskClaimRows(db: Db, path: string) {
  return db
    .select({
      id: cases.id,
      code: cases.code,
      itemName: items.name,
      state: cases.state,
      address: cases.address,
      regionPath: cases.regionPath,
      claimantName: volunteers.name,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .innerJoin(items, eq(items.id, cases.itemId))
    .leftJoin(volunteers, eq(volunteers.userId, cases.claimantUserId))
    .where(and(inArray(cases.state, [...DESK_CLAIM_STATES]), under(cases.regionPath, path)))
    .orderBy(asc(cases.updatedAt))
    .limit(200);
}

/** Confirmed self-handled cases per volunteer account. */
export async function claimHandledCounts(db: Db, userIds: string[]): Promise<Map<string | null, number>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .select({ user: cases.claimantUserId, n: count() })
    .from(cases)
    .where(and(inArray(cases.claimantUserId, userIds), eq(cases.claimHandled, true)))
    .groupBy(cases.claimantUserId);
  return new Map(rows.map((r) => [r.user, Number(r.n)]));
}

/** Cases closed as handled by a volunteer, and claims sent back, under `path` in [from, to). */
export async function claimFigures(db: Db, path: string, from: Date, to: Date) {
  const [handled] = await db
    .select({ n: count() })
    .from(cases)
    .where(
      and(
        eq(cases.claimHandled, true),
        under(cases.regionPath, path),
        gte(cases.closedAt, from),
        lt(cases.closedAt, to),
      ),
    );
  const [reopened] = await db
    .select({ n: count() })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(
      and(
        eq(caseEvents.type, 'claim_reopen'),
        under(cases.regionPath, path),
        gte(caseEvents.at, from),
        lt(caseEvents.at, to),
      ),
    );
  return { selfHandled: Number(handled?.n ?? 0), claimsReopened: Number(reopened?.n ?? 0) };
}
