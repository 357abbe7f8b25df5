import {
  type CaseStage,
  type StageClock,
  type TimeLimit,
  type WorkCalendar,
  WARNING_FRACTION,
  addLimit,
  workingMsBetween,
} from '@gewu/domain';

/**
 * The clock a stage starts with: its deadline by the item's limit on the working calendar, and the
 * moment 80% of that limit has passed (the yellow light) in the limit's own kind of time.
 */
export function stageClock(stage: CaseStage, start: Date, limit: TimeLimit, cal: WorkCalendar): StageClock {
  const deadline = addLimit(start, limit, cal);
  return {
    stage,
    startedAt: start.toISOString(),
    deadline: deadline.toISOString(),
    warnAt: warnAt(start, deadline, limit.unit, cal).toISOString(),
  };
}

/** A stage clock with a deadline given outright (an approved extension, a resumed suspension). */
export function clockUntil(
  stage: CaseStage,
  start: Date,
  deadline: Date,
  unit: TimeLimit['unit'],
  cal: WorkCalendar,
): StageClock {
  return {
    stage,
    startedAt: start.toISOString(),
    deadline: deadline.toISOString(),
    warnAt: warnAt(start, deadline, unit, cal).toISOString(),
  };
}

function warnAt(start: Date, deadline: Date, unit: TimeLimit['unit'], cal: WorkCalendar): Date {
  if (unit === 'natural_days' || unit === 'natural_hours')
    return new Date(start.getTime() + WARNING_FRACTION * (deadline.getTime() - start.getTime()));
  const working = workingMsBetween(start, deadline, cal);
  return addLimit(start, { amount: (WARNING_FRACTION * working) / 3_600_000, unit: 'work_hours' }, cal);
}

/** Time left on a stage, in the limit's own kind of time (kept while a case is suspended). */
export function remainingMs(now: Date, deadline: Date, unit: TimeLimit['unit'], cal: WorkCalendar): number {
  if (deadline <= now) return 0;
  return unit === 'natural_days' || unit === 'natural_hours'
    ? deadline.getTime() - now.getTime()
    : workingMsBetween(now, deadline, cal);
}

/** The deadline after a suspension: the time that was left, counted again from now. */
export function deadlineAfter(now: Date, remaining: number, unit: TimeLimit['unit'], cal: WorkCalendar): Date {
  if (unit === 'natural_days' || unit === 'natural_hours') return new Date(now.getTime() + remaining);
  return addLimit(now, { amount: Math.max(remaining, 60_000) / 3_600_000, unit: 'work_hours' }, cal);
}
