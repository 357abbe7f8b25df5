import { z } from 'zod';
import { safeString } from './text.ts';
import { holidayOverrides } from './holidays.ts';

/*
 * Working-time calendar (工作日历) and deadline arithmetic (时限计算) for case stages.
 *
 * Instants are JS Dates (UTC). Local dates and times are derived with the calendar's fixed UTC
 * offset only — never the machine's time zone — so a server in any zone computes the same
 * deadlines. China has one zone and no DST, hence a fixed offset (UTC+8 = 480 minutes).
 *
 * Internally a local date is a day number: whole days since 1970-01-01 in local time.
 */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;
/** Safety net for every day-by-day loop (ten years): a calendar with no working day must not hang. */
const MAX_SCAN_DAYS = 3660;
/** Longest limit accepted, in days; hours are capped at a year of eight-hour days. */
export const MAX_LIMIT_DAYS = 365;
export const MAX_LIMIT_HOURS = MAX_LIMIT_DAYS * 8;
/** Warning lights (预警灯): yellow from this share of the limit, red past the deadline. */
export const WARNING_FRACTION = 0.8;

const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_OF_DAY_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** True for a real calendar date written 'YYYY-MM-DD' (so 2026-02-29 is refused). */
export function isValidLocalDate(s: string): boolean {
  if (!LOCAL_DATE_RE.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && new Date(t).toISOString().slice(0, 10) === s;
}

function minutesOf(hhmm: string): number {
  return Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
}

export const localDateSchema = safeString().refine(isValidLocalDate, '日期应为有效的 YYYY-MM-DD');
/** 'HH:MM' local time; '24:00' is allowed as an interval end. */
export const timeOfDaySchema = safeString().regex(TIME_OF_DAY_RE, '时间应为 HH:MM（00:00–24:00）');

export const workingIntervalSchema = z
  .object({ start: timeOfDaySchema, end: timeOfDaySchema })
  .refine((i) => minutesOf(i.start) < minutesOf(i.end), { message: '结束时间应晚于开始时间', path: ['end'] });

const datedEntrySchema = z.object({ date: localDateSchema, name: safeString().trim().min(1).max(50) });

export const workCalendarSchema = z
  .object({
    /** Fixed offset of local time from UTC in minutes (China: 480). */
    utcOffsetMinutes: z.number().int().min(-720).max(840),
    /** Working intervals of a working day, in order (e.g. 上午 08:30–12:00, 下午 14:00–17:30). */
    workingHours: z.array(workingIntervalSchema).min(1).max(8),
    /** Normal working weekdays, ISO numbering: 1 = Monday … 7 = Sunday. */
    workingWeekdays: z.array(z.number().int().min(1).max(7)).min(1).max(7),
    /** 法定节假日: rest days even when they fall on a working weekday. */
    holidays: z.array(datedEntrySchema).max(5000),
    /** 调休上班日: working days even when they fall on a Saturday or Sunday. */
    adjustedWorkdays: z.array(datedEntrySchema).max(5000),
  })
  .superRefine((cal, ctx) => {
    cal.workingHours.forEach((interval, i) => {
      const previous = cal.workingHours[i - 1];
      if (previous && minutesOf(interval.start) < minutesOf(previous.end))
        ctx.addIssue({ code: 'custom', path: ['workingHours', i], message: '工作时段应按时间先后排列且不能重叠' });
    });
    if (new Set(cal.workingWeekdays).size !== cal.workingWeekdays.length)
      ctx.addIssue({ code: 'custom', path: ['workingWeekdays'], message: '工作日不能重复' });
    const seen = new Map<string, 'holidays' | 'adjustedWorkdays'>();
    for (const list of ['holidays', 'adjustedWorkdays'] as const) {
      cal[list].forEach((entry, i) => {
        const earlier = seen.get(entry.date);
        if (earlier === list)
          ctx.addIssue({ code: 'custom', path: [list, i, 'date'], message: `日期 ${entry.date} 重复` });
        else if (earlier)
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'date'],
            message: `${entry.date} 不能既是节假日又是调休上班日`,
          });
        else seen.set(entry.date, list);
      });
    }
  });
