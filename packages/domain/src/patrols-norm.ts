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

/**
 * A region's own norm (巡查履职标准): no other province's norm is given in the seeds or domain.md, so a
 * province, city or county either keeps a defined norm (DUTY_NORMS) or sets its own figures within these
 * bounds. Sources of the bounds: a week has 7 days and at least one must be on duty; 12 h of patrol a day
 * is the longest shift the 劳动法 (art. 36, 8 h a day, 44 a week — overtime art. 41 at most 3 h a day) lets
 * a 专职网格员 be held to with overtime, rounded up to a whole half day; more than 10 patrols or 10 reports
 * a day is no longer a norm but a quota (local practice, editable). Hours may be set by the half hour.
 */
export const DUTY_NORM_LIMITS = {
  daysPerWeek: { min: 1, max: 7, step: 1 },
  patrolsPerDay: { min: 1, max: 10, step: 1 },
  hoursPerDay: { min: 0.5, max: 12, step: 0.5 },
  reportsPerDay: { min: 0, max: 10, step: 1 },
} as const;
export type DutyNormFigures = Pick<DutyNorm, 'daysPerWeek' | 'patrolsPerDay' | 'hoursPerDay' | 'reportsPerDay'>;
export const DUTY_NORM_FIELDS = Object.keys(DUTY_NORM_LIMITS) as (keyof DutyNormFigures)[];

/** The id a region's own figures carry (not one of DUTY_NORMS). */
export const CUSTOM_NORM_ID = 'custom';

/** The first figure out of its bounds (or off its step), or null when the figures make a norm. */
export function dutyNormProblem(f: DutyNormFigures): keyof DutyNormFigures | null {
  for (const k of DUTY_NORM_FIELDS) {
    const { min, max, step } = DUTY_NORM_LIMITS[k];
    const v = f[k];
    if (!Number.isFinite(v) || v < min || v > max || !Number.isInteger(v / step)) return k;
  }
  return null;
}

/** The levels that may set a norm for their area (a township follows its county). */
export const DUTY_NORM_LEVELS = ['province', 'city', 'county'] as const;

/** A region's setting: a defined norm by id, or its own figures. */
export type DutyNormSetting = { regionPath: string; normId: string; name: string } & DutyNormFigures;

/** The norm a setting stands for (a defined norm's own figures when it names one, unknown ids: 7362). */
export function normOfSetting(s: DutyNormSetting): DutyNorm {
  if (s.normId !== CUSTOM_NORM_ID) return DUTY_NORMS.find((n) => n.id === s.normId) ?? NORM_7362;
  const { daysPerWeek, patrolsPerDay, hoursPerDay, reportsPerDay } = s;
  return {
    id: CUSTOM_NORM_ID,
    name: s.name,
    source: '本地区自定的巡查履职标准',
    daysPerWeek,
    patrolsPerDay,
    hoursPerDay,
    reportsPerDay,
  };
}

/**
 * The norm in force at `regionPath`: the setting of its nearest ancestor (or itself) that has one, else
 * Guangdong's 7362 (the platform's default). `setAt`: the region path whose setting applies (null: default).
 */
export function normAt(
  settings: readonly DutyNormSetting[],
  regionPath: string,
): { norm: DutyNorm; setAt: string | null } {
  let best: DutyNormSetting | null = null;
  for (const s of settings)
    if (regionPath.startsWith(s.regionPath) && (!best || s.regionPath.length > best.regionPath.length)) best = s;
  return best ? { norm: normOfSetting(best), setAt: best.regionPath } : { norm: NORM_7362, setAt: null };
}

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
