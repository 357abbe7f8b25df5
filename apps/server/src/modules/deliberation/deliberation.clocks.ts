import { sql } from 'drizzle-orm';
import { centrePathSql } from '@gewu/domain';
import { type PendingLight, lightReachedSql, registerClock } from '../../platform/clocks/index.ts';

/*
 * A publication's deadline (决议公开, 实施结果公开) on the clock engine (platform/clocks) as the kind
 * `deliberation.stage`: subject the matter, stage the publication. Yellow at 80 % of the way from the
 * stage's opening to its due time reminds the village's cadres; red (due time passed, not published)
 * tells them and the township's centre. A stage published before then is left alone (its status moved).
 */

/** The township centre over the village (the same rule as a village case's centre). */
const CENTRE_PATH = sql.raw(centrePathSql('s.region_path', `'village'`));

const COLUMNS = sql.raw('m.id, m.title, m.region_path, s.stage AS stage, s.due_at');

const due = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT ${COLUMNS} FROM due
        JOIN deliberation_stages s ON s.matter_id = due.subject_id AND s.stage = due.stage AND s.status = 'open'
         AND ${lightReachedSql(light, sql.raw(`s.${column}`), now)}
        JOIN deliberation_matters m ON m.id = s.matter_id`;

const STAGE_NAME = `CASE s.stage WHEN 'resolution_notice' THEN '决议公开' ELSE '实施结果公开' END`;
const title = (light: 'yellow' | 'red') =>
  sql.raw(
    light === 'red'
      ? `s.title || '：' || ${STAGE_NAME} || '已逾期'`
      : `s.title || '：' || ${STAGE_NAME} || '即将到期，请及时公开'`,
  );
const data = sql.raw(`jsonb_build_object('stage', s.stage, 'dueAt', s.due_at)`);

const cadres = (kind: string, light: 'yellow' | 'red', now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, s.region_path, 'village_cadre', ${kind}, ${title(light)}, NULL::uuid, ${data},
         ${now.toISOString()}::timestamptz, 'deliberation_matter', s.id
    FROM s`;
const centre = (kind: string, now: Date) => sql`
  SELECT NULL::uuid, NULL::uuid, ${CENTRE_PATH}, 'dispatcher', ${kind}, ${title('red')}, NULL::uuid,
         ${data}, ${now.toISOString()}::timestamptz, 'deliberation_matter', s.id
    FROM s`;

export const deliberationStageClock = registerClock({
  name: 'deliberation.stage',
  lights: {
    red: {
      subjects: (now) => due('red', 'due_at', now),
      notices: (now) =>
        sql`${cadres('deliberation.overdue', 'red', now)} UNION ALL ${centre('deliberation.overdue', now)}`,
    },
    yellow: {
      subjects: (now) => due('yellow', 'warn_at', now),
      notices: (now) => cadres('deliberation.warning', 'yellow', now),
    },
  },
});

/** A publication stage's light changes. */
export function publicationLights(stage: string, c: { warnAt: Date; dueAt: Date }): PendingLight[] {
  return [
    { stage, light: 'yellow', at: c.warnAt },
    { stage, light: 'red', at: c.dueAt },
  ];
}