export type WorkCalendar = z.infer<typeof workCalendarSchema>;

/** A typical township (乡镇) schedule, Monday to Friday, with China's holiday arrangements 2025–2027. */
export function defaultWorkCalendar(): WorkCalendar {
  return {
    utcOffsetMinutes: 480,
    workingHours: [
      { start: '08:30', end: '12:00' },
      { start: '14:00', end: '17:30' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
    ...holidayOverrides(),
  };
}

export const TIME_LIMIT_UNITS = ['work_hours', 'work_days', 'natural_hours', 'natural_days'] as const;
/** 工作时 / 工作日 / 自然日. */
export const timeLimitUnitSchema = z.enum(TIME_LIMIT_UNITS);
export type TimeLimitUnit = z.infer<typeof timeLimitUnitSchema>;

/** A stage's time limit (办理时限). Hours may be fractional (0.5 h); days are whole days. */
export const timeLimitSchema = z
  .object({ amount: z.number().positive('时限应大于 0').max(10_000, '时限不能超过 10000'), unit: timeLimitUnitSchema })
  .superRefine((limit, ctx) => {
    if (limit.unit === 'work_hours' || limit.unit === 'natural_hours') {
      if (limit.amount > MAX_LIMIT_HOURS)
        ctx.addIssue({ code: 'custom', path: ['amount'], message: `工作时不能超过 ${MAX_LIMIT_HOURS} 小时` });
    } else if (!Number.isInteger(limit.amount) || limit.amount > MAX_LIMIT_DAYS) {
      ctx.addIssue({ code: 'custom', path: ['amount'], message: `天数应为 1–${MAX_LIMIT_DAYS} 的整数` });
    }
  });
export type TimeLimit = z.infer<typeof timeLimitSchema>;

/** A calendar turned into numbers: milliseconds from local midnight and sets of day numbers. */
interface CompiledCalendar {
  offsetMs: number;
  intervals: ReadonlyArray<readonly [startMs: number, endMs: number]>;
  dailyMs: number;
  /** Index 0 = Monday. */
  weekdayWorks: readonly boolean[];
  workingWeekdayCount: number;
  holidayDays: ReadonlySet<number>;
  adjustedDays: ReadonlySet<number>;
  /** Sorted day numbers where the overrides change the normal week; counted by binary search. */
  gainedDays: readonly number[];
  lostDays: readonly number[];
}

/**
 * Compiled once per calendar object: a sweep calls these functions thousands of times with the same
 * calendar. Hence a WorkCalendar is treated as immutable — edit by building a new object.
 */
const compiledCache = new WeakMap<WorkCalendar, CompiledCalendar>();

function compile(cal: WorkCalendar): CompiledCalendar {
  const cached = compiledCache.get(cal);
  if (cached) return cached;
  const valid = workCalendarSchema.parse(cal);
  const intervals = valid.workingHours.map(
    (i) => [minutesOf(i.start) * MINUTE_MS, minutesOf(i.end) * MINUTE_MS] as const,
  );
  const weekdayWorks = [1, 2, 3, 4, 5, 6, 7].map((d) => valid.workingWeekdays.includes(d));
  const holidayDays = new Set(valid.holidays.map((h) => dayOfDate(h.date)));
  const adjustedDays = new Set(valid.adjustedWorkdays.map((h) => dayOfDate(h.date)));
  const compiled: CompiledCalendar = {
    offsetMs: valid.utcOffsetMinutes * MINUTE_MS,
    intervals,
    dailyMs: intervals.reduce((sum, [s, e]) => sum + e - s, 0),
    weekdayWorks,
    workingWeekdayCount: weekdayWorks.filter(Boolean).length,
    holidayDays,
    adjustedDays,
    gainedDays: [...adjustedDays].filter((d) => !weekdayWorks[isoWeekday(d) - 1]).sort((a, b) => a - b),
    lostDays: [...holidayDays].filter((d) => weekdayWorks[isoWeekday(d) - 1]).sort((a, b) => a - b),
  };
  compiledCache.set(cal, compiled);
  return compiled;
}

function dayOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / DAY_MS;
}
/** ISO weekday of a day number: 1 = Monday … 7 = Sunday (day 0, 1970-01-01, was a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}
function localDay(t: number, c: CompiledCalendar): number {
  return Math.floor((t + c.offsetMs) / DAY_MS);
}
function dayStart(day: number, c: CompiledCalendar): number {
  return day * DAY_MS - c.offsetMs;
}
function worksOn(day: number, c: CompiledCalendar): boolean {
  if (c.holidayDays.has(day)) return false;
  return c.adjustedDays.has(day) || (c.weekdayWorks[isoWeekday(day) - 1] ?? false);
}
function timeOf(d: Date, what: string): number {
  const t = d.getTime();
  if (!Number.isFinite(t)) throw new RangeError(`${what} is an invalid Date`);
  return t;
}
function noWorkingTime(): never {
  throw new RangeError(`calendar has no working time within ${MAX_SCAN_DAYS} days`);
}

/** The local date 'YYYY-MM-DD' of an instant under the calendar's offset. */
export function localDateOf(d: Date, cal: WorkCalendar): string {
  const c = compile(cal);
  return new Date(localDay(timeOf(d, 'date'), c) * DAY_MS).toISOString().slice(0, 10);
}

/** Whether a local date is a working day: holidays rest, adjusted days work, else the normal week. */
export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  if (!isValidLocalDate(date)) throw new RangeError(`invalid date ${date}`);
  return worksOn(dayOfDate(date), compile(cal));
}

