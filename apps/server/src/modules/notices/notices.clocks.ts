import { centrePathSql } from '@gewu/domain';
import { type SQL, sql } from 'drizzle-orm';
import { lightReachedSql, registerClock } from '../../platform/clocks/index.ts';
import { rolesThat } from './notices.policy.ts';

/*
 * Two clocks on the engine (platform/clocks):
 * - `notice.due`: a board's periodic duty per category (art. 30), subject = the schedule row, stage = the
 *   category; yellow NOTICE_WARN_DAYS before the due date, red past 24:00 of it. Restarted by every
 *   publication in the category (notices.repository).
 * - `notice.inquiry`: a 质询's answer within NOTICE_INQUIRY_ANSWER_LIMIT, subject = the inquiry, stage
 *   'answer'; stopped by the answer.
 * Who is told: every role holding the action (`notice.publish` for the schedule, `notice.answer` for
 * questions), at the village itself and at the township's centre over it; a village cadre's accounts
 * sit at their village, so the cadres are told at the village only.
 */

const CENTRE_PATH = centrePathSql('s.region_path', `'village'`);
const CATEGORY_NAME = `CASE s.stage WHEN 'party' THEN '党务' WHEN 'village' THEN '村务' ELSE '财务' END`;

function staffNotices(roles: readonly string[], kind: string, subjectKind: string, title: string, now: Date): SQL {
  const roleRows = roles.map((r) => `('${r.replace(/'/g, '')}')`).join(', ');
  return sql`SELECT NULL::uuid, NULL::uuid, p.path, r.role, ${kind}, ${sql.raw(title)}, NULL::uuid, jsonb_build_object('regionName', s.region_name), ${now.toISOString()}::timestamptz, ${subjectKind}, s.id
    FROM s CROSS JOIN LATERAL (VALUES (s.region_path), (${sql.raw(CENTRE_PATH)})) AS p(path)
    CROSS JOIN (VALUES ${sql.raw(roleRows)}) AS r(role)
    WHERE p.path = s.region_path OR r.role <> 'village_cadre'`;
}

const dueSubjects = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT n.id, n.category AS stage, n.region_path, n.due_on, (SELECT name FROM regions WHERE regions.id = n.region_id) AS region_name
    FROM due JOIN notice_schedules n ON n.id = due.subject_id AND n.category = due.stage AND ${lightReachedSql(light, sql.raw(`n.${column}`), now)}`;

const dueTitle = (light: 'yellow' | 'red') =>
  light === 'red'
    ? `s.region_name || '：' || ${CATEGORY_NAME} || '公开已逾期（应于 ' || s.due_on::text || ' 前公开）'`
    : `s.region_name || '：' || ${CATEGORY_NAME} || '公开将于 ' || s.due_on::text || ' 到期'`;

export const noticeDueClock = registerClock({
  name: 'notice.due',
  lights: {
    red: {
      subjects: (now) => dueSubjects('red', 'deadline', now),
      notices: (now) =>
        staffNotices(rolesThat('notice.publish'), 'notice.overdue', 'notice_board', dueTitle('red'), now),
    },
    yellow: {
      subjects: (now) => dueSubjects('yellow', 'warn_at', now),
      notices: (now) =>
        staffNotices(rolesThat('notice.publish'), 'notice.due', 'notice_board', dueTitle('yellow'), now),
    },
  },
});

const inquirySubjects = (light: 'yellow' | 'red', column: string, now: Date) =>
  sql`SELECT q.id, q.region_path, (SELECT r.name FROM regions r WHERE r.path = q.region_path) AS region_name
    FROM due JOIN notice_inquiries q ON q.id = due.subject_id AND q.answered_at IS NULL AND ${lightReachedSql(light, sql.raw(`q.${column}`), now)}`;

const inquiryTitle = (light: 'yellow' | 'red') =>
  light === 'red' ? `s.region_name || '：村民质询逾期未答复'` : `s.region_name || '：村民质询即将到期，请及时答复'`;

export const noticeInquiryClock = registerClock({
  name: 'notice.inquiry',
  lights: {
    red: {
      subjects: (now) => inquirySubjects('red', 'deadline', now),
      notices: (now) =>
        staffNotices(rolesThat('notice.answer'), 'notice.inquiry_overdue', 'notice_inquiry', inquiryTitle('red'), now),
    },
    yellow: {
      subjects: (now) => inquirySubjects('yellow', 'warn_at', now),
      notices: (now) =>
        staffNotices(rolesThat('notice.answer'), 'notice.inquiry_due', 'notice_inquiry', inquiryTitle('yellow'), now),
    },
  },
});
