import { TERMINAL_STATES, centrePathSql } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { type PendingLight, clockLights, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';
import type { cases } from './cases.table.ts';

type CaseRow = typeof cases.$inferSelect;

/*
 * The case chain's clocks, registered with the clock engine (platform/clocks): the stage clock
 * (受理/派遣/签收/处置/核查 …: yellow at 80 %, red past the deadline) and the rectify-by date of a
 * listed supervision (挂牌督办整改期限: red once it has passed). Their pending light changes are
 * written by cases.repository with every event that starts, moves or stops them.
 */

/** The centre responsible at a case's level, over the sweep's CTE `s` (grid and village tiers: the township). */
const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', 's.level'));

/** The case columns both kinds' notices read, from the case joined to the taken rows. */
const CASE_COLUMNS = sql.raw(
  'cases.id, cases.code, cases.stage, cases.level, cases.region_path, cases.assignee_unit_id, cases.assignee_user_id, cases.rectify_by',
);

/**
 * The stage clock. A red stage tells the assignee and, always, the centre; a yellow one the assignee,
 * or the centre when the case waits on it (nobody holds it). A row whose stage has moved on is left alone.
 */
export const caseStageClock = registerClock({
  name: 'case.stage',
  lights: {
    red: {
      subjects: (now) =>
        sql`SELECT ${CASE_COLUMNS} FROM due JOIN cases ON cases.id = due.subject_id AND cases.stage = due.stage AND ${lightReachedSql('red', sql.raw('cases.stage_deadline'), now)}`,
      notices: (now) => sql`
        SELECT s.assignee_user_id, s.assignee_unit_id, NULL, NULL, 'case.overdue', s.code || '：已超期', s.id, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'case', s.id
          FROM s WHERE s.assignee_user_id IS NOT NULL OR s.assignee_unit_id IS NOT NULL
        UNION ALL
        SELECT NULL, NULL, ${CENTRE_PATH}, 'dispatcher', 'case.overdue', s.code || '：已超期', s.id, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'case', s.id FROM s`,
    },
    yellow: {
      subjects: (now) =>
        sql`SELECT ${CASE_COLUMNS} FROM due JOIN cases ON cases.id = due.subject_id AND cases.stage = due.stage AND ${lightReachedSql('yellow', sql.raw('cases.stage_warn_at'), now)}`,
      notices: (now) => sql`
        SELECT s.assignee_user_id, s.assignee_unit_id,
               CASE WHEN s.assignee_user_id IS NULL AND s.assignee_unit_id IS NULL THEN ${CENTRE_PATH} END,
               CASE WHEN s.assignee_user_id IS NULL AND s.assignee_unit_id IS NULL THEN 'dispatcher' END,
               'case.warning', s.code || '：即将超期', s.id, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'case', s.id
          FROM s`,
    },
  },
});

/** The stage marker of a listed supervision's pending row (the clock is the case's, not a stage's). */
const LISTED = 'listed';
const TERMINAL = sql.raw(TERMINAL_STATES.map((s) => `'${s}'`).join(', '));

/**
 * The rectify-by date of a listed supervision (挂牌督办): once it has passed, the assignee and the
 * centre are told, once. A row is left alone when the case has since closed (or was voided, merged,
 * rejected), or was given another rectify-by date.
 */
export const caseRectifyClock = registerClock({
  name: 'case.rectify',
  lights: {
    red: {
      subjects: (now) =>
        sql`SELECT ${CASE_COLUMNS} FROM due JOIN cases ON cases.id = due.subject_id AND cases.supervision = ${LISTED} AND cases.rectify_by = due.at
              AND cases.state NOT IN (${TERMINAL}) AND ${lightReachedSql('red', sql.raw('cases.rectify_by'), now)}`,
      notices: (now) => sql`
        SELECT s.assignee_user_id, s.assignee_unit_id, NULL, NULL, 'case.rectify_due', s.code || '：挂牌督办整改到期', s.id, jsonb_build_object('rectifyBy', s.rectify_by), ${now.toISOString()}::timestamptz, 'case', s.id
          FROM s WHERE s.assignee_user_id IS NOT NULL OR s.assignee_unit_id IS NOT NULL
        UNION ALL
        SELECT NULL, NULL, ${CENTRE_PATH}, 'dispatcher', 'case.rectify_due', s.code || '：挂牌督办整改到期', s.id, jsonb_build_object('rectifyBy', s.rectify_by), ${now.toISOString()}::timestamptz, 'case', s.id FROM s`,
    },
  },
});

/** The stage clock's light changes to come for a case as it stands (none when no clock runs). */
export function stageLights(c: Pick<CaseRow, 'stage' | 'stageWarnAt' | 'stageDeadline'> | null): PendingLight[] {
  return clockLights(c && { stage: c.stage, warnAt: c.stageWarnAt, deadline: c.stageDeadline });
}

/** The rectify-by light change to come for a case as it stands (none unless listed, open and dated). */
export function rectifyLights(c: Pick<CaseRow, 'supervision' | 'rectifyBy' | 'state'> | null): PendingLight[] {
  if (!c || c.supervision !== LISTED || !c.rectifyBy || (TERMINAL_STATES as readonly string[]).includes(c.state))
    return [];
  return [{ stage: LISTED, light: 'red', at: c.rectifyBy }];
}
