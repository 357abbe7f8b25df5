import type { DisputeAction } from './disputes-events.ts';

/**
 * 排查 (periodic screening of disputes) and 风险研判 meetings. Every grid reports, for each period, the
 * disputes its grid worker found — or, finding none, says so in an explicit zero report (零报告): a
 * report, not the absence of one. The township's centre sees which grids reported, reported zero or
 * have not reported; a report still missing when its period's report falls due raises a notice (the
 * clock engine's `screening.report` kind). 风险研判 meetings record the disputes discussed and what was
 * decided for each; a decision that changes a dispute goes through the dispute's own life (DISPUTE_LIFE).
 *
 * Sources: 《河南省社会治理条例》(2025): the grassroots platform runs “矛盾纠纷排查化解”; 《无锡市社会治理促进
 * 条例（草案）》 art. 44 (“全面掌握社情民意和矛盾纠纷情况，加强综合分析、动态研判和预警处置”) and art. 52(6)
 * (“定期排查、及时化解婚姻家庭矛盾、邻里关系纠纷等”); 粤平安's 风险研判 step (domain.md "Disputes").
 */

/** How often grids report: monthly (每月), by ten-day period (每旬: 1–10, 11–20, 21–end), weekly (每周, Mon–Sun). */
export const SCREENING_PERIOD_KINDS = ['month', 'dekad', 'week'] as const;
export type ScreeningPeriodKind = (typeof SCREENING_PERIOD_KINDS)[number];

export const SCREENING_PERIOD_LABELS: Record<ScreeningPeriodKind, string> = {
  month: '每月',
  dekad: '每旬',
  week: '每周',
};

/**
 * The schedule a township has unless its centre sets its own (screening_schedules): monthly, each
 * period's report due by the end of its last day. The texts ask for 定期排查 without a frequency.
 */
export const DEFAULT_SCREENING_SCHEDULE: { periodKind: ScreeningPeriodKind; graceDays: number; source: string } = {
  periodKind: 'month',
  graceDays: 0,
  source:
    '《无锡市社会治理促进条例（草案）》第五十二条第六项“定期排查、及时化解婚姻家庭矛盾、邻里关系纠纷”；条例未定频次，本平台默认每月排查一次、当月最后一日前报送，乡镇可改为每旬或每周',
};

/** The limits of the screening and meeting forms (the phone checks them before sending; zod-free for its bundle). */
export const SCREENING_LIMITS = {
  findingsMax: 20,
  linkedMax: 50,
  noteMax: 2000,
  participantsMax: 50,
  decisionsMax: 50,
  minutesMax: 20_000,
  attachmentsMax: 9,
} as const;

/** The longest grace a township may give after a period ends (days). */
export const SCREENING_MAX_GRACE_DAYS = 15;
/** Rounds are laid out this far ahead, so a township's reminders run even while nobody opens its pages. */
export const SCREENING_ROUNDS_AHEAD_DAYS = 366;

/** One period of a schedule: its first and last day (YYYY-MM-DD, Beijing) and its name. */
export interface ScreeningPeriod {
  kind: ScreeningPeriodKind;
  start: string;
  end: string;
  /** 2026年11月 / 2026年11月下旬 / 2026年第48周. */
  label: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const utc = (day: string) => {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
};
const dayOf = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The calendar day `n` days after `day` (negative: before); the one day-adding helper of the domain. */
export function addDays(day: string, n: number): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new RangeError(`invalid date ${day}`);
  const d = utc(day);
  d.setUTCDate(d.getUTCDate() + n);
  return dayOf(d);
}

/** The day (YYYY-MM-DD) an instant falls on in Beijing time. */
export function chinaDayOf(at: Date): string {
  return dayOf(new Date(at.getTime() + 8 * 3_600_000));
}

/** 00:00 Beijing time on `day`, as an instant. */
export function chinaMidnight(day: string): Date {
  return new Date(utc(day).getTime() - 8 * 3_600_000);
}

