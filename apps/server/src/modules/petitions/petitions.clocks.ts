import { centrePathFor, centrePathSql } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { type PendingLight, clockLights, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';
import type { petitions } from './petitions.table.ts';

type PetitionRow = typeof petitions.$inferSelect;

/*
 * A petition's statutory clock (受理 15 日、办理 60 日（+延期）、复查 30 日、复核 30 日), registered with the
 * clock engine (platform/clocks) as `petition.stage`: yellow at 80 % of the window, red past 24:00 of its
 * last day. Its pending light changes are written by petitions.repository with every event that starts,
 * recounts or stops a stage. The centre over the petition is told of both lights; the leader who took it
 * (领导包案) of the red one too.
 */

/**
 * The centre that handles a petition: the township (街道/乡镇) over the place it concerns, or the place
 * itself when that is a county. The same rule as a village case's centre (centre-path.ts).
 */
export function petitionCentrePath(regionPath: string): string {
  return centrePathFor(regionPath, 'village');
}
const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', `'village'`));

const COLUMNS = sql.raw(
  'petitions.id, petitions.code, petitions.stage, petitions.region_path, petitions.leader_user_id, petitions.stage_last_day',
);

const STAGE_NAME = `CASE s.stage WHEN 'intake' THEN '受理' WHEN 'handling' THEN '办理' WHEN 'reviewDecision' THEN '复查' ELSE '复核' END`;
const title = (light: 'yellow' | 'red') =>
  sql.raw(
    light === 'red'
      ? `s.code || '：' || ${STAGE_NAME} || '已超过法定期限'`
      : `s.code || '：' || ${STAGE_NAME} || '期限将于 ' || s.stage_last_day::text || ' 届满'`,
  );

const data = sql.raw(`jsonb_build_object('stage', s.stage, 'lastDay', s.stage_last_day::text)`);

const centre = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, ${CENTRE_PATH}, 'dispatcher', ${kind}, ${title(light)}, NULL::uuid, ${data}, ${now.toISOString()}::timestamptz, 'petition', s.id
    FROM s`;
const lead = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT s.leader_user_id, NULL::uuid, NULL, NULL, ${kind}, ${title(light)}, NULL::uuid, ${data}, ${now.toISOString()}::timestamptz, 'petition', s.id
    FROM s WHERE s.leader_user_id IS NOT NULL`;

/** A row whose stage has moved on (or whose clock was recounted to a later instant) is left alone. */
const due = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT ${COLUMNS} FROM due JOIN petitions ON petitions.id = due.subject_id AND petitions.stage = due.stage AND ${lightReachedSql(light, sql.raw(`petitions.${column}`), now)}`;

export const petitionStageClock = registerClock({
  name: 'petition.stage',
  lights: {
    red: {
      subjects: (now) => due('red', 'stage_deadline', now),
      notices: (now) =>
        sql`${centre('petition.overdue', 'red', now)} UNION ALL ${lead('petition.overdue', 'red', now)}`,
    },
    yellow: {
      subjects: (now) => due('yellow', 'stage_warn_at', now),
      notices: (now) => centre('petition.warning', 'yellow', now),
    },
  },
});

/** The stage clock's light changes to come for a petition as it stands (none when no clock runs). */
export function petitionStageLights(
  p: Pick<PetitionRow, 'stage' | 'stageWarnAt' | 'stageDeadline'> | null,
): PendingLight[] {
  return clockLights(p && { stage: p.stage, warnAt: p.stageWarnAt, deadline: p.stageDeadline });
}
