import type { WorkCalendar } from '@gewu/domain';

/*
 * The working calendar as the admin screen edits it: every row carries a stable React key, and a
 * holiday row its year (so a row whose date is not chosen yet still sits under its year's tab).
 * Pure functions, so the mapping of server error paths back onto rows is tested on its own.
 */

export interface IntervalRow {
  key: string;
  start: string;
  end: string;
}

export interface DatedRow {
  key: string;
  year: number;
  /** 'YYYY-MM-DD', or '' until chosen. */
  date: string;
  name: string;
}

export const DATED_LISTS = ['holidays', 'adjustedWorkdays'] as const;
export type DatedList = (typeof DATED_LISTS)[number];

export interface CalendarDraft {
  utcOffsetMinutes: number;
  workingHours: IntervalRow[];
  workingWeekdays: number[];
  holidays: DatedRow[];
  adjustedWorkdays: DatedRow[];
}

/** For each list sent to the server, the row key at each index (server paths name indexes). */
export interface SentRows {
  workingHours: string[];
  holidays: string[];
  adjustedWorkdays: string[];
}

let seq = 0;
function nextKey(): string {
  seq += 1;
  return `row${seq}`;
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

function byDate(a: { date: string }, b: { date: string }): number {
  if (a.date === b.date) return 0;
  if (!a.date) return 1;
  if (!b.date) return -1;
  return a.date < b.date ? -1 : 1;
}

export function newIntervalRow(start = '', end = ''): IntervalRow {
  return { key: nextKey(), start, end };
}

export function newDatedRow(year: number, date = '', name = ''): DatedRow {
  return { key: nextKey(), year: date ? yearOf(date) : year, date, name };
}

/** The server's calendar as editable rows, holidays in date order. */
export function toDraft(cal: WorkCalendar): CalendarDraft {
  const dated = (list: WorkCalendar['holidays']) =>
    [...list].sort(byDate).map((e) => newDatedRow(yearOf(e.date), e.date, e.name));
  return {
    utcOffsetMinutes: cal.utcOffsetMinutes,
    workingHours: cal.workingHours.map((i) => newIntervalRow(i.start, i.end)),
    workingWeekdays: [...cal.workingWeekdays].sort((a, b) => a - b),
    holidays: dated(cal.holidays),
    adjustedWorkdays: dated(cal.adjustedWorkdays),
  };
}

/** The calendar to PUT (dates sorted, names trimmed), and which row each sent index came from. */
export function fromDraft(draft: CalendarDraft): { calendar: WorkCalendar; sent: SentRows } {
  const holidays = [...draft.holidays].sort(byDate);
  const adjustedWorkdays = [...draft.adjustedWorkdays].sort(byDate);
  const entry = (r: DatedRow) => ({ date: r.date, name: r.name.trim() });
  return {
    calendar: {
      utcOffsetMinutes: draft.utcOffsetMinutes,
      workingHours: draft.workingHours.map((r) => ({ start: r.start.trim(), end: r.end.trim() })),
      workingWeekdays: [...draft.workingWeekdays].sort((a, b) => a - b),
      holidays: holidays.map(entry),
      adjustedWorkdays: adjustedWorkdays.map(entry),
    },
    sent: {
      workingHours: draft.workingHours.map((r) => r.key),
      holidays: holidays.map((r) => r.key),
      adjustedWorkdays: adjustedWorkdays.map((r) => r.key),
    },
  };
}

/**
 * Error messages keyed by where they show: `<rowKey>.<field>` for a cell, the list's name
 * ('workingHours', 'workingWeekdays', 'holidays', 'adjustedWorkdays') for a whole list.
 */
export type FieldErrors = Record<string, string>;

/** A row-level message goes on the row's most telling cell. */
const ROW_FIELD: Record<keyof SentRows, string> = { workingHours: 'start', holidays: 'date', adjustedWorkdays: 'date' };
const LISTS = ['workingHours', 'workingWeekdays', 'holidays', 'adjustedWorkdays'];

/**
 * Places the server's validation details ({ path: 'holidays.3.date', message }) on the rows they
 * name; `general` keeps the messages that name no row or list (shown above the form).
 */
export function errorsFromDetails(
  details: readonly { path: string; message: string }[],
  sent: SentRows,
): { fields: FieldErrors; general: string[] } {
  const fields: FieldErrors = {};
  const general: string[] = [];
  const add = (key: string, message: string) => {
    const before = fields[key];
    if (before === undefined) fields[key] = message;
    else if (!before.split('；').includes(message)) fields[key] = `${before}；${message}`;
  };
  for (const { path, message } of details) {
    const [list = '', index, field] = path.split('.').filter(Boolean);
    const rows = list in sent ? sent[list as keyof SentRows] : undefined;
    const rowKey = rows && index !== undefined && /^\d+$/.test(index) ? rows[Number(index)] : undefined;
    if (rows && rowKey) add(`${rowKey}.${field ?? ROW_FIELD[list as keyof SentRows]}`, message);
    else if (LISTS.includes(list)) add(list, message);
    else general.push(path ? `${path} ${message}` : message);
  }
  return { fields, general };
}

export type LocalProblem = 'required' | 'timeFormat' | 'wrongYear';

const TIME_RE = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Checks made before asking the server: empty cells and malformed times (the server checks the rest). */
export function localProblems(draft: CalendarDraft): Record<string, LocalProblem> {
  const problems: Record<string, LocalProblem> = {};
  for (const r of draft.workingHours) {
    for (const f of ['start', 'end'] as const) {
      const v = r[f].trim();
      if (!v) problems[`${r.key}.${f}`] = 'required';
      else if (!TIME_RE.test(v)) problems[`${r.key}.${f}`] = 'timeFormat';
    }
  }
  for (const list of DATED_LISTS) {
    for (const r of draft[list]) {
      if (!r.date) problems[`${r.key}.date`] = 'required';
      else if (yearOf(r.date) !== r.year) problems[`${r.key}.date`] = 'wrongYear';
      if (!r.name.trim()) problems[`${r.key}.name`] = 'required';
    }
  }
  return problems;
}

/** Years that have a tab: every year with a row, plus those added empty. Ascending. */
export function yearsOf(draft: CalendarDraft, extra: readonly number[] = []): number[] {
  const years = new Set<number>(extra);
  for (const list of DATED_LISTS) for (const r of draft[list]) years.add(r.year);
  return [...years].sort((a, b) => a - b);
}

export interface DayMark {
  list: DatedList;
  name: string;
}

/** date → holiday or adjusted working day, for colouring the month view. */
export function marksByDate(draft: Pick<CalendarDraft, DatedList>): Map<string, DayMark> {
  const marks = new Map<string, DayMark>();
  for (const list of DATED_LISTS)
    for (const r of draft[list]) if (r.date && !marks.has(r.date)) marks.set(r.date, { list, name: r.name });
  return marks;
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a JS day number (0 = Sunday). */
export function isoWeekday(jsDay: number): number {
  return jsDay === 0 ? 7 : jsDay;
}
