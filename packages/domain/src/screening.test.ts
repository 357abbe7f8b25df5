import { describe, expect, it } from 'vitest';
import {
  addDays,
  chinaDayOf,
  screeningDueAt,
  screeningPeriodOf,
  screeningRoundFrom,
  screeningWarnAt,
} from './screening.ts';

/*
 * Screening periods on exact dates, written out by hand from the calendar: months with 28, 29, 30 and
 * 31 days, the three 旬 of a month (the last running to its end), ISO weeks across a year's end.
 */

describe('screening periods', () => {
  it.each([
    ['month', '2026-02-14', '2026-02-01', '2026-02-28', '2026年2月'],
    ['month', '2028-02-10', '2028-02-01', '2028-02-29', '2028年2月'],
    ['month', '2026-11-30', '2026-11-01', '2026-11-30', '2026年11月'],
    ['month', '2026-12-01', '2026-12-01', '2026-12-31', '2026年12月'],
    ['dekad', '2026-11-01', '2026-11-01', '2026-11-10', '2026年11月上旬'],
    ['dekad', '2026-11-10', '2026-11-01', '2026-11-10', '2026年11月上旬'],
    ['dekad', '2026-11-11', '2026-11-11', '2026-11-20', '2026年11月中旬'],
    ['dekad', '2026-11-30', '2026-11-21', '2026-11-30', '2026年11月下旬'],
    ['dekad', '2026-12-31', '2026-12-21', '2026-12-31', '2026年12月下旬'],
    ['dekad', '2026-02-25', '2026-02-21', '2026-02-28', '2026年2月下旬'],
    // 2026-11-23 is a Monday; 2026 starts on a Thursday, so it has 53 ISO weeks.
    ['week', '2026-11-23', '2026-11-23', '2026-11-29', '2026年第48周'],
    ['week', '2026-11-29', '2026-11-23', '2026-11-29', '2026年第48周'],
    ['week', '2027-01-01', '2026-12-28', '2027-01-03', '2026年第53周'],
    ['week', '2027-01-04', '2027-01-04', '2027-01-10', '2027年第1周'],
    // 2024-12-30 (a Monday) starts week 1 of 2025.
    ['week', '2024-12-31', '2024-12-30', '2025-01-05', '2025年第1周'],
  ] as const)('%s of %s: %s – %s (%s)', (kind, day, start, end, label) => {
    expect(screeningPeriodOf(kind, day)).toEqual({ kind, start, end, label });
  });

  it('a round begun mid-period (a schedule changed) runs from that day to the period’s end', () => {
    expect(screeningRoundFrom('month', '2026-12-07')).toEqual({
      kind: 'month',
      start: '2026-12-07',
      end: '2026-12-31',
      label: '2026年12月',
    });
    expect(screeningRoundFrom('week', '2026-11-23')).toMatchObject({ start: '2026-11-23', end: '2026-11-29' });
  });

  it('a report is due at the end of the period’s last day (Beijing), plus the grace days', () => {
    expect(screeningDueAt('2026-11-30', 0).toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(screeningDueAt('2026-11-30', 3).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(screeningDueAt('2026-12-31', 0).toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('warns at 80 % of the way from the period’s start to the due time', () => {
    // 1 Nov 00:00 Beijing → 1 Dec 00:00 Beijing is 30 days; 80 % is 24 days: 25 Nov 00:00 Beijing.
    expect(screeningWarnAt('2026-11-01', screeningDueAt('2026-11-30', 0)).toISOString()).toBe(
      '2026-11-24T16:00:00.000Z',
    );
    // A week: 7 days → 5.6 days: Saturday 14:24 Beijing.
    expect(screeningWarnAt('2026-11-23', screeningDueAt('2026-11-29', 0)).toISOString()).toBe(
      '2026-11-28T06:24:00.000Z',
    );
  });

  it('counts days in Beijing time', () => {
    expect(chinaDayOf(new Date('2026-11-30T15:59:59Z'))).toBe('2026-11-30');
    expect(chinaDayOf(new Date('2026-11-30T16:00:00Z'))).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});
