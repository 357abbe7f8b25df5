import { LIGHT_STARTS, type WarningLight } from '@gewu/domain';
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/*
 * The light rule (green < warnAt ≤ yellow ≤ deadline < red) in SQL, built from its one declaration
 * (`LIGHT_STARTS` in @gewu/domain, read in TypeScript by `lightAt`). Every SQL light — the lists, their
 * light filter, the sweep's due rows — comes from here.
 */

/** The instants of a running clock as SQL expressions (columns of the subject's table, usually). */
export interface ClockInstants {
  warnAt: SQLWrapper;
  deadline: SQLWrapper;
}

/** Whether the light that starts at instant `at` shows at `now` (red: once past; yellow: from the instant on). */
export function lightReachedSql(light: keyof typeof LIGHT_STARTS, at: SQLWrapper, now: Date): SQL {
  const op = LIGHT_STARTS[light].includesInstant ? sql.raw('<=') : sql.raw('<');
  return sql`${at} ${op} ${now.toISOString()}::timestamptz`;
}

const reached = (light: keyof typeof LIGHT_STARTS, clock: ClockInstants, now: Date) =>
  lightReachedSql(light, clock[LIGHT_STARTS[light].at], now);

/** The light of a running clock at `now`; null when its deadline is null (no clock runs). */
export function lightSql(clock: ClockInstants, now: Date): SQL<WarningLight | null> {
  return sql<WarningLight | null>`CASE WHEN ${clock.deadline} IS NULL THEN NULL WHEN ${reached('red', clock, now)} THEN 'red' WHEN ${reached('yellow', clock, now)} THEN 'yellow' ELSE 'green' END`;
}

/** A condition: the clock shows `light` at `now` (written so an index on the deadline serves red and yellow). */
export function lightIsSql(light: WarningLight, clock: ClockInstants, now: Date): SQL {
  const red = reached('red', clock, now);
  if (light === 'red') return red;
  const yellow = reached('yellow', clock, now);
  return light === 'yellow' ? sql`(${yellow} AND NOT ${red})` : sql`(NOT ${yellow} AND NOT ${red})`;
}
