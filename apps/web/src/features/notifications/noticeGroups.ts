import { type Action, CASE_ACTIONS, type CaseAction } from '@gewu/domain';
import type { NotificationView } from './api.ts';

/**
 * A burst of notifications of one kind — each arriving less than this long after the one before —
 * makes one pop-up instead of one per notification (a dispatcher getting twenty reports at once
 * sees "新上报 20 件"). The pop-up closes this long after the burst's last notification.
 */
export const NOTICE_WINDOW_MS = 8_000;

/** A notification as the live stream delivered it, with the moment it arrived (ms). */
export interface Arrival {
  notice: NotificationView;
  at: number;
}

/** The kinds with a wording of their own (cases.notices.kinds.*); other case kinds take their event's name. */
const NOTICE_KINDS = ['reported', 'supplement', 'warning', 'overdue', 'rectify_due', 'dispatch', 'escalate'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** What a group is called: its own wording, the name of the case event it announces, or plain 新消息. */
export type NoticeLabel = { kind: NoticeKind } | { event: CaseAction } | 'other';

/** One pop-up: the open burst of one kind. */
export interface NoticeGroup {
  kind: string;
  label: NoticeLabel;
  count: number;
  /** The burst's newest notification (its title stands for the group). */
  latest: NotificationView;
  /** Where 查看 leads. */
  target: string;
  /** The arrivals the group is made of, oldest first. */
  arrivals: Arrival[];
}

/**
 * The page that lists what a kind of notification is about, for each page the person may open
 * (first that fits). New reports wait in the queue's first tab, returned/reopened/escalated cases
 * in 待派遣, requests in 待审批; lights are for supervision (the centre) or the unit's tasks.
 */
const KIND_PAGES: Record<string, readonly (readonly [path: string, action: Action])[]> = {
  'case.reported': [['/cases', 'case.centre']],
  'case.return': [['/cases?tab=accepted', 'case.centre']],
  'case.reopen': [['/cases?tab=accepted', 'case.centre']],
  'case.escalate': [['/cases?tab=accepted', 'case.centre']],
  'case.request_extension': [['/cases?tab=approval', 'case.centre']],
  'case.request_suspension': [['/cases?tab=approval', 'case.centre']],
  'case.dispatch': [['/tasks', 'case.handle']],
  'case.warning': [
    ['/supervision', 'case.supervise'],
    ['/tasks', 'case.handle'],
  ],
  'case.overdue': [
    ['/supervision', 'case.supervise'],
    ['/tasks', 'case.handle'],
  ],
  'case.rectify_due': [
    ['/supervision', 'case.supervise'],
    ['/tasks', 'case.handle'],
  ],
};

/** The inbox lists everything, for anyone with a bell. */
const INBOX = '/inbox';

function labelOf(kind: string): NoticeLabel {
  const name = kind.startsWith('case.') ? kind.slice('case.'.length) : null;
  if (name === null) return 'other';
  if ((NOTICE_KINDS as readonly string[]).includes(name)) return { kind: name as NoticeKind };
  if ((CASE_ACTIONS as readonly string[]).includes(name)) return { event: name as CaseAction };
  return 'other';
}

/** One notification opens its case; several open the page listing their kind, or the inbox. */
function targetOf(kind: string, burst: readonly Arrival[], can: (action: Action) => boolean): string {
  const only = burst.length === 1 ? burst[0]?.notice : undefined;
  if (only?.caseId) return `/cases/${only.caseId}`;
  const page = KIND_PAGES[kind]?.find(([, action]) => can(action));
  return page ? page[0] : INBOX;
}

/**
 * The pop-ups to show at `now`: for every kind, its latest burst (arrivals each less than `windowMs`
 * after the previous one of that kind), if the burst's last arrival is less than `windowMs` ago.
 * Newest group first. `can` says which pages the person may open (for 查看).
 */
export function groupNotices(
  arrivals: readonly Arrival[],
  now: number,
  can: (action: Action) => boolean,
  windowMs = NOTICE_WINDOW_MS,
): NoticeGroup[] {
  const byKind = new Map<string, Arrival[]>();
  for (const a of [...arrivals].sort((x, y) => x.at - y.at)) {
    const burst = byKind.get(a.notice.kind);
    const last = burst?.at(-1);
    if (burst && last && a.at - last.at < windowMs) burst.push(a);
    else byKind.set(a.notice.kind, [a]);
  }
  const groups: NoticeGroup[] = [];
  for (const [kind, burst] of byKind) {
    const last = burst.at(-1);
    if (!last || now - last.at >= windowMs) continue;
    groups.push({
      kind,
      label: labelOf(kind),
      count: burst.length,
      latest: last.notice,
      target: targetOf(kind, burst, can),
      arrivals: burst,
    });
  }
  return groups.sort((x, y) => (y.arrivals.at(-1)?.at ?? 0) - (x.arrivals.at(-1)?.at ?? 0));
}

/** The translation keys a pop-up's text uses. */
export type NoticeTextKey =
  | `cases.notices.kinds.${NoticeKind}`
  | `cases.events.${CaseAction}`
  | 'cases.notices.count'
  | 'cases.notices.other'
  | 'cases.notices.latest';
export type Translate = (key: NoticeTextKey, values?: Record<string, string | number>) => string;

/**
 * A pop-up's text: one notification reads as itself (its title and body); several read as
 * "新上报 5 件" with the newest one's title below.
 */
export function noticeText(group: NoticeGroup, t: Translate): { title: string; description: string | null } {
  if (group.count === 1) return { title: group.latest.title, description: group.latest.body };
  const { label } = group;
  const title =
    label === 'other'
      ? t('cases.notices.other', { count: group.count })
      : t('cases.notices.count', {
          label: 'kind' in label ? t(`cases.notices.kinds.${label.kind}`) : t(`cases.events.${label.event}`),
          count: group.count,
        });
  return { title, description: t('cases.notices.latest', { title: group.latest.title }) };
}
