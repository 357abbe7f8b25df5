import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';

/** The path of the centre responsible at a case's level, in SQL (grid and village tiers: the township). */
const CENTRE_PATH = sql.raw(`CASE WHEN c.level IN ('county') THEN substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/[0-9]{6}/)')
  WHEN c.level IN ('city') THEN substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/)')
  ELSE coalesce(substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/[0-9]{6}/[0-9]{9}/)'), c.region_path) END`);

/**
 * One pass of the deadline sweep. Each case is claimed by a conditional update (flag the stage
 * not flagged yet), so on several server instances a stage turns red — and its people are told —
 * exactly once. Overdue (red) stages notify the assignee and the centre; stages at 80% (yellow)
 * warn the assignee, or the centre when the case waits on it. Both use partial indexes that hold
 * only open, unflagged stages, so the cost follows the number of cases changing colour, not the
 * number of open cases. The notifications are written by the same statement.
 */
export async function sweepDeadlines(deps: { db: Db; clock: Clock }): Promise<{ overdue: number; warned: number }> {
  const now = deps.clock.now().toISOString();
  const [overdue] = await queryRows<{ n: number }>(
    deps.db,
    sql`WITH c AS (
      UPDATE cases SET overdue_stage = stage
      WHERE stage IS NOT NULL AND overdue_stage IS DISTINCT FROM stage AND stage_deadline < ${now}::timestamptz
      RETURNING id, code, stage, level, region_path, assignee_unit_id, assignee_user_id
    ), n AS (
      INSERT INTO notifications (user_id, unit_id, region_path, role, kind, title, case_id, data, created_at)
      SELECT c.assignee_user_id, c.assignee_unit_id, NULL, NULL, 'case.overdue', c.code || '：已超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz
        FROM c WHERE c.assignee_user_id IS NOT NULL OR c.assignee_unit_id IS NOT NULL
      UNION ALL
      SELECT NULL, NULL, ${CENTRE_PATH}, 'dispatcher', 'case.overdue', c.code || '：已超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz FROM c
      RETURNING 1
    ) SELECT (SELECT count(*)::int FROM c) AS n`,
  );
  const [warned] = await queryRows<{ n: number }>(
    deps.db,
    sql`WITH c AS (
      UPDATE cases SET warned_stage = stage
      WHERE stage IS NOT NULL AND warned_stage IS DISTINCT FROM stage AND stage_warn_at <= ${now}::timestamptz
      RETURNING id, code, stage, level, region_path, assignee_unit_id, assignee_user_id
    ), n AS (
      INSERT INTO notifications (user_id, unit_id, region_path, role, kind, title, case_id, data, created_at)
      SELECT c.assignee_user_id, c.assignee_unit_id,
             CASE WHEN c.assignee_user_id IS NULL AND c.assignee_unit_id IS NULL THEN ${CENTRE_PATH} END,
             CASE WHEN c.assignee_user_id IS NULL AND c.assignee_unit_id IS NULL THEN 'dispatcher' END,
             'case.warning', c.code || '：即将超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz
        FROM c
      RETURNING 1
    ) SELECT (SELECT count(*)::int FROM c) AS n`,
  );
  const result = { overdue: overdue?.n ?? 0, warned: warned?.n ?? 0 };
  if (result.overdue || result.warned) wakeStreams();
  return result;
}
