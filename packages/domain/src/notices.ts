import type { TimeLimit } from './calendar.ts';
import { addDays } from './screening.ts';

/*
 * 村(居)务公开: what a village or community publishes and how often, by 村民委员会组织法 art. 30 (and
 * 城市居民委员会组织法 art. 10 for communities, which follows it in practice): "村民委员会实行村务公开制度
 * … 一般事项至少每季度公开一次；集体财务往来较多的，财务收支情况应当每月公开一次；涉及村民利益的重大
 * 事项应当随时公开". The rules here are pure and dated in local calendar days (YYYY-MM-DD); the server
 * turns a due date into clock instants with `noticeDueInstants`.
 */

/** The categories of a public notice (公开栏目): 党务, 村务, 财务, 决议, 实施结果. */
export const NOTICE_CATEGORIES = ['party', 'village', 'finance', 'resolution', 'result'] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

/** The categories' Chinese names (also the names another module may call publishFromRecord with). */
export const NOTICE_CATEGORY_NAMES: Record<NoticeCategory, string> = {
  party: '党务',
  village: '村务',
  finance: '财务',
  resolution: '决议',
  result: '实施结果',
};

/** A village's own publication setting (art. 30: monthly finances only "where there are many transactions"). */
export interface NoticeBoardSettings {
  /** 集体财务往来较多: the finances are then published monthly, else with the ordinary items (quarterly). */
  manyFinanceTransactions: boolean;
}

/**
 * How often a category must be published:
 * - `quarter`: at least once in every calendar quarter (art. 30, 一般事项至少每季度公开一次);
 * - `month`: at least once in every calendar month (art. 30, 财务往来较多的每月公开);
 * - `at_once`: a major matter, within `days` days after the decision (art. 30, 重大事项随时公开) — no
 *   periodic duty, a due date only from a decision.
 */
export type NoticeCadence = { kind: 'quarter' } | { kind: 'month' } | { kind: 'at_once'; days: number };

/**
 * "随时公开" written as a number: a major matter's resolution (决议) or its implementation result (实施
 * 结果) is published within 5 days of the decision or of the result. The law says "at once"; 5 natural
 * days is the short limit local 四议两公开 rules commonly write (a deployment may change it here).
 */
export const MAJOR_MATTER_PUBLICATION_DAYS = 5;

/** The categories with a periodic duty (their schedule runs on the clock engine). */
export const PERIODIC_NOTICE_CATEGORIES = ['party', 'village', 'finance'] as const satisfies readonly NoticeCategory[];
export type PeriodicNoticeCategory = (typeof PERIODIC_NOTICE_CATEGORIES)[number];

/** The cadence of a category for a village (art. 30). */
export function noticeCadence(category: NoticeCategory, settings: NoticeBoardSettings): NoticeCadence {
  if (category === 'resolution' || category === 'result')
    return { kind: 'at_once', days: MAJOR_MATTER_PUBLICATION_DAYS };
  if (category === 'finance' && settings.manyFinanceTransactions) return { kind: 'month' };
  return { kind: 'quarter' };
}

/**
 * Days before the due date the yellow light comes on: half a month for a quarterly duty, five days for
 * a monthly one, two days for a major matter (the last days of its short limit).
 */
export const NOTICE_WARN_DAYS: Record<NoticeCadence['kind'], number> = { quarter: 15, month: 5, at_once: 2 };

const parse = (date: string) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new RangeError(`invalid date ${date}`);
  return { y: Number(m[1]), m: Number(m[2]) };
};
const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The last day of month `m` (1–12) of year `y`, leap Februaries included. */
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * The clock instants of a due date (YYYY-MM-DD, inclusive) in a place `utcOffsetMinutes` east of UTC,
 * for the shared light rule: the deadline is 24:00 local of the due date (red once past it), the yellow
 * light from 00:00 local `warnDays` days before. Notices, 议事协商 implementations and visit plans use it.
 */
export function dueDayClock(
  dueOn: string,
  warnDays: number,
  utcOffsetMinutes: number,
): { warnAt: Date; deadline: Date } {
  const midnight = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * 60_000);
  return { warnAt: midnight(addDays(dueOn, -warnDays)), deadline: midnight(addDays(dueOn, 1)) };
}

/**
 * The last day of the calendar period (`month` or `quarter`) `ahead` periods after the one holding
 * `date` (0: that period itself).
 */
export function periodEndOn(date: string, unit: 'month' | 'quarter', ahead = 0): string {
  const { y, m } = parse(date);
  const size = unit === 'month' ? 1 : 3;
  // The period's last month, counted from January of year y (0-based), then moved ahead.
  const last = Math.floor((m - 1) / size) * size + size - 1 + ahead * size;
  const year = y + Math.floor(last / 12);
  const month = (last % 12) + 1;
  return iso(year, month, lastDayOf(year, month));
}

/**
 * The day by which a periodic category must next be published (inclusive): every calendar period
 * must hold a publication, so after one published on `lastPublishedOn` the next is due by the end of
 * the following period; a village that has not yet published in the category owes one by the end of
 * the current period (`today`'s). Null for a major matter (no periodic duty: see `decisionPublicationDueOn`).
 */
export function noticeDueOn(
  category: NoticeCategory,
  lastPublishedOn: string | null,
  today: string,
  settings: NoticeBoardSettings,
): string | null {
  const cadence = noticeCadence(category, settings);
  if (cadence.kind === 'at_once') return null;
  return lastPublishedOn === null ? periodEndOn(today, cadence.kind) : periodEndOn(lastPublishedOn, cadence.kind, 1);
}

/** The day by which a major matter's resolution or result must be published, from the day of the decision or result. */
export function decisionPublicationDueOn(decidedOn: string): string {
  return addDays(decidedOn, MAJOR_MATTER_PUBLICATION_DAYS);
}

/**
 * Overdue, defined once: a publication is overdue from the day after its due date (the due date
 * itself is still in time). `noticeDueInstants` gives the same boundary as an instant for the lights.
 */
export function isNoticeOverdue(dueOn: string, today: string): boolean {
  return today > dueOn;
}

/**
 * The clock instants of a due date in a place `utcOffsetMinutes` east of UTC: the deadline is 24:00
 * local of the due date (red once past it, the light rule's boundary matching `isNoticeOverdue`), the
 * yellow light from 00:00 local `NOTICE_WARN_DAYS` days before the due date.
 */
export function noticeDueInstants(
  dueOn: string,
  cadence: NoticeCadence['kind'],
  utcOffsetMinutes: number,
): { warnAt: Date; deadline: Date } {
  return dueDayClock(dueOn, NOTICE_WARN_DAYS[cadence], utcOffsetMinutes);
}

/**
 * 质询: a resident's question about a notice is answered within 10 natural days (村务监督委员会/村民委员会
 * 答复; local 村务公开 rules set 7–15 days; 村民委员会组织法 art. 31: when items are not published or are
 * untrue, villagers may turn to the township, which must check and have them published). Counted on the clock engine; past it the answer is overdue
 * and the township sees it.
 */
export const NOTICE_INQUIRY_ANSWER_LIMIT: TimeLimit = { amount: 10, unit: 'natural_days' };

/** A notice's and a question's limits, checked on the phone before sending (notices-contracts.ts builds its schemas from them). */
export const NOTICE_LIMITS = {
  titleMin: 2,
  titleMax: 100,
  bodyMax: 20_000,
  attachmentsMax: 9,
  reasonMin: 2,
  reasonMax: 500,
  questionMin: 2,
  questionMax: 1000,
  answerMin: 2,
  answerMax: 4000,
} as const;