/** ISO 8601 week: the Monday it starts on, its week-numbering year and number. */
function isoWeek(day: string): { monday: string; year: number; week: number } {
  const d = utc(day);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -weekday);
  const thursday = utc(addDays(monday, 3));
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / 86_400_000 / 7) + 1;
  return { monday, year, week };
}

/** The period of `kind` that `day` falls in. */
export function screeningPeriodOf(kind: ScreeningPeriodKind, day: string): ScreeningPeriod {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const ym = `${y}-${pad(m)}`;
  if (kind === 'month') return { kind, start: `${ym}-01`, end: `${ym}-${pad(last)}`, label: `${y}年${m}月` };
  if (kind === 'dekad') {
    const [from, to, name] = d <= 10 ? [1, 10, '上旬'] : d <= 20 ? [11, 20, '中旬'] : [21, last, '下旬'];
    return { kind, start: `${ym}-${pad(from)}`, end: `${ym}-${pad(to)}`, label: `${y}年${m}月${name}` };
  }
  const w = isoWeek(day);
  return { kind, start: w.monday, end: addDays(w.monday, 6), label: `${w.year}年第${w.week}周` };
}

/**
 * The round that starts on `day`: the period of `kind` it falls in, begun on `day` itself when that is
 * not the period's first day (a schedule changed mid-period starts with a short period, leaving no gap).
 */
export function screeningRoundFrom(kind: ScreeningPeriodKind, day: string): ScreeningPeriod {
  const p = screeningPeriodOf(kind, day);
  return { ...p, start: day > p.start ? day : p.start };
}

/** When a period's report is due: the end of its last day plus the grace days (Beijing time). */
export function screeningDueAt(end: string, graceDays: number): Date {
  return chinaMidnight(addDays(end, 1 + graceDays));
}

/** The reminder before it falls due: 80 % of the way from the period's start to the due time (the clocks' yellow). */
export function screeningWarnAt(start: string, dueAt: Date): Date {
  const from = chinaMidnight(start).getTime();
  return new Date(from + Math.floor((dueAt.getTime() - from) * 0.8));
}

/** How a grid stands for a period on the township's overview. */
export const SCREENING_STATUSES = ['reported', 'zero', 'missing'] as const;
export type ScreeningStatus = (typeof SCREENING_STATUSES)[number];
export const SCREENING_STATUS_LABELS: Record<ScreeningStatus, string> = {
  reported: '已报（有纠纷）',
  zero: '零报告',
  missing: '未报',
};

/** Risk levels a grid worker may give a dispute found in screening; 重大 needs a 稳控责任人, which the centre names. */
export const SCREENED_RISKS = ['general', 'serious'] as const;

/**
 * What a 风险研判 meeting may decide for a dispute it discussed, and which action of the dispute's own
 * life (DISPUTE_LIFE) carries it out — the meeting never writes a dispute directly:
 * - assess_risk: set the risk level, the 民转刑 flag and, for 重大, the 稳控责任人 (DISPUTE_LIFE.assess_risk);
 * - escalate: hand it to the tier above (DISPUTE_LIFE.escalate, with its own checks);
 * - watch: keep it under watch (持续关注) — recorded in the minutes only, the dispute unchanged.
 */
export const MEETING_DECISION_KINDS = ['assess_risk', 'escalate', 'watch'] as const;
export type MeetingDecisionKind = (typeof MEETING_DECISION_KINDS)[number];
export const MEETING_DECISION_ACTIONS: Record<MeetingDecisionKind, DisputeAction | null> = {
  assess_risk: 'assess_risk',
  escalate: 'escalate',
  watch: null,
};
export const MEETING_DECISION_LABELS: Record<MeetingDecisionKind, string> = {
  assess_risk: '调整风险等级 / 稳控责任人',
  escalate: '上交上级调处',
  watch: '持续关注',
};
