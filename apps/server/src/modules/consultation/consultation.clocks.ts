import { centrePathSql } from '@gewu/domain';
import { type SQL, sql } from 'drizzle-orm';
import { lightReachedSql, registerClock } from '../../platform/clocks/index.ts';

/*
 * Two clocks on the engine (platform/clocks), subject = the topic:
 * - `topic.response` (stage 'response'): a raised topic is taken up or declined within the village's
 *   response limit (DEFAULT_TOPIC_RESPONSE_DAYS); stopped by either.
 * - `topic.implementation` (stage 'implementation'): an agreed topic's plan is carried out by its due
 *   date (yellow TOPIC_IMPLEMENTATION_WARN_DAYS before); stopped by the implementation record.
 * Who is told: the village's cadres at the village, and the township centre (dispatcher) over it.
 */

const CENTRE_PATH = centrePathSql('s.region_path', `'village'`);

function staffNotices(kind: string, title: string, now: Date): SQL {
  return sql`SELECT NULL::uuid, NULL::uuid, p.path, p.role, ${kind}, ${sql.raw(title)}, NULL::uuid, jsonb_build_object('topicId', s.id), ${now.toISOString()}::timestamptz, 'consultation_topic', s.id
    FROM s CROSS JOIN LATERAL (VALUES (s.region_path, 'village_cadre'), (${sql.raw(CENTRE_PATH)}, 'dispatcher')) AS p(path, role)`;
}

const subjects = (state: string, column: string, light: 'yellow' | 'red', now: Date) =>
  sql`SELECT t.id, t.region_path, t.title, (SELECT name FROM regions WHERE regions.id = t.region_id) AS region_name
    FROM due JOIN consultation_topics t ON t.id = due.subject_id AND t.state = ${state} AND ${lightReachedSql(light, sql.raw(`t.${column}`), now)}`;

export const topicResponseClock = registerClock({
  name: 'topic.response',
  lights: {
    red: {
      subjects: (now) => subjects('raised', 'response_deadline', 'red', now),
      notices: (now) =>
        staffNotices('topic.response_overdue', `s.region_name || '：居民议题逾期未答复：' || s.title`, now),
    },
    yellow: {
      subjects: (now) => subjects('raised', 'response_warn_at', 'yellow', now),
      notices: (now) =>
        staffNotices(
          'topic.response_due',
          `s.region_name || '：居民议题即将到期，请受理或说明不予受理理由：' || s.title`,
          now,
        ),
    },
  },
});

export const topicImplementationClock = registerClock({
  name: 'topic.implementation',
  lights: {
    red: {
      subjects: (now) => subjects('implementing', 'implementation_deadline', 'red', now),
      notices: (now) =>
        staffNotices('topic.implementation_overdue', `s.region_name || '：议定事项逾期未落实：' || s.title`, now),
    },
    yellow: {
      subjects: (now) => subjects('implementing', 'implementation_warn_at', 'yellow', now),
      notices: (now) =>
        staffNotices('topic.implementation_due', `s.region_name || '：议定事项即将到期：' || s.title`, now),
    },
  },
});