/** `d` itself when it lies inside working time, else the start of the next working interval. */
export function nextWorkingMoment(d: Date, cal: WorkCalendar): Date {
  const c = compile(cal);
  const t = timeOf(d, 'd');
  const first = localDay(t, c);
  for (let day = first; day < first + MAX_SCAN_DAYS; day++) {
    if (!worksOn(day, c)) continue;
    const base = dayStart(day, c);
    // An interval is half-open [start, end): at 12:00 sharp the morning is over.
    for (const [s, e] of c.intervals) if (t < base + e) return new Date(Math.max(t, base + s));
  }
  return noWorkingTime();
}

/**
 * The deadline of `limit` counted from `start`.
 *
 * - work_hours: only time inside working intervals of working days counts; a start outside working
 *   time begins at the next working moment. A limit that ends exactly at an interval's end is due
 *   then (16:30 + 1 h → 17:30 the same day), not at the next interval's start.
 * - work_days: the start day never counts (次日起算, whatever the hour); the deadline is the end of
 *   the last working interval of the Nth working day after the start's local date.
 * - natural_days: start + N × 24 h, ignoring the calendar; a deadline on a rest day is NOT moved.
 * - natural_hours: start + N h around the clock (urgent hazards: a gas leak at 2 a.m. does not wait for office hours).
 */
export function addLimit(start: Date, limit: TimeLimit, cal: WorkCalendar): Date {
  const parsed = timeLimitSchema.safeParse(limit);
  if (!parsed.success) throw new RangeError(`invalid time limit: ${parsed.error.issues[0]?.message ?? ''}`);
  const { amount, unit } = parsed.data;
  const t = timeOf(start, 'start');
  if (unit === 'natural_days') return new Date(t + amount * DAY_MS);
  if (unit === 'natural_hours') return new Date(t + amount * 3_600_000);
  const c = compile(cal);
  const first = localDay(t, c);
  if (unit === 'work_days') {
    let counted = 0;
    for (let day = first + 1; day < first + 1 + MAX_SCAN_DAYS; day++) {
      if (worksOn(day, c) && ++counted === amount) return new Date(dayStart(day, c) + (c.intervals.at(-1)?.[1] ?? 0));
    }
    return noWorkingTime();
  }
  let remaining = Math.round(amount * HOUR_MS);
  for (let day = first; day < first + MAX_SCAN_DAYS; day++) {
    if (!worksOn(day, c)) continue;
    const base = dayStart(day, c);
    for (const [s, e] of c.intervals) {
      const from = Math.max(t, base + s);
      const to = base + e;
      if (from >= to) continue;
      if (remaining <= to - from) return new Date(from + remaining);
      remaining -= to - from;
    }
  }
  return noWorkingTime();
}

