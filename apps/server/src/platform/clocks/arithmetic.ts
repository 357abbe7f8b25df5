import { type TimeLimit, type WorkCalendar, addLimit, warningAt, workingMsBetween } from '@gewu/domain';

/** A running clock as an event records it: its stage, when it started, its deadline and its 80 % point. */
export interface RunningClock<S extends string = string> {
  stage: S;
  startedAt: string;
  deadline: string;
  /** 80 % of the limit, in the limit's own kind of time: the yellow light. */
  warnAt: string;
}

const isNatural = (unit: TimeLimit['unit']) => unit === 'natural_days' || unit === 'natural_hours';

/**
 * The clock a stage starts with: its deadline by the limit on the working calendar (or in natural
 * time), and the moment 80 % of that limit has passed (the yellow light) in the limit's own kind of time.
 */
export function stageClock<S extends string>(
  stage: S,
  start: Date,
  limit: TimeLimit,
  cal: WorkCalendar,
): RunningClock<S> {
  return clockUntil(stage, start, addLimit(start, limit, cal), limit.unit, cal);
}

/** A stage clock with a deadline given outright (an approved extension, a resumed suspension). */
export function clockUntil<S extends string>(
  stage: S,
  start: Date,
  deadline: Date,
  unit: TimeLimit['unit'],
  cal: WorkCalendar,
): RunningClock<S> {
  return {
    stage,
    startedAt: start.toISOString(),
    deadline: deadline.toISOString(),
    warnAt: warningAt(start, deadline, unit, cal).toISOString(),
  };
}

/** Time left on a stage, in the limit's own kind of time (kept while a clock is suspended). */
export function remainingMs(now: Date, deadline: Date, unit: TimeLimit['unit'], cal: WorkCalendar): number {
  if (deadline <= now) return 0;
  return isNatural(unit) ? deadline.getTime() - now.getTime() : workingMsBetween(now, deadline, cal);
}

/** The deadline after a suspension: the time that was left, counted again from now (at least a minute of work). */
export function deadlineAfter(now: Date, remaining: number, unit: TimeLimit['unit'], cal: WorkCalendar): Date {
  if (isNatural(unit)) return new Date(now.getTime() + remaining);
  return addLimit(now, { amount: Math.max(remaining, 60_000) / 3_600_000, unit: 'work_hours' }, cal);
}
