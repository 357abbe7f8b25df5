import { sql } from 'drizzle-orm';
import { type PendingLight, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';

/*
 * A screening round's due time on the clock engine (platform/clocks): one kind, `screening.report`,
 * one subject per round (a township's period). Yellow (80 % of the way from the period's start to the
 * due time) reminds the grid workers whose grid has not reported; red (the due time) tells them it is
 * overdue, and tells the township's centre how many grids are missing. A grid that has reported — a
 * zero report included — is told nothing. The sweep is the engine's; nothing here runs on its own.
 */

const ROUND = sql.raw('r.id, r.region_path, r.label, r.due_at');

/** The unit grids of the round's township that count (micro-grids report through their grid), as `g`. */
const GRIDS = sql.raw(`grids g ON g.region_path LIKE s.region_path || '%' AND g.kind <> 'micro'
  AND (g.retired_at IS NULL OR g.retired_at > s.due_at)`);
const MISSING = sql.raw(
  'NOT EXISTS (SELECT 1 FROM screening_reports sr WHERE sr.round_id = s.id AND sr.grid_id = g.id)',
);
const WORKERS = sql.raw(`grid_assignments a ON a.grid_id = g.id AND a.valid_to IS NULL AND a.user_id IS NOT NULL
  AND a.duty IN ('grid_worker_full', 'grid_worker_part')`);

/** One notice per grid worker of each grid still missing. */
const toWorkers = (kind: string, title: string, now: Date) => sql`
  SELECT DISTINCT a.user_id, NULL::uuid, NULL, NULL, ${kind}, s.label || ${title} || g.name, NULL::uuid,
         jsonb_build_object('gridId', g.id), ${now.toISOString()}::timestamptz, 'screening_round', s.id
    FROM s JOIN ${GRIDS} JOIN ${WORKERS} WHERE ${MISSING}`;

export const screeningReportClock = registerClock({
  name: 'screening.report',
  lights: {
    red: {
      subjects: (now) =>
        sql`SELECT ${ROUND} FROM due JOIN screening_rounds r ON r.id = due.subject_id AND ${lightReachedSql('red', sql.raw('r.due_at'), now)}`,
      notices: (now) => sql`${toWorkers('screening.overdue', '排查报告逾期未报：', now)}
        UNION ALL
        SELECT NULL::uuid, NULL::uuid, s.region_path, 'dispatcher', 'screening.overdue',
               s.label || '排查：' || m.n || ' 个网格逾期未报', NULL::uuid, jsonb_build_object('missing', m.n),
               ${now.toISOString()}::timestamptz, 'screening_round', s.id
          FROM s CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM ${sql.raw('grids g')}
            WHERE g.region_path LIKE s.region_path || '%' AND g.kind <> 'micro'
              AND (g.retired_at IS NULL OR g.retired_at > s.due_at) AND ${MISSING}) m
          WHERE m.n > 0`,
    },
    yellow: {
      subjects: (now) =>
        sql`SELECT ${ROUND} FROM due JOIN screening_rounds r ON r.id = due.subject_id AND ${lightReachedSql('yellow', sql.raw('r.warn_at'), now)}`,
      notices: (now) => toWorkers('screening.warning', '排查报告即将到期，请及时上报（含零报告）：', now),
    },
  },
});

/** A round's light changes: the reminder and the due time. */
export function roundLights(r: { warnAt: Date; dueAt: Date }): PendingLight[] {
  return [
    { stage: 'report', light: 'yellow', at: r.warnAt },
    { stage: 'report', light: 'red', at: r.dueAt },
  ];
}