/** Working milliseconds in [from, to) on one local day. */
function workedOnDay(day: number, from: number, to: number, c: CompiledCalendar): number {
  if (!worksOn(day, c)) return 0;
  const base = dayStart(day, c);
  let ms = 0;
  for (const [s, e] of c.intervals) ms += Math.max(0, Math.min(to, base + e) - Math.max(from, base + s));
  return ms;
}

/** How many of the sorted day numbers lie in [from, to). */
function countInRange(days: readonly number[], from: number, to: number): number {
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = days.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((days[mid] ?? 0) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return lowerBound(to) - lowerBound(from);
}

/** Working days in [from, to): whole weeks by arithmetic, overrides by binary search — no day loop. */
function workingDaysIn(from: number, to: number, c: CompiledCalendar): number {
  if (to <= from) return 0;
  const weeks = Math.floor((to - from) / 7);
  let count = weeks * c.workingWeekdayCount;
  for (let day = from + weeks * 7; day < to; day++) if (c.weekdayWorks[isoWeekday(day) - 1]) count++;
  return count + countInRange(c.gainedDays, from, to) - countInRange(c.lostDays, from, to);
}

/** Working milliseconds between two instants (0 when b ≤ a); constant work per call, whatever the span. */
export function workingMsBetween(a: Date, b: Date, cal: WorkCalendar): number {
  const ta = timeOf(a, 'a');
  const tb = timeOf(b, 'b');
  if (tb <= ta) return 0;
  const c = compile(cal);
  const da = localDay(ta, c);
  const db = localDay(tb, c);
  if (da === db) return workedOnDay(da, ta, tb, c);
  return (
    workedOnDay(da, ta, Infinity, c) + workingDaysIn(da + 1, db, c) * c.dailyMs + workedOnDay(db, -Infinity, tb, c)
  );
}

/**
 * The instant 80 % of the window from `start` to `deadline` has passed (the yellow light), measured in
 * the limit's own kind of time: wall time for natural limits, working time otherwise (so for work_days
 * the rest of the start day counts too, and a holiday week barely moves it).
 */
export function warningAt(start: Date, deadline: Date, unit: TimeLimitUnit, cal: WorkCalendar): Date {
  if (unit === 'natural_days' || unit === 'natural_hours')
    return new Date(timeOf(start, 'start') + WARNING_FRACTION * (timeOf(deadline, 'deadline') - start.getTime()));
  const working = workingMsBetween(start, deadline, cal);
  return addLimit(start, { amount: (WARNING_FRACTION * working) / HOUR_MS, unit: 'work_hours' }, cal);
}

export type WarningLight = 'green' | 'yellow' | 'red';

/**
 * The light rule (预警灯), declared once: the instant of a clock each light starts at, and whether that
 * instant itself already shows it. 绿灯 before `warnAt`; 黄灯 from `warnAt` through the deadline itself;
 * 红灯 once the deadline has passed. `lightAt` reads it in TypeScript, the server's clock engine in SQL.
 */
export const LIGHT_STARTS = {
  yellow: { at: 'warnAt', includesInstant: true },
  red: { at: 'deadline', includesInstant: false },
} as const satisfies Record<Exclude<WarningLight, 'green'>, { at: 'warnAt' | 'deadline'; includesInstant: boolean }>;

/** Whether a clock shows `light` (or a later one) at `now`. */
export function lightReached(
  light: keyof typeof LIGHT_STARTS,
  clock: { warnAt: Date; deadline: Date },
  now: Date,
): boolean {
  const { at, includesInstant } = LIGHT_STARTS[light];
  const t = timeOf(clock[at], at);
  const n = timeOf(now, 'now');
  return includesInstant ? n >= t : n > t;
}

/** The light of a running clock at `now`: green < warnAt ≤ yellow ≤ deadline < red. */
export function lightAt(clock: { warnAt: Date; deadline: Date }, now: Date): WarningLight {
  if (lightReached('red', clock, now)) return 'red';
  return lightReached('yellow', clock, now) ? 'yellow' : 'green';
}
