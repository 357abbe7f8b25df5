import type { Light } from '@gewu/domain';

/** The warning lights (绿灯/黄灯/红灯) as the screens draw them. */
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red'];

export interface Countdown {
  /** The deadline has passed. */
  overdue: boolean;
  /** Whole days, hours and minutes left (or past, when overdue). */
  days: number;
  hours: number;
  minutes: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Time left until a deadline (or past it), in wall-clock days/hours/minutes; null without a deadline. */
export function countdown(deadline: string | null | undefined, now: number): Countdown | null {
  if (!deadline) return null;
  const at = Date.parse(deadline);
  if (Number.isNaN(at)) return null;
  const diff = at - now;
  const overdue = diff < 0;
  // Whole minutes: a deadline 30 s away still shows "0 minutes left", 30 s past shows "1 minute over".
  const total = overdue ? Math.ceil(-diff / MINUTE) * MINUTE : Math.floor(diff / MINUTE) * MINUTE;
  return {
    overdue,
    days: Math.floor(total / DAY),
    hours: Math.floor((total % DAY) / HOUR),
    minutes: Math.floor((total % HOUR) / MINUTE),
  };
}

export interface DurationUnits {
  day: string;
  hour: string;
  minute: string;
  /** Put between a number and its unit, and between parts ("" in Chinese, " " in English). */
  space: string;
}

/** "2天3小时" / "3 h 20 min": the two largest non-zero parts (minutes only when under a day). */
export function formatDuration(c: Pick<Countdown, 'days' | 'hours' | 'minutes'>, u: DurationUnits): string {
  const parts: string[] = [];
  if (c.days > 0) parts.push(`${c.days}${u.space}${u.day}`);
  if (c.hours > 0) parts.push(`${c.hours}${u.space}${u.hour}`);
  if (c.days === 0 && (c.minutes > 0 || parts.length === 0)) parts.push(`${c.minutes}${u.space}${u.minute}`);
  return parts.slice(0, 2).join(u.space);
}

/** A rate (0..1) as a percentage with one decimal, or 「—」 when nothing was due. */
export function formatRate(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  const pct = Math.round(rate * 1000) / 10;
  return `${Number.isInteger(pct) ? pct.toFixed(0) : pct.toFixed(1)}%`;
}

/** The first day of this month and of the next, at local midnight (the default statistics period). */
export function monthBounds(now: Date): [Date, Date] {
  return [new Date(now.getFullYear(), now.getMonth(), 1), new Date(now.getFullYear(), now.getMonth() + 1, 1)];
}

/**
 * A period picked as two calendar days (inclusive) → the half-open interval the server counts in:
 * from the first day's midnight to the midnight after the last day, as ISO strings.
 */
export function periodOf(first: Date, last: Date): { from: string; to: string } {
  const from = new Date(first.getFullYear(), first.getMonth(), first.getDate());
  const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
  return { from: from.toISOString(), to: to.toISOString() };
}

/** The masked-phone / name line of a reporter, or null when there is nothing to show. */
export function reporterLine(name: string | null, phoneMasked: string | null): string | null {
  const parts = [name, phoneMasked].filter((p): p is string => !!p);
  return parts.length ? parts.join(' ') : null;
}
