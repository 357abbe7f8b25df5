import { setImmediate } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import { wakeStreams } from '../notifications/notifications.service.ts';

/** The path of the centre responsible at a case's level, in SQL (grid and village tiers: the township). */
const CENTRE_PATH =
  sql.raw(`CASE WHEN c.level IN ('county') THEN substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/[0-9]{6}/)')
  WHEN c.level IN ('city') THEN substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/)')
  ELSE coalesce(substring(c.region_path from '^(/[0-9]{2}/[0-9]{4}/[0-9]{6}/[0-9]{9}/)'), c.region_path) END`);

/**
 * The due light changes of one colour, oldest first, at most `limit`, locked for this sweep: rows
 * another instance's sweep holds are skipped (it takes them), so nobody waits and none is taken twice.
 * Red is due once its time has passed, yellow from its time on (as the stage clock says).
 */
function dueRows(light: 'red' | 'yellow', now: string, limit: number) {
  const due = light === 'red' ? sql`at < ${now}::timestamptz` : sql`at <= ${now}::timestamptz`;
  return sql`SELECT ctid FROM case_deadlines WHERE light = ${light} AND ${due} ORDER BY at LIMIT ${limit} FOR UPDATE SKIP LOCKED`;
}

/**
 * Runs one batch statement until a batch takes fewer rows than its limit, letting requests run
 * between batches (a catch-up after downtime is then many short statements, not one long one that
 * holds a core and the WAL for seconds). Returns the cases the batches changed.
 */
async function inBatches(
  limit: number,
  batch: (limit: number) => Promise<{ taken: number; n: number }[]>,
): Promise<number> {
  let changed = 0;
  for (;;) {
    const [r] = await batch(limit);
    changed += r?.n ?? 0;
    if ((r?.taken ?? 0) < limit) return changed;
    await setImmediate();
  }
}

/**
 * One pass of the deadline sweep. It takes the light changes now due from `case_deadlines` (a
 * DELETE … RETURNING: on several server instances each row is taken once, so a stage turns red —
 * and its people are told — exactly once) for the cases whose stage is still the one the row was
 * for. The case rows are only read: the light itself follows from the stage's times. Red (overdue)
 * goes first, then yellow (at 80%); who is told is in LIGHTS. The work follows the number of cases
 * changing colour, not the number of open cases; the notifications are written by the same
 * statement, in batches of `batchSize` light changes.
 */
export async function sweepDeadlines(
  deps: { db: Db; clock: Clock },
  batchSize = 2000,
): Promise<{ overdue: number; warned: number }> {
  const now = deps.clock.now().toISOString();
  const sweep = (light: 'red' | 'yellow') =>
    inBatches(batchSize, (limit) => queryRows<{ taken: number; n: number }>(deps.db, lightChanges(light, now, limit)));
  const result = { overdue: await sweep('red'), warned: await sweep('yellow') };
  if (result.overdue || result.warned) wakeStreams();
  return result;
}

/**
 * What each light change means: the case's own time that must have passed (so a stage that moved on
 * since is left alone), and who is told. A red stage tells the assignee and, always, the centre; a
 * yellow one the assignee, or the centre when the case waits on it.
 */
const LIGHTS = {
  red: {
    caseDue: (now: string) => sql`cases.stage_deadline < ${now}::timestamptz`,
    recipients: (now: string) => sql`
      SELECT c.assignee_user_id, c.assignee_unit_id, NULL, NULL, 'case.overdue', c.code || '：已超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz
        FROM c WHERE c.assignee_user_id IS NOT NULL OR c.assignee_unit_id IS NOT NULL
      UNION ALL
      SELECT NULL, NULL, ${CENTRE_PATH}, 'dispatcher', 'case.overdue', c.code || '：已超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz FROM c`,
  },
  yellow: {
    caseDue: (now: string) => sql`cases.stage_warn_at <= ${now}::timestamptz`,
    recipients: (now: string) => sql`
      SELECT c.assignee_user_id, c.assignee_unit_id,
             CASE WHEN c.assignee_user_id IS NULL AND c.assignee_unit_id IS NULL THEN ${CENTRE_PATH} END,
             CASE WHEN c.assignee_user_id IS NULL AND c.assignee_unit_id IS NULL THEN 'dispatcher' END,
             'case.warning', c.code || '：即将超期', c.id, jsonb_build_object('stage', c.stage), ${now}::timestamptz
        FROM c`,
  },
};

/** One batch of one colour: takes its due rows, keeps those whose stage still runs late, notifies. */
function lightChanges(light: 'red' | 'yellow', now: string, limit: number) {
  return sql`WITH due AS (
      DELETE FROM case_deadlines WHERE ctid = ANY(ARRAY(${dueRows(light, now, limit)})) RETURNING case_id, stage
    ), c AS (
      SELECT cases.id, cases.code, cases.stage, cases.level, cases.region_path, cases.assignee_unit_id, cases.assignee_user_id
        FROM due JOIN cases ON cases.id = due.case_id AND cases.stage = due.stage AND ${LIGHTS[light].caseDue(now)}
    ), n AS (
      INSERT INTO notifications (user_id, unit_id, region_path, role, kind, title, case_id, data, created_at)
      ${LIGHTS[light].recipients(now)}
      RETURNING 1
    ) SELECT (SELECT count(*)::int FROM due) AS taken, (SELECT count(*)::int FROM c) AS n`;
}
