import { sql } from 'drizzle-orm';
import { centrePathSql } from '@gewu/domain';
import { type PendingLight, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';

/*
 * A 民生微实事 project's implementation due date on the clock engine (platform/clocks) as the kind
 * `projects.implementation`: subject the project. Yellow at 80 % of the way from the start of the
 * implementation to the end of its due date reminds the village's cadres; red (due date passed, not
 * accepted) tells them and the township's centre. A project accepted before then is left alone.
 */

const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', `'village'`));
const STAGE = 'implementation';

const due = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT p.id, p.title, p.region_path, p.due_on FROM due
        JOIN micro_projects p ON p.id = due.subject_id AND p.state = 'implementing'
         AND ${lightReachedSql(light, sql.raw(`p.${column}`), now)}`;

const title = (light: 'yellow' | 'red') =>
  sql.raw(
    light === 'red' ? `'民生微实事“' || s.title || '”已超过完成期限'` : `'民生微实事“' || s.title || '”即将到完成期限'`,
  );
const data = sql.raw(`jsonb_build_object('dueOn', s.due_on)`);

const cadres = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, s.region_path, 'village_cadre', ${kind}, ${title(light)}, NULL::uuid, ${data},
         ${now.toISOString()}::timestamptz, 'micro_project', s.id
    FROM s`;
const centre = (kind: string, now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, ${CENTRE_PATH}, 'dispatcher', ${kind}, ${title('red')}, NULL::uuid,
         ${data}, ${now.toISOString()}::timestamptz, 'micro_project', s.id
    FROM s`;

export const projectImplementationClock = registerClock({
  name: 'projects.implementation',
  lights: {
    red: {
      subjects: (now) => due('red', 'due_at', now),
      notices: (now) => sql`${cadres('projects.overdue', 'red', now)} UNION ALL ${centre('projects.overdue', now)}`,
    },
    yellow: {
      subjects: (now) => due('yellow', 'warn_at', now),
      notices: (now) => cadres('projects.warning', 'yellow', now),
    },
  },
});

/** The implementation's light changes. */
export function implementationLights(c: { warnAt: Date; dueAt: Date }): PendingLight[] {
  return [
    { stage: STAGE, light: 'yellow', at: c.warnAt },
    { stage: STAGE, light: 'red', at: c.dueAt },
  ];
}
