import { dueDayClock } from './notices.ts';
import { addDays } from './screening.ts';

/** China's one zone, UTC+8 (calendar.ts's default work calendar). */
const CHINA_OFFSET_MINUTES = 480;

/*
 * Visit plans for special populations (特殊人群走访): how often each person is visited, when the next
 * visit is due, and — once, for the list, the figures and the alerts alike — what "overdue" means.
 * Zod-free: the phone checks due dates offline with it. (Issue 17, point 4; the server module that
 * records visits is modules/visits, the plans and their clock are modules/people special.*.)
 */

/** The special-population kinds that get a visit plan (people.ts SPECIAL_KINDS). */
export const VISIT_PLAN_KINDS = [
  'community_correction',
  'released_prisoner',
  'drug_user',
  'severe_mental_disorder',
] as const;
export type VisitPlanKind = (typeof VISIT_PLAN_KINDS)[number];
export const VISIT_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type VisitRiskLevel = (typeof VISIT_RISK_LEVELS)[number];

/**
 * Default days between visits by kind and risk level. No national rule fixes them: they are the starting
 * data a county edits (local practice; e.g. high-risk 严重精神障碍 weekly, as the issue names). Higher risk
 * is never visited less often than lower risk (checked by `intervalsProblem`).
 */
export const DEFAULT_VISIT_INTERVALS: Record<VisitPlanKind, Record<VisitRiskLevel, number>> = {
  community_correction: { high: 7, medium: 15, low: 30 },
  released_prisoner: { high: 15, medium: 30, low: 90 },
  drug_user: { high: 7, medium: 15, low: 30 },
  severe_mental_disorder: { high: 7, medium: 14, low: 30 },
};

/** The bounds an edited interval must stay in (days). */
export const VISIT_INTERVAL_LIMITS = { min: 1, max: 365 } as const;

/** Why a county's edited intervals are refused, or null when they are fine. */
export function intervalsProblem(i: Record<VisitRiskLevel, number>): 'out_of_range' | 'risk_order' | null {
  const all = VISIT_RISK_LEVELS.map((r) => i[r]);
  if (all.some((d) => !Number.isInteger(d) || d < VISIT_INTERVAL_LIMITS.min || d > VISIT_INTERVAL_LIMITS.max))
    return 'out_of_range';
  return i.high <= i.medium && i.medium <= i.low ? null : 'risk_order';
}

/**
 * The level whose intervals they are: one set per county (special.intervals countyOf). Only an account of
 * a county region edits them — a township centre would change every other township's plans of the
 * county, and a city or province account has no county to write for.
 */
export const VISIT_INTERVALS_LEVEL = 'county' as const;

/**
 * A plan that follows the county's rule (its interval is the one the county had for its kind and risk)
 * takes the new interval when the county edits it; a plan given its own interval at registration keeps
 * it. The new due day counts from the last visit (or the plan's start day), as `nextVisitDue` does.
 */
export function retimedPlan(
  plan: { intervalDays: number; fromDay: string },
  before: number,
  after: number,
): { intervalDays: number; nextVisitDue: string } | null {
  if (before === after || plan.intervalDays !== before) return null;
  return { intervalDays: after, nextVisitDue: nextVisitDue(plan.fromDay, after) };
}

/** The day the next visit is due: `intervalDays` after the last visit's day (or the plan's start day). */
export function nextVisitDue(fromDay: string, intervalDays: number): string {
  return addDays(fromDay, intervalDays);
}

/**
 * THE definition of overdue: a visit due on `dueDay` is overdue once the end of that day in China time
 * (24:00 Beijing) has passed — the shared light rule's deadline, red strictly after it (calendar.ts
 * `lightAt`). The list, the figures and the alerts all read this.
 */
export function visitDeadline(dueDay: string): Date {
  return visitClock(dueDay).deadline;
}

/** Whether a visit due on `dueDay` is overdue at `now`. */
export function isVisitOverdue(dueDay: string, now: Date): boolean {
  return now.getTime() > visitDeadline(dueDay).getTime();
}

/** Days before the due day from whose start the plan shows yellow. */
export const VISIT_WARN_DAYS = 1;

/** The plan's clock for the shared light rule: yellow from the start of the day before, red once overdue. */
export function visitClock(dueDay: string): { warnAt: Date; deadline: Date } {
  return dueDayClock(dueDay, VISIT_WARN_DAYS, CHINA_OFFSET_MINUTES);
}

export type VisitTiming = { counted: 'on_time' | 'late'; reasonRequired: boolean };
export type VisitTimingProblem = 'visited_after_recorded';

/**
 * How a recorded visit counts against its due day. A visit made after the due day is late. A visit
 * recorded once the plan was overdue needs a reason and counts as late whatever day it names — it is
 * accepted, not lost, but a late record cannot make a plan on time after its alert went out.
 */
export function visitTiming(
  dueDay: string,
  visitedAt: Date,
  recordedAt: Date,
): VisitTiming | { problem: VisitTimingProblem } {
  if (visitedAt.getTime() > recordedAt.getTime()) return { problem: 'visited_after_recorded' };
  const recordedLate = isVisitOverdue(dueDay, recordedAt);
  const late = recordedLate || isVisitOverdue(dueDay, visitedAt);
  return { counted: late ? 'late' : 'on_time', reasonRequired: recordedLate };
}

/*
 * Due days count natural days: a plan due on a public holiday (国庆, 春节) or a weekend stays due that day
 * — care and control of special populations does not pause for holidays (local practice, editable by
 * changing the intervals, not the calendar). The working calendar is deliberately not read here.
 */

/** The kinds of visit (走访): a household, a business, a special-population person (moves their plan on). */
export const VISIT_KINDS = ['household', 'business', 'special_population'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

/** A county's intervals: the defaults with its edits laid over them. */
export type VisitIntervals = Record<VisitPlanKind, Record<VisitRiskLevel, number>>;

export function effectiveIntervals(
  edits: readonly { kind: VisitPlanKind; riskLevel: VisitRiskLevel; days: number }[],
): VisitIntervals {
  const out = Object.fromEntries(VISIT_PLAN_KINDS.map((k) => [k, { ...DEFAULT_VISIT_INTERVALS[k] }])) as VisitIntervals;
  for (const e of edits) out[e.kind][e.riskLevel] = e.days;
  return out;
}

/** The visit limits the phone checks offline before queueing (visits-contracts.ts builds its schemas on them). */
export const VISIT_LIMITS = { textMax: 1000, reasonMin: 4, reasonMax: 200, photosMax: 9 } as const;

/**
 * Plans due in a period, split by `isVisitOverdue` at `at`: the figures read the same rule as the list
 * and the alerts. `dueDays` holds each due day with how many plans fall on it.
 */
export function dueFigures(dueDays: readonly { day: string; n: number }[], at: Date): { due: number; overdue: number } {
  let due = 0;
  let overdue = 0;
  for (const { day, n } of dueDays) {
    due += n;
    if (isVisitOverdue(day, at)) overdue += n;
  }
  return { due, overdue };
}
