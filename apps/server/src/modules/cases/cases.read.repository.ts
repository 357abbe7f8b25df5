import type { Light } from '@gewu/domain';
import { type SQL, eq } from 'drizzle-orm';
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
