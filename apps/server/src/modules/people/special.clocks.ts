import { sql } from 'drizzle-orm';
import { centrePathSql, visitClock } from '@gewu/domain';
import { type PendingLight, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';

/*
 * A special-population visit plan's due day on the clock engine (platform/clocks) as the kind
 * `visits.plan`: subject the special_populations row. Yellow from the day before the due day reminds the
 * grid workers of the person's grid; red (the due day ended in China time, `isVisitOverdue`) tells them
 * and the township's centre. A visit moves the clock on, so a stale row finds its plan no longer due.
 * Titles name no person: the notice links to the plan, which only those allowed may open.
 */

const STAGE = 'visit';
const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', `'village'`));

const due = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT p.id, p.region_path, p.next_visit_due, r.grid_id FROM due
        JOIN special_populations p ON p.id = due.subject_id AND p.status = 'active'
         AND ${lightReachedSql(light, sql.raw(`p.${column}`), now)}
        JOIN residents r ON r.id = p.resident_id`;

const title = (light: 'yellow' | 'red') => (light === 'red' ? '特殊人群走访已逾期' : '特殊人群走访明日到期');
const data = sql.raw(`jsonb_build_object('dueOn', s.next_visit_due, 'gridId', s.grid_id)`);

/** The responsible grid workers of the person's grid (as the screening clock finds them). */
const workers = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT DISTINCT a.user_id, NULL::uuid, NULL, NULL, ${kind}, ${title(light)}, NULL::uuid, ${data},
         ${now.toISOString()}::timestamptz, 'special_population', s.id
    FROM s JOIN grid_assignments a ON a.grid_id = s.grid_id AND a.valid_to IS NULL AND a.user_id IS NOT NULL
     AND a.duty IN ('grid_worker_full', 'grid_worker_part')`;
const centre = (kind: string, now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, ${CENTRE_PATH}, 'dispatcher', ${kind}, ${title('red')}, NULL::uuid,
         ${data}, ${now.toISOString()}::timestamptz, 'special_population', s.id
    FROM s`;

export const visitPlanClock = registerClock({
  name: 'visits.plan',
  lights: {
    red: {
      subjects: (now) => due('red', 'visit_deadline', now),
      notices: (now) => sql`${workers('visits.overdue', 'red', now)} UNION ALL ${centre('visits.overdue', now)}`,
    },
    yellow: {
      subjects: (now) => due('yellow', 'visit_warn_at', now),
      notices: (now) => workers('visits.warning', 'yellow', now),
    },
  },
});

/** A plan's clock instants for its due day (the one rule, visit-plans.ts). */
export function planClock(dueDay: string): { visitWarnAt: Date; visitDeadline: Date } {
  const c = visitClock(dueDay);
  return { visitWarnAt: c.warnAt, visitDeadline: c.deadline };
}

/** The plan's light changes to come. */
export function planLights(c: { visitWarnAt: Date; visitDeadline: Date }): PendingLight[] {
  return [
    { stage: STAGE, light: 'yellow', at: c.visitWarnAt },
    { stage: STAGE, light: 'red', at: c.visitDeadline },
  ];
}
