import type { ReactNode } from 'react';
import type { Action } from '@gewu/domain';
import { INBOX_ACTIONS } from './session.ts';
import {
  AimOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BulbOutlined,
  CompassOutlined,
  ContactsOutlined,
  FieldTimeOutlined,
  FileSearchOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  ScheduleOutlined,
  BarChartOutlined,
  CalendarOutlined,
  CheckCircleOutlined,
  CarryOutOutlined,
  CommentOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  FundOutlined,
  NotificationOutlined,
  HomeOutlined,
  IdcardOutlined,
  InboxOutlined,
  KeyOutlined,
  MessageOutlined,
  OrderedListOutlined,
  PieChartOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  WarningOutlined,
  SafetyOutlined,
  UsergroupAddOutlined,
  HeartOutlined,
  FlagOutlined,
} from '@ant-design/icons';

export type NavKey =
  | 'home'
  | 'cases'
  | 'reception'
  | 'tasks'
  | 'supervision'
  | 'caseStats'
  | 'petitions'
  | 'screening'
  | 'riskMeetings'
  | 'disputeStats'
  | 'fieldStats'
  | 'disputes'
  | 'deliberation'
  | 'topics'
  | 'inbox'
  | 'items'
  | 'grids'
  | 'residents'
  | 'houses'
  | 'special'
  | 'imports'
  | 'stats'
  | 'regions'
  | 'users'
  | 'workCalendar'
  | 'units'
  | 'apiKeys'
  | 'audit'
  | 'account'
  | 'votes'
  | 'notices'
  | 'projects'
  | 'inspections'
  | 'inspectionTemplates'
  | 'visitPlans'
  | 'visits'
  | 'visitIntervals'
  | 'patrolNorm'
  | 'keyPlaces'
  | 'forcesTeams'
  | 'forcesVolunteers'
  | 'forcesActivities'
  | 'forcesClaims';

export interface NavItem {
  key: NavKey;
  path: string;
  labelKey: `menu.${NavKey}`;
  icon: ReactNode;
  /** The action the menu entry (and its route) needs — any one of a list; none means every signed-in user. */
  action?: Action | readonly Action[];
  /** Entries of one group (consecutive in NAV_ITEMS) open under one submenu, labelled `menu.groups.<group>`. */
  group?: NavGroup;
}

export type NavGroup = 'field' | 'forces';
export const NAV_GROUP_ICONS: Record<NavGroup, ReactNode> = {
  field: <CompassOutlined />,
  forces: <SafetyOutlined />,
};

