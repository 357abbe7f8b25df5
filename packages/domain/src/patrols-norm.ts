import { addDays } from './screening.ts';

/*
 * Duty norms for grid workers' patrols, as data a province may set. Zod-free (the phone shows its day).
 */

export type DutyNorm = {
  id: string;
  name: string;
  /** Where it comes from. */
  source: string;
  daysPerWeek: number;
  patrolsPerDay: number;
  hoursPerDay: number;
  reportsPerDay: number;
};

/**
 * Guangdong's "7362": on duty 7 days a week, 3 patrols a day, 6 hours on patrol a day, 2 problems
 * reported a day (广东省网格员"7362"工作法, provincial practice, editable — not national law).
 */
export const NORM_7362: DutyNorm = {
  id: 'gd-7362',
  name: '广东"7362"',
  source: '广东省网格化服务管理"7362"工作法（地方做法，可调整）',
  daysPerWeek: 7,
  patrolsPerDay: 3,
  hoursPerDay: 6,
  reportsPerDay: 2,
};

export const DUTY_NORMS: readonly DutyNorm[] = [NORM_7362];

/** A worker's day: patrols started that day (Beijing), their seconds on track, problems reported that day. */
export type DutyDay = { day: string; patrols: number; onTrackSeconds: number; reports: number };

export type DutyDayScore = DutyDay & {
  hours: number;
  patrolsMet: boolean;
  hoursMet: boolean;
  reportsMet: boolean;
  /** All three met: the day counts as a day on duty. */
  met: boolean;
};

export type DutyWeekScore = {
  normId: string;
  days: DutyDayScore[];
  daysMet: number;
  daysRequired: number;
  /** daysMet ÷ daysRequired, capped at 1. */
  share: number;
  compliant: boolean;
};

/** Scores a week's days (any missing day counts as a day with nothing) against a norm. */
export function scoreWeek(norm: DutyNorm, days: readonly DutyDay[]): DutyWeekScore {
  const scored = days.map((d) => {
    const hours = Math.floor((d.onTrackSeconds / 3600) * 100) / 100; // shown rounded down: 5.99 h is not 6
    const patrolsMet = d.patrols >= norm.patrolsPerDay;
    const hoursMet = d.onTrackSeconds >= norm.hoursPerDay * 3600;
    const reportsMet = d.reports >= norm.reportsPerDay;
    return { ...d, hours, patrolsMet, hoursMet, reportsMet, met: patrolsMet && hoursMet && reportsMet };
  });
  const daysMet = scored.filter((d) => d.met).length;
  return {
    normId: norm.id,
    days: scored,
    daysMet,
    daysRequired: norm.daysPerWeek,
    share: Math.min(1, daysMet / norm.daysPerWeek),
    compliant: daysMet >= norm.daysPerWeek,
  };
}

/** The Monday of the ISO week `day` (YYYY-MM-DD) falls in, and the week's seven days. */
export function weekOf(day: string): string[] {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const dow = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const monday = addDays(day, -dow);
  return [0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i));
}

/**
 * The weeks (Monday to Sunday) lying wholly within the days `from`..`to` (both included), each as its
 * seven days: a period's figures score whole weeks only, a week cut by the period's ends is not scored.
 */
export function weeksWithin(from: string, to: string): string[][] {
  const first = weekOf(from);
  const monday = first[0] === from ? from : addDays(first[0]!, 7);
  const weeks: string[][] = [];
  for (let m = monday; addDays(m, 6) <= to; m = addDays(m, 7)) weeks.push(weekOf(m));
  return weeks;
}

/**
 * A worker's compliance over a period: of the whole weeks within it (weeksWithin), how many meet the
 * norm (scoreWeek). `days`: the worker's days with anything on them (a missing day has nothing).
 */
export function periodCompliance(
  norm: DutyNorm,
  from: string,
  to: string,
  days: readonly DutyDay[],
): { weeks: number; weeksMet: number } {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const weeks = weeksWithin(from, to);
  const met = weeks.filter(
    (w) =>
      scoreWeek(
        norm,
        w.map((day) => byDay.get(day) ?? { day, patrols: 0, onTrackSeconds: 0, reports: 0 }),
      ).compliant,
  ).length;
  return { weeks: weeks.length, weeksMet: met };
}
