import type { WorkCalendar } from './calendar.ts';
import { type PetitionLimits, PETITION_LIMITS, petitionClock } from './petitions.ts';
import type { PetitionClockRecord, PetitionHearing } from './petitions-events.ts';
import type { PetitionStage } from './petitions-terms.ts';

/*
 * A petition's stage clock as its events record it, computed by the statutory counting of petitions.ts
 * (民法典 arts. 201/203, hearing days left out, an extension lengthening the handling limit) and the
 * shared light rule (`warningAt`). The server writes these records; the reducer only reads them.
 */

const DAY_MS = 86_400_000;

/** The hearings held in a stage, as intervals for the counting. */
function hearingsOf(stage: PetitionStage, hearings: readonly PetitionHearing[]) {
  return hearings.filter((h) => h.stage === stage).map((h) => ({ start: new Date(h.start), end: new Date(h.end) }));
}

/** The clock of `stage` started at `start`, with the stage's hearings and (handling only) an extension. */
export function petitionClockRecord(
  stage: PetitionStage,
  start: Date,
  cal: WorkCalendar,
  opts: { limits?: PetitionLimits; hearings?: readonly PetitionHearing[]; extensionDays?: number } = {},
): PetitionClockRecord {
  const c = petitionClock(stage, start, cal, {
    limits: opts.limits ?? PETITION_LIMITS,
    hearings: hearingsOf(stage, opts.hearings ?? []),
    extensionDays: stage === 'handling' ? opts.extensionDays : undefined,
  });
  return {
    stage,
    startedAt: start.toISOString(),
    lastDay: c.lastDay,
    deadline: c.deadline.toISOString(),
    warnAt: c.warnAt.toISOString(),
    excludedDays: c.excludedDays,
  };
}

/** The local date (YYYY-MM-DD) of an instant under the calendar's offset. */
export function petitionLocalDate(at: Date, cal: WorkCalendar): string {
  return new Date(at.getTime() + cal.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/**
 * The instant a clock counted from a local date starts: now when the date is today, else 00:00 local of
 * that date (the count starts the day after either way; the yellow point is measured from here).
 */
export function petitionStartOf(date: string, now: Date, cal: WorkCalendar): Date {
  if (petitionLocalDate(now, cal) === date) return now;
  return new Date(Date.parse(`${date}T00:00:00Z`) - cal.utcOffsetMinutes * 60_000);
}

/** Whole local days from one date to another (YYYY-MM-DD), for "N days left". */
export function petitionDaysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}
