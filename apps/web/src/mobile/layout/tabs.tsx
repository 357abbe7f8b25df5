import type { ReactNode } from 'react';
import {
  AuditOutlined,
  BulbOutlined,
  CheckCircleOutlined,
  CameraOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  CompassOutlined,
  FileTextOutlined,
  HeartOutlined,
  NotificationOutlined,
  ScheduleOutlined,
  SolutionOutlined,
} from '@ant-design/icons';
import type { ActorView } from '@gewu/domain';
import { isGridWorker, isHandler, isMediator } from '../api.ts';

export type TabKey =
  | 'report'
  | 'mine'
  | 'tasks'
  | 'verify'
  | 'screening'
  | 'disputes'
  | 'votes'
  | 'notices'
  | 'topics'
  | 'projects'
  | 'field'
  | 'volunteer';

export interface Tab {
  key: TabKey;
  path: string;
  icon: ReactNode;
}

const ALL: Record<TabKey, Tab> = {
  tasks: { key: 'tasks', path: '/m/tasks', icon: <ScheduleOutlined /> },
  verify: { key: 'verify', path: '/m/verify', icon: <CheckSquareOutlined /> },
  report: { key: 'report', path: '/m/report', icon: <CameraOutlined /> },
  mine: { key: 'mine', path: '/m/mine', icon: <FileTextOutlined /> },
  screening: { key: 'screening', path: '/m/screening', icon: <AuditOutlined /> },
  disputes: { key: 'disputes', path: '/m/disputes', icon: <SolutionOutlined /> },
  votes: { key: 'votes', path: '/m/votes', icon: <CheckCircleOutlined /> },
  notices: { key: 'notices', path: '/m/notices', icon: <NotificationOutlined /> },
  topics: { key: 'topics', path: '/m/topics', icon: <CommentOutlined /> },
  projects: { key: 'projects', path: '/m/projects', icon: <BulbOutlined /> },
  field: { key: 'field', path: '/m/field', icon: <CompassOutlined /> },
  volunteer: { key: 'volunteer', path: '/m/volunteer', icon: <HeartOutlined /> },
};

/**
 * Residents report and follow their reports; grid workers also work their tasks, verify on site and
 * file their grid's 排查 report each period, and go out on field work (外勤: 巡查, 隐患排查, 走访); handlers (who do not report) work their tasks; mediators
 * their disputes (我的纠纷), beside whatever else their other roles give them.
 */
export function tabsFor(user: ActorView): Tab[] {
  const disputes = isMediator(user) ? [ALL.disputes] : [];
  if (isGridWorker(user)) return [ALL.tasks, ALL.verify, ALL.report, ALL.mine, ALL.screening, ALL.field, ...disputes];
  if (isHandler(user)) return [ALL.tasks, ...disputes];
  if (disputes.length) return disputes;
  // Residents who own a unit vote on their estate's matters (业主表决); a resident also reads their
  // village's public notices (村(居)务公开) and asks about them, raises and supports its topics (议事协商),
  // proposes and follows its small livelihood projects (民生微实事), and volunteers (志愿: activities, 市民认领).
  return user.roles.includes('resident')
    ? [ALL.report, ALL.mine, ALL.votes, ALL.notices, ALL.topics, ALL.projects, ALL.volunteer]
    : [ALL.report, ALL.mine, ALL.votes];
}

/** The tab a path belongs to (/m/mine/123 → mine). */
export function tabOf(pathname: string): TabKey | null {
  const seg = pathname.split('/')[2] ?? '';
  return seg in ALL ? (seg as TabKey) : null;
}

/** 外勤's pages, each under /m/field/<key> with its title and description at mobile.field.<key>. */
export const FIELD_PAGES = ['patrol', 'inspections', 'visits'] as const;
export type FieldPageKey = (typeof FIELD_PAGES)[number];

/** The 外勤 page a path belongs to (/m/field/patrol → patrol), if any. */
export function fieldPageOf(pathname: string): FieldPageKey | undefined {
  const [, m, tab, page] = pathname.split('/');
  return m === 'm' && tab === 'field' ? FIELD_PAGES.find((k) => k === page) : undefined;
}

/** A detail page (/m/<tab>/<id>) shows a back arrow to its list. */
export function isDetailPath(pathname: string): boolean {
  return pathname.split('/').filter(Boolean).length >= 3;
}