/** Business screens first, then the system's own (regions, accounts, audit). */
export const NAV_ITEMS: readonly NavItem[] = [
  { key: 'home', path: '/', labelKey: 'menu.home', icon: <HomeOutlined /> },
  { key: 'cases', path: '/cases', labelKey: 'menu.cases', icon: <InboxOutlined />, action: 'case.centre' },
  {
    key: 'reception',
    path: '/reception',
    labelKey: 'menu.reception',
    icon: <SolutionOutlined />,
    action: 'reception.read',
  },
  { key: 'tasks', path: '/tasks', labelKey: 'menu.tasks', icon: <CheckSquareOutlined />, action: 'case.handle' },
  {
    key: 'supervision',
    path: '/supervision',
    labelKey: 'menu.supervision',
    icon: <AlertOutlined />,
    action: 'case.supervise',
  },
  {
    key: 'petitions',
    path: '/petitions',
    labelKey: 'menu.petitions',
    icon: <SolutionOutlined />,
    action: 'petition.read',
  },
  {
    key: 'disputes',
    path: '/disputes',
    labelKey: 'menu.disputes',
    icon: <SolutionOutlined />,
    action: 'dispute.read',
  },
  { key: 'caseStats', path: '/case-stats', labelKey: 'menu.caseStats', icon: <FundOutlined />, action: 'case.read' },
  {
    key: 'screening',
    path: '/screening',
    labelKey: 'menu.screening',
    icon: <SafetyCertificateOutlined />,
    action: 'screening.read',
  },
  {
    key: 'riskMeetings',
    path: '/risk-meetings',
    labelKey: 'menu.riskMeetings',
    icon: <TeamOutlined />,
    action: 'screening.read',
  },
  {
    key: 'disputeStats',
    path: '/dispute-figures',
    labelKey: 'menu.disputeStats',
    icon: <PieChartOutlined />,
    action: 'dispute.read',
  },
  {
    key: 'fieldStats',
    path: '/field-stats',
    labelKey: 'menu.fieldStats',
    icon: <CompassOutlined />,
    action: 'patrol.read',
  },
  {
    key: 'deliberation',
    path: '/deliberation',
    labelKey: 'menu.deliberation',
    icon: <CarryOutOutlined />,
    action: 'deliberation.read',
  },
  {
    key: 'topics',
    path: '/topics',
    labelKey: 'menu.topics',
    icon: <CommentOutlined />,
    action: 'deliberation.read',
  },
  {
    key: 'notices',
    path: '/notices',
    labelKey: 'menu.notices',
    icon: <NotificationOutlined />,
    action: 'notice.publish',
  },
  {
    key: 'projects',
    path: '/projects',
    labelKey: 'menu.projects',
    icon: <BulbOutlined />,
    action: 'deliberation.read',
  },
  {
    key: 'forcesTeams',
    path: '/forces/teams',
    labelKey: 'menu.forcesTeams',
    icon: <FlagOutlined />,
    action: 'forces.read',
    group: 'forces',
  },
  {
    key: 'forcesVolunteers',
    path: '/forces/volunteers',
    labelKey: 'menu.forcesVolunteers',
    icon: <UsergroupAddOutlined />,
    action: 'forces.read',
    group: 'forces',
  },
  {
    key: 'forcesActivities',
    path: '/forces/activities',
    labelKey: 'menu.forcesActivities',
    icon: <ScheduleOutlined />,
    action: 'forces.read',
    group: 'forces',
  },
  {
    key: 'forcesClaims',
    path: '/forces/claims',
    labelKey: 'menu.forcesClaims',
    icon: <HeartOutlined />,
    action: 'forces.read',
    group: 'forces',
  },
  { key: 'votes', path: '/votes', labelKey: 'menu.votes', icon: <CheckCircleOutlined />, action: 'vote.manage' },
  { key: 'inbox', path: '/inbox', labelKey: 'menu.inbox', icon: <MessageOutlined />, action: INBOX_ACTIONS },
  { key: 'items', path: '/items', labelKey: 'menu.items', icon: <OrderedListOutlined />, action: 'item.read' },
  { key: 'grids', path: '/grids', labelKey: 'menu.grids', icon: <EnvironmentOutlined />, action: 'grid.read' },
  { key: 'residents', path: '/residents', labelKey: 'menu.residents', icon: <IdcardOutlined />, action: 'person.read' },
  { key: 'houses', path: '/houses', labelKey: 'menu.houses', icon: <ShopOutlined />, action: 'person.read' },
  {
    key: 'special',
    path: '/special',
    labelKey: 'menu.special',
    icon: <WarningOutlined />,
    action: 'special_population.read',
  },
  // 外勤 (field work): what the grid workers did outside, read and followed up at the township centre's desk.
  {
    key: 'inspections',
    path: '/inspections',
    labelKey: 'menu.inspections',
    icon: <FileSearchOutlined />,
    action: 'inspection.read',
    group: 'field',
  },
  {
    key: 'inspectionTemplates',
    path: '/inspection-templates',
    labelKey: 'menu.inspectionTemplates',
    icon: <ProfileOutlined />,
    action: ['inspection.read', 'inspection.template_manage'],
    group: 'field',
  },
  {
    key: 'visitPlans',
    path: '/visit-plans',
    labelKey: 'menu.visitPlans',
    icon: <ScheduleOutlined />,
    action: 'special_population.read',
    group: 'field',
  },
  {
    key: 'visits',
    path: '/visits',
    labelKey: 'menu.visits',
    icon: <ContactsOutlined />,
    action: 'special_population.read',
    group: 'field',
  },
  {
    key: 'visitIntervals',
    path: '/visit-intervals',
    labelKey: 'menu.visitIntervals',
    icon: <FieldTimeOutlined />,
    action: 'visit_plan.configure',
    group: 'field',
  },
  {
    key: 'patrolNorm',
    path: '/patrol-norm',
    labelKey: 'menu.patrolNorm',
    icon: <ReconciliationOutlined />,
    action: 'patrol.norm_manage',
    group: 'field',
  },
  {
    key: 'keyPlaces',
    path: '/key-places',
    labelKey: 'menu.keyPlaces',
    icon: <AimOutlined />,
    action: 'key_place.configure',
    group: 'field',
  },
  { key: 'imports', path: '/imports', labelKey: 'menu.imports', icon: <CloudUploadOutlined />, action: 'base.import' },
  { key: 'stats', path: '/stats', labelKey: 'menu.stats', icon: <BarChartOutlined />, action: 'stats.read' },
  { key: 'regions', path: '/regions', labelKey: 'menu.regions', icon: <ApartmentOutlined />, action: 'region.read' },
  { key: 'users', path: '/users', labelKey: 'menu.users', icon: <TeamOutlined />, action: 'user.read' },
  {
    key: 'workCalendar',
    path: '/setup/calendar',
    labelKey: 'menu.workCalendar',
    icon: <CalendarOutlined />,
    action: 'calendar.manage',
  },
  { key: 'units', path: '/setup/units', labelKey: 'menu.units', icon: <ClusterOutlined />, action: 'unit.manage' },
  { key: 'apiKeys', path: '/setup/api-keys', labelKey: 'menu.apiKeys', icon: <KeyOutlined />, action: 'apikey.manage' },
  { key: 'audit', path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, action: 'audit.read' },
  { key: 'account', path: '/account', labelKey: 'menu.account', icon: <SettingOutlined /> },
];

/** The nav item whose path matches the current location (longest match wins). */
export function activeNavKey(pathname: string): string {
  const match = NAV_ITEMS.filter((i) => i.path !== '/' && pathname.startsWith(i.path));
  return match[0]?.key ?? 'home';
}
