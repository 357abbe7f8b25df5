import { centrePathSql } from '@gewu/domain';
import { sql } from 'drizzle-orm';
import { type PendingLight, clockLights, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';
import type { disputes } from './disputes.table.ts';

type DisputeRow = typeof disputes.$inferSelect;

/*
 * A dispute's stage clock (受理/分流/指派/调解/司法确认申请期/法院确认/履行回访), registered with the clock
 * engine (platform/clocks): yellow at 80 % of the stage's limit, red past it. Its pending light changes
 * are written by disputes.repository with every event that starts or stops a stage. The 司法确认 window
 * (人民调解法 art. 33) is a stage like the others: its yellow light is the reminder before it closes.
 */

/** The centre responsible at the dispute's tier (village disputes: the township's), over the sweep's CTE `s`. */
const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', 's.tier'));
const COLUMNS = sql.raw(
  'disputes.id, disputes.code, disputes.stage, disputes.tier, disputes.region_path, disputes.organisation_id, disputes.mediator_user_id',
);

/** The notice's title by stage: the window for 司法确认 is named as what it is. */
const title = (light: 'yellow' | 'red') =>
  light === 'red'
    ? sql.raw(`s.code || CASE s.stage WHEN 'confirm_window' THEN '：司法确认申请期限已过' ELSE '：已超期' END`)
    : sql.raw(`s.code || CASE s.stage WHEN 'confirm_window' THEN '：司法确认申请期限即将届满' ELSE '：即将超期' END`);

/** Whoever works the dispute now: its mediator, else the mediators of its organisation. */
const workers = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT s.mediator_user_id, NULL::uuid, NULL, NULL, ${kind}, ${title(light)}, NULL::uuid, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'dispute', s.id
    FROM s WHERE s.mediator_user_id IS NOT NULL
  UNION ALL
  SELECT m.user_id, NULL::uuid, NULL, NULL, ${kind}, ${title(light)}, NULL::uuid, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'dispute', s.id
    FROM s JOIN mediators m ON m.organisation_id = s.organisation_id WHERE s.mediator_user_id IS NULL`;

const centre = (kind: string, light: 'yellow' | 'red', now: Date, only: string) => sql`
  SELECT NULL::uuid, NULL::uuid, ${CENTRE_PATH}, 'dispatcher', ${kind}, ${title(light)}, NULL::uuid, jsonb_build_object('stage', s.stage), ${now.toISOString()}::timestamptz, 'dispute', s.id
    FROM s ${sql.raw(only)}`;

/** No mediator holds it and its organisation (if any) has none: it waits on the centre. */
const NOBODY_WORKS_IT =
  'WHERE s.mediator_user_id IS NULL AND NOT EXISTS (SELECT 1 FROM mediators m WHERE m.organisation_id = s.organisation_id)';

/**
 * Red tells whoever works the dispute and, always, the centre; yellow tells whoever works it, or the
 * centre while nobody does (no organisation yet, or one without mediators). A row whose stage has moved on is left alone.
 */
export const disputeStageClock = registerClock({
  name: 'dispute.stage',
  lights: {
    red: {
      subjects: (now) =>
        sql`SELECT ${COLUMNS} FROM due JOIN disputes ON disputes.id = due.subject_id AND disputes.stage = due.stage AND ${lightReachedSql('red', sql.raw('disputes.stage_deadline'), now)}`,
      notices: (now) =>
        sql`${workers('dispute.overdue', 'red', now)} UNION ALL ${centre('dispute.overdue', 'red', now, '')}`,
    },
    yellow: {
      subjects: (now) =>
        sql`SELECT ${COLUMNS} FROM due JOIN disputes ON disputes.id = due.subject_id AND disputes.stage = due.stage AND ${lightReachedSql('yellow', sql.raw('disputes.stage_warn_at'), now)}`,
      notices: (now) =>
        sql`${workers('dispute.warning', 'yellow', now)} UNION ALL ${centre('dispute.warning', 'yellow', now, NOBODY_WORKS_IT)}`,
    },
  },
});

/** The stage clock's light changes to come for a dispute as it stands (none when no clock runs). */
export function disputeStageLights(
  d: Pick<DisputeRow, 'stage' | 'stageWarnAt' | 'stageDeadline'> | null,
): PendingLight[] {
  return clockLights(d && { stage: d.stage, warnAt: d.stageWarnAt, deadline: d.stageDeadline });
}
