import { DUPLICATE_RULE, type Light } from '@gewu/domain';
import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.ts';
import { lightSql as lightOfClock } from '../../platform/clocks/index.ts';
import { grids } from '../grids/grids.table.ts';
import { items } from '../items/items.table.ts';
import { units } from '../units/units.table.ts';
import { users } from '../users/users.table.ts';
import type { CaseRow } from './cases.repository.ts';
import { cases } from './cases.table.ts';

/**
 * The case lists' read model: a case with the names of its item, grid, assigned unit and assigned
 * person, and its warning light, in one query joining those modules' tables.
 */

const assigneeUser = alias(users, 'assignee_user');

/** The instants of a case's stage clock, for the clock engine's light rule. */
export const STAGE_CLOCK = { warnAt: cases.stageWarnAt, deadline: cases.stageDeadline };

/** The warning light of a case's current stage (null when no clock runs). */
export function lightSql(now: Date): SQL<Light | null> {
  return lightOfClock(STAGE_CLOCK, now);
}

const summaryColumns = (now: Date) => ({
  c: cases,
  itemName: items.name,
  gridName: grids.name,
  unitName: units.name,
  userName: assigneeUser.displayName,
  light: lightSql(now),
});

export type SummaryRow = {
  c: CaseRow;
  itemName: string | null;
  gridName: string | null;
  unitName: string | null;
  userName: string | null;
  light: Light | null;
};

/** Cases with their summary's names and light; the caller adds the conditions, order and page. */
export function summaryQuery(db: Db, now: Date) {
  return db
    .select(summaryColumns(now))
    .from(cases)
    .leftJoin(items, eq(items.id, cases.itemId))
    .leftJoin(grids, eq(grids.id, cases.gridId))
    .leftJoin(units, eq(units.id, cases.assigneeUnitId))
    .leftJoin(assigneeUser, eq(assigneeUser.id, cases.assigneeUserId));
}

const pageCase = alias(cases, 'p');

/**
 * How many likely duplicates (DUPLICATE_RULE) each of these cases has among the cases `visible`
 * selects: one statement for a page of the queue, each count a probe of cases_nearby_idx (same
 * item, reported since the window opened), a bounding box, then the exact distance (the same
 * equirectangular metres as the duplicates list). Cases without a point have none.
 */
export async function likelyDuplicateCounts(db: Db, ids: string[], visible: SQL): Promise<Map<string, number>> {
  // Constants as SQL text (not parameters): the statement's text stays the same, its types plain.
  const dLat = sql.raw(String(DUPLICATE_RULE.radiusM / 111_320));
  const rad = sql.raw(String(Math.PI / 180));
  const p = pageCase;
  const n = sql<number>`(SELECT count(*)::int FROM ${cases} WHERE ${and(
    eq(cases.itemId, p.itemId),
    sql`${cases.reportedAt} >= ${p.reportedAt} - interval '${sql.raw(String(DUPLICATE_RULE.windowDays))} days'`,
    sql`${cases.id} <> ${p.id}`,
    inArray(cases.state, [...DUPLICATE_RULE.states]),
    sql`${cases.lat} BETWEEN ${p.lat} - ${dLat} AND ${p.lat} + ${dLat}`,
    sql`${cases.lon} BETWEEN ${p.lon} - ${dLat} / cos(radians(${p.lat})) AND ${p.lon} + ${dLat} / cos(radians(${p.lat}))`,
    // Rounded to the metre like the list's distanceM, so the count and the list agree at the edge.
    sql`round(sqrt(power((${cases.lon} - ${p.lon}) * ${rad} * cos((${p.lat} + ${cases.lat}) / 2 * ${rad}), 2) + power((${cases.lat} - ${p.lat}) * ${rad}, 2)) * 6371000) <= ${sql.raw(String(DUPLICATE_RULE.radiusM))}`,
    visible,
  )})`;
  const rows = await db
    .select({ id: p.id, n })
    .from(p)
    .where(and(inArray(p.id, ids), sql`${p.lon} IS NOT NULL AND ${p.lat} IS NOT NULL`));
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}
